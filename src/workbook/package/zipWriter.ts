/**
 * Writes a ZIP package whose untouched entries are the source's compressed bytes, copied as they
 * are: a part the product does not change is never inflated, re-compressed or re-encoded, so it
 * cannot be altered. Only the parts the product writes are deflated. Runs in Node and in a
 * browser: compression is passed in.
 */
import { rawZipEntry, ZipFormatError, type ZipEntry } from "../xlsx/zip";
import { localExtra, type CentralEntry } from "../ooxml/zip";

/**
 * A part's bytes: one array, or pieces laid end to end. An edited sheet is its cells as they were
 * read and the edited text after them, never copied into one array (tens of megabytes for a large
 * table, held while the whole package is written).
 */
export type PartBytes = Uint8Array | readonly Uint8Array[];

/** The pieces of a part's bytes, in order. */
export const piecesOf = (data: PartBytes): readonly Uint8Array[] =>
  // Array.isArray rather than instanceof Uint8Array: bytes from another realm (a test's DOM) are bytes too.
  Array.isArray(data) ? (data as readonly Uint8Array[]) : [data as Uint8Array];

/** How many bytes a part holds. */
export const partLength = (data: PartBytes): number =>
  piecesOf(data).reduce((n, piece) => n + piece.length, 0);

/** Raw DEFLATE compression of a part's bytes, pieces and all, as one stream. */
export type Deflate = (data: PartBytes) => Promise<Uint8Array>;

/**
 * Raw DEFLATE of one piece of a part made a piece at a time, ending on a sync flush (not final):
 * such pieces laid end to end, then a final one, are one stream, as pigz writes it. Synchronous,
 * so that each piece's text is dropped before the next one is made.
 */
export type DeflatePiece = (data: Uint8Array) => Uint8Array;

/**
 * Starts compressing bytes that a part to be written will hold, as a run of it (a piece of
 * PartBytes, or any part of one), on other threads while the caller goes on: the Deflate that
 * writes the part takes that run's compression as it was made. Where compression has no other
 * thread (a browser), there is none.
 */
export type DeflateAhead = (data: Uint8Array) => void;

/** CRC-32 of `data`, continuing from the CRC of the bytes before it (`previous`, 0 for none), as zlib's crc32 does. */
export type Checksum = (data: Uint8Array, previous?: number) => number;

/**
 * A part deflated already: raw DEFLATE pieces laid end to end as one stream (every piece but the
 * last ending on a sync flush, the last one final), with the CRC-32 and length of what they
 * inflate to. A CSV export's rows are deflated as they are made (src/workbook/xlsx/csvWorkbook.ts).
 */
export interface DeflatedPart {
  readonly pieces: readonly Uint8Array[];
  readonly crc: number;
  readonly length: number;
}

/** One entry of the package to write: a copy of a source entry, new content, or content deflated already. */
export type ZipPart =
  | { readonly name: string; readonly copyOf: ZipEntry }
  | { readonly name: string; readonly content: PartBytes }
  | { readonly name: string; readonly deflated: DeflatedPart };

