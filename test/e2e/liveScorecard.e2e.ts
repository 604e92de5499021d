/**
 * The live Scorecard sheet recalculated by a real spreadsheet application: the sample and the
 * public examples are refreshed by bsc, several actuals are then changed in the refreshed file's
 * own table (as a colleague without the add-in would type them), LibreOffice opens the file,
 * recalculates every formula and saves it, and every score, status and roll-up on the Scorecard
 * sheet must be what the engine gives for the changed table.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../../src/cli/main";
import { runScorecard } from "../../src/app/scorecard";
import type { ScorecardResult } from "../../src/engine/evaluate";
import type { Status } from "../../src/engine/types";
import { parseReference } from "../../src/model/address";
import { cellAt, type SheetSnapshot } from "../../src/model/snapshot";
import { STATUS_MEANINGS } from "../../src/plan/palette";
import { SUMMARY_HEADER_ROW } from "../../src/plan/summary";
import { kpiSource } from "../../src/plan/summaryFormulas";
import { packagePort } from "../helpers/package";
import { writeZip, zipEntries } from "../helpers/zip";
import { recalculatedByLibreOffice } from "./render";

jest.setTimeout(300_000);

const EXAMPLES = path.join(__dirname, "..", "fixtures", "examples");
/** The Dashboard's status table: a perspective's name, then its count of KPIs at each status. */
const STATUS_COLUMNS = { green: 2, amber: 3, red: 4, none: 5 } as const;

async function bsc(dir: string, ...args: string[]): Promise<void> {
  const code = await runCli(args, { stdout: () => undefined, stderr: () => undefined, cwd: dir });
  if (code !== 0) throw new Error(`bsc ${args.join(" ")} exited with ${code}`);
}

async function scored(file: string, period?: string) {
  const outcome = await runScorecard(await packagePort(readFileSync(file)), period ? { period } : {}, false);
  if (!outcome.ok) throw new Error(outcome.fatal.message);
  return outcome;
}

/** The part of each sheet, by name, from the workbook part and its relationships. */
function sheetParts(entries: readonly { name: string; data: Buffer }[]): Map<string, string> {
  const text = (name: string) => entries.find((e) => e.name === name)!.data.toString("utf8");
  const workbook = text("xl/workbook.xml");
  const rels = text("xl/_rels/workbook.xml.rels");
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/
      .exec(m[0])![1]!
      .replace(/&amp;/g, "&")
      .replace(/&apos;/g, "'");
    const id = /\br:id="([^"]*)"/.exec(m[0])![1]!;
    const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].find((r) => r[0].includes(`Id="${id}"`))![0];
    const target = /Target="([^"]*)"/.exec(rel)![1]!;
    parts.set(name, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  return parts;
}

/** The workbook with numbers typed over some cells ("'KPI Data'!E5" → 42): each cell's element replaced, its style kept. */
async function withNumbers(file: string, edits: ReadonlyMap<string, number>, out: string): Promise<void> {
  const entries = await zipEntries(readFileSync(file));
  const parts = sheetParts(entries);
  for (const [cell, value] of edits) {
    const ref = parseReference(cell)!;
    const entry = entries.find((e) => e.name === parts.get(ref.sheet!))!;
    const a1 = cell.slice(cell.lastIndexOf("!") + 1).replace(/\$/g, "");
    const xml = entry.data.toString("utf8");
    const element = new RegExp(`<c r="${a1}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`);
    const found = element.exec(xml);
    if (!found) throw new Error(`no cell ${cell} to edit`);
    const style = /\ss="\d+"/.exec(found[1]!)?.[0] ?? "";
    entry.data = Buffer.from(xml.replace(element, `<c r="${a1}"${style}><v>${value}</v></c>`));
  }
  writeFileSync(out, writeZip(entries));
}

/** What the Scorecard sheet must show for a result: the overall score and status, then each row's. */
function expectedFigures(result: ScorecardResult, scoreCol: number, statusCol: number) {
  const figures: { row: number; col: number; want: number | string }[] = [];
  const put = (
    row: number,
    item: { score: number | null; status: Status },
    score = scoreCol,
    status = statusCol,
  ) => {
    figures.push(
      { row, col: score, want: item.score ?? "" },
      { row, col: status, want: STATUS_MEANINGS[item.status] },
    );
  };
  put(3, result, 2, 3);
  // The headline's counts of KPIs by status.
  const kpis = result.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis));
  (["green", "amber", "red", "none"] as const).forEach((s, i) =>
    figures.push({
      row: 4,
      col: i + 2,
      want: `${kpis.filter((k) => k.status === s).length} ${STATUS_MEANINGS[s]}`,
    }),
  );
  let row = SUMMARY_HEADER_ROW;
  for (const p of result.perspectives) {
    put(++row, p);
    for (const o of p.objectives) {
      put(++row, o);
      for (const k of o.kpis) put(++row, k);
    }
  }
  return figures;
}

