import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { runCli } from "../../src/cli/main";
import type { KpiReport, ScorecardReport } from "../../src/app/report";
import type { UnitOutcome } from "../../src/app/consolidate";
import { loadWorkbook, workbookBytes } from "../helpers/xlsx";

const NOW = new Date("2026-04-02T00:00:00Z");

interface Run {
  code: number;
  out: string;
  err: string;
}

async function bsc(dir: string, ...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    cwd: dir,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    now: NOW,
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

type GroupJson = ScorecardReport & { units: UnitOutcome[] };

/** A unit's KPIs as its own check gives them, by perspective, objective and name. */
const kpisOf = (perspectives: ScorecardReport["perspectives"]): Map<string, KpiReport> =>
  new Map(
    perspectives.flatMap((p) =>
      p.objectives.flatMap((o) => o.kpis.map((k) => [`${p.name}/${o.name}/${k.name}`, k] as const)),
    ),
  );

const MONTHS = ["2026-01", "2026-02", "2026-03"];

/** North: a long table, a row per KPI per month. */
const north = () =>
  workbookBytes([
    {
      name: "KPI Data",
      rows: [
        ["Period", "Perspective", "Objective", "KPI", "Actual", "Target", "Polarity"],
        ...MONTHS.flatMap((m, i) => [
          [m, "Financial", "Grow revenue", "Revenue", 900 + 60 * i, 1000, "higher"],
          [m, "Financial", "Control costs", "Costs", 480 + 15 * i, 500, "lower"],
          [m, "Customer", "Delight customers", "NPS", 30 + i, 40, "higher"],
        ]),
      ],
    },
  ]);

/** South: a wide table, months across; its revenue is called "Sales", and it keeps no NPS. */
const south = () =>
  workbookBytes([
    {
      name: "Monthly",
      rows: [
        ["Perspective", "Objective", "KPI", "Polarity", "Target", "Jan 2026", "Feb 2026", "Mar 2026"],
        ["Financial", "Grow revenue", "Sales", "higher", 800, 700, 760, 820],
        ["Financial", "Control costs", "Costs", "lower", 400, 420, 410, 390],
      ],
    },
  ]);

/** East before its first refresh: headers bsc does not know, read through --map. */
const eastRaw = () =>
  workbookBytes([
    {
      name: "Figures",
      rows: [
        ["Month", "Area", "Aim", "Line", "Got", "Bar", "Direction"],
        ...MONTHS.flatMap((m, i) => [
          [m, "Financial", "Grow revenue", "Revenue", 1200 - 100 * i, 1100, "higher"],
          [m, "Financial", "Control costs", "Costs", 600, 650, "lower"],
          [m, "Customer", "Delight customers", "NPS", 20 + 10 * i, 35, "higher"],
        ]),
      ],
    },
  ]);

/** The group's workbook: a KPI map naming south's "Sales" as the group's "Revenue". */
const group = () =>
  workbookBytes([
    {
      name: "KPI map",
      rows: [
        ["Unit", "Unit's KPI name", "Group KPI name"],
        ["South", "Sales", "Revenue"],
      ],
    },
  ]);

async function units(): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bsc-consolidate-"));
  writeFileSync(path.join(dir, "north.xlsx"), await north());
  writeFileSync(path.join(dir, "south.xlsx"), await south());
  writeFileSync(path.join(dir, "east-raw.xlsx"), await eastRaw());
  writeFileSync(path.join(dir, "broken.xlsx"), "this is no workbook");
  writeFileSync(path.join(dir, "group.xlsx"), await group());
  // East's reading is kept in its stored definition: its own check needs no --map.
  const mapped = await bsc(
    dir,
    "refresh",
    "east-raw.xlsx",
    "-o",
    "east.xlsx",
    "--map",
    "period=Month",
    "--map",
    "perspective=Area",
    "--map",
    "objective=Aim",
    "--map",
    "kpi=Line",
    "--map",
    "actual=Got",
    "--map",
    "target=Bar",
    "--map",
    "polarity=Direction",
  );
  expect(mapped.err).toContain("Wrote east.xlsx");
  return dir;
}

