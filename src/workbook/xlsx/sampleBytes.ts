import { browserCodec } from "../package/browserCodec";
import { sampleWorkbookBytes as sampleBytesWith } from "./sampleWorkbook";

/** The sample workbook as an .xlsx file's bytes, compressed by the browser (the pane's preview). */
export const sampleWorkbookBytes = (): Promise<Uint8Array> => sampleBytesWith(browserCodec.deflate);