const shown = (sheet: SheetSnapshot, row: number, col: number): number | string => {
  const v = cellAt(sheet, row, col);
  return v === null ? "" : typeof v === "number" || typeof v === "string" ? v : JSON.stringify(v);
};

const agrees = (got: number | string, want: number | string): boolean =>
  typeof got === "number" && typeof want === "number"
    ? Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want))
    : got === want;

const workbooks = [
  "sample",
  ...readdirSync(EXAMPLES)
    .filter((f) => f.endsWith(".xlsx"))
    .sort(),
];

describe("the live Scorecard sheet, edited and recalculated by LibreOffice", () => {
  let changedStatuses = 0;

  it.each(workbooks)(
    "%s: every score, status and roll-up is the engine's for the edited table",
    async (name) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "bsc-live-"));
      const source = path.join(dir, "source.xlsx");
      if (name === "sample") await bsc(dir, "sample", source);
      else copyFileSync(path.join(EXAMPLES, name), source);
      const refreshed = path.join(dir, "refreshed.xlsx");
      await bsc(dir, "refresh", source, "-o", refreshed);

      // Several actuals changed: the first actual cell of every other live KPI, each moved a long way.
      const before = await scored(refreshed);
      const { settings } = before.model;
      const live = before.result.perspectives
        .flatMap((p) => p.objectives.flatMap((o) => o.kpis))
        .flatMap((k) => {
          const s = kpiSource(k, before.result.period, settings);
          const o = k.kpi.observations.find((x) => x.actualCell === (s.live ? s.actual[0] : undefined));
          return s.live && o && o.actual.kind === "number" && o.actual.fromText === undefined
            ? [{ cell: o.actualCell, value: o.actual.value }]
            : [];
        });
      expect(live.length).toBeGreaterThan(0);
      const edits = new Map(
        live
          .filter((_, i) => i % 2 === 0)
          .slice(0, 8)
          .map(({ cell, value }, i) => [cell, i % 2 === 0 ? value * 0.5 - 3 : value * 1.8 + 7] as const),
      );
      const edited = path.join(dir, "edited.xlsx");
      await withNumbers(refreshed, edits, edited);

      const after = (await scored(edited, before.result.period ?? undefined)).result;
      const recalculated = recalculatedByLibreOffice(edited);
      const sheet = (await (await packagePort(readFileSync(recalculated))).readSnapshot()).sheets.find(
        (s) => s.name === settings.summarySheetName,
      )!;
      const header = sheet.values[SUMMARY_HEADER_ROW - 1]!;
      const scoreCol = header.indexOf("Score (0-10)") + 1;
      const statusCol = header.indexOf("Status") + 1;
      const figures = expectedFigures(after, scoreCol, statusCol);
      const wrong = figures
        .map((f) => ({ ...f, got: shown(sheet, f.row, f.col) }))
        .filter((f) => !agrees(f.got, f.want))
        .map(
          (f) =>
            `row ${f.row} col ${f.col}: LibreOffice ${JSON.stringify(f.got)}, engine ${JSON.stringify(f.want)}`,
        );
      expect(wrong).toEqual([]);
      // The Dashboard's status table counts the Scorecard sheet's KPI rows of each perspective.
      const dashboard = (await (await packagePort(readFileSync(recalculated))).readSnapshot()).sheets.find(
        (s) => s.name === "Dashboard",
      )!;
      const table = dashboard.values.findIndex((r) => r[0] === "Perspective") + 1;
      const counts = after.perspectives.map((_, i) => [
        shown(dashboard, table + 1 + i, 1),
        ...(["green", "amber", "red", "none"] as const).map((s) =>
          shown(dashboard, table + 1 + i, STATUS_COLUMNS[s]),
        ),
      ]);
      expect(counts).toEqual(
        after.perspectives.map((p) => {
          const kpis = p.objectives.flatMap((o) => o.kpis);
          return [
            p.name,
            ...(["green", "amber", "red", "none"] as const).map(
              (s) => kpis.filter((k) => k.status === s).length,
            ),
          ];
        }),
      );
      // The edits moved something: a sheet that kept its refresh's values would fail above.
      const was = expectedFigures(before.result, scoreCol, statusCol);
      changedStatuses += figures.filter((f, i) => !agrees(f.want, was[i]!.want)).length;
    },
  );

  it("the edits changed scores or statuses, so that the comparison above can fail", () => {
    expect(changedStatuses).toBeGreaterThan(0);
  });
});
