import { definedNameProblem, sheetNameProblem } from "./excelNames";
import { COLUMN_ROLES } from "./headers";
import {
  array,
  boolean,
  int,
  literal,
  maximum,
  minimum,
  minLength,
  nullable,
  number,
  object,
  oneOf,
  optional,
  parse,
  pattern,
  rule,
  safeParse,
  someOf,
  string,
  trim,
  withDefault,
  type Infer,
  type Schema,
  type SchemaIssue,
} from "./schema";

/**
 * The stored scorecard definition: what the user chose (table, column mapping, settings,
 * overrides, tagged KPIs), kept as versioned JSON inside the workbook. Values still come from
 * the table: the definition holds only what the table cannot say.
 */

export const DEFINITION_VERSION = 1;

const name = string(trim, minLength(1));
/** A day as the follow-ups keep it: 2026-12-31. */
const isoDay = string(pattern(/^\d{4}-\d{2}-\d{2}$/, "a date written 2026-12-31"));

/** A defined name the definition points at (a tagged KPI's range), by Excel's rules (excelNames.ts). */
const definedName = string(trim, rule(definedNameProblem));
const weight = number(minimum(0));
const polarity = oneOf(["higher", "lower", "band"]);
const aggregation = oneOf(["last", "sum", "average", "min", "max"]);
/** Absent or null in the stored JSON: null in the definition. */
const nullOr = <T>(schema: Schema<T>) => withDefault(nullable(schema), () => null);
/** A text that may be absent: empty then. */
const text = withDefault(string(), () => "");
/** A list that may be absent: empty then. */
const listOf = <T>(item: Schema<T>) => withDefault(array(item), () => []);

export const SettingsSchema = object({
  scoredPeriod: nullOr(string()),
  rollup: withDefault(oneOf(["weighted", "worst"]), () => "weighted" as const),
  fiscalYearStartMonth: withDefault(int(minimum(1), maximum(12)), () => 1),
  summarySheetName: withDefault(string(rule(sheetNameProblem)), () => "Scorecard"),
  palette: withDefault(oneOf(["standard", "colorblind"]), () => "standard" as const),
  /** When the scorecard was last refreshed (ISO 8601), shown by the task pane. */
  lastRefreshed: nullOr(string()),
  /**
   * The Scorecard sheet as plain values, frozen at each refresh, instead of formulas that follow
   * edits to the source cells (absent: formulas).
   */
  summaryAsValues: optional(boolean()),
  /** False: the headline does not list the red and amber KPIs without an analysis. Absent: it does. */
  needsCommentary: optional(boolean()),
});
export type Settings = Infer<typeof SettingsSchema>;

/** Fields a KPI may override; absent fields come from the table. */
const KpiFields = {
  polarity: optional(polarity),
  threshold: optional(number()),
  tolerance: optional(number(minimum(0))),
  weight: optional(weight),
  owner: optional(string()),
  unit: optional(string()),
  aggregation: optional(aggregation),
};

