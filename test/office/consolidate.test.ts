import { consolidateInto, readGroupWorkbook, readUnit, type UnitReading } from "../../src/app/consolidate";
import type { OfficeWorkbook } from "../../src/workbook/office/officeWorkbook";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { book, sheet } from "../helpers/book";
import { FakeExcel } from "./fakeExcel";

/**
 * Consolidating the units' workbooks into a group's workbook open in Excel (the pane's Add units'
 * workbooks…): the units are read in the pane, the group's workbook through Office.js in a number
 * of round trips that does not grow with the units, and a failure at any operation of the write
 * leaves the user's sheets as they were, the next consolidation repairing the product's.
 */

const NOW = new Date("2026-03-05T00:00:00Z");
const PRODUCT_SHEETS = ["Scorecard", "BSC Definition", "Dashboard", "Scorecard History"];

/** A unit's workbook as the pane reads it. */
async function unitReading(name: string, actual: number): Promise<UnitReading> {
  const rows = [
    ["Period", "Perspective", "Objective", "KPI", "Actual", "Target"],
    ["2026-01", "Financial", "Grow", "Revenue", actual - 10, 100],
    ["2026-02", "Financial", "Grow", "Revenue", actual, 100],
    ["2026-02", "Customer", "Delight", "NPS", 30, 40],
  ];
  return readUnit({ name, file: `${name}.xlsx` }, new MemoryWorkbook(book(sheet("Data", rows))));
}

const readingsOf = (count: number) =>
  Promise.all(Array.from({ length: count }, (_, i) => unitReading(`unit ${i + 1}`, 90 + i)));

function groupWorkbook(): FakeExcel {
  const fake = new FakeExcel();
  fake.addSheet("KPI map", [
    ["Unit", "Unit's KPI name", "Group KPI name"],
    ["unit 2", "Sales", "Revenue"],
  ]);
  fake.addSheet("Notes", [["Group total", "=Scorecard!B3"]]);
  fake.addName("MyNotes", "Notes", "$A$1");
  return fake;
}

async function consolidateUnits(port: OfficeWorkbook, readings: readonly UnitReading[]) {
  const group = await readGroupWorkbook(port);
  if ("code" in group) throw new Error(group.message);
  const outcome = await consolidateInto(port, group, readings, {
    remember: readings.map((r) => r.unit),
    now: NOW,
  });
  if (!outcome.ok) throw new Error(outcome.fatal.message);
  return outcome;
}

/** The product's sheets as written (cells and styles), to compare a repaired workbook with a clean one. */
const productState = (fake: FakeExcel) =>
  fake.sheets
    .filter((s) => PRODUCT_SHEETS.includes(s.name))
    .map((s) => ({ name: s.name, visibility: s.visibility, cells: [...s.cells.entries()].sort() }));

describe("consolidating into a group's workbook in Excel", () => {
  it("writes the group's scorecard in as many round trips for 12 units as for 3", async () => {
    const syncsFor = async (units: number) => {
      const fake = groupWorkbook();
      const readings = await readingsOf(units);
      const before = fake.syncs;
      await consolidateUnits(fake.port(), readings);
      return fake.syncs - before;
    };
    const [few, many] = [await syncsFor(3), await syncsFor(12)];
    expect(many).toBe(few);
    expect(few).toBeLessThan(12);
  });

  it("names each unit's cells and keeps the group's own sheets", async () => {
    const fake = groupWorkbook();
    await consolidateUnits(fake.port(), await readingsOf(2));
    const texts = [...fake.sheet("Scorecard").cells.values()].map((c) => c.value);
    expect(texts).toEqual(expect.arrayContaining(["Source cells", "[unit 1.xlsx]Data!E3", "unit 2.xlsx"]));
    expect(fake.value("KPI map", "B2")).toBe("Sales");
    expect(fake.value("Notes", "B1")).toBe("FORMULA =Scorecard!B3");
  });

  it("leaves the user's sheets as they were after a failure at any operation, and the next consolidation repairs the rest", async () => {
    const readings = await readingsOf(2);
    const clean = groupWorkbook();
    await consolidateUnits(clean.port(), readings);
    const expected = productState(clean);
    const probe = groupWorkbook();
    const start = probe.operationsQueued;
    await consolidateUnits(probe.port(), readings);
    const operations = probe.operationsQueued - start;
    expect(operations).toBeGreaterThan(5);
    for (let n = 0; n < operations; n++) {
      const fake = groupWorkbook();
      const user = fake.userState(PRODUCT_SHEETS);
      fake.failAtOperation = fake.operationsQueued + n;
      await expect(consolidateUnits(fake.port(), readings)).rejects.toThrow();
      expect({ n, user: fake.userState(PRODUCT_SHEETS) }).toEqual({ n, user });
      fake.failAtOperation = null;
      await consolidateUnits(fake.port(), readings);
      expect({ n, repaired: productState(fake) }).toEqual({ n, repaired: expected });
    }
    // A failure at each of several hundred operations, each consolidated twice: 7 s on a quiet
    // machine, past jest's 60 s on two cores shared at a load of 25. A ceiling, not a speed check.
  }, 300_000);
});
