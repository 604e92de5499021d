/**
 * The workbooks bsc builds rather than patches (the sample, a CSV export's), written by the
 * package writer (src/workbook/xlsx/newWorkbook.ts) and compressed with Node's zlib.
 */
import { csvSheetName, type CsvSheet } from "../workbook/csv";
import { nodeCodec } from "../workbook/package/nodeCodec";
import { csvWorkbookBytes as csvBytes } from "../workbook/xlsx/csvWorkbook";
import { sampleWorkbookBytes as sampleBytes } from "../workbook/xlsx/sampleWorkbook";

export const sampleWorkbookBytes = (): Promise<Uint8Array> => sampleBytes(nodeCodec.deflate);

export const csvWorkbookBytes = (file: string, csv: CsvSheet): Promise<Uint8Array> =>
  csvBytes(csvSheetName(file), csv, nodeCodec.deflate);
