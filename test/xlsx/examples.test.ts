import { readFileSync } from "node:fs";
import path from "node:path";
import { runScorecard } from "../../src/app/scorecard";
import { packagePort } from "../helpers/package";

/**
 * The worked examples of shared/examples, copied under test/fixtures: exact statuses, scores to
 * 1e-6, trends and the period where the example gives them, and the issues' cells.
 */
const dir = path.join(__dirname, "..", "fixtures", "examples");
const names = ["edge-values", "layout-plain-range", "random-00", "random-01", "series-0", "series-1-dates"];

interface Expected {
  status: string;
  score: number | null;
  name?: string;
  trend?: string;
}
interface ExpectedObjective extends Expected {
  kpis: Expected[];
}
interface ExpectedPerspective extends Expected {
  objectives: ExpectedObjective[];
}
interface ExpectedReport {
  period?: string;
  scorecard: Expected;
  perspectives: ExpectedPerspective[];
  issueCells: string[];
}

const expectedOf = (name: string): ExpectedReport =>
  JSON.parse(readFileSync(path.join(dir, `${name}.expected.json`), "utf8"));

async function reportOf(name: string) {
  const port = await packagePort(readFileSync(path.join(dir, `${name}.xlsx`)));
  const outcome = await runScorecard(port, {}, true);
  if (!outcome.ok) throw new Error(outcome.fatal.message);
  return outcome.report;
}

interface Row {
  where: string;
  status: string;
  score: number | null;
  trend?: string | undefined;
}

/** Every scored item in report order, so that a failure shows every difference at once. */
function rows(scorecard: Expected, perspectives: readonly ExpectedPerspective[], withTrend: boolean): Row[] {
  const row = (where: string, item: Expected, trend = false): Row => ({
    where,
    status: item.status,
    score: item.score,
    ...(trend ? { trend: item.trend } : {}),
  });
  const out = [row("scorecard", scorecard)];
  for (const p of perspectives) {
    out.push(row(p.name!, p));
    for (const o of p.objectives) {
      out.push(row(`${p.name}/${o.name}`, o));
      for (const k of o.kpis) out.push(row(`${p.name}/${o.name}/${k.name}`, k, withTrend));
    }
  }
  return out;
}

/** Scores agree to within 1e-6: where they do, the expected score stands in for the actual one. */
const withinTolerance = (actual: Row[], expected: Row[]): Row[] =>
  actual.map((r, i) => {
    const e = expected[i];
    const close = e && r.score !== null && e.score !== null && Math.abs(r.score - e.score) < 1e-6;
    return close ? { ...r, score: e.score } : r;
  });

describe.each(names)("example %s", (name) => {
  // One workbook read per example, checked three ways (each expectation says which).
  it("gives the statuses, scores and trends SCORING.md defines, the period, and the issues' cells", async () => {
    const expected = expectedOf(name);
    const report = await reportOf(name);
    const hasTrends = expected.perspectives.some((p) =>
      p.objectives.some((o) => o.kpis.some((k) => k.trend !== undefined)),
    );
    const want = rows(expected.scorecard, expected.perspectives, hasTrends);
    const got = rows(report.scorecard, report.perspectives as unknown as ExpectedPerspective[], hasTrends);
    expect(withinTolerance(got, want)).toEqual(want);

    // The period the example names, or none for a table without periods.
    expect({ period: report.period }).toEqual({ period: expected.period ?? null });

    // Every KPI without a usable actual is named at its cell, and nothing else is warned of: the
    // examples hold nothing else worth a warning, so an issue on another cell is a false alarm.
    const named = [...new Set(report.issues.map((i) => i.cell))].sort();
    expect({ issueCells: named }).toEqual({ issueCells: [...expected.issueCells].sort() });
  });
});
