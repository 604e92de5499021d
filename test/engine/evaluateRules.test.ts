import { scoreRow } from "../../src/engine/evaluate";
import { statusFromScore } from "../../src/engine/rollup";
import { TARGET_SCORE, THRESHOLD_SCORE } from "../../src/engine/types";
import { emptyDefinition, type TaggedKpi } from "../../src/model/definition";
import type { CellValue } from "../../src/model/snapshot";
import { allKpis, book, score, sheet } from "../helpers/book";

/** Rules of SCORING.md and WORKBOOK.md that the mutation run found unpinned, one test each. */

const MONTHLY = [
  "Month",
  "Perspective",
  "Objective",
  "KPI",
  "Actual",
  "Target",
  "Aggregation",
  "Threshold",
  "Tolerance %",
  "Polarity",
];
const monthly = (rows: CellValue[][]) => book(sheet("Data", [MONTHLY, ...rows]));
const messages = (rows: CellValue[][], period?: string) =>
  score(monthly(rows), period ? { evaluate: { period } } : {}).result.issues.map(
    (i) => `${i.cell}: ${i.message}`,
  );

describe("the issues a scored KPI raises name the KPI, the period and the cell", () => {
  it("for an actual or target that is missing, text, an error, or a number typed as text", () => {
    expect(
      messages([
        ["2026-01", "F", "O", "Blank", null, 5],
        ["2026-01", "F", "O", "Text", "n/a", 5],
        ["2026-01", "F", "O", "Broken", { error: "#N/A" }, { error: "#DIV/0!" }],
        ["2026-01", "F", "O", "Typed", "95%", 1],
        ["2026-01", "F", "O", "NoTarget", 5, "tbd"],
      ]),
    ).toEqual([
      'Data!E2: No actual for "Blank" in 2026-01.',
      'Data!E3: The actual of "Text" is not a number ("n/a"); it is shown as no data.',
      'Data!E4: The actual of "Broken" is the error value #N/A; it is shown as no data.',
      'Data!F4: The target of "Broken" is the error value #DIV/0!; it is shown as no data.',
      'Data!E5: "95%" is stored as text and was read as 0.95; store it as a number so the cell\'s colour follows it too.',
      'Data!F6: The target of "NoTarget" is not a number ("tbd"); it is shown as no data.',
    ]);
  });

  it("for thresholds and tolerances that cannot be used", () => {
    expect(
      messages([
        ["2026-01", "F", "O", "Both", 5, 5, null, 4, 0.1],
        ["2026-01", "F", "O", "BadThreshold", 5, 5, null, "low"],
        ["2026-01", "F", "O", "BadTolerance", 5, 5, null, null, "some"],
        ["2026-01", "F", "O", "Negative", 5, 5, null, null, -0.1],
        ["2026-01", "F", "O", "Percent", 5, 5, null, null, 15],
        ["2026-01", "F", "O", "Wrong", 5, 5, null, 6],
      ]),
    ).toEqual([
      'Data!H2: "Both" has both a Threshold and a Tolerance %; the Threshold is used.',
      'Data!H3: The threshold of "BadThreshold" is not a number ("low"); the KPI is not scored.',
      'Data!I4: The tolerance of "BadTolerance" is not a number ("some"); the KPI is not scored.',
      'Data!I5: The tolerance of "Negative" is negative (-0.1); the KPI is not scored.',
      'Data!I6: The tolerance 15 of "Percent" was read as 15 % (0.15).',
      'Data!H7: The threshold 6 of "Wrong" is on the wrong side of its target 5 for "higher" (it must not be above the target); the KPI is not scored.',
    ]);
  });

  it("for a KPI without a row in the scored period, naming its latest row before it", () => {
    expect(
      messages(
        [
          ["2026-01", "F", "O", "Gappy", 1, 1],
          ["2026-02", "F", "O", "Gappy", 2, 1],
          ["2026-03", "F", "O", "Other", 3, 1],
          ["2026-04", "F", "O", "Gappy", 4, 1],
        ],
        "2026-03",
      ),
    ).toEqual(['Data!E3: "Gappy" has no row for 2026-03; it is shown as no data.']);
  });

  it("for a year-to-date KPI, on the cells of its latest row: the target's for a missing target", () => {
    expect(
      messages([
        ["2026-01", "F", "O", "Sum", null, null, "Sum"],
        ["2026-02", "F", "O", "Sum", null, null, "Sum"],
        ["2026-02", "F", "O", "Typed", 1, "5%", "Sum"],
      ]),
    ).toEqual([
      'Data!E3: No actual for "Sum" in 2026-02.',
      'Data!F3: No target for "Sum" in 2026-02; it is shown as no data.',
      'Data!F4: "5%" is stored as text and was read as 0.05; store it as a number so the cell\'s colour follows it too.',
    ]);
  });
});

