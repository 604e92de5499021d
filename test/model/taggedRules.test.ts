import type { Issue } from "../../src/engine/issues";
import type { Granularity } from "../../src/engine/periods";
import type { TaggedKpi } from "../../src/model/definition";
import type { NameSnapshot, RangeBox, SheetSnapshot } from "../../src/model/snapshot";
import { readTaggedKpi } from "../../src/model/tagged";
import { sheet } from "../helpers/book";

/** A tag on the range named "Cash" (a KPI of the Financial perspective), with `extra` fields. */
const tag = (extra: Partial<TaggedKpi> = {}): TaggedKpi => ({
  perspective: "Financial",
  objective: "Liquidity",
  name: "Cash",
  actualName: "Cash",
  targetName: null,
  target: null,
  ...extra,
});

const named = (name: string, box: RangeBox, sheetName = "T"): NameSnapshot => ({
  name,
  sheet: sheetName,
  box,
});

/** Reads a tag over one sheet "T" and the names given, with the scorecard table's periods. */
function read(
  t: TaggedKpi,
  sheets: SheetSnapshot | SheetSnapshot[],
  names: NameSnapshot[],
  table: { granularity: Granularity | null; hasTable: boolean } = { granularity: null, hasTable: false },
) {
  const issues: Issue[] = [];
  const { kpi, granularity } = readTaggedKpi(
    { sheets: Array.isArray(sheets) ? sheets : [sheets], names },
    t,
    table.granularity,
    table.hasTable,
    issues,
  );
  return { kpi, granularity, issues };
}

const row = (top: number, left: number, right: number): RangeBox => ({ top, left, bottom: top, right });
const column = (left: number, top: number, bottom: number): RangeBox => ({ top, left, bottom, right: left });
const value = (r: { kind: string; value?: number }) => (r.kind === "number" ? r.value : r.kind);
const periodsOf = (kpi: { observations: readonly { period: { year: number; index: number } | null }[] }) =>
  kpi.observations.map((o) => (o.period ? `${o.period.year}-${o.period.index}` : null));

describe("a tag finds its named range", () => {
  it("whatever the case of either name", () => {
    const t = sheet("T", [[5]]);
    expect(read(tag({ actualName: "cash" }), t, [named("CASH", row(1, 1, 1))]).kpi.observations).toHaveLength(
      1,
    );
    expect(read(tag({ actualName: "CASH" }), t, [named("cash", row(1, 1, 1))]).kpi.observations).toHaveLength(
      1,
    );
  });

  it("whatever spaces surround either name", () => {
    const t = sheet("T", [[5]]);
    const fromTag = read(tag({ actualName: "  Cash " }), t, [named("Cash", row(1, 1, 1))]);
    expect(fromTag.issues).toEqual([]);
    expect(fromTag.kpi.observations.map((o) => o.actualCell)).toEqual(["T!A1"]);
    const fromName = read(tag({ actualName: "Cash" }), t, [named(" Cash  ", row(1, 1, 1))]);
    expect(fromName.issues).toEqual([]);
    expect(fromName.kpi.observations.map((o) => o.actualCell)).toEqual(["T!A1"]);
  });
});

describe("a tag whose range is gone", () => {
  it("is an error naming the missing actual range and the KPI, and the KPI has nothing to score", () => {
    const { kpi, issues } = read(tag({ actualName: "Gone" }), sheet("T", [[5]]), [
      named("Cash", row(1, 1, 1)),
    ]);
    expect(issues).toEqual([
      {
        severity: "error",
        code: "tag-unresolved",
        cell: null,
        message: 'The tagged range "Gone" of "Cash" no longer exists; the KPI is not scored.',
      },
    ]);
    expect(kpi.observations).toEqual([]);
    expect(kpi.polarity).toBeNull();
  });

  it("is an error naming the missing target range, and the actual is read without a target", () => {
    const { kpi, issues } = read(tag({ targetName: "CashPlan" }), sheet("T", [[5]]), [
      named("Cash", row(1, 1, 1)),
    ]);
    expect(issues.map((i) => i.message)).toEqual([
      'The tagged range "CashPlan" of "Cash" no longer exists; the KPI is not scored.',
    ]);
    expect(kpi.observations.map((o) => [value(o.actual), value(o.target), o.targetCell])).toEqual([
      [5, "blank", null],
    ]);
  });

  it("is no issue where both ranges exist", () => {
    const { kpi, issues } = read(tag({ targetName: "CashPlan" }), sheet("T", [[5, 7]]), [
      named("Cash", row(1, 1, 1)),
      named("CashPlan", row(1, 2, 2)),
    ]);
    expect(issues).toEqual([]);
    expect(kpi.observations.map((o) => [value(o.actual), value(o.target), o.targetCell])).toEqual([
      [5, 7, "T!B1"],
    ]);
  });
});

