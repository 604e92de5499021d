import { listZipEntries, ZipFormatError } from "../../xlsx/zip";
import type { BoundedInflate } from "./inflate";
import { InflateLimitError } from "./inflate";
import { OPEN_FAILURES } from "../openFailure";
import { byteSize, NotXlsxError, PackageFormatError, PackageLimitError, type ReadLimits } from "./limits";

/**
 * The parts of a ZIP package, checked before any of them is inflated: a directory that points
 * outside the file or makes entries share bytes (the "overlapping" ZIP bomb) is refused up front,
 * and every part is inflated under the tightest of the limits that apply to it.
 */

/** Which size limit a part answers to. */
export type PartKind = "sheet" | "sharedStrings" | "other";

interface LocatedEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  /** Where its local header begins. */
  readonly header: number;
  readonly start: number;
  readonly end: number;
  /** From the local header; null when the sizes follow the data (flag bit 3). */
  readonly declaredSize: number | null;
  /** What it inflates to by the local header, else by the directory: the inflate's hint, never a bound. */
  readonly statedSize: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const FLAG_ENCRYPTED = 1;
const FLAG_DATA_DESCRIPTOR = 8;
const METHOD_STORED = 0;
const METHOD_DEFLATED = 8;

const REFUSE = "this is not a workbook bsc will open";
const LYING_DIRECTORY =
  "The ZIP directory of this file points outside the file; it is damaged or was built to mislead, and bsc will not open it.";

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean =>
  signature.every((b, i) => bytes[i] === b);

/** Where `needle` first starts in bytes[from, …), or -1. */
export function indexOfBytes(bytes: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0] as number;
  for (
    let i = bytes.indexOf(first, from);
    i >= 0 && i + needle.length <= bytes.length;
    i = bytes.indexOf(first, i + 1)
  ) {
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

const contains = (bytes: Uint8Array, needle: Uint8Array): boolean => indexOfBytes(bytes, needle) >= 0;

const utf16le = (s: string): Uint8Array => {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) out[i * 2] = s.charCodeAt(i);
  return out;
};

/**
 * An OLE2 compound file is either an .xls or an .xlsx encrypted with a password to open: Excel
 * stores the encrypted package in a stream of that name.
 */
function refuseCompoundFile(bytes: Uint8Array): never {
  if (contains(bytes, utf16le("EncryptedPackage"))) {
    throw new NotXlsxError(OPEN_FAILURES.encrypted, "encrypted");
  }
  throw new NotXlsxError(OPEN_FAILURES.xls, "xls");
}

function findEndOfDirectory(zip: Uint8Array, data: DataView): number {
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (data.getUint32(i, true) === END_OF_CENTRAL_DIRECTORY) return i;
  }
  if (startsWith(zip, ZIP_SIGNATURE)) throw new PackageFormatError(OPEN_FAILURES.cutShort());
  throw new NotXlsxError(OPEN_FAILURES.notAZip(), "not-a-workbook");
}

export class PackageParts {
  private inflatedSoFar = 0;

  private constructor(
    private readonly zip: Uint8Array,
    private readonly byName: ReadonlyMap<string, LocatedEntry>,
    private readonly byLowerName: ReadonlyMap<string, LocatedEntry>,
    private readonly inflate: BoundedInflate,
    private readonly limits: ReadLimits,
    private readonly onRead?: (part: string, bytes: Uint8Array) => void,
  ) {}

  /** Checks the file's kind and its ZIP directory; inflates nothing but an .ods's mimetype. */
  static async open(
    zip: Uint8Array,
    inflate: BoundedInflate,
    limits: ReadLimits,
    /** Told of each part read, by its name in the package, with its inflated bytes. */
    onRead?: (part: string, bytes: Uint8Array) => void,
  ): Promise<PackageParts> {
    if (zip.length === 0) throw new NotXlsxError(OPEN_FAILURES.empty(), "empty");
    if (startsWith(zip, OLE2_SIGNATURE)) refuseCompoundFile(zip);
    const data = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const eocd = findEndOfDirectory(zip, data);
    const count = data.getUint16(eocd + 10, true);
    const directorySize = data.getUint32(eocd + 12, true);
    const directoryOffset = data.getUint32(eocd + 16, true);
    if (count === 0xffff || directoryOffset === 0xffffffff || directorySize === 0xffffffff) {
      throw new PackageFormatError(
        "This file is a ZIP64 package, a format only packages beyond 4 GiB need; bsc will not open it.",
      );
    }
    if (data.getUint16(eocd + 4, true) !== 0 || data.getUint16(eocd + 8, true) !== count) {
      throw new PackageFormatError("This file is one piece of a split ZIP archive, not a workbook.");
    }
    if (count > limits.maxEntries) {
      throw new PackageLimitError(
        `This file holds ${count} ZIP entries, more than the ${limits.maxEntries} bsc accepts; ${REFUSE}.`,
        "maxEntries",
      );
    }
    if (directoryOffset + directorySize > eocd) throw new PackageFormatError(LYING_DIRECTORY);

    let listed;
    try {
      listed = listZipEntries(zip);
    } catch (e) {
      if (e instanceof ZipFormatError) throw new PackageFormatError(LYING_DIRECTORY);
      throw e;
    }

    const located: LocatedEntry[] = [];
    for (const entry of listed) {
      const at = entry.localHeaderOffset;
      if (at + 30 > directoryOffset || data.getUint32(at, true) !== LOCAL_FILE_HEADER) {
        throw new PackageFormatError(LYING_DIRECTORY);
      }
      const flags = data.getUint16(at + 6, true);
      const start = at + 30 + data.getUint16(at + 26, true) + data.getUint16(at + 28, true);
      const end = start + entry.compressedSize;
      if (end > directoryOffset) throw new PackageFormatError(LYING_DIRECTORY);
      const declaredSize = flags & FLAG_DATA_DESCRIPTOR ? null : data.getUint32(at + 22, true);
      located.push({
        name: entry.name.startsWith("/") ? entry.name.slice(1) : entry.name,
        method: entry.method,
        flags,
        header: at,
        start,
        end,
        declaredSize,
        statedSize: declaredSize ?? entry.uncompressedSize,
      });
    }

    // Entries laid end to end, as every writer does; entries sharing bytes are a bomb's trick.
    const inFileOrder = [...located].sort((a, b) => a.header - b.header);
    for (let i = 1; i < inFileOrder.length; i++) {
      const previous = inFileOrder[i - 1] as LocatedEntry;
      const entry = inFileOrder[i] as LocatedEntry;
      if (entry.header < previous.end) {
        throw new PackageFormatError(
          "Entries of this file's ZIP directory share their bytes, which is how ZIP bombs are built; bsc will not open it.",
        );
      }
    }

    const byName = new Map<string, LocatedEntry>();
    const byLowerName = new Map<string, LocatedEntry>();
    for (const entry of located) {
      if (byName.has(entry.name)) {
        throw new PackageFormatError(
          `This file holds two parts named ${entry.name}; it is damaged or was built to mislead, and bsc will not open it.`,
        );
      }
      byName.set(entry.name, entry);
      if (!byLowerName.has(entry.name.toLowerCase())) byLowerName.set(entry.name.toLowerCase(), entry);
    }

    const parts = new PackageParts(zip, byName, byLowerName, inflate, limits, onRead);
    await parts.refuseOpenDocument();
    return parts;
  }

