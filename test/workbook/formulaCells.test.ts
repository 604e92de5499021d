/**
 * A plan's formula cells through every adapter: the package patcher and the new-workbook writer
 * write the formula with its value cached (what a reader that does not recalculate shows), Office.js
 * writes it in the same request as the values, the memory workbook keeps it beside its value. A
 * text that looks like a formula stays text everywhere: only the plan's own field is a formula.
 */
import { cellAt } from "../../src/model/snapshot";
import type { SheetPlan, WritePlan } from "../../src/plan/plan";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { nodeCodec } from "../../src/workbook/package/nodeCodec";
import { newWorkbookBytes } from "../../src/workbook/xlsx/newWorkbook";
import { book, sheet } from "../helpers/book";
import { packagePort } from "../helpers/package";
import { zipEntries } from "../helpers/zip";
import { FakeExcel } from "../office/fakeExcel";

const summary = (cells: SheetPlan["cells"]): WritePlan => ({
  styles: { bold: { bold: true } },
  sheets: [
    {
      role: "summary",
      name: "Scorecard",
      replaces: null,
      visibility: "visible",
      cells,
      columnWidths: [20, 12, 12],
      frozenRows: 0,
      markerName: "BSC_Summary",
    },
  ],
  clearConditionalFormatsOn: [],
  conditionalFormats: [],
});

const CELLS: SheetPlan["cells"] = [
  { row: 1, col: 1, value: "=1+1" },
  { row: 1, col: 2, value: 42, formula: "Data!A1*2", style: "bold", numberFormat: "0.00" },
  { row: 1, col: 3, value: "On target", formula: 'IF(Data!A1>=20,"On target","Watch")' },
  { row: 2, col: 2, value: null, formula: 'IF(ISNUMBER(Data!A2),Data!A2,"")' },
  { row: 2, col: 3, value: "a < b & c", formula: '"a < b & c"' },
];

async function sheetXml(bytes: Uint8Array, name: string): Promise<string> {
  const entries = await zipEntries(Buffer.from(bytes));
  const workbook = entries.find((e) => e.name === "xl/workbook.xml")!.data.toString("utf8");
  const rels = entries.find((e) => e.name === "xl/_rels/workbook.xml.rels")!.data.toString("utf8");
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(\\w+)"`).exec(workbook)![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
  const part = `xl/${(target[1] ?? target[2])!.replace(/^\/?xl\//, "")}`;
  return entries.find((e) => e.name === part)!.data.toString("utf8");
}

describe("a plan's formula cells", () => {
  it("are written by the package patcher with their values cached, and read back as those values", async () => {
    const bytes = await newWorkbookBytes(
      [{ name: "Data", cells: [{ row: 1, col: 1, value: 21 }] }],
      nodeCodec.deflate,
    );
    const port = await packagePort(bytes);
    await port.applyPlan(summary(CELLS));
    const out = await port.toBytes();
    const xml = await sheetXml(out, "Scorecard");
    expect(xml).toMatch(/<c r="B1" s="\d+"><f>Data!A1\*2<\/f><v>42<\/v><\/c>/);
    expect(xml).toContain(
      `<c r="C1" t="str"><f>IF(Data!A1&gt;=20,&quot;On target&quot;,&quot;Watch&quot;)</f><v>On target</v></c>`.replace(
        /&quot;/g,
        '"',
      ),
    );
    expect(xml).toContain(`<c r="B2" t="str"><f>IF(ISNUMBER(Data!A2),Data!A2,"")</f><v></v></c>`);
    expect(xml).toContain(`<f>"a &lt; b &amp; c"</f><v>a &lt; b &amp; c</v>`);
    // The user's-looking text is an inline string, never a formula.
    expect(xml).toMatch(/<c r="A1" t="inlineStr"><is><t xml:space="preserve">=1\+1<\/t><\/is><\/c>/);
    expect(xml.match(/<f>/g)).toHaveLength(4);
    const read = (await (await packagePort(out)).readSnapshot()).sheets.find((s) => s.name === "Scorecard")!;
    expect([cellAt(read, 1, 1), cellAt(read, 1, 2), cellAt(read, 1, 3)]).toEqual(["=1+1", 42, "On target"]);
  });

  it("are written by the new-workbook writer with their values cached", async () => {
    const bytes = await newWorkbookBytes(
      [
        {
          name: "Data",
          cells: [
            { row: 1, col: 1, value: 3, formula: "1+2" },
            { row: 1, col: 2, value: "=1+2" },
          ],
        },
      ],
      nodeCodec.deflate,
    );
    const xml = await sheetXml(bytes, "Data");
    expect(xml).toMatch(/<c r="A1"(?: s="\d+")?><f>1\+2<\/f><v>3<\/v><\/c>/);
    expect(xml).not.toMatch(/<c r="B1"[^>]*><f>/);
  });

  it("are written through Office.js in the same requests as a plan without formulas", async () => {
    const syncsFor = async (cells: SheetPlan["cells"]) => {
      const fake = new FakeExcel();
      fake.addSheet("Data", [[21]]);
      await fake.port().applyPlan(summary(cells));
      return { fake, syncs: fake.syncs };
    };
    const withFormulas = await syncsFor(CELLS);
    const asValues = await syncsFor(CELLS.map(({ formula: _formula, ...c }) => c));
    expect(withFormulas.syncs).toBe(asValues.syncs);
    const cells = withFormulas.fake.sheet("Scorecard")!.cells;
    expect(cells.get("0,1")!.value).toBe("FORMULA =Data!A1*2");
    expect(cells.get("0,2")!.value).toBe('FORMULA =IF(Data!A1>=20,"On target","Watch")');
    // Text stays text, formula-looking or not.
    expect(cells.get("0,0")).toMatchObject({ value: "=1+1", type: "String" });
  });

  it("are kept by the memory workbook beside their values", async () => {
    const memory = new MemoryWorkbook(book(sheet("Data", [[21]])));
    await memory.applyPlan(summary(CELLS));
    expect(cellAt(memory.sheet("Scorecard")!, 1, 2)).toBe(42);
    expect(memory.formulas.get("Scorecard!B1")).toBe("Data!A1*2");
    expect(memory.formulas.has("Scorecard!A1")).toBe(false);
    await memory.applyPlan(summary([{ row: 1, col: 1, value: 1 }]));
    expect(memory.formulas.size).toBe(0);
  });
});
