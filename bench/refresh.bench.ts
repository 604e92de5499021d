/**
 * `npm run bench`: a refresh of a 24,000-row monthly table (1,000 KPIs × 24 months) against
 * ExcelJS alone reading and writing the same workbook. The budget: at most 1.5× the time and
 * 2× the peak memory. The reader's own share is shown apart: it must stay linear in the rows. Each run is a fresh process; times are medians of several runs.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";

const KPIS = Number(process.env.BENCH_KPIS ?? 1000);
const MONTHS = Number(process.env.BENCH_MONTHS ?? 24);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PERSPECTIVES = ["Financial", "Customer", "Internal Processes", "Learning & Growth"];
const POLARITIES = ["higher", "lower", "band"];

async function writeBigWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Monthly KPIs");
  const rows: unknown[][] = [];
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  for (let m = 0; m < MONTHS; m++) {
    const period = `${2025 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
    for (let k = 0; k < KPIS; k++) {
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
  ws.addTable({
    name: "MonthlyKpis",
    ref: "A1",
    headerRow: true,
    columns: [
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
    ].map((name) => ({ name })),
    rows,
  });
  await wb.xlsx.writeFile(file);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function measure(mode: string, input: string, output: string) {
  const runs = Array.from({ length: RUNS }, () => {
    const out = execFileSync(
      process.execPath,
      ["--import", "tsx", path.join(__dirname, "worker.ts"), mode, input, output],
      {
        encoding: "utf8",
        maxBuffer: 1 << 20,
      },
    );
    return JSON.parse(out) as { ms: number; maxRssMb: number };
  });
  return { ms: median(runs.map((r) => r.ms)), maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)) };
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bsc-bench-"));
  try {
    const input = path.join(dir, "big.xlsx");
    await writeBigWorkbook(input);
    const baseline = measure("baseline", input, path.join(dir, "baseline.xlsx"));
    const refresh = measure("refresh", input, path.join(dir, "refreshed.xlsx"));
    const reader = measure("read", input, "");
    const time = refresh.ms / baseline.ms;
    const memory = refresh.maxRssMb / baseline.maxRssMb;
    const row = (name: string, r: { ms: number; maxRssMb: number }) =>
      `${name.padEnd(26)} ${r.ms.toFixed(0).padStart(7)} ms ${r.maxRssMb.toFixed(0).padStart(6)} MB peak RSS`;
    console.log(`Refresh of ${KPIS * MONTHS} rows (${KPIS} KPIs × ${MONTHS} months), median of ${RUNS} runs`);
    console.log(row("ExcelJS read + write", baseline));
    console.log(row("bsc refresh", refresh));
    console.log(
      `${"of which reading".padEnd(26)} ${reader.ms.toFixed(0).padStart(7)} ms (snapshot and model)`,
    );
    console.log(`time ${time.toFixed(2)}× (budget 1.5×), memory ${memory.toFixed(2)}× (budget 2×)`);
    if (time > 1.5 || memory > 2) {
      console.log("OVER BUDGET");
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
