import { nodeInflate } from "../../src/workbook/xlsx/nodeInflate";
import { readFileSync } from "node:fs";
import path from "node:path";
import { runScorecard } from "../../src/app/scorecard";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";

/** The worked examples of shared/examples, copied under test/fixtures: exact statuses, scores to 1e-6. */
const dir = path.join(__dirname, "..", "fixtures", "examples");
const names = ["layout-plain-range", "random-00", "random-01", "series-0", "series-1-dates"];

interface Expected {
  status: string;
  score: number | null;
  name?: string;
  trend?: string;
}

function expectScored(actual: Expected, expected: Expected, where: string) {
  expect({ where, status: actual.status, name: actual.name }).toEqual({
    where,
    status: expected.status,
    name: expected.name,
  });
  if (expected.score === null) expect({ where, score: actual.score }).toEqual({ where, score: null });
  else expect(Math.abs((actual.score as number) - expected.score)).toBeLessThan(1e-6);
  if (expected.trend !== undefined)
    expect({ where, trend: actual.trend }).toEqual({ where, trend: expected.trend });
}

describe.each(names)("example %s", (name) => {
  const expected = JSON.parse(readFileSync(path.join(dir, `${name}.expected.json`), "utf8"));
  let report: Awaited<ReturnType<typeof runScorecard>>;
  beforeAll(async () => {
    const port = await XlsxWorkbook.load(readFileSync(path.join(dir, `${name}.xlsx`)), nodeInflate);
    report = await runScorecard(port, {}, true);
  });
  it("gives the statuses and scores SCORING.md defines, in table order", () => {
    if (!report.ok) throw new Error(report.fatal.message);
    const r = report.report;
    if (expected.period !== undefined) expect(r.period).toBe(expected.period);
    expectScored(
      { ...r.scorecard, name: undefined } as Expected,
      { ...expected.scorecard, name: undefined },
      "scorecard",
    );
    expect(r.perspectives.map((p) => p.name)).toEqual(expected.perspectives.map((p: Expected) => p.name));
    expected.perspectives.forEach(
      (p: Expected & { objectives: (Expected & { kpis: Expected[] })[] }, i: number) => {
        const ap = r.perspectives[i]!;
        expectScored(ap as Expected, p, p.name!);
        expect(ap.objectives.map((o) => o.name)).toEqual(p.objectives.map((o) => o.name));
        p.objectives.forEach((o, j) => {
          const ao = ap.objectives[j]!;
          expectScored(ao as Expected, o, `${p.name}/${o.name}`);
          expect(ao.kpis.map((k) => k.name)).toEqual(o.kpis.map((k) => k.name));
          o.kpis.forEach((k, l) => expectScored(ao.kpis[l] as Expected, k, `${p.name}/${o.name}/${k.name}`));
        });
      },
    );
  });
  it("names the cell of every KPI without a usable actual", () => {
    if (!report.ok) throw new Error(report.fatal.message);
    const cells = new Set(report.report.issues.map((i) => i.cell));
    for (const cell of expected.issueCells) expect(cells).toContain(cell);
  });
});
