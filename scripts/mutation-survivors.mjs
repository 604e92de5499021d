/* global process, console */
// `npm run mutate:survivors [report.json]`: the mutants that survived the last `npm run mutate`,
// one line each (file:line:column, mutator, replacement, the source line), and each directory's
// score as Stryker counts it (killed + timed out over all valid mutants), to compare with the
// README's targets and docs/mutation-survivors.md.
import { readFileSync } from "node:fs";

const file = process.argv[2] ?? "reports/mutation/mutation.json";
const report = JSON.parse(readFileSync(file, "utf8"));
const byDir = new Map();
for (const [path, { source, mutants }] of Object.entries(report.files)) {
  const lines = source.split("\n");
  const dir = path.split("/").slice(0, 2).join("/");
  const score = byDir.get(dir) ?? { detected: 0, valid: 0 };
  for (const m of mutants) {
    if (["Ignored", "CompileError", "RuntimeError"].includes(m.status)) continue;
    score.valid++;
    if (m.status === "Killed" || m.status === "Timeout") score.detected++;
    else {
      const { line, column } = m.location.start;
      const replacement = (m.replacement ?? "").replace(/\s+/g, " ").slice(0, 60);
      console.log(
        `${path}:${line}:${column} ${m.status} ${m.mutatorName} → ${replacement} | ${lines[line - 1].trim().slice(0, 90)}`,
      );
    }
  }
  byDir.set(dir, score);
}
for (const [dir, { detected, valid }] of byDir)
  console.error(
    `${dir}: ${((100 * detected) / valid).toFixed(1)} % (${detected} of ${valid} mutants detected)`,
  );
