import {
  consolidate,
  consolidateInto,
  readGroupWorkbook,
  readUnit,
  unitCell,
  unitName,
  type UnitReading,
} from "../../src/app/consolidate";
import { readWorkbookState } from "../../src/app/scoring";
import { emptyDefinition } from "../../src/model/definition";
import { groupKpiName, readKpiMap } from "../../src/model/kpiMap";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { book, sheet, tableSheet } from "../helpers/book";

const settings = emptyDefinition().settings;

/** A unit's workbook: a long monthly table of the KPIs given, read as check reads it. */
async function unit(
  name: string,
  rows: readonly (readonly [string, string, string, string, number | null, number, string?])[],
  entity?: string,
): Promise<UnitReading> {
  const header = [
    "Period",
    "Perspective",
    "Objective",
    "KPI",
    "Actual",
    "Target",
    ...(entity ? ["Site"] : []),
  ];
  const body = rows.map(([period, p, o, k, a, t]) => [period, p, o, k, a, t, ...(entity ? [entity] : [])]);
  const port = new MemoryWorkbook(book(sheet("Data", [header, ...body])));
  return readUnit({ name, file: `${name}.xlsx` }, port);
}

const kpisOf = (r: ReturnType<typeof consolidate>, entity: string) => {
  if (!r.ok) throw new Error(r.fatal.message);
  const e = r.result.entities.find((x) => x.name === entity);
  return new Map(
    e?.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis.map((k) => [k.kpi.name, k]))),
  );
};

describe("the KPI map", () => {
  it("is found by the detector by its three headers below a title, in an Excel table or a plain block, a blank row passed over", () => {
    const plain = sheet(
      "Map",
      [
        ["How the units name their KPIs"],
        [],
        ["Business unit", "Unit's KPI", "Group KPI name"],
        ["South", "Sales", "Revenue"],
        ["North ", "Headcount", ""],
        [],
        ["West", "Costs", "Spend"],
      ],
      { top: 1 },
    );
    const map = readKpiMap(book(plain), new Set());
    expect(map.address).toBe("Map!A3:C3");
    expect(map.entries).toEqual([
      { unit: "South", unitKpi: "Sales", groupKpi: "Revenue", cell: "Map!A4" },
      { unit: "West", unitKpi: "Costs", groupKpi: "Spend", cell: "Map!A7" },
    ]);
    expect(map.issues).toEqual([
      expect.objectContaining({
        code: "kpi-map-incomplete",
        cell: "Map!A5",
        message: expect.stringContaining("group KPI name"),
      }),
    ]);
    const table = readKpiMap(
      book(
        sheet("Notes", [["x"]]),
        tableSheet("T", "KpiMap", [
          ["Unit", "Unit KPI", "Group KPI"],
          ["east", "NPS %", "NPS"],
        ]),
      ),
      new Set(),
    );
    expect(table.entries.map((e) => e.groupKpi)).toEqual(["NPS"]);
  });

  it("skips the product's own sheets, and a workbook without one maps nothing", () => {
    const owned = sheet("Scorecard", [
      ["Unit", "Unit's KPI name", "Group KPI name"],
      ["a", "b", "c"],
    ]);
    expect(readKpiMap(book(owned), new Set(["Scorecard"])).entries).toEqual([]);
  });

  it("renames a unit's KPI only for the unit it names, by its name or its file's, case and spaces aside", () => {
    const map = readKpiMap(
      book(
        sheet("M", [
          ["Unit", "Unit's KPI name", "Group KPI name"],
          ["SOUTH", "sales  total", "Revenue"],
        ]),
      ),
      new Set(),
    );
    expect(groupKpiName(map, ["south", "south.xlsx"], "Sales total")).toBe("Revenue");
    expect(groupKpiName(map, ["north", "north.xlsx"], "Sales total")).toBe("Sales total");
  });
});

