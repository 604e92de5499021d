import { inflateRawSync } from "node:zlib";
import type { Inflate } from "./zip";

export const nodeInflate: Inflate = async (data) => inflateRawSync(data);
