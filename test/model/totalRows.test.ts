import { readScorecard } from "../../src/model/read";
import type { CellValue } from "../../src/model/snapshot";
import { book, score, sheet } from "../helpers/book";

/** The words of a total every layout knows, from the one list in headers.ts. */
const TOTALS = [
  "Grand total",
  "Subtotal",
  "Sous-total",
  "Jumlah",
  "Gesamt",
  "Total general",
  "Totale",
  "Summe",
];

const names = (rows: readonly (readonly CellValue[])[]) =>
  score(book(sheet("Data", rows))).model.kpis.map((k) => k.name);

const totalNotes = (rows: readonly (readonly CellValue[])[]) => {
  const reading = readScorecard(book(sheet("Data", rows)), null, new Set());
  if (!reading.ok) throw new Error(reading.fatal.message);
  return reading.model.issues
    .filter((i) => i.code === "total-row" || i.code === "entity-total")
    .map((i) => i.cell);
};

describe("total rows, in every layout", () => {
  it.each(TOTALS)("leaves %p out of a long table", (label) => {
    expect(
      names([
        ["Perspective", "KPI", "Actual", "Target"],
        ["Finance", "Sales", 10, 12],
        ["Finance", "Fees", 5, 4],
        ["Finance", label, 15, 16],
      ]),
    ).toEqual(["Sales", "Fees"]);
  });

  it.each(TOTALS)("leaves %p out of a table of actual and budget columns", (label) => {
    expect(
      names([
        ["Item", "Budget", "Actual"],
        ["Sales", 12, 10],
        ["Fees", 4, 5],
        [label, 16, 15],
      ]),
    ).toEqual(["Sales", "Fees"]);
  });

  it.each(TOTALS)("reads a period cell %p as a total row, not a period", (label) => {
    expect(
      totalNotes([
        ["Month", "Sales", "Sales Target"],
        ["2024-01", 10, 12],
        ["2024-02", 5, 4],
        [label, 15, 16],
      ]),
    ).toEqual(["Data!A4"]);
  });

  it.each(TOTALS)("reads an entity %p as the units' total", (label) => {
    expect(
      totalNotes([
        ["Region", "KPI", "Actual", "Target"],
        ["North", "Sales", 10, 12],
        ["South", "Sales", 5, 4],
        [label, "Sales", 15, 16],
      ]),
    ).toEqual(["Data!A4"]);
  });

  it.each(["Somme", "Soma", "Suma"])("keeps the unit %p, a place's name as well as a sum's", (place) => {
    expect(
      totalNotes([
        ["Région", "KPI", "Actual", "Target"],
        ["Aisne", "Sales", 10, 12],
        [place, "Sales", 5, 4],
      ]),
    ).toEqual([]);
  });
});

describe("a total of a group named in other words", () => {
  /** An Indonesian household budget's dashboard: headings in Indonesian, its totals in English. */
  const dashboard = (totalIncome: number): CellValue[][] => [
    ["Figures in Rupiah", "Budget", "Actual"],
    ["Penghasilan:", null, null],
    ["Gaji Pokok", 3000000, 3000000],
    ["Bonus", 300000, 458000],
    ["Side Hustle", 200000, 184000],
    ["Total Income", 3500000, totalIncome],
    ["Pengeluaran", null, null],
    ["Belanja Harian", 400000, 449000],
    ["Hiburan", 100000, 562000],
    ["Total Expenses", 500000, 1011000],
    ["Savings", 3000000, 2631000],
  ];

  it("leaves out a 'Total …' row whose actual is the sum of the rows above it in its section", () => {
    expect(names(dashboard(3642000))).toEqual([
      "Gaji Pokok",
      "Bonus",
      "Side Hustle",
      "Belanja Harian",
      "Hiburan",
      "Savings",
    ]);
  });

  it("keeps a 'Total …' row that is not the sum of the rows above (a KPI of its own, 'Total revenue')", () => {
    expect(names(dashboard(4000000))).toContain("Total Income");
  });
});
