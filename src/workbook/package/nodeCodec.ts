import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { Inflate } from "../xlsx/zip";
import type { Deflate } from "./zipWriter";

/** DEFLATE in Node, for the parts the product writes and reads. */
export const nodeCodec: { inflate: Inflate; deflate: Deflate } = {
  inflate: async (data) => inflateRawSync(data),
  deflate: async (data) => deflateRawSync(data),
};
