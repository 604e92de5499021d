import fc from "fast-check";
import { DefinitionSchema, parseDefinition } from "../../src/model/definition";
import { safeParse } from "../../src/model/schema";
import { propertyRuns } from "../helpers/runs";
import { ZodDefinitionSchema } from "./zodDefinitionSchema";

/**
 * The definition's own validator (src/model/schema.ts) against zod, the library it replaced, as an
 * oracle: random corruptions of a full definition are accepted or refused alike, what is accepted
 * reads the same (defaults, trimmed names, the stored order of keys), and what is refused gives the
 * same problems, at the same paths, in the same words.
 */

const FULL = {
  schemaVersion: 1,
  source: {
    table: "KPIs",
    sheet: "Data",
    columns: { kpi: "Measure", actual: "Actual", target: "Goal" },
    range: "Data!B4:M40",
    periodsAcross: true,
    sheetAsPerspective: false,
    year: 2026,
    dayOrder: "dmy",
  },
  settings: {
    scoredPeriod: "2026-11",
    rollup: "worst",
    fiscalYearStartMonth: 4,
    summarySheetName: "Scorecard",
    palette: "colorblind",
    lastRefreshed: "2026-12-01T10:00:00.000Z",
    summaryAsValues: false,
    needsCommentary: true,
  },
  perspectives: [{ name: "Financial", weight: 2 }, { name: "Customer" }],
  objectives: [
    { perspective: "Financial", name: "Grow", weight: 1, owner: "Ann", drives: ["Retain"] },
    { perspective: "Customer", name: "Retain" },
  ],
  kpis: [
    {
      perspective: "Financial",
      objective: "Grow",
      name: "Revenue",
      polarity: "higher",
      threshold: 0.9,
      tolerance: 5,
      weight: 1,
      owner: "Ann",
      unit: "EUR",
      aggregation: "sum",
    },
  ],
  commentary: [
    {
      period: "2026-11",
      perspective: "Financial",
      objective: "Grow",
      kpi: "Revenue",
      analysis: "Late invoices",
      actions: [{ action: "Chase", owner: "Bo", due: "2026-12-31", done: false }],
    },
  ],
  initiatives: [
    {
      perspective: "Financial",
      objective: "Grow",
      name: "New CRM",
      owner: "Cy",
      start: "2026-01-01",
      due: null,
      complete: 0.4,
      status: "amber",
      budget: 1000,
      spend: 800,
    },
  ],
  units: [{ name: "North", file: "north.xlsx" }],
  tagged: [
    {
      perspective: "Customer",
      objective: "Retain",
      name: "Churn",
      actualName: "ChurnActual",
      targetName: null,
      target: 0.05,
      polarity: "lower",
    },
  ],
  published: [{ period: "2026-10", at: "2026-11-02T09:00:00.000Z" }],
};

type Json = unknown;
type Path = (string | number)[];

/** Every path in a document, its containers included (the root aside). */
function pathsOf(value: Json, at: Path = []): Path[] {
  if (typeof value !== "object" || value === null) return [];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((k) => {
    const child = (value as Record<string | number, Json>)[k];
    return [[...at, k], ...pathsOf(child, [...at, k])];
  });
}

/** Values that break (or pass) each kind of field: types, bounds, names Excel forbids, enum words. */
const VALUES: Json[] = [
  "",
  "   ",
  " Revenue ",
  "x",
  "History",
  "'Score'",
  "\u0001Score",
  "A1",
  "2026-12-31",
  "31/12/2026",
  "higher",
  "band",
  "worst",
  "colorblind",
  "mdy",
  "done",
  "sum",
  -1,
  0,
  0.5,
  1,
  1.5,
  12,
  13,
  1899,
  1900,
  10000,
  1e300,
  -1e300,
  2 ** 60,
  null,
  true,
  false,
  [],
  {},
  ["a"],
  [1],
  { kpi: "x" },
  { bad: "y" },
  { kpi: 3, worse: "z" },
];

type Mutation =
  | { kind: "set"; pick: number; value: Json }
  | { kind: "delete"; pick: number }
  | { kind: "add"; pick: number; key: string; value: Json };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), pick: fc.nat(), value: fc.constantFrom(...VALUES) }),
  fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant("add" as const),
    pick: fc.nat(),
    key: fc.constantFrom("extra", "kpi", "entity", "name", "weight", "__proto__"),
    value: fc.constantFrom(...VALUES),
  }),
);

