import { browserInflate } from "../xlsx/browserInflate";
import type { Inflate } from "../xlsx/zip";
import type { Deflate } from "./zipWriter";

/** Raw DEFLATE with the browser's own CompressionStream, for the parts the preview writes. */
const browserDeflate: Deflate = async (data) => {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
};

export const browserCodec: { inflate: Inflate; deflate: Deflate } = {
  inflate: browserInflate,
  deflate: browserDeflate,
};
