/**
 * The workbooks bsc builds rather than patches (the sample, a CSV export's), written by the
 * package writer (src/workbook/xlsx/newWorkbook.ts) and compressed with Node's zlib.
 */
import { csvSheetName, type CsvSheet } from "../workbook/csv";
import type { WriteNotes } from "../workbook/ooxml/escape";
import { nodeCodec } from "../workbook/package/nodeCodec";
import { csvWorkbookBytes as csvBytes } from "../workbook/xlsx/csvWorkbook";
import { sampleWorkbookBytes as sampleBytes } from "../workbook/xlsx/sampleWorkbook";

export const sampleWorkbookBytes = (): Promise<Uint8Array> => sampleBytes(nodeCodec.deflate);

/** `notes` is told of any field cut to the 32,767 characters a cell holds. */
export const csvWorkbookBytes = (file: string, csv: CsvSheet, notes?: WriteNotes): Promise<Uint8Array> =>
  csvBytes(csvSheetName(file), csv, nodeCodec.deflate, notes);
