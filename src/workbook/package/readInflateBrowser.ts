import { InflateLimitError, type BoundedInflate } from "./read/inflate";

/**
 * The compressed bytes go in slices this small so that one slice of a bomb (at most about 1:1030)
 * cannot inflate to much more than the limit before the output is counted.
 */
const SLICE = 16 * 1024;

/**
 * Raw DEFLATE with the browser's DecompressionStream, counted chunk by chunk and cancelled as soon
 * as the output passes maxBytes: the preview must not hang a tab on a bomb.
 */
export const browserBoundedInflate: BoundedInflate = async (data, maxBytes) => {
  if (maxBytes < 1) throw new InflateLimitError(maxBytes);
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let stopped = false;
  // Writes wait for the reader to drain (backpressure), so they run beside the reading loop.
  const feeding = (async () => {
    for (let at = 0; at < data.length && !stopped; at += SLICE) {
      await writer.write(data.subarray(at, at + SLICE) as BufferSource);
    }
    if (!stopped) await writer.close();
  })();
  // Its failure also fails the reading loop; it is awaited there, and must not count as unhandled.
  feeding.catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) throw new InflateLimitError(maxBytes);
      chunks.push(value);
    }
    await feeding;
  } catch (e) {
    stopped = true;
    await Promise.allSettled([reader.cancel(), writer.abort(), feeding]);
    throw e;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
};
