/**
 * A ZIP package's central directory, read whole: every field a copy of an entry must keep (its
 * name's bytes as written, in UTF-8 or the old IBM code page 437, its extra fields, comment and
 * attributes) and the archive's own comment. The patcher writes untouched entries back from these,
 * so a refresh renames nothing and drops nothing of the package's own bookkeeping.
 */
import { ZipFormatError, type ZipEntry } from "../xlsx/zip";

/** An entry of the central directory, with what a faithful copy needs. */
export interface CentralEntry extends ZipEntry {
  /** The name's bytes exactly as the directory holds them. */
  readonly nameBytes: Uint8Array;
  readonly versionMadeBy: number;
  readonly versionNeeded: number;
  readonly internalAttributes: number;
  readonly externalAttributes: number;
  /** The central directory's extra field and comment for the entry, as they were. */
  readonly extra: Uint8Array;
  readonly comment: Uint8Array;
}

export interface CentralDirectory {
  readonly entries: readonly CentralEntry[];
  /** The archive's comment (end of central directory), as it was. */
  readonly comment: Uint8Array;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
/** General-purpose flag bit 11: the name (and comment) are UTF-8. */
export const UTF8_NAMES = 0x0800;

const utf8 = new TextDecoder();

/** IBM code page 437's upper half: ZIP's encoding of a name not flagged UTF-8. */
const CP437_HIGH =
  "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A name as written: UTF-8 when flagged so, and also when unflagged but valid UTF-8 (many writers
 * write UTF-8 without the flag); else code page 437, ZIP's old encoding, every byte a character.
 * Only the name's text is decided here: a copy keeps its bytes and flag whatever they are.
 */
export function entryName(bytes: Uint8Array, flags: number): string {
  if (flags & UTF8_NAMES || bytes.every((b) => b < 0x80)) return utf8.decode(bytes);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    // Not UTF-8: code page 437.
  }
  let name = "";
  for (const b of bytes) name += b < 0x80 ? String.fromCharCode(b) : CP437_HIGH[b - 0x80];
  return name;
}

/** The central directory of `zip`; ZipFormatError when it cannot be found or read. */
export function readCentralDirectory(zip: Uint8Array): CentralDirectory {
  const data = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (data.getUint32(i, true) === END_OF_CENTRAL_DIRECTORY) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError("not a ZIP package");
  const count = data.getUint16(eocd + 10, true);
  const commentLength = data.getUint16(eocd + 20, true);
  let offset = data.getUint32(eocd + 16, true);
  const entries: CentralEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > zip.length || data.getUint32(offset, true) !== CENTRAL_FILE_HEADER) {
      throw new ZipFormatError("damaged ZIP directory");
    }
    const nameLength = data.getUint16(offset + 28, true);
    const extraLength = data.getUint16(offset + 30, true);
    const entryCommentLength = data.getUint16(offset + 32, true);
    const nameStart = offset + 46;
    const extraStart = nameStart + nameLength;
    const commentStart = extraStart + extraLength;
    if (commentStart + entryCommentLength > zip.length) throw new ZipFormatError("damaged ZIP directory");
    const flags = data.getUint16(offset + 8, true);
    const nameBytes = zip.slice(nameStart, extraStart);
    entries.push({
      name: entryName(nameBytes, flags),
      nameBytes,
      versionMadeBy: data.getUint16(offset + 4, true),
      versionNeeded: data.getUint16(offset + 6, true),
      flags,
      method: data.getUint16(offset + 10, true),
      modified: { time: data.getUint16(offset + 12, true), date: data.getUint16(offset + 14, true) },
      crc32: data.getUint32(offset + 16, true),
      compressedSize: data.getUint32(offset + 20, true),
      uncompressedSize: data.getUint32(offset + 24, true),
      internalAttributes: data.getUint16(offset + 36, true),
      externalAttributes: data.getUint32(offset + 38, true),
      localHeaderOffset: data.getUint32(offset + 42, true),
      extra: zip.slice(extraStart, commentStart),
      comment: zip.slice(commentStart, commentStart + entryCommentLength),
    });
    offset = commentStart + entryCommentLength;
  }
  return { entries, comment: zip.slice(eocd + 22, Math.min(zip.length, eocd + 22 + commentLength)) };
}

/** The extra field of an entry's local header, which may differ from the central one. */
export function localExtra(zip: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > zip.length) throw new ZipFormatError(`damaged entry ${entry.name}`);
  const start = at + 30 + data.getUint16(at + 26, true);
  const end = start + data.getUint16(at + 28, true);
  if (end > zip.length) throw new ZipFormatError(`damaged entry ${entry.name}`);
  return zip.subarray(start, end);
}
