/**
 * What the streaming reader is willing to read, and the ways it refuses a file. A workbook is
 * opened from an untrusted file: a ZIP bomb, a lying ZIP directory or an endless sheet must end
 * in one sentence for the user within seconds, not in a process that eats the machine's memory.
 */

const MiB = 1024 * 1024;

export interface ReadLimits {
  /** Inflated size of one worksheet part. A 200k-row, 8-column table is about 65 MiB. */
  readonly maxSheetBytes: number;
  /** Inflated size of xl/sharedStrings.xml: a million distinct 30-character strings are about 40 MiB. */
  readonly maxSharedStringsBytes: number;
  /**
   * Inflated size of every other part read: [Content_Types].xml, the workbook, relationships,
   * styles and tables. Excel caps cell formats at 64k, a few MiB of styles.xml.
   */
  readonly maxOtherPartBytes: number;
  /** Inflated bytes of all the parts read, together. */
  readonly maxTotalBytes: number;
  /**
   * Inflated size ÷ compressed size that only a bomb reaches. Real sheets compress 1:5 to 1:30
   * (1:28 for a million formatted empty rows); a run of zeros reaches 1:1030.
   */
  readonly maxCompressionRatio: number;
  /** Parts that inflate to less than this are small enough to read whatever their ratio. */
  readonly ratioCheckedAbove: number;
  /** Cells holding a value (merged cells included) across the workbook. */
  readonly maxCells: number;
  /** Entries in the ZIP directory; a workbook has tens, one with many pictures a few thousand. */
  readonly maxEntries: number;
  /**
   * Characters of a sheet's or a defined name's name. Excel's own are at most 31 and 255; a
   * longer one (LibreOffice allows them) still works up to this, beyond which every formula the
   * product writes on the sheet would pass Excel's 8,192 characters.
   */
  readonly maxNameChars: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxSheetBytes: 256 * MiB,
  maxSharedStringsBytes: 64 * MiB,
  maxOtherPartBytes: 32 * MiB,
  maxTotalBytes: 1024 * MiB,
  maxCompressionRatio: 200,
  ratioCheckedAbove: 8 * MiB,
  maxCells: 20_000_000,
  maxEntries: 10_000,
  maxNameChars: 255,
};

/** "256 MiB", "1 GiB", "300 bytes": limits as a user reads them. */
export function byteSize(bytes: number): string {
  if (bytes >= 1024 * MiB && bytes % (1024 * MiB) === 0) return `${bytes / (1024 * MiB)} GiB`;
  if (bytes >= MiB) return `${Math.round((bytes / MiB) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${bytes} bytes`;
}

/**
 * How a sentence names the program that reads the file, and what to do once the file is mended:
 * `bsc` for the command line; the task pane never names `bsc`, which its user has never heard of.
 */
export interface ReaderWords {
  /** The reader as the subject of a sentence: "bsc", "the add-in". */
  readonly app: string;
  /** What to do once the file is saved again: "run bsc again", "open it here again". */
  readonly again: string;
}

export const BSC_WORDS: ReaderWords = { app: "bsc", again: "run bsc again" };
export const PANE_WORDS: ReaderWords = { app: "the add-in", again: "open it here again" };

/** A refusal's sentence, fixed or worded for its reader. */
export type Wording = string | ((words: ReaderWords) => string);

/**
 * Every refusal of the reader: its message is one sentence the command line and the preview show
 * as they are (exit 2), naming the part at fault where there is one. The message is worded for
 * bsc; `wordedFor` words it for another reader (the task pane).
 */
export abstract class PackageReadError extends Error {
  /** The package part at fault, when the refusal is about one. */
  abstract readonly part: string | null;

  constructor(private readonly wording: Wording) {
    super(typeof wording === "string" ? wording : wording(BSC_WORDS));
  }

  /** The sentence for another reader: a fixed one names bsc only as the subject "bsc". */
  wordedFor(words: ReaderWords): string {
    return typeof this.wording === "string"
      ? this.wording.replace(/\bbsc\b/g, words.app)
      : this.wording(words);
  }
}

/** The file may be a workbook, but reading it would cost more than any real workbook does. */
export class PackageLimitError extends PackageReadError {
  override readonly name = "PackageLimitError";
  constructor(
    message: Wording,
    readonly limit: keyof ReadLimits,
    readonly part: string | null = null,
  ) {
    super(message);
  }
}

/** A ZIP or XML that is damaged, truncated or built to mislead: no reader should trust it. */
export class PackageFormatError extends PackageReadError {
  override readonly name = "PackageFormatError";
  constructor(
    message: Wording,
    readonly part: string | null = null,
  ) {
    super(message);
  }
}

/** What a file that is not an .xlsx workbook turned out to be; each has its own way out. */
export type OtherFormat = "ods" | "xls" | "encrypted" | "xlsb" | "opendocument" | "not-a-workbook" | "empty";

/** A readable file of another kind: the message says what it is and how to make an .xlsx of it. */
export class NotXlsxError extends PackageReadError {
  override readonly name = "NotXlsxError";
  readonly part = null;
  constructor(
    message: Wording,
    readonly format: OtherFormat,
  ) {
    super(message);
  }
}
