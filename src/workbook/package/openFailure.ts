/**
 * Why a file could not be opened, in one sentence that says what to do: the one place these
 * sentences are written, used by `bsc` and by the task pane's preview. Each is worded for its
 * reader (ReaderWords): the pane never names `bsc`.
 */
import { ZipFormatError } from "../xlsx/zip";
import { XmlSyntaxError } from "../ooxml/xmlScanner";
import {
  BSC_WORDS,
  byteSize,
  PackageFormatError,
  PackageReadError,
  PANE_WORDS,
  type ReaderWords,
} from "./read/limits";
import { PackageXmlError } from "./xmlText";

export { BSC_WORDS, PANE_WORDS, type ReaderWords } from "./read/limits";

/**
 * The largest file either reader opens. Node reads no larger file at once (2 GiB), and the reader's
 * limits (1 GiB inflated in all) end any real workbook far below it.
 */
export const MAX_WORKBOOK_FILE_BYTES = 2 ** 31 - 1;

/** The sentences of the refusals a user can act on, each a function of the reader's words. */
export const OPEN_FAILURES = {
  empty: () =>
    "This file is empty (0 bytes): there is nothing in it to read; copy, download or save it again.",
  encrypted: (w: ReaderWords) =>
    `This workbook is protected by a password to open, which ${w.app} cannot read: open it in Excel, remove the password under File > Info > Protect Workbook, save, and ${w.again}.`,
  xls: (w: ReaderWords) =>
    `This is an Excel 97-2003 workbook (.xls), which ${w.app} does not read: open it in Excel or LibreOffice, save it as an Excel Workbook (.xlsx), and ${w.again}.`,
  ods: (w: ReaderWords) =>
    `This is an OpenDocument spreadsheet (.ods), which ${w.app} does not read: open it in LibreOffice Calc or Excel, save it as an Excel Workbook (.xlsx), and ${w.again}.`,
  xlsb: (w: ReaderWords) =>
    `This is an Excel binary workbook (.xlsb), which ${w.app} does not read: open it in Excel, save it as an Excel Workbook (.xlsx), and ${w.again}.`,
  otherOpenDocument: (kind: string) => (w: ReaderWords) =>
    `This is an OpenDocument file (${kind}), not a spreadsheet ${w.app} can read; an Excel Workbook (.xlsx) is what it needs.`,
  notAZip: () =>
    "This file is not an .xlsx workbook (an .xlsx is a ZIP package and this is not one); if Excel opens it, save it from Excel as .xlsx.",
  cutShort: () =>
    "This file is cut short: its ZIP directory is missing, so it is not a complete workbook; copy or download it again.",
  damagedEntry: (part: string) => (w: ReaderWords) =>
    `This file is damaged: ${part} does not inflate (its compressed data is broken or cut); copy or download it again, or open it in Excel and save it, and ${w.again}.`,
  tooLarge: (bytes: number) => (w: ReaderWords) =>
    `This file is ${byteSize(bytes)}, more than the ${byteSize(MAX_WORKBOOK_FILE_BYTES + 1)} a workbook ${w.app} opens may be (the file size limit).`,
} as const;

/** A file too large to open, refused before it is read; null when its size is within the limit. */
export function fileSizeRefusal(bytes: number): PackageFormatError | null {
  return bytes > MAX_WORKBOOK_FILE_BYTES ? new PackageFormatError(OPEN_FAILURES.tooLarge(bytes)) : null;
}

/**
 * An empty file, refused before it is read, whatever its kind: a workbook or a CSV export of 0 bytes
 * is the same mistake (a copy or download cut off) and gets the same sentence; null when it has bytes.
 */
export function emptyFileRefusal(bytes: number): PackageFormatError | null {
  return bytes === 0 ? new PackageFormatError(OPEN_FAILURES.empty()) : null;
}

/**
 * Whether a failure is the file's (damaged, another format, over a limit, markup the product
 * cannot edit) rather than a fault of the program's own.
 */
export const isFileFailure = (e: unknown): boolean =>
  e instanceof PackageReadError ||
  e instanceof PackageXmlError ||
  e instanceof ZipFormatError ||
  e instanceof XmlSyntaxError;

/** The reason alone, for the reader's words: "this workbook is protected by a password…". */
export function openFailureReason(e: unknown, words: ReaderWords): string {
  const sentence =
    e instanceof PackageReadError
      ? e.wordedFor(words)
      : e instanceof ZipFormatError
        ? `This file is not a complete ZIP package (${e.message}); copy or download it again.`
        : e instanceof PackageXmlError || e instanceof XmlSyntaxError
          ? `This file's markup is damaged (${e.message}); open it in Excel, save it, and ${words.again}.`
          : "This is not an .xlsx or .xlsm workbook, or it is damaged.";
  return sentence.replace(/^This /, "this ").replace(/^The /, "the ");
}

/**
 * The sentence a user reads when `file` cannot be opened: "Cannot read book.xlsx: …" for bsc,
 * "book.xlsx could not be opened: …" for the task pane.
 */
export function openFailureSentence(e: unknown, file: string, reader: "bsc" | "pane"): string {
  return reader === "bsc"
    ? `Cannot read ${file}: ${openFailureReason(e, BSC_WORDS)}`
    : `${file} could not be opened: ${openFailureReason(e, PANE_WORDS)}`;
}