  /** Part names are case-insensitive in a package; the exact spelling wins when both exist. */
  private entry(name: string): LocatedEntry | undefined {
    return this.byName.get(name) ?? this.byLowerName.get(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.entry(name) !== undefined;
  }

  /** The part's inflated bytes, or null when the package has no such part. */
  async read(name: string, kind: PartKind): Promise<Uint8Array | null> {
    const entry = this.entry(name);
    if (!entry) return null;
    const { limits } = this;
    const [limit, limitName] =
      kind === "sheet"
        ? ([limits.maxSheetBytes, "maxSheetBytes"] as const)
        : kind === "sharedStrings"
          ? ([limits.maxSharedStringsBytes, "maxSharedStringsBytes"] as const)
          : ([limits.maxOtherPartBytes, "maxOtherPartBytes"] as const);
    const tooBig = () =>
      new PackageLimitError(
        `${entry.name} inflates beyond ${byteSize(limit)}; ${REFUSE}.`,
        limitName,
        entry.name,
      );
    const tooMuchInAll = () =>
      new PackageLimitError(
        `The parts bsc reads inflate beyond ${byteSize(limits.maxTotalBytes)} in all (${entry.name} passed it); ${REFUSE}.`,
        "maxTotalBytes",
        entry.name,
      );

    if (entry.flags & FLAG_ENCRYPTED) {
      throw new PackageFormatError(
        `${entry.name} is encrypted inside the ZIP, which no workbook is; bsc will not open this file.`,
        entry.name,
      );
    }
    if (entry.declaredSize !== null && entry.declaredSize > limit) throw tooBig();
    const body = this.zip.subarray(entry.start, entry.end);
    const remaining = limits.maxTotalBytes - this.inflatedSoFar;

    let bytes: Uint8Array;
    if (entry.method === METHOD_STORED) {
      if (body.length > limit) throw tooBig();
      if (body.length > remaining) throw tooMuchInAll();
      bytes = body;
    } else if (entry.method === METHOD_DEFLATED) {
      const ratioCap = Math.max(limits.ratioCheckedAbove, body.length * limits.maxCompressionRatio);
      const cap = Math.min(limit, remaining, ratioCap);
      try {
        bytes = await this.inflate(body, cap, entry.statedSize);
        if (bytes.length > cap) throw new InflateLimitError(cap);
      } catch (e) {
        if (!(e instanceof InflateLimitError)) {
          throw new PackageFormatError(OPEN_FAILURES.damagedEntry(entry.name), entry.name);
        }
        if (cap === limit) throw tooBig();
        if (cap === remaining) throw tooMuchInAll();
        throw new PackageLimitError(
          `${entry.name} inflates to more than ${limits.maxCompressionRatio} times its compressed size, which only a ZIP bomb does; ${REFUSE}.`,
          "maxCompressionRatio",
          entry.name,
        );
      }
    } else {
      throw new PackageFormatError(
        `${entry.name} is compressed with ZIP method ${entry.method}, which bsc cannot read; save the workbook again from Excel.`,
        entry.name,
      );
    }
    this.inflatedSoFar += bytes.length;
    this.onRead?.(entry.name, bytes);
    return bytes;
  }

  /** An OpenDocument package names its kind in a first, stored entry called mimetype. */
  private async refuseOpenDocument(): Promise<void> {
    const mimetype = this.byName.get("mimetype");
    if (!mimetype) return;
    const bytes = await this.read("mimetype", "other");
    const type = new TextDecoder().decode(bytes ?? new Uint8Array()).trim();
    if (type === "application/vnd.oasis.opendocument.spreadsheet") {
      throw new NotXlsxError(OPEN_FAILURES.ods, "ods");
    }
    if (type.startsWith("application/vnd.oasis.opendocument.")) {
      throw new NotXlsxError(
        OPEN_FAILURES.otherOpenDocument(type.slice("application/vnd.oasis.opendocument.".length)),
        "opendocument",
      );
    }
  }
}