function mutate(doc: Json, mutations: readonly Mutation[]): Json {
  const current = JSON.parse(JSON.stringify(doc)) as Json;
  for (const m of mutations) {
    const paths = pathsOf(current);
    if (paths.length === 0) break;
    const path = paths[m.pick % paths.length] as Path;
    const parent = path.slice(0, -1).reduce((v, k) => (v as Record<string | number, Json>)[k], current) as
      Record<string | number, Json> | Json[];
    const key = path[path.length - 1] as string | number;
    if (m.kind === "set") (parent as Record<string | number, Json>)[key] = m.value;
    else if (m.kind === "delete") {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete (parent as Record<string | number, Json>)[key];
    } else {
      const target = (parent as Record<string | number, Json>)[key];
      if (typeof target === "object" && target !== null && !Array.isArray(target)) {
        // Through JSON, as a stored document gets its keys ("__proto__" then an own key, which a
        // spread keeps as one).
        const withKey = JSON.parse(`{${JSON.stringify(m.key)}:${JSON.stringify(m.value)}}`) as object;
        (parent as Record<string | number, Json>)[key] = { ...target, ...withKey };
      }
    }
  }
  return current;
}

const problems = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) =>
  issues.map((i) => `${i.path.map(String).join("/")}: ${i.message}`);

/**
 * zod measures the length of what has one even where it is not of the type asked: an empty list
 * where a name is wanted gets "expected string, received array" and then "Too small: expected
 * array to have >=1 items". The second says nothing to a user, and the validator leaves it out.
 */
const lengthOfWrongType = (issue: { code: string; origin?: string }) =>
  issue.code === "too_small" && issue.origin === "array";

function compare(doc: Json): void {
  const ours = safeParse(DefinitionSchema, doc);
  const zods = ZodDefinitionSchema.safeParse(doc);
  expect(ours.success).toBe(zods.success);
  if (ours.success && zods.success) {
    // The same value, keys in the same order: the stored JSON is written from it.
    expect(JSON.stringify(ours.data)).toBe(JSON.stringify(zods.data));
  } else if (!ours.success && !zods.success) {
    expect(problems(ours.issues)).toEqual(problems(zods.error.issues.filter((i) => !lengthOfWrongType(i))));
  }
}

describe("the definition's validator reads documents as zod did", () => {
  it("reads a full definition, the smallest one and a few broken ones alike", () => {
    compare(FULL);
    compare({ schemaVersion: 1 });
    compare({ schemaVersion: 2 });
    compare([]);
    compare(null);
    compare({ schemaVersion: 1, source: { table: " T ", sheet: "S", columns: { kpi: "K", zz: 1 } } });
    // What each reads, not only that they agree: defaults filled in, a name trimmed.
    const read = safeParse(DefinitionSchema, {
      schemaVersion: 1,
      source: { table: " T ", sheet: "S" },
    });
    expect(read.success && read.data.source).toEqual({ table: "T", sheet: "S", columns: {} });
    expect(read.success && read.data.settings.rollup).toBe("weighted");
  });

  it("accepts, refuses and explains random corruptions of a full definition as zod did", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
        compare(mutate(FULL, mutations));
      }),
      { numRuns: propertyRuns(400) },
    );
  });

  it("gives a new default each time: a list filled in one reading is not in the next", () => {
    const first = safeParse(DefinitionSchema, { schemaVersion: 1 });
    if (!first.success) throw new Error("the smallest definition is refused");
    first.data.kpis.push({ perspective: "P", objective: "O", name: "K" });
    const second = safeParse(DefinitionSchema, { schemaVersion: 1 });
    expect(second.success && second.data.kpis).toEqual([]);
  });

  it("says each problem of a stored definition with its field, in zod's words", () => {
    const reading = parseDefinition(
      JSON.stringify({ schemaVersion: 1, settings: { fiscalYearStartMonth: 13, rollup: "best" } }),
    );
    expect(reading).toEqual({
      ok: false,
      reason:
        'settings.rollup: Invalid option: expected one of "weighted"|"worst"; settings.fiscalYearStartMonth: Too big: expected number to be <=12',
    });
  });
});
