import { runScorecard } from "../../src/app/scorecard";
import { columnWidthPoints } from "../../src/workbook/office/layout";
import { packagePort } from "../helpers/package";
import { loadWorkbook, workbookBytes } from "../helpers/xlsx";
import { FakeExcel } from "./fakeExcel";
import { HEADER, refresh, scorecardBook } from "./books";

describe("reading a workbook through Office.js", () => {
  it("reads sheets, tables and names in a fixed number of round trips", async () => {
    const fake = scorecardBook(3);
    fake.addSheet("Notes", [["NPS", 41]]);
    fake.addName("NpsActual", "Notes", "$B$1");
    const snapshot = await fake.port().readSnapshot();
    expect(fake.syncs).toBe(3);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(["Data", "Notes"]);
    expect(snapshot.sheets[0]!.tables).toEqual([
      {
        name: "Kpis",
        box: { top: 1, left: 1, bottom: 4, right: 6 },
        hasHeaderRow: true,
        hasTotalsRow: false,
      },
    ]);
    expect(snapshot.sheets[0]!.values[1]).toEqual(["Financial", "Objective 0", "KPI 0", null, 100, "lower"]);
    expect(snapshot.names).toEqual([
      { name: "NpsActual", sheet: "Notes", box: { top: 1, left: 2, bottom: 1, right: 2 } },
    ]);
  });

  it("reads error values as errors and date-formatted numbers as dates", async () => {
    const fake = new FakeExcel();
    const sheet = fake.addSheet("S", [["#N/A", 46023]]);
    sheet.cells.get("0,1")!.format = "mmm yyyy";
    const [s] = (await fake.port().readSnapshot()).sheets;
    expect(s!.values[0]).toEqual([{ error: "#N/A" }, { date: 46023 }]);
  });
});

