/**
 * The corpus's workbooks refreshed (issue 20: never a broken output file): each .xlsx or .xlsm the
 * product scores, as it is or by its own suggestion, is refreshed as `bsc refresh -o` does it, in
 * this process. Every part the refresh wrote must be namespace-well-formed XML (a prefix bound where
 * it is used: writers declare namespaces in places our own test books never do), within Excel's
 * limits, and the refreshed workbook must read back with the same KPIs. Files from real writers
 * (openpyxl, LibreOffice, Excel, BI exports) reach the patcher's text edits as no synthetic book does.
 */
import { mkdtempSync, promises as fs, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { packageProblems, runBsc } from "../cli/craftedInputs";
import { suggestedArgs, type CheckAnswer, type Expectation } from "./expectation";

const CORPUS = path.join(__dirname, "..", "fixtures", "realworld");
const EXPECT_SUFFIX = ".expect.json";

const workbooks = readdirSync(CORPUS)
  .filter((f) => /\.xls[xm]\.expect\.json$/i.test(f))
  .map((f) => {
    const file = f.slice(0, -EXPECT_SUFFIX.length);
    const expectation = JSON.parse(readFileSync(path.join(CORPUS, f), "utf8")) as Expectation & {
      gap?: string;
    };
    return { file, expectation };
  })
  .filter(({ expectation }) => expectation.kind !== "refusal" && expectation.gap === undefined);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bsc-corpus-refresh-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The answer of `bsc check --json` for a file of the corpus, with the arguments given. */
async function checked(file: string, args: readonly string[]): Promise<CheckAnswer> {
  const run = await runBsc(CORPUS, "check", file, ...args, "--json");
  return JSON.parse(run.stdout) as CheckAnswer;
}

/** The KPIs an answer scores, the consolidated scorecard's and each entity's. */
const kpiCount = (answer: CheckAnswer): number =>
  [answer, ...(answer.entities ?? [])]
    .flatMap((a) => a.perspectives ?? [])
    .reduce((n, p) => n + p.objectives.reduce((m, o) => m + o.kpis.length, 0), 0);

describe("the corpus's workbooks, refreshed", () => {
  it("include workbooks to refresh", () => {
    expect(workbooks.length).toBeGreaterThan(0);
  });

  it.each(workbooks.map((w) => [w.file, w] as const))(
    "%s is written whole: every part it wrote well-formed, read back with the same KPIs",
    async (file, { expectation }) => {
      const first = await checked(file, []);
      const args = expectation.kind === "suggestion" && first.error ? (suggestedArgs(first) ?? []) : [];
      const before = args.length ? await checked(file, args) : first;
      const output = path.join(dir, `${path.basename(file)}.out.xlsx`);
      const run = await runBsc(CORPUS, "refresh", file, ...args, "-o", output);
      // On failure the test says why: bsc's sentence.
      expect({ code: run.code, why: run.code ? run.stderr : "" }).toEqual({ code: 0, why: "" });
      expect(kpiCount(before)).toBeGreaterThan(0);
      const input = readFileSync(path.join(CORPUS, file));
      expect(await packageProblems(readFileSync(output), input)).toEqual([]);
      const after = await checked(output, args);
      expect(kpiCount(after)).toBe(kpiCount(before));
    },
    // Three readings and a refresh of a 101-entity workbook: 6 s of CPU, past jest's 60 s on two
    // cores shared at a load of 25. A ceiling, not a speed check.
    300_000,
  );
});
