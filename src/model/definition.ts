// zod's mini build: the same schemas as functions, of which the bundler keeps only those used (the
// pane's first load carried all of zod's classic API, 25 KB gzipped, for this one schema).
import * as z from "zod/mini";
import { definedNameProblem, sheetNameProblem } from "./excelNames";
import { COLUMN_ROLES } from "./headers";

// Zod compiles its parsers with new Function() where it may; the add-in's pages forbid eval in
// their Content-Security-Policy (scripts/content-security-policy.js), where its probe for it
// would be reported as a violation. Definitions are a few dozen fields: interpreted is plenty.
// The mini build says nothing by itself: its English messages ("Invalid input: expected string,
// received undefined"), which name each problem after its field, as the classic build does.
z.config({ jitless: true, ...z.locales.en() });

/**
 * The stored scorecard definition: what the user chose (table, column mapping, settings,
 * overrides, tagged KPIs), kept as versioned JSON inside the workbook. Values still come from
 * the table: the definition holds only what the table cannot say.
 */

export const DEFINITION_VERSION = 1;

const name = z.string().check(z.trim(), z.minLength(1));
/** A day as the follow-ups keep it: 2026-12-31. */
const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "a date written 2026-12-31"));

/** A zod check that states the first Excel rule a name breaks (src/model/excelNames.ts). */
const excelRule =
  (problem: (name: string) => string | null) =>
  (value: string, context: z.core.$RefinementCtx<string>): void => {
    const why = problem(value);
    if (why) context.addIssue({ code: "custom", message: why });
  };
/** A defined name the definition points at (a tagged KPI's range). */
const definedName = z.string().check(z.trim(), z.superRefine(excelRule(definedNameProblem)));
const weight = z.number().check(z.minimum(0));
const polarity = z.enum(["higher", "lower", "band"]);
const aggregation = z.enum(["last", "sum", "average", "min", "max"]);
/** Absent or null in the stored JSON: null in the definition. */
const nullOr = <T extends z.core.SomeType>(schema: T) => z._default(z.nullable(schema), null);
/** A text that may be absent: empty then. */
const text = z._default(z.string(), "");