describe("applying a write plan through Office.js", () => {
  it("writes the summary, the very hidden definition, the marker names and the traffic lights", async () => {
    const fake = scorecardBook(12);
    await refresh(fake);
    expect(fake.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Data", "Visible"],
      ["Scorecard", "Visible"],
      ["BSC Definition", "VeryHidden"],
      ["Dashboard", "Visible"],
    ]);
    expect(fake.value("Scorecard", "A1")).toBe("Balanced Scorecard");
    // The overall score is a formula over the perspectives' rows: Excel calculates it.
    expect(fake.value("Scorecard", "B3")).toMatch(/^FORMULA =IF\(.*ISNUMBER\(F10\)/);
    expect(fake.sheet("Scorecard").activated).toBe(true);
    expect(fake.names.map((n) => [n.name, n.target.name])).toEqual([
      ["_bsc_summary", "Scorecard"],
      ["_bsc_definition", "BSC Definition"],
      ["_bsc_dashboard", "Dashboard"],
    ]);
    const rules = fake.sheet("Data").rules;
    expect(rules).toHaveLength(3);
    expect(rules.every((r) => r.address === "D2:D13" && r.formula.includes("bsc-traffic-light"))).toBe(true);
    expect(rules.map((r) => r.fill)).toEqual(["#C6EFCE", "#FFEB9C", "#FFC7CE"]);
  });

  it("turns events off while it writes, and back on after", async () => {
    const fake = scorecardBook(5);
    await refresh(fake);
    expect(fake.writesWithEventsOn).toBe(0);
    expect(fake.enableEvents).toBe(true);
  });

  it("writes text as text: a KPI named like a formula, and a period that looks like a date", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Data", [
      ["Period", ...HEADER],
      ["2026-06", "F", "O", '\'=HYPERLINK("http://x.invalid","click")', 1, 1, null],
    ]);
    await refresh(fake);
    const texts = [...fake.sheet("Scorecard").cells.values()].map((c) => c.value);
    expect(texts).toContain('=HYPERLINK("http://x.invalid","click")');
    expect(texts).toContain("2026-06");
    // Only the product's own formulas are formulas: none holds the user's text.
    const formulas = texts.filter((v) => String(v).startsWith("FORMULA"));
    expect(formulas.length).toBeGreaterThan(0);
    expect(formulas.some((v) => String(v).includes("HYPERLINK"))).toBe(false);
  });

  it("replaces its own output on the next refresh and keeps the user's rules and sheets", async () => {
    const fake = scorecardBook(8);
    fake.addSheet("Notes", [["mine"]]);
    await refresh(fake);
    // A rule of the user's that mentions the product's marker text is still the user's.
    fake.sheet("Data").rules.push({
      type: "Custom",
      address: "A2:A9",
      formula: '$A2="bsc-traffic-light"',
      fill: "#000000",
      color: "#FFFFFF",
    });
    fake.sheet("Data").rules.push({
      type: "Custom",
      address: "E2:E9",
      formula: "$E2>100",
      fill: "#000000",
      color: "#FFFFFF",
    });
    fake.sheet("Data").cells.set("1,3", { value: 200, type: "Double", format: "General" });
    await refresh(fake);
    expect(fake.sheets.map((s) => s.name)).toEqual([
      "Data",
      "Notes",
      "Scorecard",
      "BSC Definition",
      "Dashboard",
    ]);
    expect(fake.sheet("Data").rules.map((r) => r.address)).toEqual([
      "A2:A9",
      "E2:E9",
      "D2:D9",
      "D2:D9",
      "D2:D9",
    ]);
    expect(fake.value("Notes", "A1")).toBe("mine");
    expect(fake.value("Data", "D2")).toBe(200);
  });

  it("never writes over a user's sheet that shares the summary's name", async () => {
    const fake = scorecardBook(4);
    fake.addSheet("Scorecard", [["my notes"]]);
    await refresh(fake);
    expect(fake.value("Scorecard", "A1")).toBe("my notes");
    expect(fake.value("Scorecard (2)", "A1")).toBe("Balanced Scorecard");
  });

  it("leaves the old output in place when a refresh fails half-way, and no half-built sheet", async () => {
    const fake = scorecardBook(6);
    await refresh(fake);
    const before = [...fake.sheet("Scorecard").cells.entries()];
    fake.sheet("Data").cells.set("1,3", { value: 5, type: "Double", format: "General" });
    fake.failAtSync = fake.syncs + 5; // the read takes 3, the plan's preparation 1: fail while building
    await expect(refresh(fake)).rejects.toThrow("simulated");
    expect(fake.sheets.map((s) => s.name)).toEqual(["Data", "Scorecard", "BSC Definition", "Dashboard"]);
    expect([...fake.sheet("Scorecard").cells.entries()]).toEqual(before);
  });
});

describe("the same look in both hosts", () => {
  it("converts a column width in characters to Excel's pixels and points (ECMA-376 18.3.1.13)", () => {
    // Excel's default column, stored in files as 9.140625, is 64 pixels: 48 points.
    expect(columnWidthPoints(9.140625)).toBe(48);
    expect(columnWidthPoints(12)).toBe(63); // 84 pixels
    expect(columnWidthPoints(44)).toBe(231); // 308 pixels
  });

  it("gives the Scorecard sheet the widths through Office.js that the .xlsx path writes", async () => {
    const rows = [HEADER, ["Financial", "Grow", "Revenue", 90, 100, "higher"]];
    const port = await packagePort(await workbookBytes([{ name: "Data", rows, table: "Kpis" }]));
    await runScorecard(port, { now: new Date("2026-07-01T00:00:00Z") }, true);
    const file = (await loadWorkbook(Buffer.from(await port.toBytes()))).getWorksheet("Scorecard")!;
    const fromFile = new Map<number, number>();
    for (let c = 1; c <= file.columnCount; c++) fromFile.set(c, columnWidthPoints(file.getColumn(c).width!));

    const fake = new FakeExcel();
    fake.addSheet("Data", rows);
    fake.tables.push({ name: "Kpis", sheet: "Data", address: "A1:F2" });
    await refresh(fake);
    expect(new Map([...fake.sheet("Scorecard").columnWidths].sort((a, b) => a[0] - b[0]))).toEqual(fromFile);
  });
});
