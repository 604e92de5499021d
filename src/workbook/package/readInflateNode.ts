import { constants, inflateRawSync } from "node:zlib";
import { InflateLimitError, type BoundedInflate } from "./read/inflate";

/** zlib's output pieces where the ZIP states no size: a 35 MB sheet is 35 pieces to join, not 2,000. */
const UNSIZED_CHUNK = 1024 * 1024;

/**
 * zlib stops as soon as its output passes maxOutputLength, so a bomb costs at most maxBytes of
 * memory and the time to produce them. Synchronous: one part at a time is what the reader needs,
 * and the synchronous call avoids a round trip through the thread pool for every chunk.
 *
 * The output is one buffer of the size the ZIP states (one byte more, so that zlib sees the end of
 * the stream without asking for a second buffer): the pieces of a 1 MiB chunking were joined into
 * a copy, and the freed pieces stayed in the process's memory (a 53 MB sheet held 30 MB more at
 * the refresh's peak), while a part of a few hundred bytes held a whole mebibyte.
 */
export const nodeBoundedInflate: BoundedInflate = async (data, maxBytes, sizeHint) => {
  if (maxBytes < 1) throw new InflateLimitError(maxBytes);
  const stated = sizeHint !== undefined && sizeHint >= 0 && sizeHint <= maxBytes ? sizeHint + 1 : null;
  try {
    const out = inflateRawSync(data, {
      maxOutputLength: maxBytes,
      chunkSize: stated === null ? UNSIZED_CHUNK : Math.max(constants.Z_MIN_CHUNK, stated),
    });
    // A stated size far above the truth (a ZIP may say anything) leaves the bytes in a buffer much
    // larger than they are: they are copied out rather than holding it.
    return out.buffer.byteLength > 2 * out.length + constants.Z_MIN_CHUNK ? new Uint8Array(out) : out;
  } catch (e) {
    if ((e as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE") throw new InflateLimitError(maxBytes);
    throw e;
  }
};