describe("a tagged range is a series only along one row or column with a period label beside each cell", () => {
  it("a single cell is one value even under a period label", () => {
    const { kpi, granularity } = read(tag(), sheet("T", [["Jan-26"], [5]]), [named("Cash", row(2, 1, 1))]);
    expect(granularity).toBeNull();
    expect(periodsOf(kpi)).toEqual([null]);
  });

  it("a block is one value (its last filled cell) even where the cells left of each read as periods", () => {
    // Labels left of each cell, row by row: A2=2019, B2=2020, A3=2021, B3=2022, all distinct years.
    const t = sheet("T", [
      [null, null, null],
      [2019, 2020, 2024],
      [2021, 2022, 2023],
    ]);
    const { kpi, granularity } = read(tag(), t, [named("Cash", { top: 2, left: 2, bottom: 3, right: 3 })]);
    expect(granularity).toBeNull();
    expect(kpi.observations.map((o) => [o.period, o.actualCell, value(o.actual)])).toEqual([
      [null, "T!C3", 2023],
    ]);
  });

  it("a row starting in column A reads its labels from the row above", () => {
    const t = sheet("T", [
      ["Jan-26", "Feb-26"],
      [5, 6],
    ]);
    const { kpi, granularity } = read(tag(), t, [named("Cash", row(2, 1, 2))]);
    expect(granularity).toBe("month");
    expect(periodsOf(kpi)).toEqual(["2026-1", "2026-2"]);
  });

  it("a column starting in row 1 reads its labels from the column to its left", () => {
    const t = sheet("T", [
      ["2026-01", 5],
      ["2026-02", 6],
    ]);
    const { kpi, granularity } = read(tag(), t, [named("Cash", column(2, 1, 2))]);
    expect(granularity).toBe("month");
    expect(kpi.observations.map((o) => o.actualCell)).toEqual(["T!B1", "T!B2"]);
  });

  it("a column does not take the cells above it as labels", () => {
    const t = sheet("T", [
      [null, "Jan-26"],
      [null, "Feb-26"],
      [null, 5],
      [null, 6],
    ]);
    const { kpi } = read(tag(), t, [named("Cash", column(2, 3, 4))]);
    expect(periodsOf(kpi)).toEqual([null]);
  });

  it("labels of mixed granularity are one value", () => {
    const t = sheet("T", [
      ["Jan-26", 2027],
      [5, 6],
    ]);
    const { kpi, granularity } = read(tag(), t, [named("Cash", row(2, 1, 2))]);
    expect(granularity).toBeNull();
    expect(kpi.observations.map((o) => [o.period, value(o.actual)])).toEqual([[null, 6]]);
  });
});

describe("a series' labels against the scorecard table's periods", () => {
  it("labels the table's periods do not match are a warning naming the KPI and the labels' granularity", () => {
    const t = sheet("T", [
      ["Jan-26", "Feb-26"],
      [5, 6],
    ]);
    const { kpi, granularity, issues } = read(tag(), t, [named("Cash", row(2, 1, 2))], {
      granularity: "quarter",
      hasTable: true,
    });
    expect(issues).toEqual([
      {
        severity: "warning",
        code: "tag-periods-ignored",
        cell: "T!A2",
        message:
          'The tagged range of "Cash" has month labels, which the scorecard\'s periods do not match; its last value is used.',
      },
    ]);
    expect(granularity).toBeNull();
    expect(kpi.observations.map((o) => [o.period, o.actualCell])).toEqual([[null, "T!B2"]]);
  });
});

