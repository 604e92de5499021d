/**
 * Just enough of the ZIP format to list an .xlsx file's parts and read a few of them, without
 * loading the whole package a second time. Runs in Node and in the browser: decompression is
 * passed in (zlib in Node, DecompressionStream in a browser).
 */
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

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const utf8 = new TextDecoder();

const view = (zip: Uint8Array) => new DataView(zip.buffer, zip.byteOffset, zip.byteLength);

export function listZipEntries(zip: Uint8Array): ZipEntry[] {
  const data = view(zip);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (data.getUint32(i, true) === END_OF_CENTRAL_DIRECTORY) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError("not a ZIP package");
  const count = data.getUint16(eocd + 10, true);
  let offset = data.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > zip.length || data.getUint32(offset, true) !== CENTRAL_FILE_HEADER) {
      throw new ZipFormatError("damaged ZIP directory");
    }
    const nameLength = data.getUint16(offset + 28, true);
    const extraLength = data.getUint16(offset + 30, true);
    const commentLength = data.getUint16(offset + 32, true);
    entries.push({
      flags: data.getUint16(offset + 8, true),
      method: data.getUint16(offset + 10, true),
      modified: { time: data.getUint16(offset + 12, true), date: data.getUint16(offset + 14, true) },
      crc32: data.getUint32(offset + 16, true),
      uncompressedSize: data.getUint32(offset + 24, true),
      compressedSize: data.getUint32(offset + 20, true),
      localHeaderOffset: data.getUint32(offset + 42, true),
      name: utf8.decode(zip.subarray(offset + 46, offset + 46 + nameLength)),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
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
