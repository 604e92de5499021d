import ExcelJS from "exceljs";
import type { CellValue } from "../../src/model/snapshot";

/** An .xlsx file's bytes with one sheet of literal rows, as a table when `table` is named. */
export async function workbookBytes(
  sheets: readonly { name: string; rows: readonly (readonly unknown[])[]; table?: string }[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    if (s.table) {
      ws.addTable({
        name: s.table,
        ref: "A1",
        headerRow: true,
        columns: (s.rows[0] as string[]).map((name) => ({ name })),
        rows: s.rows.slice(1).map((r) => [...r]),
      });
    } else s.rows.forEach((r) => ws.addRow([...r]));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Every value of a sheet, as [address, value] pairs: to show the user's data is unchanged. */
export function sheetValues(ws: ExcelJS.Worksheet): [string, unknown][] {
  const out: [string, unknown][] = [];
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      out.push([cell.address, JSON.parse(JSON.stringify(cell.value)) as CellValue]);
    }),
  );
  return out;
}
