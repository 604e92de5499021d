import { evaluateScorecard } from "../../src/engine/evaluate";
import { readScorecard, type ScorecardReading } from "../../src/model/read";
import { seriesOfWord } from "../../src/model/roles";
import type { CellValue } from "../../src/model/snapshot";
import { book, sheet } from "../helpers/book";

/**
 * Open SDG exports (the national reporting platforms of Germany, the United Kingdom and others):
 * one `Value` column holds both series, a column beside it says which each row holds ("a) time
 * series", "b) target (min)"), the years in `Year`, and targets run past the last value. The value
 * its header calls the actual is the pairs' value column (roles.ts, inferRoles).
 */

const read = (rows: readonly (readonly CellValue[])[]): ScorecardReading =>
  readScorecard(book(sheet("6-2-ab", rows)), null, new Set(), {});

function scored(reading: ScorecardReading): { period: string; statuses: Record<string, string> } {
  if (!reading.ok) throw new Error(`fatal: ${reading.fatal.message}`);
  const evaluation = evaluateScorecard(reading.model);
  if (!evaluation.ok) throw new Error("not scored");
  const p = evaluation.result.period;
  return {
    period: p ?? "none",
    statuses: Object.fromEntries(
      evaluation.result.perspectives
        .flatMap((x) => x.objectives.flatMap((o) => o.kpis))
        .map((k) => [k.kpi.name, k.status]),
    ),
  };
}

describe("the series words of an Open SDG export", () => {
  it.each([
    ["a) time series", "actual"],
    ["b) target (min)", "target"],
    ["c) target (max)", "target"],
    ["1. Target", "target"],
    ["Time series", "actual"],
    ["b) forecast", "other"],
    ["a) drinking water", null],
  ])("%s names the %s", (word, kind) => {
    expect(seriesOfWord(word)).toBe(kind);
  });
});

describe("an Open SDG export of values and targets by year", () => {
  it("scores the latest year with both, each indicator of the title column a KPI", () => {
    const reading = read([
      ["Year", "Units", "display", "title", "Value"],
      [2017, "mio.", "a) time series", "a) drinking water and sanitation", 28.6],
      [2018, "mio.", "a) time series", "a) drinking water and sanitation", 60.3],
      [2017, "mio.", "b) target (min)", "a) drinking water and sanitation", 10],
      [2018, "mio.", "b) target (min)", "a) drinking water and sanitation", 10],
      [2019, "mio.", "a) time series", "b) drinking water", 4.3],
      [2019, "mio.", "b) target (min)", "b) drinking water", 6],
      [2030, "mio.", "b) target (min)", "b) drinking water", 6],
      [2019, "mio.", "a) time series", "c) sanitation", 6.1],
      [2019, "mio.", "b) target (min)", "c) sanitation", 4],
      [2030, "mio.", "b) target (min)", "c) sanitation", 4],
    ]);
    expect(scored(reading)).toEqual({
      period: "2019",
      statuses: {
        "a) drinking water and sanitation": "none",
        "b) drinking water": "red",
        "c) sanitation": "green",
      },
    });
  });

  it("scores one indicator's series when no column names it", () => {
    const reading = read([
      ["Year", "Units", "display", "Value"],
      [2018, "bn eur", "a) time series", 3.37],
      [2019, "bn eur", "a) time series", 3.5],
      [2019, "bn eur", "b) target (min)", 3.7],
      [2020, "bn eur", "b) target (min)", 4.0],
    ]);
    expect(scored(reading)).toEqual({ period: "2019", statuses: { "6-2-ab": "amber" } });
  });

  it("leaves a value column alone where no column names the series", () => {
    const reading = read([
      ["Year", "Units", "Value"],
      [2018, "bn eur", 3.37],
      [2019, "bn eur", 3.5],
    ]);
    expect(reading.ok).toBe(false);
  });
});
