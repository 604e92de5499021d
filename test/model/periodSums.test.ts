import type { CellValue } from "../../src/model/snapshot";
import { periodOfValueHeader } from "../../src/model/headers";
import { kpiSource } from "../../src/plan/summaryFormulas";
import { book, score, sheet } from "../helpers/book";

/**
 * A target set for a longer period than the actuals across the columns (a store's months beside
 * its "Quarterly Target"): each quarter's months are summed and scored against it
 * (src/model/periodSums.ts). Scoring one month against a quarter's target would make every month red.
 */

const read = (rows: CellValue[][]) => score(book(sheet("Stores", rows)));

const numberOf = (reading: { kind: string; value?: number }) =>
  reading.kind === "number" ? reading.value : reading.kind;

/** Each entity's KPI as "entity: [period, actual, target]…". */
const series = (rows: CellValue[][]) =>
  read(rows).model.kpis.map((k) => [
    k.entity,
    k.observations.map((o) => [
      `${o.period?.year}-${o.period?.granularity}${o.period?.index}`,
      numberOf(o.actual),
      numberOf(o.target),
    ]),
  ]);

const MONTHS = ["Jan 2019", "Feb 2019", "Mar 2019", "Apr 2019", "May 2019", "Jun 2019"];

describe("the period a target or actual header says it is set for", () => {
  it.each([
    ["Quarterly Target", "quarter"],
    ["Annual Budget", "year"],
    ["Monthly Actual", "month"],
    ["Meta trimestral", "quarter"],
    ["Objectif annuel", "year"],
    ["Quartalsziel", "quarter"],
    ["Jaarbudget", "year"],
    ["Obiettivo trimestrale", "quarter"],
    ["Target", null],
    ["Quarterly Notes", null],
    ["Daily Target", null],
  ])("%s: %s", (header, granularity) => {
    expect(periodOfValueHeader(header)).toBe(granularity);
  });
});

describe("months across beside a quarterly target, a row per unit", () => {
  const rows: CellValue[][] = [
    ["Store", "Quarterly Target", ...MONTHS],
    ["Leeds", 300, 100, 100, 100, 90, 90, 90],
    ["York", 300, 50, 50, 50, 120, 120, 120],
  ];

  it("reads each unit's row as the one KPI, named after its sheet", () => {
    const { model } = read(rows);
    expect(model.kpis.map((k) => [k.entity, k.name])).toEqual([
      ["Leeds", "Stores"],
      ["York", "Stores"],
    ]);
  });

  it("sums each quarter's months and scores the sum against the quarter's target", () => {
    expect(series(rows)).toEqual([
      [
        "Leeds",
        [
          ["2019-quarter1", 300, 300],
          ["2019-quarter2", 270, 300],
        ],
      ],
      [
        "York",
        [
          ["2019-quarter1", 150, 300],
          ["2019-quarter2", 360, 300],
        ],
      ],
    ]);
    const { result, model } = read(rows);
    expect(result.period).toBe("2019-Q2");
    const note = model.issues.find((i) => i.code === "periods-summed");
    expect(note?.cell).toBe("Stores!B1");
    expect(note?.message).toContain("each quarter's actual is the sum of its months");
  });

  it("scores no quarter whose months are not all in the table, nor a part-sum where a month is blank", () => {
    const partial: CellValue[][] = [
      ["Store", "Quarterly Target", ...MONTHS, "Jul 2019"],
      ["Leeds", 300, 100, 100, null, 90, 90, 90, 500],
    ];
    expect(series(partial)).toEqual([
      [
        "Leeds",
        [
          ["2019-quarter1", "blank", 300],
          ["2019-quarter2", 270, 300],
        ],
      ],
    ]);
  });

  it("names the months' cells as the quarter's actual, and writes no live formula over them", () => {
    const { model, result } = read(rows);
    expect(model.kpis[0]?.observations[1]?.actualCell).toBe("Stores!F2:H2");
    const kpi = result.entities?.[0]?.perspectives[0]?.objectives[0]?.kpis[0];
    if (!kpi) throw new Error("no KPI scored");
    expect(kpiSource(kpi, result.period, { fiscalYearStartMonth: 1 } as never)).toEqual({
      live: false,
      why: "Its actual is the sum of several cells",
    });
  });

  it("scores a monthly target month by month, as before", () => {
    const monthly: CellValue[][] = [
      ["Store", "Monthly Target", ...MONTHS.slice(0, 2)],
      ["Leeds", 100, 100, 90],
    ];
    expect(series(monthly)).toEqual([
      [
        "Leeds",
        [
          ["2019-month1", 100, 100],
          ["2019-month2", 90, 100],
        ],
      ],
    ]);
  });
});
