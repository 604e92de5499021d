import type { PlanCell, SheetPlan } from "../../src/plan/plan";
import { productSheetXml, type ProductSheetParts } from "../../src/workbook/package/productSheet";
import { StylesEditor } from "../../src/workbook/package/styles";

const STYLES =
  `<styleSheet xmlns="main"><fonts count="1"><font><sz val="10"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

const sheetOf = (cells: readonly PlanCell[]): SheetPlan => ({
  role: "summary",
  name: "Scorecard",
  replaces: null,
  visibility: "visible",
  cells,
  columnWidths: [],
  frozenRows: 0,
  markerName: "bsc_summary",
  // Grouped rows before, between and after the cells, and on rows that hold cells.
  rowOutline: [
    { row: 1, level: 1 },
    { row: 3, level: 1 },
    { row: 4, level: 2 },
    { row: 9, level: 2 },
  ],
});

/** The sheet's whole text: the cells come as bytes between the text before and after them. */
const whole = ({ before, cells, after }: ProductSheetParts): string =>
  before + cells.map((piece) => new TextDecoder().decode(piece)).join("") + after;
const sheetData = (parts: ProductSheetParts): string =>
  /<sheetData>(.*)<\/sheetData>/s.exec(whole(parts))?.[1] ?? "";

/**
 * The rows of a product sheet are written as their cells come when the plan gives them top to
 * bottom, and gathered first when it does not: the sheet is the same either way.
 */
describe("a product sheet's rows", () => {
  const inOrder: PlanCell[] = [
    { row: 2, col: 1, value: "KPI" },
    { row: 2, col: 3, value: 1 },
    { row: 4, col: 2, value: "first" },
    { row: 4, col: 1, value: 7 },
    { row: 4, col: 2, value: "last" },
    { row: 6, col: 1, value: 2, formula: "1+1" },
  ];

  it("come top to bottom, each cell once (the last written), grouped rows without cells in their place", () => {
    expect(sheetData(productSheetXml(sheetOf(inOrder), {}, new StylesEditor(STYLES)))).toBe(
      `<row r="1" outlineLevel="1"></row>` +
        `<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">KPI</t></is></c><c r="C2"><v>1</v></c></row>` +
        `<row r="3" outlineLevel="1"></row>` +
        `<row r="4" outlineLevel="2"><c r="A4"><v>7</v></c><c r="B4" t="inlineStr"><is><t xml:space="preserve">last</t></is></c></row>` +
        `<row r="6"><c r="A6"><f>1+1</f><v>2</v></c></row>` +
        `<row r="9" outlineLevel="2"></row>`,
    );
  });

  it("are the same whatever order the plan gives its cells in", () => {
    const expected = whole(productSheetXml(sheetOf(inOrder), {}, new StylesEditor(STYLES)));
    // Each row's cells keep their order among themselves (a cell written twice keeps its last value).
    const rowsReversed = [...inOrder].sort((a, b) => b.row - a.row);
    const interleaved = [
      inOrder[2],
      inOrder[0],
      inOrder[3],
      inOrder[5],
      inOrder[1],
      inOrder[4],
    ] as PlanCell[];
    for (const cells of [rowsReversed, interleaved])
      expect(whole(productSheetXml(sheetOf(cells), {}, new StylesEditor(STYLES)))).toBe(expected);
  });
});