const DefinitionV1 = object({
  schemaVersion: literal(1),
  source: nullOr(
    object({
      table: name,
      sheet: name,
      /** Header text chosen for each role, where the user corrected the detected mapping. */
      columns: withDefault(someOf(COLUMN_ROLES, string()), () => ({})),
      /**
       * A block the user chose by hand ("Data!B4:M40"), its header row on top; one row alone is
       * the header row, and the block runs down from it as a detected one does.
       */
      range: optional(name),
      /** The period headers across the block's columns hold the values: the block is wide. */
      periodsAcross: optional(boolean()),
      /** Each KPI's perspective is its sheet's name; heading rows then name objectives. */
      sheetAsPerspective: optional(boolean()),
      /** The year of months written without one ("Jan" … "Dec"), where nothing in the file says it. */
      year: optional(int(minimum(1900), maximum(9999))),
      /** How the file writes dates such as 01/02/2024 that no day above 12 settles: m/d or d/m. */
      dayOrder: optional(oneOf(["mdy", "dmy"])),
    }),
  ),
  settings: withDefault(SettingsSchema, () => parse(SettingsSchema, {})),
  perspectives: listOf(object({ name, weight: optional(weight) })),
  objectives: listOf(
    object({
      perspective: name,
      name,
      weight: optional(weight),
      owner: optional(string()),
      drives: listOf(string()),
    }),
  ),
  kpis: listOf(object({ perspective: name, objective: name, name, ...KpiFields })),
  /**
   * Commentary entered in the pane (a KPI's details): an analysis and actions for one KPI (or,
   * without `kpi`, its objective) in one period. Shown with the Commentary table's rows, both.
   */
  commentary: optional(
    array(
      object({
        /** The period explained ("2026-12"); null for a scorecard without periods. */
        period: nullable(name),
        perspective: name,
        objective: name,
        kpi: optional(name),
        analysis: text,
        actions: listOf(
          object({
            action: name,
            owner: text,
            due: nullOr(isoDay),
            done: withDefault(boolean(), () => false),
          }),
        ),
      }),
    ),
  ),
  /**
   * Initiatives entered in the pane, under an objective: shown after the Initiatives table's, both
   * (model/followUp.ts). `complete` is a share, 0–1.
   */
  initiatives: optional(
    array(
      object({
        perspective: name,
        objective: name,
        name,
        owner: text,
        start: nullOr(isoDay),
        due: nullOr(isoDay),
        complete: nullOr(number(minimum(0), maximum(1))),
        status: nullOr(oneOf(["green", "amber", "red", "done", "open"])),
        budget: nullOr(number(minimum(0))),
        spend: nullOr(number(minimum(0))),
      }),
    ),
  ),
  /**
   * A group's workbook: the units' workbooks last consolidated into it (`bsc consolidate`), each
   * unit's name and its file's path as given, relative to the group's workbook where it could be,
   * so that the next month's consolidation finds them again and says which are missing.
   */
  units: optional(array(object({ name, file: name }))),
  /** KPIs tagged on any range: workbook-scoped names for the actual and, optionally, the target. */
  tagged: listOf(
    object({
      perspective: name,
      objective: name,
      name,
      actualName: definedName,
      targetName: nullOr(definedName),
      target: nullOr(number()),
      ...KpiFields,
    }),
  ),
  /**
   * Periods published ("Publish period"): their rows in the History sheet are frozen, and their
   * values stand in for the table's in trends; `at` is when (ISO 8601). Absent: none published.
   */
  published: optional(array(object({ period: name, at: string() }))),
});

export const DefinitionSchema = DefinitionV1;
export type Definition = Infer<typeof DefinitionSchema>;
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

/** A definition the add-in built, in the stored form: defaults filled, keys in the schema's order. */
export const definitionFrom = (doc: unknown): Definition => parse(DefinitionSchema, doc);

export function emptyDefinition(): Definition {
  return parse(DefinitionSchema, { schemaVersion: DEFINITION_VERSION });
}

/** One schema problem on one line, where it is first: "kpis[0].name: Invalid input: …". */
const problemText = (problem: SchemaIssue): string => {
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
  issues: readonly SchemaIssue[],
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
  const parsed = safeParse(DefinitionSchema, migrated.doc);
  if (parsed.success) return { ok: true, definition: parsed.data };
  // A summary-sheet name or a tag's name that Excel forbids ("\u0001Score", "'Score'", "History")
  // is put right, not a reason to refuse the definition: the sheet takes its default name, the
  // tag is dropped. Anything else wrong refuses the whole document, naming each field.
  const repaired = repairNames(migrated.doc, parsed.issues);
  const again = repaired && safeParse(DefinitionSchema, repaired.doc);
  if (repaired && again?.success) return { ok: true, definition: again.data, repaired: repaired.problems };
  return { ok: false, reason: parsed.issues.map(problemText).join("; ") };
}

export const serializeDefinition = (d: Definition): string => JSON.stringify(d);
