/**
 * The same cells read through every adapter: Excel through Office.js (the fake Excel), an .xlsx
 * file through the package reader, and the memory workbook the tests use. Each cell must come
 * back the same, value and number format, and the model must read the same number or period
 * from it: one rule (src/model/numberFormat.ts) decides what a number format makes a date.
 */
import { cellAt, formatAt, type CellValue, type WorkbookSnapshot } from "../../src/model/snapshot";
import { readNumber, readPeriod } from "../../src/model/values";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { nodeCodec } from "../../src/workbook/package/nodeCodec";
import { nodeBoundedInflate } from "../../src/workbook/package/readInflateNode";
import { readPackageSnapshot } from "../../src/workbook/package/readSnapshot";
import { newWorkbookBytes } from "../../src/workbook/xlsx/newWorkbook";
import { book, sheet } from "../helpers/book";
import { FakeExcel } from "../office/fakeExcel";

/** A cell as a person types it: a value and a number format; and what every reader must make of it. */
interface Case {
  readonly typed: string | number | boolean;
  readonly format: string | null;
  readonly read: CellValue;
}

const CASES: readonly Case[] = [
  // Times of day and durations are numbers.
  { typed: 0.5, format: "h:mm", read: 0.5 },
  { typed: 0.5, format: "h:mm AM/PM", read: 0.5 },
  { typed: 1.25, format: "[h]:mm:ss", read: 1.25 },
  { typed: 0.0034, format: "mm:ss", read: 0.0034 },
  { typed: 0.0034, format: "[mm]:ss", read: 0.0034 },
  // Letters that are no format code make no date.
  { typed: 95, format: "0.0\\d", read: 95 },
  { typed: 12, format: '0.0 "days"', read: 12 },
  { typed: 3, format: "[Red]0;[Blue]-0", read: 3 },
  // Calendar dates are dates.
  { typed: 46023, format: "mmm yyyy", read: { date: 46023 } },
  { typed: 46023.5, format: "m/d/yy h:mm", read: { date: 46023.5 } },
  { typed: 46054, format: "[$-F800]dddd, mmmm dd, yyyy", read: { date: 46054 } },
  { typed: 46023, format: "dd\\/mm\\/yyyy", read: { date: 46023 } },
  // Numbers, text and booleans as they are.
  { typed: 0.42, format: "0%", read: 0.42 },
  { typed: 1234.5, format: "#,##0.00", read: 1234.5 },
  { typed: 7, format: null, read: 7 },
  { typed: "95%", format: null, read: "95%" },
  { typed: "1,234.5", format: null, read: "1,234.5" },
  { typed: "Revenue", format: null, read: "Revenue" },
  { typed: true, format: null, read: true },
];

/** Row r + 1 of column A holds case r. */
const at = (index: number) => ({ row: index + 1, col: 1 });

async function throughOfficeJs(): Promise<WorkbookSnapshot> {
  const fake = new FakeExcel();
  const data = fake.addSheet(
    "Data",
    CASES.map((c) => [c.typed]),
  );
  // Excel keeps the number format on the cell; the fake keys its cells "row,col" from 0.
  CASES.forEach((c, i) => {
    const cell = data.cells.get(`${i},0`);
    if (!cell) throw new Error(`the fake has no cell for case ${i}`);
    if (c.format) cell.format = c.format;
  });
  return fake.port().readSnapshot();
}

async function throughPackage(): Promise<WorkbookSnapshot> {
  const bytes = await newWorkbookBytes(
    [
      {
        name: "Data",
        cells: CASES.map((c, i) => ({
          ...at(i),
          value: c.typed,
          ...(c.format ? { numberFormat: c.format } : {}),
        })),
      },
    ],
    nodeCodec.deflate,
  );
  return readPackageSnapshot(bytes, nodeBoundedInflate);
}

/** The memory workbook holds a snapshot as a test writes it: what a reader must make of each cell. */
async function throughMemory(): Promise<WorkbookSnapshot> {
  const memory = new MemoryWorkbook(
    book(
      sheet(
        "Data",
        CASES.map((c) => [c.read]),
        { formats: CASES.map((c) => [c.format]) },
      ),
    ),
  );
  return memory.readSnapshot();
}

describe("every adapter reads a cell the same", () => {
  let snapshots: [string, WorkbookSnapshot][];
  beforeAll(async () => {
    snapshots = [
      ["Office.js", await throughOfficeJs()],
      ["package", await throughPackage()],
      ["memory", await throughMemory()],
    ];
  });

  it.each(CASES.map((c, i) => [c.typed, c.format ?? "General", i] as const))(
    "%p in %s, cell by cell",
    (_typed, _format, i) => {
      const c = CASES[i] as Case;
      const { row, col } = at(i);
      for (const [adapter, snapshot] of snapshots) {
        const data = snapshot.sheets.find((s) => s.name === "Data");
        const seen = {
          adapter,
          value: data ? cellAt(data, row, col) : "no sheet",
          format: data ? formatAt(data, row, col) : "no sheet",
        };
        expect(seen).toEqual({ adapter, value: c.read, format: c.format });
        // And so the model reads the same number, or the same period, whichever adapter it came from.
        expect({
          adapter,
          number: readNumber(seen.value as CellValue),
          period: readPeriod(seen.value as CellValue),
        }).toEqual({
          adapter,
          number: readNumber(c.read),
          period: readPeriod(c.read),
        });
      }
    },
  );

  it("reads times and durations as numbers and dates as periods", () => {
    expect(readNumber(0.0034)).toEqual({ kind: "number", value: 0.0034 });
    expect(readPeriod({ date: 46023 })).toMatchObject({ year: 2026 });
    expect(CASES.filter((c) => typeof c.read === "object").map((c) => c.format)).toEqual([
      "mmm yyyy",
      "m/d/yy h:mm",
      "[$-F800]dddd, mmmm dd, yyyy",
      "dd\\/mm\\/yyyy",
    ]);
  });
});