describe("consolidate", () => {
  it("names a unit by its file and a cell by Excel's reference to another workbook", () => {
    expect(unitName("units/2026-03/North Region.xlsx")).toBe("North Region");
    expect(unitName("C:\\units\\south.CSV")).toBe("south");
    expect(unitCell("units/north.xlsx", "'KPI Data'!E5")).toBe("[north.xlsx]'KPI Data'!E5");
  });

  it("scores every unit for the group's period, the latest in which any unit has an actual", async () => {
    const north = await unit("north", [
      ["2026-01", "Financial", "Grow", "Revenue", 90, 100],
      ["2026-02", "Financial", "Grow", "Revenue", 110, 100],
    ]);
    const south = await unit("south", [["2026-01", "Financial", "Grow", "Revenue", 80, 100]]);
    const r = consolidate([north, south], { kpiMap: readKpiMap(book(), new Set()), settings });
    expect(r.ok && r.result.period).toBe("2026-02");
    expect(kpisOf(r, "north").get("Revenue")).toMatchObject({
      actual: 110,
      status: "green",
      cell: "[north.xlsx]Data!E3",
    });
    expect(kpisOf(r, "south").get("Revenue")).toMatchObject({ actual: null, status: "none" });
  });

  it("leaves out a unit whose periods are of another kind, saying which", async () => {
    const months = await unit("north", [["2026-01", "Financial", "Grow", "Revenue", 90, 100]]);
    const quarters = await unit("south", [["2026-Q1", "Financial", "Grow", "Revenue", 90, 100]]);
    const r = consolidate([months, quarters], { kpiMap: readKpiMap(book(), new Set()), settings });
    if (!r.ok) throw new Error(r.fatal.message);
    expect(r.result.entities.map((e) => e.name)).toEqual(["north"]);
    expect(r.incomplete).toBe(true);
    expect(r.report.units[1]).toMatchObject({
      name: "south",
      reason: expect.stringMatching(/quarters.*months/),
    });
  });

  it("scores the kind of period most units have, whichever unit is given first", async () => {
    const single = await unit("aaa", [["", "Financial", "Grow", "Revenue", 90, 100]]);
    const north = await unit("north", [["2026-01", "Financial", "Grow", "Revenue", 90, 100]]);
    const south = await unit("south", [["2026-01", "Financial", "Grow", "Revenue", 80, 100]]);
    for (const order of [
      [single, north, south],
      [north, single, south],
      [north, south, single],
    ]) {
      const r = consolidate(order, { kpiMap: readKpiMap(book(), new Set()), settings });
      if (!r.ok) throw new Error(r.fatal.message);
      expect(r.result.entities.map((e) => e.name).sort()).toEqual(["north", "south"]);
      expect(r.report.units.find((u) => u.name === "aaa")?.reason).toBe(
        "it has no periods (one value per KPI), where most units (north.xlsx among them) have months; a group scores one kind of period.",
      );
    }
  });

  it("leaves out a second unit's workbook of a name already consolidated, naming the first", async () => {
    const a = await unit("north", [["2026-01", "Financial", "Grow", "Revenue", 90, 100]]);
    const b = {
      ...(await unit("north", [["2026-01", "Financial", "Grow", "Revenue", 10, 100]])),
      unit: { name: "North", file: "other/North.xlsx" },
    };
    const r = consolidate([a, b], { kpiMap: readKpiMap(book(), new Set()), settings });
    if (!r.ok) throw new Error(r.fatal.message);
    expect(r.result.entities.map((e) => e.name)).toEqual(["north"]);
    expect(r.report.units[1]).toMatchObject({
      name: "North",
      reason: expect.stringContaining("north.xlsx, is consolidated already"),
    });
  });

  it("records each consolidated period in the group's History sheet, keeping the others", async () => {
    const rows = [
      ["2026-01", "Financial", "Grow", "Revenue", 90, 100],
      ["2026-02", "Financial", "Grow", "Revenue", 95, 100],
    ] as const;
    const readings = [await unit("north", [...rows]), await unit("south", [...rows])];
    const port = new MemoryWorkbook(book(sheet("Notes", [["The group"]])));
    for (const period of ["2026-01", "2026-02"]) {
      const group = await readGroupWorkbook(port);
      if ("code" in group) throw new Error(group.message);
      const r = await consolidateInto(port, group, readings, {
        remember: readings.map((x) => x.unit),
        now: new Date(),
        period,
      });
      expect(r.ok).toBe(true);
    }
    const state = await readWorkbookState(port);
    if ("code" in state) throw new Error(state.message);
    const history = state.history ?? [];
    expect([...new Set(history.map((h) => h.period))]).toEqual(["2026-01", "2026-02"]);
    const south = history.find((h) => h.period === "2026-02" && h.level === "KPI" && h.entity === "south");
    expect(south).toMatchObject({
      kpi: "Revenue",
      actual: 95,
      source: expect.stringContaining("[south.xlsx]"),
    });
  });

  it("is no scorecard when no unit could be read", () => {
    const r = consolidate(
      [{ ok: false, unit: { name: "a", file: "a.xlsx" }, reason: "Cannot read a.xlsx." }],
      {
        kpiMap: readKpiMap(book(), new Set()),
        settings,
      },
    );
    expect(r).toMatchObject({ ok: false, fatal: { code: "no-unit-consolidated" } });
    expect(!r.ok && r.fatal.message).toBe(
      "The unit's workbook could not be consolidated (its reason is above); the group's workbook is left as it was.",
    );
  });

  it("keeps the first of two KPIs a unit has under one group name, and warns", async () => {
    const north = await unit("north", [
      ["2026-01", "Financial", "Grow", "Revenue", 90, 100],
      ["2026-01", "Financial", "Grow", "Sales", 50, 100],
    ]);
    const map = readKpiMap(
      book(
        sheet("M", [
          ["Unit", "Unit's KPI name", "Group KPI name"],
          ["north", "Sales", "Revenue"],
        ]),
      ),
      new Set(),
    );
    const r = consolidate([north], { kpiMap: map, settings });
    expect(kpisOf(r, "north").get("Revenue")).toMatchObject({ actual: 90 });
    expect(r.ok && r.report.issues.map((i) => i.code)).toContain("unit-kpi-mapped-twice");
  });

  it("says when the map names a unit that is not consolidated", async () => {
    const north = await unit("north", [["2026-01", "Financial", "Grow", "Revenue", 90, 100]]);
    const map = readKpiMap(
      book(
        sheet("M", [
          ["Unit", "Unit's KPI name", "Group KPI name"],
          ["Nort", "Sales", "Revenue"],
        ]),
      ),
      new Set(),
    );
    const r = consolidate([north], { kpiMap: map, settings });
    expect(r.ok && r.report.issues).toContainEqual(
      expect.objectContaining({ code: "kpi-map-unknown-unit", cell: "M!A2" }),
    );
  });

  it("gives a unit with an Entity column an entity per unit and entity", async () => {
    const north = await unit("north", [["2026-01", "Financial", "Grow", "Revenue", 90, 100]], "Plant 1");
    const r = consolidate([north], { kpiMap: readKpiMap(book(), new Set()), settings });
    expect(r.ok && r.result.entities.map((e) => e.name)).toEqual(["north · Plant 1"]);
  });

  it("rolls each group KPI up from the units' scores, a unit without it counting as no data", async () => {
    const a = await unit("a", [
      ["2026-01", "Financial", "Grow", "Revenue", 100, 100],
      ["2026-01", "Customer", "Delight", "NPS", 10, 40],
    ]);
    const b = await unit("b", [["2026-01", "Financial", "Grow", "Revenue", 50, 100]]);
    const r = consolidate([a, b], { kpiMap: readKpiMap(book(), new Set()), settings });
    if (!r.ok) throw new Error(r.fatal.message);
    const revenue = r.result.perspectives[0]?.objectives[0]?.kpis[0];
    const scores = [kpisOf(r, "a").get("Revenue")?.score, kpisOf(r, "b").get("Revenue")?.score] as number[];
    expect(revenue?.score).toBeCloseTo((scores[0]! + scores[1]!) / 2, 10);
    const nps = r.result.perspectives[1]?.objectives[0]?.kpis[0];
    expect(nps).toMatchObject({ status: "red", score: kpisOf(r, "a").get("NPS")?.score });
    expect(kpisOf(r, "b").get("NPS")).toMatchObject({ status: "none", cell: null });
  });

  it("judges a group KPI's trend on the units that report it, a unit without it not stopping it", async () => {
    const a = await unit("a", [
      ["2026-01", "Customer", "Delight", "NPS", 30, 40],
      ["2026-02", "Customer", "Delight", "NPS", 35, 40],
    ]);
    const b = await unit("b", [
      ["2026-01", "Financial", "Grow", "Revenue", 50, 100],
      ["2026-02", "Financial", "Grow", "Revenue", 60, 100],
    ]);
    const r = consolidate([a, b], { kpiMap: readKpiMap(book(), new Set()), settings });
    if (!r.ok) throw new Error(r.fatal.message);
    const nps = r.result.perspectives.find((p) => p.name === "Customer")?.objectives[0]?.kpis[0];
    expect(nps).toMatchObject({ trend: "better" });
  });
});
