/**
 * Raw DEFLATE that stops at a size given by the caller. An unbounded inflate lets a 50 KiB entry
 * become 50 MiB of zeros, or a 1 MiB entry a gigabyte: the bound is what makes a bomb cheap to refuse.
 *
 * `sizeHint`: what the ZIP says the part inflates to. An inflate may size its output to it, so that
 * a 50 MB sheet is one buffer rather than fifty pieces joined into a second copy; the hint is never
 * trusted as a bound (a ZIP may state any size), and a wrong one changes nothing but the buffering.
 */
export type BoundedInflate = (data: Uint8Array, maxBytes: number, sizeHint?: number) => Promise<Uint8Array>;

/** What a BoundedInflate rejects with when the output would pass maxBytes; any other error is damage. */
export class InflateLimitError extends Error {
  override readonly name = "InflateLimitError";
  constructor(readonly maxBytes: number) {
    super(`inflated data exceeds ${maxBytes} bytes`);
  }
}
