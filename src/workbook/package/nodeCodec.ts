import { availableParallelism } from "node:os";
import { promisify } from "node:util";
import { constants, crc32, deflateRaw, deflateRawSync } from "node:zlib";
import type { Inflate } from "../xlsx/zip";
import { MAX_EDITED_PART_BYTES } from "./openPackage";
import { nodeBoundedInflate } from "./readInflateNode";
import {
  partLength,
  piecesOf,
  type Checksum,
  type Deflate,
  type DeflateAhead,
  type DeflatePiece,
  type PartBytes,
} from "./zipWriter";

export interface NodeCodec {
  readonly inflate: Inflate;
  readonly deflate: Deflate;
  readonly crc32: Checksum;
  /** One piece of a longer part, deflated as it is made (see DeflatePiece). */
  readonly deflatePiece: DeflatePiece;
  /** Bytes a part to be written will hold, compressed from now on (see DeflateAhead). */
  readonly deflateAhead: DeflateAhead;
}

const deflateRawAsync = promisify(deflateRaw);

/** A run of bytes whose compression started before the write: where it lies in its buffer, and its deflate. */
interface DeflatedAhead {
  readonly start: number;
  readonly end: number;
  readonly deflated: Promise<Uint8Array>;
}

/**
 * The runs deflated ahead, by the memory they lie in: a write that finds one of them, whole, inside
 * a piece of its part takes its deflate rather than compressing those bytes again. Held weakly: a
 * buffer let go takes its runs with it.
 */
const deflatedAhead = new WeakMap<ArrayBufferLike, DeflatedAhead[]>();

/** A cut not final: it ends on a sync flush, so that more of the stream may follow it. */
const deflateCut = (cut: Uint8Array, level: number, last: boolean): Promise<Uint8Array> =>
  deflateRawAsync(cut, { level, finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });

/**
 * Starts compressing `bytes` on zlib's threads, in cuts of `pieceBytes`, for a write to come
 * (deflateInPieces): a sheet's cells as they were read, or as a product sheet's rows were written,
 * compress on the other core while the main thread goes on with the plan.
 */
export function deflateAheadInPieces(bytes: Uint8Array, level: number, pieceBytes: number): void {
  const runs = deflatedAhead.get(bytes.buffer) ?? [];
  for (let at = 0; at < bytes.length; at += pieceBytes) {
    const cut = bytes.subarray(at, at + pieceBytes);
    const start = bytes.byteOffset + at;
    const deflated = deflateCut(cut, level, false);
    // A run no write takes (its sheet left unchanged after all) must not fail the process unheard.
    deflated.catch(() => undefined);
    runs.push({ start, end: start + cut.length, deflated });
  }
  deflatedAhead.set(bytes.buffer, runs);
}

/** A piece's cuts: fresh bytes (at most `pieceBytes` each) or a run deflated ahead, in order. */
function cutsOf(piece: Uint8Array, pieceBytes: number): (Uint8Array | DeflatedAhead)[] {
  const from = piece.byteOffset;
  const to = from + piece.length;
  const runs = (deflatedAhead.get(piece.buffer) ?? [])
    .filter((run) => run.start >= from && run.end <= to)
    .sort((a, b) => a.start - b.start);
  const cuts: (Uint8Array | DeflatedAhead)[] = [];
  const fresh = (start: number, end: number) => {
    for (let at = start; at < end; at += pieceBytes)
      cuts.push(piece.subarray(at - from, Math.min(at + pieceBytes, end) - from));
  };
  let at = from;
  for (const run of runs) {
    if (run.start < at) continue;
    fresh(at, run.start);
    cuts.push(run);
    at = run.end;
  }
  fresh(at, to);
  return cuts;
}

/**
 * Raw DEFLATE of a large part in pieces compressed side by side on zlib's threads, then laid end
 * to end: every piece but the last ends with a sync flush (an empty stored block, on a byte
 * boundary, not final), so together they are one valid stream, as pigz writes it. Each piece
 * starts without the previous one's window, which costs a fraction of a percent in size. A part
 * given in pieces of its own is cut within each of them, none copied to join another; a run of
 * its bytes deflated ahead (deflateAheadInPieces) is taken as it was compressed.
 */
export async function deflateInPieces(
  data: PartBytes,
  level: number,
  pieceBytes: number,
): Promise<Uint8Array> {
  const cuts = piecesOf(data).flatMap((piece) => cutsOf(piece, pieceBytes));
  // The stream ends on a final block: an empty one after a run deflated ahead, which ends on a sync flush.
  const last = cuts[cuts.length - 1];
  if (last === undefined || !(last instanceof Uint8Array)) cuts.push(new Uint8Array());
  const pieces = cuts.map((cut, i) =>
    cut instanceof Uint8Array ? deflateCut(cut, level, i === cuts.length - 1) : cut.deflated,
  );
  return Buffer.concat(await Promise.all(pieces));
}

/** A 35 MB sheet in two or more pieces, as many as there are cores (up to four). */
const pieceBytesFor = (length: number): number =>
  Math.max(8 * 1024 * 1024, Math.ceil(length / Math.min(4, availableParallelism())));

/** DEFLATE in Node for the parts the product edits and writes, no part inflating past `maxPartBytes`. */
export const nodeCodecWithin = (maxPartBytes: number): NodeCodec => ({
  inflate: async (data) => nodeBoundedInflate(data, maxPartBytes),
  // Level 3: a 35 MB sheet deflates in 0.2 s instead of 0.5 s, 13 % larger; only the parts the
  // product writes are compressed at all.
  deflate: (data) => deflateInPieces(data, 3, pieceBytesFor(partLength(data))),
  crc32: (data, previous) => crc32(data, previous),
  deflatePiece: (data) => deflateRawSync(data, { level: 3, finishFlush: constants.Z_SYNC_FLUSH }),
  deflateAhead: (data) => deflateAheadInPieces(data, 3, pieceBytesFor(data.length)),
});

/** Bounded as the reader is: a part the product edits cannot inflate without end. */
export const nodeCodec: NodeCodec = nodeCodecWithin(MAX_EDITED_PART_BYTES);
