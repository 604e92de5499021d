/**
 * One measured run, in its own process so that peak memory is its own: either ExcelJS alone
 * reading and writing the workbook (the baseline), a full `bsc refresh` of it, or the reader
 * alone (the scorecard found and read from a workbook already loaded; the load is not timed).
 * Prints {"ms": …, "maxRssMb": …} on stdout.
 */
import ExcelJS from "exceljs";
import { runCli } from "../src/cli/main";
import { readScorecard } from "../src/model/read";
import { snapshotOf } from "../src/workbook/xlsx/snapshot";

async function main() {
  const [mode, input, output] = process.argv.slice(2) as [string, string, string];
  let started = process.hrtime.bigint();
  if (mode === "read") {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    started = process.hrtime.bigint();
    const reading = readScorecard(snapshotOf(wb), null, new Set());
    if (!reading.ok) throw new Error("the benchmark workbook holds no scorecard");
  } else if (mode === "baseline") {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    await wb.xlsx.writeFile(output);
  } else {
    const code = await runCli(["refresh", input, "-o", output, "--force"], {
      stdout: () => undefined,
      stderr: () => undefined,
      cwd: process.cwd(),
    });
    if (code !== 0) throw new Error(`bsc refresh exited ${code}`);
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ms, maxRssMb }));
}

void main();
