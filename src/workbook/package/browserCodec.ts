import type { Inflate } from "../xlsx/zip";
import { MAX_EDITED_PART_BYTES } from "./openPackage";
import { browserBoundedInflate } from "./readInflateBrowser";
import { piecesOf, type Deflate } from "./zipWriter";

/** Raw DEFLATE with the browser's own CompressionStream, for the parts the preview writes. */
const browserDeflate: Deflate = async (data) => {
  const blob = new Blob(piecesOf(data).map((piece) => piece as BlobPart));
  const stream = blob.stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
};

export const browserCodec: { inflate: Inflate; deflate: Deflate } = {
  // Bounded as the reader is: a part the product edits cannot inflate without end.
  inflate: (data) => browserBoundedInflate(data, MAX_EDITED_PART_BYTES),
  deflate: browserDeflate,
};