describe("bsc consolidate", () => {
  let dir: string;
  let run: Run;
  let json: GroupJson;
  beforeAll(async () => {
    dir = await units();
    run = await bsc(
      dir,
      "consolidate",
      "group.xlsx",
      "north.xlsx",
      "south.xlsx",
      "east.xlsx",
      "broken.xlsx",
      "--json",
    );
    json = JSON.parse(run.out) as GroupJson;
  });

  it("gives each unit the results its own bsc check gives, its cells named with its file", async () => {
    expect(json.entities?.map((e) => e.name)).toEqual(["north", "south", "east"]);
    for (const unit of ["north", "south", "east"]) {
      const check = await bsc(dir, "check", `${unit}.xlsx`, "--json");
      expect(check.code).toBe(0);
      const own = JSON.parse(check.out) as ScorecardReport;
      expect(own.period).toBe(json.period);
      const entity = json.entities?.find((e) => e.name === unit);
      expect(entity?.scorecard).toEqual(own.scorecard);
      const consolidated = kpisOf(entity?.perspectives ?? []);
      for (const [key, k] of kpisOf(own.perspectives)) {
        const groupKey = key.replace(/\/Sales$/, "/Revenue");
        const mine = consolidated.get(groupKey);
        expect({ key, ...mine, cell: mine?.cell }).toEqual({
          key,
          ...k,
          name: mine?.name,
          cell: `[${unit}.xlsx]${k.cell}`,
        });
      }
      expect(json.units.find((u) => u.name === unit)).toMatchObject({
        file: `${unit}.xlsx`,
        score: own.scorecard.score,
        status: own.scorecard.status,
        reason: null,
      });
    }
  });

  it("reports a unit that cannot be read with check's own sentence, leaves it out, and exits 1", async () => {
    const check = await bsc(dir, "check", "broken.xlsx");
    expect(check.code).toBe(2);
    expect(run.code).toBe(1);
    expect(json.units.find((u) => u.name === "broken")).toEqual({
      name: "broken",
      file: "broken.xlsx",
      read: null,
      score: null,
      status: "none",
      reason: check.err,
    });
    expect(json.issues).toContainEqual(
      expect.objectContaining({
        code: "unit-left-out",
        severity: "error",
        message: expect.stringContaining(check.err),
      }),
    );
    expect(run.err).toContain("3 of 4 units consolidated, 1 left out");
  });

  it("says of a unit bsc cannot read without help what check says, the command that reads it included", async () => {
    const check = await bsc(dir, "check", "east-raw.xlsx");
    expect(check.code).toBe(1);
    const again = await bsc(
      dir,
      "consolidate",
      "group.xlsx",
      "north.xlsx",
      "east-raw.xlsx",
      "-o",
      "raw.xlsx",
      "--json",
    );
    const raw = (JSON.parse(again.out) as GroupJson).units.find((u) => u.name === "east-raw");
    expect(raw?.reason).toBe(check.err);
  });

  it("reads a unit's CSV export as check reads it", async () => {
    const csv = [
      "Month;KPI;Actual;Target",
      "2026-02;Revenue;1.050,5;1.000",
      "2026-03;Revenue;990,25;1.000",
    ].join("\n");
    writeFileSync(path.join(dir, "west.csv"), csv);
    const check = JSON.parse((await bsc(dir, "check", "west.csv", "--json")).out) as ScorecardReport;
    const run = await bsc(
      dir,
      "consolidate",
      "group.xlsx",
      "north.xlsx",
      "west.csv",
      "-o",
      "west.xlsx",
      "--json",
    );
    const west = (JSON.parse(run.out) as GroupJson).entities?.find((e) => e.name === "west");
    const own = [...kpisOf(check.perspectives).values()][0];
    const mine = [...kpisOf(west?.perspectives ?? []).values()].find((k) => k.name === "Revenue");
    expect(own).toMatchObject({ actual: 990.25, target: 1000 });
    expect(mine).toEqual({ ...own, cell: `[west.csv]${own?.cell}` });
  });

  it("renames a unit's KPI through the group's KPI map", () => {
    const south = json.entities?.find((e) => e.name === "south");
    const names = south?.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis.map((k) => k.name)));
    expect(names).toContain("Revenue");
    expect(names).not.toContain("Sales");
    const revenue = kpisOf(south?.perspectives ?? []).get("Financial/Grow revenue/Revenue");
    expect(revenue).toMatchObject({
      actual: 820,
      target: 800,
      status: "green",
      cell: "[south.xlsx]Monthly!H2",
    });
  });

  it("shows a KPI a unit does not keep as no data for that unit, and says so", () => {
    const south = kpisOf(json.entities?.find((e) => e.name === "south")?.perspectives ?? []);
    expect(south.get("Customer/Delight customers/NPS")).toMatchObject({
      status: "none",
      actual: null,
      score: null,
    });
    expect(json.issues).toContainEqual(
      expect.objectContaining({ code: "unit-kpi-missing", message: expect.stringContaining('"NPS"') }),
    );
  });

  it("rolls the units up per KPI: the group's Revenue from the three units' statuses", () => {
    const group = kpisOf(json.perspectives).get("Financial/Grow revenue/Revenue");
    const scores = ["north", "south", "east"].map(
      (u) =>
        kpisOf(json.entities?.find((e) => e.name === u)?.perspectives ?? []).get(
          "Financial/Grow revenue/Revenue",
        )?.score as number,
    );
    expect(group?.score).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / 3, 10);
  });

  it("writes the group's Scorecard sheet: the units side by side, each unit's file and cells, the broken one's reason", async () => {
    const wb = await loadWorkbook(readFileSync(path.join(dir, "group.scorecard.xlsx")));
    const ws = wb.getWorksheet("Scorecard");
    const texts: string[] = [];
    ws?.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toEqual(
      expect.arrayContaining(["By entity", "north", "south", "east", "north.xlsx", "Source cells"]),
    );
    expect(texts).toContain("[south.xlsx]Monthly!H2");
    expect(texts.find((t) => t.startsWith("Left out: "))).toContain("broken.xlsx");
    expect(wb.getWorksheet("KPI map")?.getCell("B2").value).toBe("Sales");
  });

  it("remembers the units' files: next month a folder of new files is enough, the missing ones named", async () => {
    const next = path.join(dir, "april");
    mkdirSync(next);
    copyFileSync(path.join(dir, "north.xlsx"), path.join(next, "north.xlsx"));
    copyFileSync(path.join(dir, "south.xlsx"), path.join(next, "south.xlsx"));
    const again = await bsc(
      dir,
      "consolidate",
      "group.scorecard.xlsx",
      "april",
      "-o",
      "group-april.xlsx",
      "--json",
    );
    const report = JSON.parse(again.out) as GroupJson;
    expect(again.code).toBe(1);
    expect(report.units.map((u) => [u.name, u.file, u.reason === null])).toEqual([
      ["north", path.join("april", "north.xlsx"), true],
      ["south", path.join("april", "south.xlsx"), true],
      ["east", "east.xlsx", false],
      ["broken", "broken.xlsx", false],
    ]);
    expect(report.units.find((u) => u.name === "east")?.reason).toMatch(
      /consolidated last time but is not among the files given/,
    );
  });

  it("reads a unit once when its refreshed copy lies beside it in the folder, and says so", async () => {
    const folder = path.join(dir, "with-copies");
    mkdirSync(folder);
    copyFileSync(path.join(dir, "north.xlsx"), path.join(folder, "north.xlsx"));
    copyFileSync(path.join(dir, "south.xlsx"), path.join(folder, "south.xlsx"));
    expect((await bsc(folder, "refresh", "north.xlsx")).code).toBe(0);
    expect(existsSync(path.join(folder, "north.scorecard.xlsx"))).toBe(true);
    const run = await bsc(
      dir,
      "consolidate",
      "group.xlsx",
      "with-copies",
      "-o",
      "group-copies.xlsx",
      "--json",
    );
    const report = JSON.parse(run.out) as GroupJson;
    expect(report.units.map((u) => u.name)).toEqual(["north", "south"]);
    expect(run.err).toContain(
      `${path.join("with-copies", "north.scorecard.xlsx")} is not read: it is the refreshed copy of ${path.join("with-copies", "north.xlsx")}, read instead.`,
    );
  });

  it("with no unit given, reads again the units the group's workbook remembers", async () => {
    const again = await bsc(dir, "consolidate", "group.scorecard.xlsx", "-o", "group-again.xlsx", "--json");
    const report = JSON.parse(again.out) as GroupJson;
    expect(report.units.map((u) => u.name)).toEqual(["north", "south", "east", "broken"]);
    expect(report.entities).toEqual(json.entities);
  });

  it("scores every unit for the period asked, and says when no unit has it (exit 1, nothing written)", async () => {
    const feb = await bsc(
      dir,
      "consolidate",
      "group.xlsx",
      "north.xlsx",
      "south.xlsx",
      "-o",
      "feb.xlsx",
      "--period",
      "2026-02",
      "--json",
    );
    const report = JSON.parse(feb.out) as GroupJson;
    expect(feb.code).toBe(0);
    expect(report.period).toBe("2026-02");
    const north = kpisOf(report.entities?.find((e) => e.name === "north")?.perspectives ?? []);
    expect(north.get("Financial/Grow revenue/Revenue")).toMatchObject({
      actual: 960,
      cell: "[north.xlsx]'KPI Data'!E5",
    });
    const none = await bsc(
      dir,
      "consolidate",
      "group.xlsx",
      "north.xlsx",
      "-o",
      "none.xlsx",
      "--period",
      "2030-01",
    );
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/2030-01/);
    expect(existsSync(path.join(dir, "none.xlsx"))).toBe(false);
  });

  it("has check and refresh say of a group's workbook that it is one, and how to consolidate it again", async () => {
    for (const command of ["check", "refresh"]) {
      const run = await bsc(
        dir,
        command,
        "group.scorecard.xlsx",
        ...(command === "refresh" ? ["-o", "r.xlsx"] : []),
      );
      expect(run.code).toBe(1);
      expect(run.err).toMatch(
        /^This is a group's workbook: .*\(north\.xlsx, south\.xlsx, east\.xlsx, broken\.xlsx\).*bsc consolidate/,
      );
    }
  });

  it("refuses a group's workbook that remembers no unit when none is given (exit 2)", async () => {
    const none = await bsc(dir, "consolidate", "group.xlsx", "-o", "x.xlsx");
    expect(none.code).toBe(2);
    expect(none.err).toContain("remembers none yet");
  });

  it("reads the units on worker threads in the built bsc, with the same report as in one thread", async () => {
    const root = path.join(__dirname, "..", "..");
    const run = promisify(execFile);
    await run(process.execPath, [path.join(root, "scripts", "build-cli.mjs")], { cwd: root });
    const built = async (readers: string) => {
      const args = ["consolidate", "group.xlsx", "north.xlsx", "south.xlsx", "east.xlsx", "broken.xlsx"];
      const child = await run(
        process.execPath,
        [path.join(root, "bin", "bsc.cjs"), ...args, "-o", `threads-${readers}.xlsx`, "--json"],
        { cwd: dir, env: { ...process.env, BSC_UNIT_READERS: readers } },
      ).catch((e: { code: number; stdout: string; stderr: string }) => e);
      expect("code" in child ? child.code : 0).toBe(1);
      return JSON.parse(child.stdout) as GroupJson;
    };
    const [two, one] = [await built("2"), await built("1")];
    expect(two).toEqual(one);
    expect(two.units).toEqual(json.units);
    expect(two.entities).toEqual(json.entities);
  }, 60_000);

  it("leaves out a unit too large for a reader's memory cap, and goes on with a fresh reader", async () => {
    const root = path.join(__dirname, "..", "..");
    const run = promisify(execFile);
    await run(process.execPath, [path.join(root, "scripts", "build-cli.mjs")], { cwd: root });
    const rows = Array.from(
      { length: 100_000 },
      (_, i) => `KPI ${i % 500},2026-${String((i % 12) + 1).padStart(2, "0")},${i},5`,
    );
    writeFileSync(path.join(dir, "big.csv"), ["KPI,Month,Actual,Target", ...rows].join("\n"));
    const args = [
      "consolidate",
      "group.xlsx",
      "big.csv",
      "north.xlsx",
      "south.xlsx",
      "-o",
      "capped.xlsx",
      "--json",
    ];
    const child = await run(process.execPath, [path.join(root, "bin", "bsc.cjs"), ...args], {
      cwd: dir,
      env: { ...process.env, BSC_UNIT_READERS: "2", BSC_HEAP_LIMIT_MB: "16" },
    }).catch((e: { code: number; stdout: string }) => e);
    expect("code" in child ? child.code : 0).toBe(1);
    const units = (JSON.parse(child.stdout) as GroupJson).units;
    expect(units.map((u) => [u.name, u.reason === null])).toEqual([
      ["big", false],
      ["north", true],
      ["south", true],
    ]);
    expect(units[0]?.reason).toBe(
      "Cannot read big.csv: the workbook is too large for bsc's memory limit (16 MB of working memory). Split the table, or score fewer rows.",
    );
  }, 120_000);

  it("writes into the group's workbook itself with --in-place, holding and then releasing its lock", async () => {
    copyFileSync(path.join(dir, "group.xlsx"), path.join(dir, "in-place.xlsx"));
    const run = await bsc(dir, "consolidate", "in-place.xlsx", "north.xlsx", "--in-place");
    expect(run.code).toBe(0);
    expect(run.err).toContain("Wrote in-place.xlsx: 1 of 1 units consolidated.");
    const wb = await loadWorkbook(readFileSync(path.join(dir, "in-place.xlsx")));
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["KPI map", "Scorecard"]));
    expect(existsSync(path.join(dir, ".in-place.xlsx.bsc-lock"))).toBe(false);
  });

  it("writes as refresh does: an existing output only with --force", async () => {
    const again = await bsc(dir, "consolidate", "group.xlsx", "north.xlsx");
    expect(again.code).toBe(2);
    expect(again.err).toContain("group.scorecard.xlsx already exists; use --force");
  });
});
