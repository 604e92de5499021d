/**
 * The Scorecard sheet's layout as the package patcher writes it: outline levels, internal
 * hyperlinks, print setup and the print names, each in the place the schema gives it, and read
 * back by ExcelJS as an independent reader.
 */
import { runScorecard } from "../../src/app/scorecard";
import { SUMMARY_HEADER_ROW } from "../../src/plan/summary";
import { listZipEntries, readZipEntry } from "../../src/workbook/xlsx/zip";
import { nodeCodec } from "../../src/workbook/package/nodeCodec";
import { packagePort } from "../helpers/package";
import { loadWorkbook, workbookBytes } from "../helpers/xlsx";

const ROWS = [
  ["Period", "Perspective", "Objective", "KPI", "Actual", "Target", "Polarity", "Tolerance"],
  ["2026-01", "Financial", "Grow", "Revenue", 90, 100, "higher", null],
  ["2026-02", "Financial", "Grow", "Revenue", 96, 100, "higher", null],
  ["2026-01", "Financial", "Grow", "Stock", 30, 30, "band", 10],
  ["2026-02", "Financial", "Grow", "Stock", 33, 30, "band", 10],
  ["2026-01", "Customer", "Keep", "Churn", 5, 4, "lower", null],
  ["2026-02", "Customer", "Keep", "Churn", 6, 4, "lower", null],
];

async function refreshed(bytes: Uint8Array): Promise<Uint8Array> {
  const port = await packagePort(bytes);
  const outcome = await runScorecard(port, { now: new Date("2026-03-01T09:00:00Z") }, true);
  if (!outcome.ok) throw new Error(outcome.fatal.message);
  return port.toBytes();
}

const text = async (zip: Uint8Array, name: string) => {
  const entry = listZipEntries(zip).find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name}`);
  return new TextDecoder().decode(await readZipEntry(zip, entry, nodeCodec.inflate));
};

/** The Scorecard's part, found through the workbook's relationships. */
async function scorecardPart(zip: Uint8Array): Promise<string> {
  const workbook = await text(zip, "xl/workbook.xml");
  const id = /<sheet name="Scorecard"[^>]*r:id="(rId\d+)"/.exec(workbook)![1];
  const rels = await text(zip, "xl/_rels/workbook.xml.rels");
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  return `xl/${target!.replace(/^\/?xl\//, "")}`;
}

describe("the Scorecard sheet in the package", () => {
  let output: Uint8Array;
  let sheetXml: string;
  let part: string;
  beforeEach(async () => {
    output = await refreshed(
      new Uint8Array(await workbookBytes([{ name: "Data", rows: ROWS, table: "Kpis" }])),
    );
    part = await scorecardPart(output);
    sheetXml = await text(output, part);
  });

  it("groups objectives at outline level 1 and KPIs at level 2, summary rows above", () => {
    const levels = [...sheetXml.matchAll(/<row r="(\d+)"(?: outlineLevel="(\d)")?/g)]
      .filter((m) => Number(m[1]) > SUMMARY_HEADER_ROW)
      .map((m) => Number(m[2] ?? 0));
    // Financial, Grow, Revenue, Stock, Customer, Keep, Churn.
    expect(levels).toEqual([0, 1, 2, 2, 0, 1, 2]);
    expect(sheetXml).toContain(
      `<sheetPr><outlinePr summaryBelow="0"/><pageSetUpPr fitToPage="1"/></sheetPr>`,
    );
    expect(sheetXml).toMatch(/<sheetFormatPr defaultRowHeight="15" outlineLevelRow="2"\/>/);
  });

  it("links each KPI's source cell to its cell inside the workbook, with no relationship", () => {
    const links = [
      ...sheetXml.matchAll(/<hyperlink ref="([A-Z]+\d+)" location="([^"]+)" display="([^"]+)"\/>/g),
    ];
    expect(links.map((m) => m[2])).toEqual(["Data!E3", "Data!E5", "Data!E7"]);
    for (const m of links) expect(m[3]).toBe(m[2]);
    expect(sheetXml).not.toMatch(/<hyperlink [^>]*r:id=/);
    const relsOfSheet = part.replace(/worksheets\//, "worksheets/_rels/") + ".rels";
    expect(listZipEntries(output).map((e) => e.name)).not.toContain(relsOfSheet);
  });

  it("prints landscape, one page wide, with a header and page numbers, its elements in schema order", () => {
    expect(sheetXml).toContain(`<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>`);
    expect(sheetXml).toContain(
      "<headerFooter><oddHeader>&amp;LBalanced Scorecard&amp;RPeriod 2026-02</oddHeader>" +
        "<oddFooter>&amp;LRefreshed 2026-03-01 09:00:00 UTC&amp;RPage &amp;P of &amp;N</oddFooter></headerFooter>",
    );
    const order = [
      "<sheetPr>",
      "<dimension",
      "<sheetViews>",
      "<sheetFormatPr",
      "<cols>",
      "<sheetData>",
      "<hyperlinks>",
      "<pageMargins",
      "<pageSetup",
      "<headerFooter>",
    ];
    const at = order.map((tag) => sheetXml.indexOf(tag));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it("sets the print area without the technical columns, and the header row as print titles, scoped to the sheet", async () => {
    const workbook = await text(output, "xl/workbook.xml");
    const sheets = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    const local = String(sheets.indexOf("Scorecard"));
    const header = /<row r="9">(.*?)<\/row>/.exec(sheetXml)![1]!;
    const headers = [...header.matchAll(/<t xml:space="preserve">([^<]*)<\/t>/g)].map((m) => m[1]);
    const lastPrinted = String.fromCharCode(64 + headers.indexOf("Weight"));
    expect(workbook).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="${local}">Scorecard!$A$1:$${lastPrinted}$16</definedName>`,
    );
    expect(workbook).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="${local}">Scorecard!$${SUMMARY_HEADER_ROW}:$${SUMMARY_HEADER_ROW}</definedName>`,
    );
    // ExcelJS, another reader, sees the same print setup.
    const ws = (await loadWorkbook(Buffer.from(output))).getWorksheet("Scorecard")!;
    expect(ws.pageSetup.orientation).toBe("landscape");
    expect(ws.pageSetup.printArea).toBe(`A1:${lastPrinted}16`);
    expect(ws.pageSetup.printTitlesRow).toBe(`${SUMMARY_HEADER_ROW}:${SUMMARY_HEADER_ROW}`);
  });

  it("replaces its print names on the next refresh instead of adding more", async () => {
    const again = await refreshed(output);
    const workbook = await text(again, "xl/workbook.xml");
    expect(workbook.match(/_xlnm\.Print_Area"[^>]*>Scorecard!/g)).toHaveLength(1);
    expect(workbook.match(/_xlnm\.Print_Titles"[^>]*>Scorecard!/g)).toHaveLength(1);
    expect(await text(again, await scorecardPart(again))).toBe(sheetXml);
  });
});
