/**
 * jsdom has no TextDecoder or TextEncoder, which the package reader needs: Node's, for a pane test
 * that reads a workbook's package. Imported first, before any module that makes one at load.
 */
import { TextDecoder, TextEncoder } from "node:util";

Object.assign(globalThis, { TextDecoder, TextEncoder });