export const SettingsSchema = z.object({
  scoredPeriod: nullOr(z.string()),
  rollup: z._default(z.enum(["weighted", "worst"]), "weighted"),
  fiscalYearStartMonth: z._default(z.int().check(z.minimum(1), z.maximum(12)), 1),
  summarySheetName: z._default(z.string().check(z.superRefine(excelRule(sheetNameProblem))), "Scorecard"),
  palette: z._default(z.enum(["standard", "colorblind"]), "standard"),
  /** When the scorecard was last refreshed (ISO 8601), shown by the task pane. */
  lastRefreshed: nullOr(z.string()),
  /**
   * The Scorecard sheet as plain values, frozen at each refresh, instead of formulas that follow
   * edits to the source cells (absent: formulas).
   */
  summaryAsValues: z.optional(z.boolean()),
  /** False: the headline does not list the red and amber KPIs without an analysis. Absent: it does. */
  needsCommentary: z.optional(z.boolean()),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Fields a KPI may override; absent fields come from the table. */
const KpiFields = {
  polarity: z.optional(polarity),
  threshold: z.optional(z.number()),
  tolerance: z.optional(z.number().check(z.minimum(0))),
  weight: z.optional(weight),
  owner: z.optional(z.string()),
  unit: z.optional(z.string()),
  aggregation: z.optional(aggregation),
};

const DefinitionV1 = z.object({
  schemaVersion: z.literal(1),
  source: nullOr(
    z.object({
      table: name,
      sheet: name,
      /** Header text chosen for each role, where the user corrected the detected mapping. */
      columns: z._default(z.partialRecord(z.enum(COLUMN_ROLES), z.string()), {}),
      /**
       * A block the user chose by hand ("Data!B4:M40"), its header row on top; one row alone is
       * the header row, and the block runs down from it as a detected one does.
       */
      range: z.optional(name),
      /** The period headers across the block's columns hold the values: the block is wide. */
      periodsAcross: z.optional(z.boolean()),
      /** Each KPI's perspective is its sheet's name; heading rows then name objectives. */
      sheetAsPerspective: z.optional(z.boolean()),
      /** The year of months written without one ("Jan" … "Dec"), where nothing in the file says it. */
      year: z.optional(z.int().check(z.minimum(1900), z.maximum(9999))),
      /** How the file writes dates such as 01/02/2024 that no day above 12 settles: m/d or d/m. */
      dayOrder: z.optional(z.enum(["mdy", "dmy"])),
    }),
  ),
  settings: z._default(SettingsSchema, () => SettingsSchema.parse({})),
  perspectives: z._default(z.array(z.object({ name, weight: z.optional(weight) })), []),
  objectives: z._default(
    z.array(
      z.object({
        perspective: name,
        name,
        weight: z.optional(weight),
        owner: z.optional(z.string()),
        drives: z._default(z.array(z.string()), []),
      }),
    ),
    [],
  ),
  kpis: z._default(z.array(z.object({ perspective: name, objective: name, name, ...KpiFields })), []),
  /**
   * Commentary entered in the pane (a KPI's details): an analysis and actions for one KPI (or,
   * without `kpi`, its objective) in one period. Shown with the Commentary table's rows, both.
   */
  commentary: z.optional(
    z.array(
      z.object({
        /** The period explained ("2026-12"); null for a scorecard without periods. */
        period: z.nullable(name),
        perspective: name,
        objective: name,
        kpi: z.optional(name),
        analysis: text,
        actions: z._default(
          z.array(
            z.object({
              action: name,
              owner: text,
              due: nullOr(isoDay),
              done: z._default(z.boolean(), false),
            }),
          ),
          [],
        ),
      }),
    ),
  ),
  /**
   * Initiatives entered in the pane, under an objective: shown after the Initiatives table's, both
   * (model/followUp.ts). `complete` is a share, 0–1.
   */
  initiatives: z.optional(
    z.array(
      z.object({
        perspective: name,
        objective: name,
        name,
        owner: text,
        start: nullOr(isoDay),
        due: nullOr(isoDay),
        complete: nullOr(z.number().check(z.minimum(0), z.maximum(1))),
        status: nullOr(z.enum(["green", "amber", "red", "done", "open"])),
        budget: nullOr(z.number().check(z.minimum(0))),
        spend: nullOr(z.number().check(z.minimum(0))),
      }),
    ),
  ),
  /**
   * A group's workbook: the units' workbooks last consolidated into it (`bsc consolidate`), each
   * unit's name and its file's path as given, relative to the group's workbook where it could be,
   * so that the next month's consolidation finds them again and says which are missing.
   */
  units: z.optional(z.array(z.object({ name, file: name }))),
  /** KPIs tagged on any range: workbook-scoped names for the actual and, optionally, the target. */
  tagged: z._default(
    z.array(
      z.object({
        perspective: name,
        objective: name,
        name,
        actualName: definedName,
        targetName: nullOr(definedName),
        target: nullOr(z.number()),
        ...KpiFields,
      }),
    ),
    [],
  ),
  /**
   * Periods published ("Publish period"): their rows in the History sheet are frozen, and their
   * values stand in for the table's in trends; `at` is when (ISO 8601). Absent: none published.
   */
  published: z.optional(z.array(z.object({ period: name, at: z.string() }))),
});

export const DefinitionSchema = DefinitionV1;
export type Definition = z.infer<typeof DefinitionSchema>;
export type TaggedKpi = Definition["tagged"][number];

/**
 * Migrations from every older schema version, each lifting a document one version up.
 * Version 1 is the first released format, so the chain is empty; a later version adds
 * `[n]: (docAtN) => docAtNPlusOne` here and bumps DEFINITION_VERSION.
 */
type StoredDocument = Record<string, unknown>;
type Migrations = Readonly<Record<number, (doc: StoredDocument) => StoredDocument>>;
const MIGRATIONS: Migrations = {};

/**
 * Lifts a stored document from its schema version to `latest`, one migration at a time; the
 * reason when a step is missing. The chain is a parameter so that its walk is tested before the
 * first real migration exists.
 */
export function migrateDefinition(
  doc: StoredDocument,
  version: number,
  latest: number = DEFINITION_VERSION,
  migrations: Migrations = MIGRATIONS,
): { ok: true; doc: StoredDocument } | { ok: false; reason: string } {
  let current = doc;
  for (let at = version; at < latest; at = current.schemaVersion as number) {
    const migrate = migrations[at];
    if (!migrate) return { ok: false, reason: `no migration from schema ${at}` };
    current = migrate(current);
  }
  return { ok: true, doc: current };
}

export type DefinitionReading =
  | {
      ok: true;
      definition: Definition;
      /**
       * Names Excel forbids that were put right rather than refusing the whole definition: each
       * problem as "settings.summarySheetName: …", what was done said by the reader of this list.
       */
      repaired?: readonly string[];
    }
  | { ok: false; reason: string };

export function emptyDefinition(): Definition {
  return DefinitionSchema.parse({ schemaVersion: DEFINITION_VERSION });
}

/** One schema problem on one line, where it is first: "kpis[0].name: Invalid input: …". */
const problemText = (problem: z.core.$ZodIssue): string => {
  const where = problem.path
    .map((key, i) => (typeof key === "number" ? `[${key}]` : `${i === 0 ? "" : "."}${String(key)}`))
    .join("");
  // Every problem has a path: a document that is no object was refused before the schema.
  return `${where}: ${problem.message}`;
};

/**
 * The document without the names Excel forbids, where those are its only problems: the summary
 * sheet's name removed (its default is taken), a tag with a forbidden name dropped.
 */
function repairNames(
  doc: StoredDocument,
  issues: readonly z.core.$ZodIssue[],
): { doc: StoredDocument; problems: string[] } | null {
  const isSheetName = (p: readonly PropertyKey[]) => p[0] === "settings" && p[1] === "summarySheetName";
  const isTagName = (p: readonly PropertyKey[]) =>
    p[0] === "tagged" && typeof p[1] === "number" && (p[2] === "actualName" || p[2] === "targetName");
  if (!issues.every((i) => isSheetName(i.path) || isTagName(i.path))) return null;
  const copy = JSON.parse(JSON.stringify(doc)) as StoredDocument;
  const settings = copy.settings as Record<string, unknown> | undefined;
  if (settings && issues.some((i) => isSheetName(i.path))) delete settings.summarySheetName;
  const dropped = new Set(issues.filter((i) => isTagName(i.path)).map((i) => i.path[1] as number));
  if (dropped.size && Array.isArray(copy.tagged)) copy.tagged = copy.tagged.filter((_, i) => !dropped.has(i));
  return { doc: copy, problems: issues.map(problemText) };
}

/** Parses, migrates and validates stored JSON; never throws. */
export function parseDefinition(json: string): DefinitionReading {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    return { ok: false, reason: "it is not valid JSON" };
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    return { ok: false, reason: "it is not a JSON object" };
  }
  const stated = (doc as StoredDocument).schemaVersion;
  if (typeof stated !== "number" || !Number.isInteger(stated) || stated < 1) {
    return { ok: false, reason: "it has no schemaVersion" };
  }
  if (stated > DEFINITION_VERSION) {
    return {
      ok: false,
      reason: `it was written by a newer version of the add-in (schema ${stated}; this one reads up to ${DEFINITION_VERSION})`,
    };
  }
  const migrated = migrateDefinition(doc as StoredDocument, stated);
  if (!migrated.ok) return migrated;
  const parsed = DefinitionSchema.safeParse(migrated.doc);
  if (parsed.success) return { ok: true, definition: parsed.data };
  // A summary-sheet name or a tag's name that Excel forbids ("\u0001Score", "'Score'", "History")
  // is put right, not a reason to refuse the definition: the sheet takes its default name, the
  // tag is dropped. Anything else wrong refuses the whole document, naming each field.
  const repaired = repairNames(migrated.doc, parsed.error.issues);
  const again = repaired && DefinitionSchema.safeParse(repaired.doc);
  if (repaired && again?.success) return { ok: true, definition: again.data, repaired: repaired.problems };
  return { ok: false, reason: parsed.error.issues.map(problemText).join("; ") };
}

export const serializeDefinition = (d: Definition): string => JSON.stringify(d);
