/**
 * The public real-world corpus (issue 19, item 8): each workbook and CSV export under
 * test/fixtures/realworld/ is checked as `bsc check <file> --json` checks it, in this process, and the
 * answer is compared with what a finance user expects of the file (<file>.expect.json; SOURCES.md says
 * where each file comes from and why it is expected so). A file the product does not read as expected
 * yet carries a "gap": for it the test asserts the expectation still fails, so the change that closes
 * the gap must also remove it. docs/realworld-corpus.md holds the diagnosis of the gaps.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { runCli } from "../../src/cli/main";
import {
  refusalShortfalls,
  scorecardShortfalls,
  scoresSomething,
  suggestedArgs,
  type CheckAnswer,
  type Expectation,
} from "./expectation";

const CORPUS = path.join(__dirname, "..", "fixtures", "realworld");
const EXPECT_SUFFIX = ".expect.json";

/** Runs `bsc check <file> [args…] --json` against the corpus folder and reads its answer. */
async function check(file: string, args: readonly string[] = []): Promise<CheckAnswer> {
  const out: string[] = [];
  const err: string[] = [];
  await runCli(["check", file, ...args, "--json"], {
    cwd: CORPUS,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
  });
  try {
    return JSON.parse(out.join("\n")) as CheckAnswer;
  } catch {
    // Whatever --json printed was no JSON: the corpus counts that as a refusal with no words.
    return { error: { message: `no JSON answer; stderr: ${err.join(" ")}` } };
  }
}

/** Every way the product's answer for `file` falls short of `expectation`; empty when it meets it. */
async function shortfalls(file: string, expectation: Expectation): Promise<string[]> {
  const answer = await check(file);
  switch (expectation.kind) {
    case "scorecard":
      return scorecardShortfalls(expectation, answer);
    case "refusal": {
      const misses = refusalShortfalls(expectation, answer);
      // A file with no scorecard in it has nothing a suggestion could rightly score.
      const args = suggestedArgs(answer);
      if (args && scoresSomething(await check(file, args)))
        misses.push(`suggests ${args.join(" ")}, which scores a file that holds no scorecard`);
      return misses;
    }
    case "suggestion": {
      if (!answer.error) {
        // Reading the file straight away is as good as asking, where the file itself says its period
        // (`then.period` given); where it cannot (a month with no year), the reader must ask.
        if (expectation.then?.period !== undefined) return scorecardShortfalls(expectation.then, answer);
        return ["scored instead of refusing with a suggestion"];
      }
      const args = suggestedArgs(answer);
      if (!args) return [`refused with no suggestion.args: ${answer.error.message}`];
      const followed = await check(file, args);
      if (!scoresSomething(followed))
        return [
          `the suggestion ${JSON.stringify(args)} scores nothing: ${followed.error?.message ?? "no KPI"}`,
        ];
      return expectation.then
        ? scorecardShortfalls(expectation.then, followed).map((m) => `after ${args.join(" ")}: ${m}`)
        : [];
    }
  }
}

const expectFiles = readdirSync(CORPUS)
  .filter((f) => f.endsWith(EXPECT_SUFFIX))
  .sort();
const cases = expectFiles.map((f) => {
  const file = f.slice(0, -EXPECT_SUFFIX.length);
  const expectation = JSON.parse(readFileSync(path.join(CORPUS, f), "utf8")) as Expectation;
  return [file, expectation] as const;
});

const met: string[] = [];
const knownGaps: string[] = [];

describe("the public real-world corpus", () => {
  it("has an expectation for every data file and a data file for every expectation", () => {
    const data = readdirSync(CORPUS).filter((f) => /\.(csv|xlsx|xlsm)$/i.test(f));
    expect(data.filter((f) => !expectFiles.includes(`${f}${EXPECT_SUFFIX}`))).toEqual([]);
    expect(cases.map(([file]) => file).filter((file) => !data.includes(file))).toEqual([]);
    expect(cases.length).toBeGreaterThan(0);
  });

  it("says where every file comes from, and keeps every file small", () => {
    const sources = readFileSync(path.join(CORPUS, "SOURCES.md"), "utf8");
    expect(cases.map(([file]) => file).filter((file) => !sources.includes(file))).toEqual([]);
    // Large CSVs are trimmed where their licence allows (SOURCES.md says so); a workbook is kept
    // whole, which is why the bound is above the ~300 KB the corpus aims at.
    const large = cases
      .map(([file]) => file)
      .filter((file) => statSync(path.join(CORPUS, file)).size > 450_000);
    expect(large).toEqual([]);
  });

  it.each(cases)("%s", async (file, expectation) => {
    const misses = await shortfalls(file, expectation);
    // REALWORLD_VERBOSE=1 lists how each file falls short, for whoever works on a gap.
    if (process.env.REALWORLD_VERBOSE)
      process.stdout.write(`\n${file}:\n  ${misses.join("\n  ") || "as expected"}\n`);
    if (misses.length === 0) met.push(file);
    if (expectation.gap === undefined) {
      expect(misses).toEqual([]);
      return;
    }
    knownGaps.push(file);
    if (misses.length === 0) {
      throw new Error(
        `${file} now reads as a finance user expects: remove the "gap" from its ${EXPECT_SUFFIX} (and its row in docs/realworld-corpus.md).`,
      );
    }
  });

  afterAll(() => {
    process.stdout.write(
      `\nrealworld corpus: ${met.length} of ${cases.length} files as a finance user expects; ${knownGaps.length} known gaps\n`,
    );
  });
});
