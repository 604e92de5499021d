/**
 * Just enough of the ZIP format to list an .xlsx file's parts and read a few of them, without
 * loading the whole package a second time. Runs in Node and in the browser: decompression is
 * passed in (zlib in Node, DecompressionStream in a browser).
 */
// A cycle, but only at call time: ooxml/zip.ts uses this module's ZipFormatError when it runs.
import { readCentralDirectory } from "../ooxml/zip";

export class ZipFormatError extends Error {
  override readonly name = "ZipFormatError";
}

/** Raw DEFLATE decompression. */
export type Inflate = (data: Uint8Array) => Promise<Uint8Array>;

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly localHeaderOffset: number;
  /** From the central directory: what a copy of the entry's compressed bytes needs to be written again. */
  readonly crc32: number;
  readonly uncompressedSize: number;
  /** General-purpose flags (bit 0: encrypted; bit 3: sizes in a data descriptor). */
  readonly flags: number;
  /** DOS date and time of the entry, kept as they were. */
  readonly modified: { readonly time: number; readonly date: number };
}

const LOCAL_FILE_HEADER = 0x04034b50;
const utf8 = new TextDecoder();

const view = (zip: Uint8Array) => new DataView(zip.buffer, zip.byteOffset, zip.byteLength);

/** The package's entries, from its central directory (read by src/workbook/ooxml/zip.ts). */
export function listZipEntries(zip: Uint8Array): ZipEntry[] {
  return [...readCentralDirectory(zip).entries];
}

/** The entry's bytes as stored: compressed, exactly as they are in the file. */
export function rawZipEntry(zip: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = view(zip);
  const at = entry.localHeaderOffset;
  if (at + 30 > zip.length || data.getUint32(at, true) !== LOCAL_FILE_HEADER) {
    throw new ZipFormatError(`damaged entry ${entry.name}`);
  }
  const start = at + 30 + data.getUint16(at + 26, true) + data.getUint16(at + 28, true);
  if (start + entry.compressedSize > zip.length) throw new ZipFormatError(`damaged entry ${entry.name}`);
  return zip.subarray(start, start + entry.compressedSize);
}

export async function readZipEntry(zip: Uint8Array, entry: ZipEntry, inflate: Inflate): Promise<Uint8Array> {
  const body = rawZipEntry(zip, entry);
  if (entry.method === 0) return body;
  if (entry.method === 8) return inflate(body);
  throw new ZipFormatError(`unsupported compression in ${entry.name}`);
}

export const zipText = async (zip: Uint8Array, entry: ZipEntry, inflate: Inflate): Promise<string> =>
  utf8.decode(await readZipEntry(zip, entry, inflate));