const LOCAL_FILE_HEADER = 0x04034b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const DEFLATED = 8;
/** ZIP 2.0: deflate, no ZIP64. */
const VERSION_NEEDED = 20;
const UTF8_NAMES = 0x0800;
const DATA_DESCRIPTOR = 0x0008;
const ENCRYPTED = 0x0001;
const MAX_32 = 0xffffffff;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array, previous = 0): number {
  let crc = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++)
    crc = (CRC_TABLE[(crc ^ (data[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A 32×32 matrix over GF(2) applied to a vector of 32 bits (zlib's gf2_matrix_times). */
function gf2Times(matrix: Uint32Array, vector: number): number {
  let sum = 0;
  for (let i = 0; vector !== 0; i++, vector >>>= 1) if (vector & 1) sum ^= matrix[i] as number;
  return sum >>> 0;
}

function gf2Square(square: Uint32Array, matrix: Uint32Array): void {
  for (let n = 0; n < 32; n++) square[n] = gf2Times(matrix, matrix[n] as number);
}

/**
 * The CRC-32 of two byte sequences laid end to end, from the CRC of each and the second's length
 * (zlib's crc32_combine): a part whose middle was deflated and checksummed long before its ends
 * were written gets its CRC without its bytes being read again.
 */
export function crc32Combine(first: number, second: number, secondLength: number): number {
  if (secondLength <= 0) return first >>> 0;
  const even = new Uint32Array(32);
  const odd = new Uint32Array(32);
  // The operator for one zero bit, then two, then four: squared once per bit of the length.
  odd[0] = 0xedb88320;
  for (let n = 1, row = 1; n < 32; n++, row <<= 1) odd[n] = row;
  gf2Square(even, odd);
  gf2Square(odd, even);
  let crc = first >>> 0;
  let length = secondLength;
  do {
    gf2Square(even, odd);
    if (length % 2) crc = gf2Times(even, crc);
    length = Math.floor(length / 2);
    if (length === 0) break;
    gf2Square(odd, even);
    if (length % 2) crc = gf2Times(odd, crc);
    length = Math.floor(length / 2);
  } while (length !== 0);
  return (crc ^ second) >>> 0;
}

interface Written {
  readonly name: Uint8Array;
  readonly versionMadeBy: number;
  readonly versionNeeded: number;
  readonly localExtra: Uint8Array;
  readonly extra: Uint8Array;
  readonly comment: Uint8Array;
  readonly internalAttributes: number;
  readonly externalAttributes: number;
  readonly flags: number;
  readonly method: number;
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly offset: number;
}

/** Today's date and time in the DOS format ZIP headers use. */
function dosNow(now: Date): { time: number; date: number } {
  return {
    time: (now.getHours() << 11) | (now.getMinutes() << 5) | Math.floor(now.getSeconds() / 2),
    date: ((Math.max(1980, now.getFullYear()) - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate(),
  };
}

/** What the writer is told besides the parts: the archive's comment, and a copied entry's CRC. */
export interface ZipWriteOptions {
  /** The source archive's comment, kept. */
  readonly comment?: Uint8Array;
  /**
   * The CRC-32 of a copied entry's inflated bytes, computed (never copied from the source, whose
   * directory may state a wrong one). Without it the source's CRC is kept.
   */
  readonly crcOfCopy?: (entry: ZipEntry) => Promise<number>;
}

const NONE = new Uint8Array();
const isCentral = (e: ZipEntry): e is CentralEntry => "nameBytes" in e;

/** A new part's header fields: deflated, named in UTF-8, dated now. */
const newEntry = (name: Uint8Array, stamp: { time: number; date: number }) => ({
  name,
  versionMadeBy: VERSION_NEEDED,
  versionNeeded: VERSION_NEEDED,
  localExtra: NONE,
  extra: NONE,
  comment: NONE,
  internalAttributes: 0,
  externalAttributes: 0,
  flags: UTF8_NAMES,
  method: DEFLATED,
  ...stamp,
});

/**
 * The package, entries in the order given. A copied entry keeps its compressed bytes, sizes, date,
 * name bytes, flags, extra fields, comment and attributes; its CRC is computed where the caller
 * can (crcOfCopy). Its local header is written afresh (sizes stated in the header rather than in a
 * trailing descriptor), which changes no byte of its content.
 */
export async function writeZip(
  source: Uint8Array,
  parts: readonly ZipPart[],
  deflate: Deflate,
  now: Date = new Date(),
  checksum: Checksum = crc32,
  options: ZipWriteOptions = {},
): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const stamp = dosNow(now);
  const chunks: Uint8Array[] = [];
  const written: Written[] = [];
  let offset = 0;
  // Every new part's compression started at once: where the platform compresses off the main
  // thread (Node's zlib), the parts compress side by side while the checksums are computed.
  const compressed = parts.map((part) => ("content" in part ? deflate(part.content) : null));
  for (const [index, part] of parts.entries()) {
    let body: readonly Uint8Array[];
    let entry: Omit<Written, "offset">;
    if ("copyOf" in part) {
      const e = part.copyOf;
      if (e.flags & ENCRYPTED) throw new ZipFormatError(`${e.name} is encrypted`);
      body = [rawZipEntry(source, e)];
      const central = isCentral(e) ? e : null;
      entry = {
        // The name as it was written, in its own encoding: a code page 437 name stays one.
        name: central?.nameBytes ?? encoder.encode(part.name),
        versionMadeBy: central?.versionMadeBy ?? VERSION_NEEDED,
        versionNeeded: Math.max(central?.versionNeeded ?? 0, VERSION_NEEDED),
        localExtra: central ? localExtra(source, e) : NONE,
        extra: central?.extra ?? NONE,
        comment: central?.comment ?? NONE,
        internalAttributes: central?.internalAttributes ?? 0,
        externalAttributes: central?.externalAttributes ?? 0,
        flags: central ? e.flags & ~DATA_DESCRIPTOR : (e.flags & ~DATA_DESCRIPTOR) | UTF8_NAMES,
        method: e.method,
        time: e.modified.time,
        date: e.modified.date,
        crc: options.crcOfCopy ? await options.crcOfCopy(e) : e.crc32,
        compressedSize: e.compressedSize,
        uncompressedSize: e.uncompressedSize,
      };
    } else if ("deflated" in part) {
      body = part.deflated.pieces;
      entry = {
        ...newEntry(encoder.encode(part.name), stamp),
        crc: part.deflated.crc,
        compressedSize: partLength(body),
        uncompressedSize: part.deflated.length,
      };
    } else {
      body = [await (compressed[index] as Promise<Uint8Array>)];
      entry = {
        ...newEntry(encoder.encode(part.name), stamp),
        crc: piecesOf(part.content).reduce((crc, piece) => checksum(piece, crc), 0),
        compressedSize: partLength(body),
        uncompressedSize: partLength(part.content),
      };
    }
    const { name } = entry;
    if (entry.compressedSize > MAX_32 || entry.uncompressedSize > MAX_32 || offset > MAX_32) {
      throw new ZipFormatError(`${part.name} is too large for a ZIP package without ZIP64`);
    }
    const header = new Uint8Array(30 + name.length + entry.localExtra.length);
    const h = new DataView(header.buffer);
    h.setUint32(0, LOCAL_FILE_HEADER, true);
    h.setUint16(4, entry.versionNeeded, true);
    h.setUint16(6, entry.flags, true);
    h.setUint16(8, entry.method, true);
    h.setUint16(10, entry.time, true);
    h.setUint16(12, entry.date, true);
    h.setUint32(14, entry.crc, true);
    h.setUint32(18, entry.compressedSize, true);
    h.setUint32(22, entry.uncompressedSize, true);
    h.setUint16(26, name.length, true);
    h.setUint16(28, entry.localExtra.length, true);
    header.set(name, 30);
    header.set(entry.localExtra, 30 + name.length);
    chunks.push(header, ...body);
    written.push({ ...entry, offset });
    offset += header.length + entry.compressedSize;
  }

  const directoryStart = offset;
  for (const w of written) {
    const record = new Uint8Array(46 + w.name.length + w.extra.length + w.comment.length);
    const c = new DataView(record.buffer);
    c.setUint32(0, CENTRAL_FILE_HEADER, true);
    c.setUint16(4, w.versionMadeBy, true);
    c.setUint16(6, w.versionNeeded, true);
    c.setUint16(8, w.flags, true);
    c.setUint16(10, w.method, true);
    c.setUint16(12, w.time, true);
    c.setUint16(14, w.date, true);
    c.setUint32(16, w.crc, true);
    c.setUint32(20, w.compressedSize, true);
    c.setUint32(24, w.uncompressedSize, true);
    c.setUint16(28, w.name.length, true);
    c.setUint16(30, w.extra.length, true);
    c.setUint16(32, w.comment.length, true);
    c.setUint16(36, w.internalAttributes, true);
    c.setUint32(38, w.externalAttributes, true);
    c.setUint32(42, w.offset, true);
    record.set(w.name, 46);
    record.set(w.extra, 46 + w.name.length);
    record.set(w.comment, 46 + w.name.length + w.extra.length);
    chunks.push(record);
    offset += record.length;
  }
  if (written.length > 0xffff) throw new ZipFormatError("too many parts for a ZIP package without ZIP64");
  const comment = options.comment ?? NONE;
  const end = new Uint8Array(22 + comment.length);
  end.set(comment, 22);
  const e = new DataView(end.buffer);
  e.setUint32(0, END_OF_CENTRAL_DIRECTORY, true);
  e.setUint16(8, written.length, true);
  e.setUint16(10, written.length, true);
  e.setUint32(12, offset - directoryStart, true);
  e.setUint32(16, directoryStart, true);
  e.setUint16(20, comment.length, true);
  chunks.push(end);

  const out = new Uint8Array(offset + end.length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
