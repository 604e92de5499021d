import { inflateRawSync } from "node:zlib";
import { InflateLimitError, type BoundedInflate } from "./read/inflate";

/**
 * zlib stops as soon as its output passes maxOutputLength, so a bomb costs at most maxBytes of
 * memory and the time to produce them. Synchronous: one part at a time is what the reader needs,
 * and the synchronous call avoids a round trip through the thread pool for every chunk.
 */
export const nodeBoundedInflate: BoundedInflate = async (data, maxBytes) => {
  if (maxBytes < 1) throw new InflateLimitError(maxBytes);
  try {
    // Output in mebibyte chunks, not zlib's 16 KiB: a 35 MB sheet is 35 pieces to join, not 2,000.
    return inflateRawSync(data, { maxOutputLength: maxBytes, chunkSize: 1024 * 1024 });
  } catch (e) {
    if ((e as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE") throw new InflateLimitError(maxBytes);
    throw e;
  }
};
