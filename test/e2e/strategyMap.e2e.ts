/**
 * The Strategy Map as a real spreadsheet application draws it: the sample is refreshed through the
 * .xlsx path with the map inserted, LibreOffice prints the workbook, and the map's page must show
 * every objective's name in a box of its status colour, each perspective's lane, and the arrows.
 * The page is saved as docs/strategy-map.png for the README.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runScorecard } from "../../src/app/scorecard";
import type { Status } from "../../src/engine/types";
import { STRATEGY_MAP_SHEET_STAMP } from "../../src/model/ownership";
import { PALETTES } from "../../src/plan/palette";
import { nodeCodec } from "../../src/workbook/package/nodeCodec";
import { sampleWorkbookBytes } from "../../src/workbook/xlsx/sampleWorkbook";
import { packagePort } from "../helpers/package";
import { pixelsOf, renderWithLibreOffice, type RenderedPage } from "./render";

describe("the Strategy Map in LibreOffice", () => {
  let page: RenderedPage | undefined;
  let objectives: { name: string; status: Status }[];
  let lanes: string[];
  beforeAll(async () => {
    const sample = Buffer.from(await sampleWorkbookBytes(nodeCodec.deflate));
    const port = await packagePort(sample);
    const outcome = await runScorecard(
      port,
      { now: new Date("2026-07-01T00:00:00Z"), strategyMap: true },
      true,
    );
    if (!outcome.ok) throw new Error(outcome.fatal.message);
    objectives = outcome.result.perspectives.flatMap((p) =>
      p.objectives.map((o) => ({ name: o.name, status: o.status })),
    );
    lanes = outcome.result.perspectives.map((p) => p.name);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "bsc-map-")), "sample.xlsx");
    writeFileSync(file, await port.toBytes());
    page = renderWithLibreOffice(file).find((p) => p.text.includes(STRATEGY_MAP_SHEET_STAMP));
  });

  it("prints the map on a page of its own, with every lane and every objective named", () => {
    expect(page).toBeDefined();
    const text = page!.text.replace(/\s+/g, " ");
    expect(lanes.filter((l) => !text.includes(l))).toEqual([]);
    // A long name wraps inside its box: each of its words is on the page.
    const missing = objectives.flatMap((o) => o.name.split(" ").filter((w) => !text.includes(w)));
    expect(missing).toEqual([]);
  });

  it("fills each objective's box with its status colour", () => {
    const colours = PALETTES.standard;
    const statuses = [...new Set(objectives.map((o) => o.status))].filter((s) => s !== "none");
    expect(statuses.length).toBeGreaterThan(1);
    // A box at 60 dpi is some 130 × 50 pixels, most of it its fill.
    const painted = statuses.filter((s) => pixelsOf(page!.png, colours[s].fill) > 2000);
    expect(painted).toEqual(statuses);
  });

  it("draws the arrows between the boxes in their dark grey", () => {
    expect(pixelsOf(page!.png, "404040", 40)).toBeGreaterThan(100);
  });

  it("saves a picture of the map into docs/", () => {
    copyFileSync(page!.file, path.join(__dirname, "..", "..", "docs", "strategy-map.png"));
    expect(page!.png.width).toBeGreaterThan(400);
  });
});
