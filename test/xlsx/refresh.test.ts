import { nodeCodec } from "../../src/workbook/package/nodeCodec";
import { runScorecard } from "../../src/app/scorecard";
import { DEFINITION_MARKER_NAME, SUMMARY_MARKER_NAME } from "../../src/model/ownership";
import { parseDefinition } from "../../src/model/definition";
import { SUMMARY_HEADER_ROW } from "../../src/plan/summary";
import { sampleWorkbookBytes } from "../../src/workbook/xlsx/sampleWorkbook";
import { packagePort } from "../helpers/package";
import { listZipEntries, zipText } from "../../src/workbook/xlsx/zip";
import { loadWorkbook, sheetValues, workbookBytes } from "../helpers/xlsx";

const HEADER = ["Perspective", "Objective", "KPI", "Actual", "Target", "Polarity", "Owner"];

async function refreshBytes(bytes: Buffer, now = new Date("2026-07-01T09:00:00Z")) {
  const port = await packagePort(bytes);
  const outcome = await runScorecard(port, { now }, true);
  return { outcome, bytes: Buffer.from(await port.toBytes()) };
}

interface CfModel {
  ref: string;
  rules: { type: string; formulae?: string[] }[];
}
const conditionalFormats = (ws: object): CfModel[] =>
  (ws as { conditionalFormattings?: CfModel[] }).conditionalFormattings ?? [];

describe("refreshing the sample workbook", () => {
  let before: Buffer;
  let after: Buffer;
  // Each test refreshes its own copy, so that mutation testing can tell which test ran which code.
  beforeEach(async () => {
    before = Buffer.from(await sampleWorkbookBytes(nodeCodec.deflate));
    after = (await refreshBytes(before)).bytes;
  });

  it("adds a Scorecard sheet with the period and overall score on top", async () => {
    const wb = await loadWorkbook(after);
    const ws = wb.getWorksheet("Scorecard")!;
    expect(ws.getCell("A1").value).toBe("Balanced Scorecard");
    expect(ws.getCell("B2").value).toBe("2026-12");
    // Formulas over the perspectives' rows, their values cached for a reader that does not recalculate.
    expect(ws.getCell("B3").formula).toContain("ISNUMBER(");
    expect(typeof ws.getCell("B3").result).toBe("number");
    expect(["On target", "Watch", "Off target"]).toContain(ws.getCell("C3").result);
    expect(ws.getRow(SUMMARY_HEADER_ROW).values).toEqual(
      expect.arrayContaining(["Owner", "Actual", "Target", "Threshold", "Variance", "Status", "Trend"]),
    );
  });

  it("shows status as a word and a colour", async () => {
    const ws = (await loadWorkbook(after)).getWorksheet("Scorecard")!;
    const statusColumn = (ws.getRow(SUMMARY_HEADER_ROW).values as unknown[]).indexOf("Status");
    const status = ws.getCell(SUMMARY_HEADER_ROW + 1, statusColumn);
    expect(["On target", "Watch", "Off target", "No data"]).toContain(status.result);
    expect((status.fill as { fgColor?: { argb?: string } }).fgColor?.argb).toMatch(/^FF[0-9A-F]{6}$/);
  });

  it("keeps the definition in a very hidden sheet, marked by a defined name", async () => {
    const wb = await loadWorkbook(after);
    const definitionSheet = wb.worksheets.find((w) => w.state === "veryHidden")!;
    expect(definitionSheet.name).toBe("BSC Definition");
    const parsed = parseDefinition(String(definitionSheet.getCell("A2").value));
    expect(parsed).toMatchObject({
      ok: true,
      definition: { source: { table: "KpiData", sheet: "KPI Data" } },
    });
    const names = (wb.definedNames as unknown as { model: { name: string }[] }).model.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining([SUMMARY_MARKER_NAME, DEFINITION_MARKER_NAME]));
  });

  it("adds formula traffic lights covering the Actual column, and nothing else to the user's sheet", async () => {
    const [original, refreshed] = await Promise.all([loadWorkbook(before), loadWorkbook(after)]);
    const ws = refreshed.getWorksheet("KPI Data")!;
    const cfs = conditionalFormats(ws);
    expect(cfs).toHaveLength(1);
    expect(cfs[0]!.ref).toBe("H2:H181");
    expect(cfs[0]!.rules.map((r) => r.type)).toEqual(["expression", "expression", "expression"]);
    expect(sheetValues(ws)).toEqual(sheetValues(original.getWorksheet("KPI Data")!));
    expect(sheetValues(refreshed.getWorksheet("Strategy")!)).toEqual(
      sheetValues(original.getWorksheet("Strategy")!),
    );
  });

  it("replaces its own output on the next refresh instead of adding to it", async () => {
    const wb = await loadWorkbook(after);
    const userRule = {
      ref: "I2:I181",
      rules: [{ type: "expression", priority: 1, formulae: ["$I2>1000"], style: {} }],
    };
    wb.getWorksheet("KPI Data")!.addConditionalFormatting(userRule as never);
    const again = await refreshBytes(Buffer.from(await wb.xlsx.writeBuffer()));
    const twice = await loadWorkbook(again.bytes);
    expect(twice.worksheets.map((w) => w.name)).toEqual(wb.worksheets.map((w) => w.name));
    const cfs = conditionalFormats(twice.getWorksheet("KPI Data")!);
    expect(cfs.map((c) => c.ref).sort()).toEqual(["H2:H181", "I2:I181"]);
  });

  it("writes a package the streaming reader opens again, with the product's sheets", async () => {
    const port = await packagePort(after);
    const names = (await port.readSnapshot()).sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["Scorecard", "BSC Definition"]));
  });
});

