/**
 * The Scorecard sheet as a real spreadsheet application shows and prints it: the sample is made
 * and refreshed by bsc (as the README says), LibreOffice exports the result to HTML (each cell's
 * fill) and prints it to PDF, and the picture in docs/ is regenerated from that print.
 */
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../../src/cli/main";
import { PALETTES, STATUS_MEANINGS } from "../../src/plan/palette";
import { SUMMARY_HEADER_ROW } from "../../src/plan/summary";
import { packagePort } from "../helpers/package";
import { libreOfficeFills, renderWithLibreOffice, type RenderedPage } from "./render";

interface Scored {
  name: string;
  status: keyof typeof PALETTES.standard;
}
interface Report extends Scored {
  period: string;
  perspectives: (Scored & { objectives: (Scored & { kpis: Scored[] })[] })[];
}

const docs = path.join(__dirname, "..", "..", "docs");
let dir: string;
let refreshed: string;
let report: Report;

async function bsc(...args: string[]) {
  const out: string[] = [];
  const code = await runCli(args, { stdout: (t) => out.push(t), stderr: () => undefined, cwd: dir });
  if (code !== 0) throw new Error(`bsc ${args.join(" ")} exited with ${code}`);
  return out.join("\n");
}

/** The summary's rows below its header, in the order the report lists them. */
function expectedRows(): { row: number; name: string; level: number; status: Scored["status"] }[] {
  const rows: { row: number; name: string; level: number; status: Scored["status"] }[] = [];
  let row = SUMMARY_HEADER_ROW;
  for (const p of report.perspectives) {
    rows.push({ row: ++row, name: p.name, level: 0, status: p.status });
    for (const o of p.objectives) {
      rows.push({ row: ++row, name: o.name, level: 1, status: o.status });
      for (const k of o.kpis) rows.push({ row: ++row, name: k.name, level: 2, status: k.status });
    }
  }
  return rows;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bsc-scorecard-"));
  const sample = path.join(dir, "sample.xlsx");
  refreshed = path.join(dir, "refreshed.xlsx");
  await bsc("sample", sample);
  await bsc("refresh", sample, "-o", refreshed);
  report = JSON.parse(await bsc("check", refreshed, "--json"));
});

describe("the refreshed sample's Scorecard sheet in LibreOffice", () => {
  it("paints each row's status in its palette colour, the perspectives banded and the header dark", async () => {
    const snapshot = await (await packagePort(readFileSync(refreshed))).readSnapshot();
    const scorecard = snapshot.sheets.find((s) => s.name === "Scorecard")!;
    const header = scorecard.values[SUMMARY_HEADER_ROW - 1]!;
    const statusColumn = header.indexOf("Status") + 1;
    expect(statusColumn).toBeGreaterThan(0);
    const fills = libreOfficeFills(refreshed, "Scorecard");
    const rows = expectedRows();
    const painted = rows.map((r) => [r.name, fills.get(`${r.row},${statusColumn}`) ?? "none"]);
    expect(painted).toEqual(rows.map((r) => [r.name, PALETTES.standard[r.status].fill.toUpperCase()]));
    // The names are where the rows say they are: the colours belong to the right rows.
    expect(rows.map((r) => scorecard.values[r.row - 1]?.[0])).toEqual(rows.map((r) => r.name));
    for (const r of rows.filter((x) => x.level === 0)) expect(fills.get(`${r.row},1`)).toBe("D9E1F2");
    expect(fills.get(`${SUMMARY_HEADER_ROW},1`)).toBe("1F3864");
    // Every status of the sample shows, so a lost colour cannot pass unseen.
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["green", "amber", "red", "none"]));
  });

  it("prints the headline, the indented hierarchy and the header and footer, landscape, without the technical columns", () => {
    const pages = renderWithLibreOffice(refreshed, 110);
    const scorecard: RenderedPage[] = pages.filter((p) => /Biggest movers/.test(p.text));
    expect(scorecard).toHaveLength(1);
    const page = scorecard[0]!;
    const text = page.text;
    expect(page.png.width).toBeGreaterThan(page.png.height);
    for (const label of [
      "Balanced Scorecard",
      "Overall score",
      "KPIs by status",
      "Off target",
      "Biggest movers",
    ])
      expect(text).toContain(label);
    const red = report.perspectives.flatMap((p) =>
      p.objectives.flatMap((o) => o.kpis.filter((k) => k.status === "red").map((k) => k.name)),
    );
    expect(red.length).toBeGreaterThan(0);
    // The headline's row of red KPIs begins with its label (the counts' row also says "Off target").
    const offTarget = text.split("\n").find((l) => /^\s*Off target\b/.test(l))!;
    for (const name of red) expect(offTarget).toContain(name);
    expect(text).toMatch(/Biggest movers\s+\S.*[▲▼] [+−]\d+\.\d%/);
    expect(text).toContain(`${STATUS_MEANINGS.red}`);
    // The page's header and footer: the period and page numbers.
    expect(text).toContain(`Period ${report.period}`);
    expect(text).toMatch(/Page \d+ of \d+/);
    // Weight and the source cell stay on screen only.
    expect(text).not.toContain("Source cell");
    expect(text).not.toContain("Weight");
    // Each level is indented further than the one above it.
    const lines = text.split("\n");
    const indentOf = (name: string) => {
      const line = lines.find((l) => new RegExp(`(^|\\s)${name.replace(/[()]/g, "\\$&")}(\\s|$)`).test(l))!;
      return line.indexOf(name);
    };
    const p = report.perspectives[0]!;
    const o = p.objectives[0]!;
    const k = o.kpis[0]!;
    expect(indentOf(p.name)).toBeLessThan(indentOf(o.name));
    expect(indentOf(o.name)).toBeLessThan(indentOf(k.name));
    copyFileSync(page.file, path.join(docs, "summary-sheet.png"));
  });
});
