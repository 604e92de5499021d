import { buildSampleWorkbook } from "./sampleWorkbook";
import { workbookBytes } from "./workbookBytes";

/** The sample workbook as an .xlsx file's bytes (built with ExcelJS, which only this needs). */
export const sampleWorkbookBytes = (): Promise<Uint8Array> => workbookBytes(buildSampleWorkbook());
