// The stored definition's schema as it was written with zod (its mini build) until the definition
// had a validator of its own (src/model/schema.ts): kept as the oracle the new one is held to.
import * as z from "zod/mini";
import { definedNameProblem, sheetNameProblem } from "../../src/model/excelNames";
import { COLUMN_ROLES } from "../../src/model/headers";

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

const SettingsSchema = z.object({
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

export const ZodDefinitionSchema = DefinitionV1;
