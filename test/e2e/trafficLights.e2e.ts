/**
 * The traffic lights of the worked examples as a real spreadsheet application paints them:
 * each example is refreshed through the .xlsx path, LibreOffice opens the result and exports it
 * to HTML with its conditional formats applied, and every row's Actual cell must show the
 * colour of the engine's status for that row's period.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runScorecard } from "../../src/app/scorecard";
import type { CellValue } from "../../src/model/snapshot";
import { nodeCodec } from "../../src/workbook/package/nodeCodec";
import { newWorkbookBytes } from "../../src/workbook/xlsx/newWorkbook";
import { PALETTES } from "../../src/plan/palette";
import { packagePort } from "../helpers/package";
import { engineStatusByRow } from "../helpers/spreadsheet";
import { libreOfficeFills } from "./render";

const EXAMPLES = path.join(__dirname, "..", "fixtures", "examples");
const NAMES = ["edge-values", "layout-plain-range", "random-00", "random-01", "series-0", "series-1-dates"];
const STATUS_OF_FILL = new Map(
  Object.entries(PALETTES.standard)
    .filter(([status]) => status !== "none")
    .map(([status, c]) => [c.fill.toUpperCase(), status]),
);

describe.each(NAMES)("LibreOffice's colours on example %s", (name) => {
  it("are the engine's status on every row", async () => {
    const port = await packagePort(readFileSync(path.join(EXAMPLES, `${name}.xlsx`)));
    const outcome = await runScorecard(port, { now: new Date("2026-07-01T00:00:00Z") }, true);
    if (!outcome.ok) throw new Error(outcome.fatal.message);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "bsc-lights-")), `${name}.xlsx`);
    writeFileSync(file, await port.toBytes());

    const table = outcome.model.table!;
    const actual = table.columns.actual!;
    const fills = libreOfficeFills(file, table.sheet);
    const painted = new Map<number, string>();
    for (let row = table.firstDataRow; row <= table.lastDataRow; row++) {
      const fill = fills.get(`${row},${actual}`);
      painted.set(row, fill ? (STATUS_OF_FILL.get(fill) ?? `fill ${fill}`) : "none");
    }
    const expected = engineStatusByRow(await port.readSnapshot(), null);
    expect([...painted]).toEqual([...expected]);
    // Every example colours some rows: an export that lost the rules would show none at all.
    expect([...painted.values()].filter((s) => s !== "none").length).toBeGreaterThan(0);
  });
});

describe("LibreOffice's colours on cells a sheet reads otherwise than a person", () => {
  it("leave an actual of TRUE uncoloured (LibreOffice holds it as 1) and read a Threshold of spaces as none", async () => {
    const rows: CellValue[][] = [
      ["Perspective", "Objective", "KPI", "Actual", "Target", "Threshold", "Polarity"],
      ["F", "O", "Logical", true, 100, null, "higher"],
      ["F", "O", "Spaces", 95, 100, "   ", "higher"],
      ["F", "O", "Red", 80, 100, null, "higher"],
      ["F", "O", "Green", 100, 100, null, "higher"],
    ];
    const bytes = await newWorkbookBytes(
      [
        {
          name: "Data",
          cells: rows.flatMap((r, i) => r.map((value, c) => ({ row: i + 1, col: c + 1, value }))),
        },
      ],
      nodeCodec.deflate,
    );
    const port = await packagePort(bytes);
    const outcome = await runScorecard(port, {}, true);
    if (!outcome.ok) throw new Error(outcome.fatal.message);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "bsc-lights-")), "odd.xlsx");
    writeFileSync(file, await port.toBytes());
    const fills = libreOfficeFills(file, "Data");
    const painted = [2, 3, 4, 5].map((row) => {
      const fill = fills.get(`${row},4`);
      return fill ? (STATUS_OF_FILL.get(fill) ?? `fill ${fill}`) : "none";
    });
    expect(painted).toEqual(["none", "amber", "red", "green"]);
    expect([...engineStatusByRow(await port.readSnapshot(), null).values()]).toEqual(painted);
  });
});