describe("ownership", () => {
  it("never overwrites a user's sheet that happens to be called Scorecard", async () => {
    const bytes = await workbookBytes([
      { name: "Data", rows: [HEADER, ["F", "O", "K", 1, 1, "higher", "Ann"]], table: "Kpis" },
      { name: "Scorecard", rows: [["my own notes"]] },
    ]);
    const { outcome, bytes: out } = await refreshBytes(bytes);
    const wb = await loadWorkbook(out);
    expect(wb.getWorksheet("Scorecard")!.getCell("A1").value).toBe("my own notes");
    expect(wb.getWorksheet("Scorecard (2)")!.getCell("A1").value).toBe("Balanced Scorecard");
    expect(outcome.ok && outcome.report.issues).toContainEqual(
      expect.objectContaining({ code: "sheet-name-taken" }),
    );
  });

  it("finds its summary sheet after the user renames it, and replaces it under the set name", async () => {
    const first = await refreshBytes(
      await workbookBytes([{ name: "Data", rows: [HEADER, ["F", "O", "K", 1, 1]], table: "Kpis" }]),
    );
    const wb = await loadWorkbook(first.bytes);
    wb.getWorksheet("Scorecard")!.name = "Board view";
    // Excel moves a defined name along with a renamed sheet; ExcelJS does not, so do it here.
    wb.definedNames.remove("'Scorecard'!$A$1", SUMMARY_MARKER_NAME);
    wb.definedNames.add("'Board view'!$A$1", SUMMARY_MARKER_NAME);
    const second = await refreshBytes(Buffer.from(await wb.xlsx.writeBuffer()));
    const names = (await loadWorkbook(second.bytes)).worksheets.map((w) => w.name);
    expect(names.filter((n) => n !== "BSC Definition")).toEqual(["Data", "Scorecard", "Dashboard"]);
  });

  it("leaves alone a sheet of the user's that the product's marker name was moved to", async () => {
    const first = await refreshBytes(
      await workbookBytes([
        { name: "Data", rows: [HEADER, ["F", "O", "K", 1, 1]], table: "Kpis" },
        { name: "Notes", rows: [["my own notes"]] },
      ]),
    );
    const wb = await loadWorkbook(first.bytes);
    wb.definedNames.remove("'Scorecard'!$A$1", SUMMARY_MARKER_NAME);
    wb.definedNames.add("'Notes'!$A$1", SUMMARY_MARKER_NAME);
    const second = await refreshBytes(Buffer.from(await wb.xlsx.writeBuffer()));
    const after = await loadWorkbook(second.bytes);
    expect(after.getWorksheet("Notes")!.getCell("A1").value).toBe("my own notes");
    expect(second.outcome.ok && second.outcome.report.issues.map((i) => i.code)).toContain("marker-not-ours");
    expect(after.worksheets.map((w) => w.name).filter((n) => n !== "BSC Definition")).toEqual([
      "Data",
      "Notes",
      "Scorecard",
      "Dashboard",
      "Scorecard (2)",
    ]);
  });

  it("writes a KPI named like a formula as text, never as a formula", async () => {
    const evil = '=HYPERLINK("http://example.invalid","click")';
    const bytes = await workbookBytes([
      { name: "Data", rows: [HEADER, ["F", "O", evil, 1, 1, null, "=1+1"]], table: "Kpis" },
    ]);
    const { bytes: out } = await refreshBytes(bytes);
    const ws = (await loadWorkbook(out)).getWorksheet("Scorecard")!;
    const cells: unknown[] = [];
    ws.eachRow((row) => row.eachCell((c) => void cells.push(c.value)));
    expect(cells).toContain(evil);
    expect(cells).toContain("=1+1");
    const sheetXml = await Promise.all(
      listZipEntries(out)
        .filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name))
        .map((e) => zipText(out, e, nodeCodec.inflate)),
    );
    expect(sheetXml.length).toBeGreaterThan(1);
    for (const xml of sheetXml) expect(xml).not.toMatch(/<f>[^<]*HYPERLINK/);
  });

  it("refuses a definition that fails validation, and writes nothing", async () => {
    const first = await refreshBytes(
      await workbookBytes([{ name: "Data", rows: [HEADER, ["F", "O", "K", 1, 1]], table: "Kpis" }]),
    );
    const wb = await loadWorkbook(first.bytes);
    const hidden = wb.worksheets.find((w) => w.state === "veryHidden")!;
    hidden.getCell("A2").value = '{"schemaVersion":1,"settings":{"rollup":"median"}}';
    const port = await packagePort(Buffer.from(await wb.xlsx.writeBuffer()));
    const outcome = await runScorecard(port, {}, true);
    expect(outcome).toMatchObject({ ok: false, fatal: { code: "definition-invalid" } });
    if (!outcome.ok) expect(outcome.fatal.message).toContain("rollup");
  });
});
