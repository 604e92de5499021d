/**
 * Crafted inputs of the kinds issue 20 reproduced (each fed to `bsc check` and `bsc refresh`):
 * names with control characters, whole-sheet ranges, deep nesting, UTF-16 parts, strict Open XML,
 * stale content types, an encrypted entry nobody reads. Each must end in exit 0 with a well-formed
 * package or in exit 2 with one sentence.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SaxesParser } from "saxes";
import { runCli } from "../../src/cli/main";
import { partsOf, withParts, zipOf } from "../package/readPackageHelpers";
import { workbookBytes } from "../helpers/xlsx";

/** Runs bsc in-process in `cwd`: its exit status and what it printed. */
export async function runBsc(cwd: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    cwd,
    now: new Date("2026-07-01T00:00:00Z"),
  });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

export const KPI_HEADER = ["Period", "Perspective", "Objective", "KPI", "Actual", "Target"];

/**
 * A small scorecard table on sheet "Data" over three months, KPIs named as given: enough history
 * for the dashboard's charts, whose titles and caches carry the names.
 */
export const tableBook = (names: readonly string[] = ["Revenue", "Costs"]): Promise<Buffer> =>
  workbookBytes([
    {
      name: "Data",
      rows: [
        KPI_HEADER,
        ...["2026-01", "2026-02", "2026-03"].flatMap((period, p) =>
          names.map((n, i) => [period, "Financial", "Grow", n, 90 + i + p, 100]),
        ),
      ],
    },
  ]);

/** The package with one part's text changed by `edit`. */
export async function editPart(
  zip: Uint8Array,
  part: string,
  edit: (xml: string) => string,
): Promise<Buffer> {
  const parts = await partsOf(zip);
  const xml = parts.get(part);
  if (xml === undefined) throw new Error(`no ${part} in ${[...parts.keys()].join(", ")}`);
  return withParts(zip, { [part]: edit(xml) });
}

/** The package with one part replaced by these bytes. */
export async function withBinaryPart(zip: Uint8Array, part: string, bytes: Uint8Array): Promise<Buffer> {
  const parts = await partsOf(zip);
  return zipOf([...parts].map(([name, data]) => ({ name, data: name === part ? bytes : data })));
}

/** The stored definition's JSON, rewritten by `edit`, in a refreshed workbook. */
export async function withStoredDefinition(
  refreshed: Uint8Array,
  edit: (definition: Record<string, unknown>) => void,
): Promise<Buffer> {
  const parts = await partsOf(refreshed);
  for (const [name, xml] of parts) {
    const m = /<t xml:space="preserve">(\{"schemaVersion"[^<]*)<\/t>/.exec(xml);
    if (!m) continue;
    const json = JSON.parse(
      m[1]!
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&"),
    );
    edit(json);
    const text = JSON.stringify(json).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    return withParts(refreshed, { [name]: xml.replace(m[1]!, text) });
  }
  throw new Error("no stored definition");
}

/** Why an XML part is not well-formed, or null when it is (saxes, a general parser). */
export function notWellFormed(xml: string): string | null {
  // Namespace-aware: a prefix used where no declaration is in scope fails too, as in Excel.
  const parser = new SaxesParser({ xmlns: true });
  let problem: string | null = null;
  parser.on("error", (e) => {
    problem ??= e.message;
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    problem ??= (e as Error).message;
  }
  return problem;
}

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32767;

/**
 * The problems of a written package: parts not well-formed, cells over Excel's limit. Parts kept
 * as they were in `input` are the input's own and not looked at.
 */
export async function packageProblems(zip: Uint8Array, input?: Uint8Array): Promise<string[]> {
  const problems: string[] = [];
  const before = input
    ? await partsOf(input).catch(() => new Map<string, string>())
    : new Map<string, string>();
  for (const [name, xml] of await partsOf(zip)) {
    if (!/\.(xml|rels)$/i.test(name) || before.get(name) === xml) continue;
    const why = notWellFormed(xml);
    if (why) problems.push(`${name}: ${why}`);
    for (const m of xml.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>/g)) {
      const text = m[1]!.replace(/&(lt|gt|amp|quot|apos);/g, "_");
      if (text.length > MAX_CELL_CHARS) problems.push(`${name}: a text of ${text.length} characters`);
    }
  }
  return problems;
}

/** A fresh folder for each test of the file that calls it, removed after: returns where it is now. */
export function folderForEachTest(prefix: string): () => string {
  let dir = "";
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}
