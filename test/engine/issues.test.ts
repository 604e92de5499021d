import { FATAL_CODES, issue, type IssueCode } from "../../src/engine/issues";

/**
 * Every sentence a user reads about their data, word for word: the catalogue is the product's
 * voice, and a changed word is a changed message.
 */
const PARAMS = {
  kpi: "NPS",
  value: "x",
  period: "2026-03",
  number: 0.95,
  threshold: 30,
  target: 40,
  polarity: "higher",
  rule: "threshold ≤ target",
  fraction: 0.15,
  name: "Rev",
  column: "KPI name",
  label: "Total",
  first: "Data!E2",
  found: "quarter",
  expected: "month",
  range: "2026-01 to 2026-06",
  header: "Value",
  role: "actual",
  other: "objective",
  names: "A (Data!A1:E5), B",
  reason: "it is not valid JSON",
  wanted: "Scorecard",
  used: "Scorecard (2)",
  sheet: "Notes",
  more: 2,
  table: "Perspectives",
  granularity: "month",
  nearest: "Export!A1:C2 has Target (Goal), but no KPI",
  objective: "Delight",
  block: "Export!A1:C9",
  headers: "Metric, Amount, Goal",
  because: "the name says cost",
};

describe("the sentences of the issue catalogue", () => {
  it.each([
    ["no-actual", "warning", 'No actual for "NPS" in 2026-03.'],
    ["actual-not-numeric", "warning", 'The actual of "NPS" is not a number ("x"); it is shown as no data.'],
    ["actual-error", "warning", 'The actual of "NPS" is the error value x; it is shown as no data.'],
    ["no-target", "warning", 'No target for "NPS" in 2026-03; it is shown as no data.'],
    [
      "polarity-inferred",
      "info",
      'Assumed higher is better for "NPS": the name says cost; write objective in a Polarity column to change it.',
    ],
    ["target-not-numeric", "warning", 'The target of "NPS" is not a number ("x"); it is shown as no data.'],
    ["target-error", "warning", 'The target of "NPS" is the error value x; it is shown as no data.'],
    [
      "column-mostly-text",
      "warning",
      'The Target column "Value" (read as Target from its header) holds text, not numbers, in 3 of its 4 filled cells, so those KPIs have no target. If "Budget" holds the targets, name it: bsc --map target="Budget" (or the task pane\'s set-up).',
    ],
    [
      "csv-number-ambiguous",
      "warning",
      '"x" (and 2 more like it in its column) reads as 1050 or as 1.05: nothing in its column or the file shows whether the comma separates thousands or decimals, so it was read as 1050, as files separated by commas write numbers. If that is wrong, write one number of the column so that it reads one way only (1,050.00 or 1,05).',
    ],
    [
      "number-stored-as-text",
      "warning",
      '"x" is stored as text and was read as 0.95; store it as a number so the cell\'s colour follows it too.',
    ],
    [
      "threshold-and-tolerance",
      "warning",
      '"NPS" has both a Threshold and a Tolerance %; the Threshold is used.',
    ],
    [
      "threshold-wrong-side",
      "error",
      'The threshold 30 of "NPS" is on the wrong side of its target 40 for "higher" (threshold ≤ target); the KPI is not scored.',
    ],
    [
      "number-out-of-range",
      "error",
      'The numbers of "NPS" are too large to compare (beyond about ±1e307); the KPI is not scored.',
    ],
    [
      "threshold-not-numeric",
      "error",
      'The threshold of "NPS" is not a number ("x"); the KPI is not scored.',
    ],
    [
      "tolerance-not-numeric",
      "error",
      'The tolerance of "NPS" is not a number ("x"); the KPI is not scored.',
    ],
    ["tolerance-negative", "error", 'The tolerance of "NPS" is negative (x); the KPI is not scored.'],
    ["tolerance-as-percent", "warning", 'The tolerance x of "NPS" was read as x % (0.15).'],
    [
      "polarity-unknown",
      "error",
      '"x" is not a polarity (use higher, lower or band) for "NPS"; the KPI is not scored.',
    ],
    [
      "weight-invalid",
      "error",
      'The weight of "Rev" must be a number of 0 or more, not "x"; it is left out of the roll-up.',
    ],
    [
      "aggregation-unknown",
      "error",
      '"x" is not an aggregation (use Last, Sum, Average, Min or Max) for "NPS"; the KPI is not scored.',
    ],
    ["missing-name", "error", "This row has no KPI name; it is left out of the scorecard."],
    [
      "detail-row",
      "info",
      'The row "Total" names no KPI of its own under "NPS": a detail of that line, left out of the scorecard.',
    ],
    [
      "periods-summed",
      "info",
      'The target "Value" is set for a quarter: each quarter\'s actual is the sum of its months, and a quarter whose months are not all in the table is not scored.',
    ],
    [
      "comparison-row",
      "info",
      'The "Total" row of "NPS" is a comparison, not a target; it is left out of the scorecard.',
    ],
    ["total-row", "info", '"Total" is a total row; it is left out of the scorecard.'],
    [
      "duplicate-kpi",
      "error",
      '"NPS" appears twice in 2026-03; the row at Data!E2 is used and this one is left out.',
    ],
    [
      "period-unreadable",
      "error",
      '"x" is not a period (use a date, 2026-03, Mar 2026, Q1 2026, 2026-W05 or FY2026); the row is left out.',
    ],
    [
      "period-mixed",
      "error",
      "The table mixes quarter with month periods; use one granularity in the Period column.",
    ],
    ["period-not-found", "error", "The period 2026-03 is not in the table (it has 2026-01 to 2026-06)."],
    ["no-row-in-period", "warning", '"NPS" has no row for 2026-03; it is shown as no data.'],
    ["duplicate-header", "warning", 'The column "Value" is another actual column; the first one is used.'],
    [
      "no-scorecard-table",
      "error",
      "No scorecard table was found: a table needs the columns KPI, Actual and Target, with Perspective and Objective if it has them (an Excel table, or a header row within the first 30 rows of a sheet). Nearest: Export!A1:C2 has Target (Goal), but no KPI. Name the missing column's header (bsc --map kpi=\"its header\", or the task pane's set-up).",
    ],
    [
      "ambiguous-table",
      "error",
      "The workbook has several scorecard tables (A (Data!A1:E5), B); choose one with --table.",
    ],
    ["table-not-found", "error", 'No scorecard table is called "Rev"; the workbook has A (Data!A1:E5), B.'],
    ["definition-invalid", "error", "The stored scorecard definition cannot be read: it is not valid JSON."],
    ["range-unusable", "error", "The chosen range 2026-01 to 2026-06 it is not valid JSON."],
    [
      "sheet-name-taken",
      "info",
      'A sheet of yours is called "Scorecard", so the summary is written to "Scorecard (2)".',
    ],
    [
      "marker-not-ours",
      "warning",
      'The name Rev marks "Notes" as the add-in\'s sheet, but the add-in did not make it; it is left as it is and a new sheet is written.',
    ],
    [
      "colour-fixed-polarity",
      "warning",
      'The sheet\'s colour rule cannot read "x" as "NPS"\'s polarity "higher" (nor 2 more of its rows); these rows\' colours are set at each refresh. Write higher on every row for colours that follow edits.',
    ],
    [
      "colour-fixed-text",
      "warning",
      '"x" of "NPS" is a number stored as text (and 2 more of its cells); its row\'s colour is set at each refresh. Store it as a number for colours that follow edits.',
    ],
    [
      "unknown-drives",
      "warning",
      '"Rev" in the Drives column of "Delight" names no other objective of the scorecard; no arrow is drawn for it. Check its spelling.',
    ],
    [
      "mapped-header-missing",
      "error",
      'No column is headed "Value" (named for actual). The nearest block, Export!A1:C9, has the headers Metric, Amount, Goal: name one of them (bsc --map actual="…", or the task pane\'s set-up).',
    ],
    [
      "mapped-header-twice",
      "error",
      'The header "Value" is named for both actual and objective, but a column serves one role: name another column for one of them, or none (bsc --map objective="…" or --map objective= for none, or the task pane\'s set-up).',
    ],
    [
      "unknown-parent",
      "warning",
      '"Rev" in the Perspectives table has no KPI in the scorecard table; check its spelling.',
    ],
    [
      "tag-periods-ignored",
      "warning",
      'The tagged range of "NPS" has month labels, which the scorecard\'s periods do not match; its last value is used.',
    ],
    ["tag-unresolved", "error", 'The tagged range "Rev" of "NPS" no longer exists; the KPI is not scored.'],
  ] as [IssueCode, string, string][])("%s is a %s: %s", (code, severity, message) => {
    const params =
      code === "no-scorecard-table"
        ? { ...PARAMS, role: "kpi" }
        : code === "column-mostly-text"
          ? {
              ...PARAMS,
              role: "Target",
              how: "read as Target from its header",
              text: 3,
              filled: 4,
              suggestion: "Budget",
              map: 'target="Budget"',
            }
          : code === "csv-number-ambiguous"
            ? {
                ...PARAMS,
                readAs: 1050,
                other: 1.05,
                separator: "comma",
                delimiter: "commas",
                examples: "1,050.00 or 1,05",
              }
            : PARAMS;
    const { pane, ...said } = issue(code, "Data!B2", params);
    expect(said).toEqual({ code, severity, cell: "Data!B2", message });
    // The pane says it without bsc or its flags (its set-up instead), or as bsc does where bsc names neither.
    expect(pane ?? message).not.toMatch(/\bbsc\b|--[a-z]/);
  });

  it("ask which budget stage is the target, and name a column that splits each line where there is one", () => {
    const stages = { stages: '"Adopted budget", "Supplementary budget"', suggested: "Supplementary budget" };
    expect(issue("budget-stage-open", "Data!C1", stages)).toMatchObject({
      code: "budget-stage-open",
      severity: "error",
      cell: "Data!C1",
      message:
        'The budget is given at several stages ("Adopted budget", "Supplementary budget") and none is said to be the one in force: say which is the target (bsc --map target="Supplementary budget", or the task pane\'s set-up).',
    });
    expect(issue("budget-stage-open", "Data!C1", { ...stages, split: "Kind" }).message).toContain(
      '; each line is given once for each value of "Kind": name it as the entity to score them apart (--map entity="Kind").',
    );
  });

  it("ask which account's target and actual to score where each is given once per account", () => {
    const pairs = {
      pairs: '"prev_def_cp" and "pagato_cp", "prev_def_cs" and "pagato_cs"',
      target: "prev_def_cp",
      actual: "pagato_cp",
    };
    const asked = issue("account-open", "Data!E1", pairs);
    expect(asked).toMatchObject({
      code: "account-open",
      severity: "error",
      cell: "Data!E1",
      message:
        'The target and the actual are each given for several accounts ("prev_def_cp" and "pagato_cp", "prev_def_cs" and "pagato_cs") and none is said to be the one scored: say which pair to score (bsc --map target="prev_def_cp" --map actual="pagato_cp", or the task pane\'s set-up).',
    });
    expect(asked.pane).toContain(
      'say which pair to score in the set-up ("prev_def_cp" against "pagato_cp").',
    );
    expect(asked.pane).not.toMatch(/\bbsc\b|--[a-z]/);
  });

  it("ask which column names the KPIs where the KPI column repeats its names", () => {
    expect(
      issue("kpi-names-repeat", "PDM!W1", {
        header: "INDICADOR",
        repeats: 24,
        rows: 331,
        names: "META DE PRODUCTO",
      }).message,
    ).toBe(
      '"INDICADOR" names 24 of its 331 rows again in the same period, while "META DE PRODUCTO" names each row once: say which column names the KPIs (bsc --map kpi="META DE PRODUCTO", or the task pane\'s set-up).',
    );
  });

  it("leave out what a parameter does not say", () => {
    expect(issue("no-actual", null, { kpi: "NPS" }).message).toBe('No actual for "NPS".');
    expect(issue("no-target", null, { kpi: "NPS", entity: "North", period: "2026-03" }).message).toBe(
      'No target for "NPS" of "North" in 2026-03; it is shown as no data.',
    );
    expect(issue("duplicate-kpi", null, { kpi: "NPS", first: "Data!E2" }).message).toBe(
      '"NPS" appears twice; the row at Data!E2 is used and this one is left out.',
    );
    expect(issue("total-row", null, {}).message).toBe(
      "This row adds up the rows above it; it is left out of the scorecard as a total.",
    );
    expect(issue("no-scorecard-table", null).message).toBe(
      "No scorecard table was found: a table needs the columns KPI, Actual and Target, with Perspective and Objective if it has them (an Excel table, or a header row within the first 30 rows of a sheet).",
    );
    expect(
      issue("colour-fixed-polarity", null, { kpi: "NPS", value: "", polarity: "lower", more: 0 }).message,
    ).toBe(
      'The sheet\'s colour rule cannot read a blank polarity as "NPS"\'s polarity "lower"; these rows\' colours are set at each refresh. Write lower on every row for colours that follow edits.',
    );
    expect(issue("colour-fixed-text", null, { kpi: "NPS", value: "95%", more: 0 }).message).toBe(
      '"95%" of "NPS" is a number stored as text; its row\'s colour is set at each refresh. Store it as a number for colours that follow edits.',
    );
  });

  it("stop the whole scorecard only for a missing, ambiguous or unreadable source or period", () => {
    expect([...FATAL_CODES].sort()).toEqual(
      [
        "ambiguous-table",
        "definition-invalid",
        "group-workbook",
        "mapped-header-missing",
        "mapped-header-twice",
        "months-across-no-year",
        "budget-stage-open",
        "account-open",
        "kpi-names-repeat",
        "no-scorecard-table",
        "period-mixed",
        "period-not-found",
        "table-not-found",
        "table-not-scorecard",
        "range-unusable",
      ].sort(),
    );
  });
});