describe("each period of a series", () => {
  it("takes its target from the target range's cell at the same place, the first period included", () => {
    const t = sheet("T", [
      ["Jan-26", "Feb-26", "Mar-26"],
      [5, 6, 7],
      [50, 60, 70],
    ]);
    const { kpi } = read(tag({ targetName: "Plan" }), t, [
      named("Cash", row(2, 1, 3)),
      named("Plan", row(3, 1, 3)),
    ]);
    expect(kpi.observations.map((o) => [value(o.target), o.targetCell])).toEqual([
      [50, "T!A3"],
      [60, "T!B3"],
      [70, "T!C3"],
    ]);
  });

  it("takes the last filled cell of a target range of another length for every period", () => {
    const t = sheet("T", [
      ["Jan-26", "Feb-26", "Mar-26"],
      [5, 6, 7],
      [50, 60, null],
    ]);
    const { kpi } = read(tag({ targetName: "Plan" }), t, [
      named("Cash", row(2, 1, 3)),
      named("Plan", row(3, 1, 2)),
    ]);
    expect(kpi.observations.map((o) => [value(o.target), o.targetCell])).toEqual([
      [60, "T!B3"],
      [60, "T!B3"],
      [60, "T!B3"],
    ]);
  });

  it("is left out where both its actual and its target are blank", () => {
    const t = sheet("T", [
      ["Jan-26", "Feb-26", "Mar-26"],
      [5, null, 7],
    ]);
    const { kpi } = read(tag(), t, [named("Cash", row(2, 1, 3))]);
    expect(periodsOf(kpi)).toEqual(["2026-1", "2026-3"]);
  });

  it("is kept, blank, where its actual is blank but it has a target", () => {
    const t = sheet("T", [
      ["Jan-26", "Feb-26", "Mar-26"],
      [5, null, 7],
    ]);
    const { kpi } = read(tag({ target: 6 }), t, [named("Cash", row(2, 1, 3))]);
    expect(kpi.observations.map((o) => [value(o.actual), value(o.target)])).toEqual([
      [5, 6],
      ["blank", 6],
      [7, 6],
    ]);
  });

  it("is kept where its actual is filled but its target is blank", () => {
    const t = sheet("T", [
      ["Jan-26", "Feb-26"],
      [5, 6],
      [50, null],
    ]);
    const { kpi } = read(tag({ targetName: "Plan" }), t, [
      named("Cash", row(2, 1, 2)),
      named("Plan", row(3, 1, 2)),
    ]);
    expect(kpi.observations.map((o) => [value(o.actual), value(o.target)])).toEqual([
      [5, 50],
      [6, "blank"],
    ]);
  });

  it("comes in period order whatever the order of the labels", () => {
    const t = sheet("T", [
      ["Mar-26", "Jan-26", "Feb-26"],
      [7, 5, 6],
    ]);
    const { kpi } = read(tag(), t, [named("Cash", row(2, 1, 3))]);
    expect(kpi.observations.map((o) => [o.period?.index, value(o.actual)])).toEqual([
      [1, 5],
      [2, 6],
      [3, 7],
    ]);
  });

  it("lends the KPI the number format of its last numeric cell, not of a later text cell", () => {
    const t = sheet(
      "T",
      [
        ["Jan-26", "Feb-26", "Mar-26"],
        [0.5, 0.6, "n/a"],
      ],
      { formats: [[], ["0.0%", "0.0%", "@"]] },
    );
    const { kpi } = read(tag(), t, [named("Cash", row(2, 1, 3))]);
    expect(kpi.observations).toHaveLength(3);
    expect(kpi.numberFormat).toBe("0.0%");
  });
});

describe("a single value", () => {
  it("takes the last filled cell of a target range as long as its own range", () => {
    const t = sheet("T", [
      [5, 6, 7],
      [50, 60, 70],
    ]);
    const { kpi } = read(tag({ targetName: "Plan" }), t, [
      named("Cash", row(1, 1, 3)),
      named("Plan", row(2, 1, 3)),
    ]);
    expect(kpi.observations.map((o) => [value(o.actual), value(o.target), o.targetCell])).toEqual([
      [7, 70, "T!C2"],
    ]);
  });
});

describe("a tagged KPI's fields the tag does not give", () => {
  it("are an empty owner, unit and comment", () => {
    const { kpi } = read(tag(), sheet("T", [[5]]), [named("Cash", row(1, 1, 1))]);
    expect(kpi).toMatchObject({ owner: "", unit: "", comment: "", source: "tag" });
  });

  it("are the tag's owner and unit where it gives them", () => {
    const { kpi } = read(tag({ owner: "Treasurer", unit: "€" }), sheet("T", [[5]]), [
      named("Cash", row(1, 1, 1)),
    ]);
    expect(kpi).toMatchObject({ owner: "Treasurer", unit: "€", comment: "" });
  });
});
