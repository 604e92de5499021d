/**
 * The workbooks bsc builds rather than patches (the sample, a CSV export's), written by the
 * package writer (src/workbook/xlsx/newWorkbook.ts) and compressed with Node's zlib.
 */
import { csvSheetName, type CsvSheet } from "../workbook/csv";
import type { WriteNotes } from "../workbook/ooxml/escape";
import { nodeCodec } from "../workbook/package/nodeCodec";
import type { DeflatedPart } from "../workbook/package/zipWriter";
import {
  csvWorkbookApart as csvApart,
  withCsvRows as putRows,
  type CsvWorkbook,
} from "../workbook/xlsx/csvWorkbook";
import { sampleWorkbookBytes as sampleBytes } from "../workbook/xlsx/sampleWorkbook";

export const sampleWorkbookBytes = (): Promise<Uint8Array> => sampleBytes(nodeCodec.deflate);

/**
 * A CSV export's workbook, its rows deflated apart until withCsvRows puts them in their sheet;
 * `notes` is told of any field cut to the 32,767 characters a cell holds.
 */
export const csvWorkbookApart = (file: string, csv: CsvSheet, notes?: WriteNotes): Promise<CsvWorkbook> =>
  csvApart(csvSheetName(file), csv, nodeCodec, notes);

export const withCsvRows = (bytes: Uint8Array, rows: DeflatedPart): Promise<Uint8Array> =>
  putRows(bytes, rows, nodeCodec);