describe("the warnings of a KPI with no target name a cell and the entity", () => {
  it("in a wide table without the KPI's target row, at the KPI's actual", () => {
    const wide = book(
      sheet("Data", [
        ["KPI", "Jan 2026", "Feb 2026"],
        ["Sales", 5, 6],
        ["Sales Budget", 4, 4],
        ["Calls", 5, 6],
      ]),
    );
    expect(score(wide).result.issues.map((i) => `${i.cell}: ${i.message}`)).toEqual([
      'Data!C4: No target for "Calls" in 2026-02; it is shown as no data.',
    ]);
  });

  it("with entities, each entity's warning says whose it is", () => {
    const sites = book(
      sheet("Data", [
        ["Site", "KPI", "Actual", "Target", "Tolerance %"],
        ["North", "Sales", 5, null, null],
        ["South", "Sales", 5, null, "x"],
      ]),
    );
    expect(score(sites).result.issues.map((i) => `${i.cell}: ${i.message}`)).toEqual([
      'Data!D2: No target for "Sales" of "North"; it is shown as no data.',
      'Data!D3: No target for "Sales" of "South"; it is shown as no data.',
      'Data!E3: The tolerance of "Sales" of "South" is not a number ("x"); the KPI is not scored.',
    ]);
  });
});

describe("numbers too large to compare", () => {
  it("leave a KPI unscored when its variance overflows, though its threshold and score do not", () => {
    const { result } = score(monthly([["2026-01", "F", "O", "Huge", 1.7e308, -1.7e308, null, -1.75e308]]));
    expect(allKpis(result)[0]).toMatchObject({ status: "none", score: null, variance: null });
    expect(result.issues.map((i) => i.code)).toEqual(["number-out-of-range"]);
  });

  it("leave a KPI unscored when its threshold, taken from a tolerance, overflows", () => {
    const { result } = score(
      monthly([["2026-01", "F", "O", "Huge", 1.7e308, 1.7e308, null, null, 1, "lower"]]),
    );
    expect(allKpis(result)[0]).toMatchObject({ status: "none", variance: 0 });
    expect(result.issues.map((i) => i.code)).toEqual(["number-out-of-range"]);
  });
});

describe("the scored period", () => {
  it("is the last period when no KPI has an actual yet", () => {
    const { result } = score(
      monthly([
        ["2026-01", "F", "O", "K", null, 1],
        ["2026-02", "F", "O", "K", null, 1],
      ]),
    );
    expect(result.period).toBe("2026-02");
  });

  it("is none for a wide table with no value at all", () => {
    const { result } = score(
      book(
        sheet("W", [
          ["KPI", "Target", "Jan-26", "Feb-26"],
          ["K", null, null, null],
        ]),
      ),
    );
    expect(result.period).toBeNull();
  });

  it("must be of the table's granularity: a year asked of a monthly table is not in it", () => {
    expect(() =>
      score(monthly([["2026-01", "F", "O", "K", 1, 1]]), { evaluate: { period: "2026" } }),
    ).toThrow("The period 2026 is not in the table (it has 2026-01 to 2026-01).");
  });
});

describe("tagged KPIs beside a monthly table", () => {
  const tag = (extra: Partial<TaggedKpi>): TaggedKpi => ({
    perspective: "F",
    objective: "O",
    name: "Cash",
    actualName: "CashCell",
    targetName: null,
    target: 100,
    ...extra,
  });
  const withTag = (t: TaggedKpi) =>
    score(
      {
        sheets: [sheet("Data", [MONTHLY, ["2026-01", "F", "O", "K", 1, 1]]), sheet("T", [[120]])],
        names: [{ name: "CashCell", sheet: "T", box: { top: 1, left: 1, bottom: 1, right: 1 } }],
      },
      { definition: { ...emptyDefinition(), tagged: [t] } },
    ).result;

  it("score a single value in whatever period the table is scored", () => {
    expect(allKpis(withTag(tag({}))).find((k) => k.kpi.name === "Cash")).toMatchObject({
      actual: 120,
      status: "green",
    });
  });

  it("show a tag whose range is gone as no data, with no cell, whatever its aggregation", () => {
    for (const aggregation of ["last", "sum"] as const) {
      const kpi = allKpis(withTag(tag({ actualName: "Gone", aggregation }))).find(
        (k) => k.kpi.name === "Cash",
      );
      expect(kpi).toMatchObject({ status: "none", cell: null, actual: null });
    }
  });
});

describe("KPIs the engine cannot score", () => {
  it("have no status with an aggregation word it does not know, in the scorecard and on their rows", () => {
    const { model, result } = score(monthly([["2026-01", "F", "O", "K", 10, 5, "Median"]]));
    expect(allKpis(result)[0]!.status).toBe("none");
    const kpi = model.kpis[0]!;
    expect(scoreRow(kpi, kpi.observations[0]!).status).toBe("none");
  });
});

describe("statuses from roll-up scores", () => {
  it("are green from the target score and amber from the threshold score, the bounds included", () => {
    expect(statusFromScore(TARGET_SCORE - 1e-9)).toBe("green");
    expect(statusFromScore(THRESHOLD_SCORE - 1e-9)).toBe("amber");
    expect(statusFromScore(THRESHOLD_SCORE - 2e-9)).toBe("red");
  });
});
