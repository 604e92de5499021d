/**
 * `npm run bench`: `bsc refresh` of monthly KPI tables of 1k, 24k, 100k and 200k rows against
 * ExcelJS alone reading and writing the same workbook, each a whole process of its own (start-up
 * included), times the median of several runs, memory the peak resident size. Budgets (issue 9):
 * at 24k rows at most 0.5× ExcelJS's time and 1× its memory; from 100k rows at most 0.3× and 0.5×.
 * Also how the refresh's time grows with the rows (the exponent of a power law through the sizes
 * from 24k up: 1 is linear), and how long `bsc --help` takes (budget 0.25 s).
 *
 * Beside them, the physical floor on the same file (bench/floor.cjs: read it, inflate every part,
 * scan the table sheet's cells once, deflate that sheet): from 150k rows a refresh may cost at
 * most 2× the floor's time and 2× its memory (issue 20).
 *
 * Then the consolidation (issue 22): `bsc consolidate` of BENCH_UNITS unit workbooks (200) of
 * BENCH_UNIT_ROWS rows each (2,000), beside `bsc refresh` of one workbook of the same total rows:
 * time and peak memory of each, one run each (BENCH_UNITS=0 leaves it out). The units are copies
 * of one generated workbook, made in a folder under the system's temporary folder at run time.
 *
 * Then, where BENCH_CSV_ROWS names sizes (say 250000,500000,1000000), `bsc check` and `bsc refresh`
 * of the same monthly table exported as CSV: time and peak memory of each, one run each, and how the
 * time grows with the rows (issue 20: a million rows within 30 s and 1.5 GB).
 *
 * BENCH_ROWS=24000 BENCH_RUNS=5 npm run bench measures one size; `npm run build:cli` comes first
 * (the benchmark runs bin/bsc.cjs, what users run).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";

const MONTHS = 24;
const SIZES = (process.env.BENCH_ROWS ?? "1000,24000,100000,150000,200000")
  .split(",")
  .filter(Boolean)
  .map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PERSPECTIVES = ["Financial", "Customer", "Internal Processes", "Learning & Growth"];
const POLARITIES = ["higher", "lower", "band"];
const UNITS = Number(process.env.BENCH_UNITS ?? 200);
const UNIT_ROWS = Number(process.env.BENCH_UNIT_ROWS ?? 2000);
const ROOT = path.join(__dirname, "..");
const BSC = path.join(ROOT, "bin", "bsc.cjs");

const HEADERS = [
  "Period",
  "Perspective",
  "Objective",
  "KPI",
  "Owner",
  "Actual",
  "Target",
  "Threshold",
  "Tolerance %",
  "Polarity",
  "Weight",
];

/** A monthly table's rows: KPIs over MONTHS months, a few actuals blank. */
function monthlyRows(rowCount: number): unknown[][] {
  const kpis = Math.max(1, Math.round(rowCount / MONTHS));
  const rows: unknown[][] = [];
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  for (let m = 0; m < MONTHS; m++) {
    const period = `${2025 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
    for (let k = 0; k < kpis; k++) {
      const target = 100 + (k % 50) * 10;
      const blank = random() < 0.03;
      rows.push([
        period,
        PERSPECTIVES[k % 4],
        `Objective ${k % 40}`,
        `KPI ${k}`,
        `Owner ${k % 25}`,
        blank ? null : Math.round(target * (0.8 + random() * 0.4) * 100) / 100,
        target,
        k % 5 === 0 ? target * 0.85 : null,
        k % 7 === 0 ? 0.2 : null,
        POLARITIES[k % 3],
        1 + (k % 3),
      ]);
    }
  }
  return rows;
}

async function writeBigWorkbook(file: string, rowCount: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Monthly KPIs");
  ws.addTable({
    name: "MonthlyKpis",
    ref: "A1",
    headerRow: true,
    columns: HEADERS.map((name) => ({ name })),
    rows: monthlyRows(rowCount),
  });
  await wb.xlsx.writeFile(file);
}

/** The same table as a plain block, streamed: ExcelJS cannot hold 400,000 rows in a workbook object. */
async function streamBigWorkbook(file: string, rowCount: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet("Monthly KPIs");
  ws.addRow(HEADERS).commit();
  for (const row of monthlyRows(rowCount)) ws.addRow(row).commit();
  ws.commit();
  await wb.commit();
}

/** The monthly table as a CSV export, written a megabyte at a time. */
function writeBigCsv(file: string, rowCount: number): void {
  const fd = openSync(file, "w");
  let text = `${HEADERS.join(",")}\n`;
  for (const row of monthlyRows(rowCount)) {
    text += `${row.map((v) => (v === null ? "" : String(v))).join(",")}\n`;
    if (text.length > 1 << 20) {
      writeSync(fd, text);
      text = "";
    }
  }
  writeSync(fd, text);
  closeSync(fd);
}

const CSV_SIZES = (process.env.BENCH_CSV_ROWS ?? "").split(",").filter(Boolean).map(Number);

/** Least squares through log(time) against log(rows): time grows as rows^exponent (1 is linear). */
function growth(points: readonly (readonly [number, number])[]): number {
  const xs = points.map(([r]) => Math.log(r));
  const ys = points.map(([, s]) => Math.log(s));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  return (
    xs.reduce((a, x, i) => a + (x - mx) * ((ys[i] as number) - my), 0) /
    xs.reduce((a, x) => a + (x - mx) ** 2, 0)
  );
}

/** bsc check and refresh of the table as CSV, at each of CSV_SIZES rows. */
function csvExports(dir: string): void {
  console.log(`CSV exports of the monthly table (load ${os.loadavg()[0]?.toFixed(1)}), one run each`);
  console.log("rows        check s    MB   refresh s    MB");
  const checks: [number, number][] = [];
  const refreshes: [number, number][] = [];
  for (const rows of CSV_SIZES) {
    const input = path.join(dir, `export-${rows}.csv`);
    writeBigCsv(input, rows);
    // check exits 1 when KPIs have errors (the table has blank actuals): a reading, not a failure.
    const check = run([BSC, "check", input], [0, 1]);
    const refresh = run([BSC, "refresh", input, "-o", path.join(dir, "export.xlsx"), "--force"]);
    checks.push([rows, check.s]);
    refreshes.push([rows, refresh.s]);
    console.log(
      `${String(rows).padEnd(9)} ${check.s.toFixed(2).padStart(8)} ${check.mb.toFixed(0).padStart(5)} ` +
        `${refresh.s.toFixed(2).padStart(10)} ${refresh.mb.toFixed(0).padStart(5)}`,
    );
    rmSync(input);
  }
  if (CSV_SIZES.length >= 2) {
    console.log(
      `growth: check ∝ rows^${growth(checks).toFixed(2)}, refresh ∝ rows^${growth(refreshes).toFixed(2)} (1 is linear)`,
    );
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** One whole process, timed and its peak memory taken by GNU time; `ok`: the exit codes that are no failure. */
function run(args: string[], ok: readonly number[] = [0]): { s: number; mb: number } {
  const child = spawnSync("/usr/bin/time", ["-f", "BENCH %e %M", process.execPath, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  const m = /BENCH ([\d.]+) (\d+)/.exec(child.stderr ?? "");
  if (!ok.includes(child.status ?? -1) || !m)
    throw new Error(`${args.join(" ")} failed: ${(child.stderr ?? "").slice(-500)}`);
  return { s: Number(m[1]), mb: Number(m[2]) / 1024 };
}

function measure(args: string[], runs = RUNS): { s: number; mb: number } {
  const all = Array.from({ length: runs }, () => run(args));
  return { s: median(all.map((r) => r.s)), mb: Math.max(...all.map((r) => r.mb)) };
}

/**
 * The consolidation of UNITS workbooks of UNIT_ROWS rows each, and the refresh of one workbook of
 * all their rows: the time and peak memory of each, and their ratio.
 */
async function consolidation(dir: string): Promise<void> {
  const folder = path.join(dir, "units");
  mkdirSync(folder);
  const unit = path.join(dir, "unit.xlsx");
  await streamBigWorkbook(unit, UNIT_ROWS);
  for (let i = 1; i <= UNITS; i++)
    copyFileSync(unit, path.join(folder, `unit-${String(i).padStart(3, "0")}.xlsx`));
  const group = path.join(dir, "group.xlsx");
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Notes").addRow(["The group's scorecard"]);
  await wb.xlsx.writeFile(group);
  const whole = path.join(dir, "whole.xlsx");
  await streamBigWorkbook(whole, UNITS * UNIT_ROWS);
  // The units' reading runs on worker threads; a failure is the benchmark's to say (exit 1 is a unit left out).
  const consolidate = run([
    BSC,
    "consolidate",
    group,
    folder,
    "-o",
    path.join(dir, "consolidated.xlsx"),
    "--force",
  ]);
  const refresh = run([BSC, "refresh", whole, "-o", path.join(dir, "whole.scorecard.xlsx"), "--force"]);
  console.log(
    `Consolidation of ${UNITS} units × ${UNIT_ROWS} rows (${os.availableParallelism()} cores), beside the refresh of one workbook of ${UNITS * UNIT_ROWS} rows`,
  );
  console.log("                 s      MB");
  console.log(`consolidate ${consolidate.s.toFixed(2).padStart(6)} ${consolidate.mb.toFixed(0).padStart(7)}`);
  console.log(`refresh     ${refresh.s.toFixed(2).padStart(6)} ${refresh.mb.toFixed(0).padStart(7)}`);
  console.log(
    `ratio       ${(consolidate.s / refresh.s).toFixed(2).padStart(5)}× ${(consolidate.mb / refresh.mb).toFixed(2).padStart(6)}×`,
  );
}

async function main() {
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "build-cli.mjs")]);
  const dir = mkdtempSync(path.join(os.tmpdir(), "bsc-bench-"));
  let over = false;
  try {
    const help = measure([BSC, "--help"], 5);
    console.log(`bsc --help: ${help.s.toFixed(2)} s (budget 0.25 s)`);
    if (help.s > 0.25) over = true;
    console.log(`Refresh of a monthly table (${MONTHS} months), median of ${RUNS} runs, whole processes`);
    console.log(
      "rows      ExcelJS s   MB     bsc s   MB     time   memory   floor s   MB   ×floor time memory",
    );
    const points: [number, number][] = [];
    for (const rows of SIZES) {
      const input = path.join(dir, `rows-${rows}.xlsx`);
      await writeBigWorkbook(input, rows);
      const baseline = measure([
        path.join(__dirname, "baseline.cjs"),
        input,
        path.join(dir, "baseline.xlsx"),
      ]);
      const refresh = measure([BSC, "refresh", input, "-o", path.join(dir, "refreshed.xlsx"), "--force"]);
      const floor = measure([path.join(__dirname, "floor.cjs"), input, path.join(dir, "floor.txt")]);
      const time = refresh.s / baseline.s;
      const memory = refresh.mb / baseline.mb;
      const floorTime = refresh.s / floor.s;
      const floorMemory = refresh.mb / floor.mb;
      const overFloor = rows >= 150_000 && (floorTime > 2 || floorMemory > 2);
      const [timeBudget, memoryBudget] =
        rows >= 100_000 ? [0.3, 0.5] : rows >= 24_000 ? [0.5, 1] : [Infinity, Infinity];
      const verdict = time > timeBudget || memory > memoryBudget || overFloor ? "  OVER BUDGET" : "";
      if (verdict) over = true;
      if (rows >= 24_000) points.push([rows, refresh.s]);
      console.log(
        `${String(rows).padEnd(9)} ${baseline.s.toFixed(2).padStart(8)} ${baseline.mb.toFixed(0).padStart(5)} ` +
          `${refresh.s.toFixed(2).padStart(8)} ${refresh.mb.toFixed(0).padStart(5)} ` +
          `${time.toFixed(2).padStart(6)}× ${memory.toFixed(2).padStart(6)}× ` +
          `${floor.s.toFixed(2).padStart(8)} ${floor.mb.toFixed(0).padStart(5)} ` +
          `${floorTime.toFixed(2).padStart(8)}× ${floorMemory.toFixed(2).padStart(5)}×${verdict}`,
      );
    }
    if (points.length >= 2) console.log(`growth: time ∝ rows^${growth(points).toFixed(2)} (1 is linear)`);
    if (UNITS > 0) await consolidation(dir);
    if (CSV_SIZES.length) csvExports(dir);
    if (over) {
      console.log("OVER BUDGET");
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
