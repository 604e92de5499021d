/** `bsc` arguments, as WORKBOOK.md specifies them. */
import { parsePeriodText } from "../engine/periods";
import type { ColumnMapping, SourceLayout } from "../model/detect";
import { COLUMN_ROLES, type ColumnRole } from "../model/headers";

export type Command =
  | { readonly kind: "help" }
  /** No command at all: the usage goes to stderr and the run ends with the usage error status. */
  | { readonly kind: "missing-command" }
  | { readonly kind: "version" }
  | {
      readonly kind: "consolidate";
      /** The group's workbook, written as a refresh writes its workbook. */
      readonly book: string;
      /** The units' workbooks and folders of them; none: those the group's workbook remembers. */
      readonly units: readonly string[];
      readonly out?: string;
      readonly inPlace: boolean;
      readonly force: boolean;
      readonly period?: string;
      readonly json: boolean;
    }
  | { readonly kind: "sample"; readonly out: string; readonly force: boolean }
  | {
      readonly kind: "check";
      readonly book: string;
      readonly table?: string;
      readonly mapping?: ColumnMapping;
      readonly layout?: SourceLayout;
      readonly period?: string;
      readonly json: boolean;
    }
  | {
      readonly kind: "refresh";
      readonly book: string;
      readonly out?: string;
      readonly inPlace: boolean;
      readonly force: boolean;
      readonly table?: string;
      readonly mapping?: ColumnMapping;
      readonly layout?: SourceLayout;
      readonly period?: string;
      readonly json: boolean;
      /** Draw the Strategy Map sheet; once drawn, every refresh redraws it. */
      readonly strategyMap: boolean;
      /** Write the Scorecard sheet as plain values this time, not formulas. */
      readonly values: boolean;
    }
  | {
      readonly kind: "publish";
      readonly book: string;
      readonly out?: string;
      readonly inPlace: boolean;
      readonly force: boolean;
      /** The period to publish (or unpublish): required. */
      readonly period: string;
      readonly unpublish: boolean;
      readonly json: boolean;
    };

export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const USAGE = `Usage:
  bsc sample <out.xlsx> [--force]           write the sample workbook
  bsc check <book.xlsx|.xlsm|.csv> [--table NAME | --range REF] [--map ROLE=HEADER ...] [layout switches]
            [--period PERIOD] [--json]
  bsc refresh <book.xlsx|.xlsm|.csv> [-o <out.xlsx> | --in-place] [--force] [--table NAME | --range REF]
              [--map ROLE=HEADER ...] [layout switches] [--period PERIOD] [--strategy-map] [--values] [--json]
  bsc consolidate <group.xlsx> [<unit.xlsx|.xlsm|.csv|folder> ...] [-o <out.xlsx> | --in-place] [--force]
                  [--period PERIOD] [--json]
  bsc publish <book.xlsx|.xlsm> --period PERIOD [-o <out.xlsx> | --in-place] [--force] [--unpublish] [--json]

--map names the column that holds a role when its header is not one bsc knows, e.g.
--map actual="Amount (EUR)"; --map objective= says the table has no such column. Roles:
${COLUMN_ROLES.filter((r) => r !== "drives").join(", ")}.
--range reads the block you name, its header row on top (Data!B4:M40; Data!B4:M4 alone runs down;
whole columns Data!B:M start at their first row naming two or more of them).
--period PERIOD scores that period instead of the table's latest (publish: the one to publish):
a month 2026-06, a quarter 2026-Q2, a week 2026-W23 or a year 2026, as the table's periods are.
Layout switches: --periods-across (the period headers across the columns hold the values),
--sheet-as-perspective (each KPI's perspective is its sheet's name), --year YYYY (the year of
months written without one, "Jan" … "Dec"), --day-first or --month-first (how dates such as
01/02/2024 are written, where no day above 12 says it). refresh stores all of these
in the workbook, so the next refresh needs none of them.

refresh writes <book>.scorecard.xlsx next to the input unless -o or --in-place is given,
and overwrites an existing output only with --force. A .csv export (comma, semicolon, tab or pipe;
decimal point or comma, percent and currency recognised) is read as one sheet; refresh builds a
new workbook from it.
consolidate reads each unit's workbook as check reads it and writes the group's scorecard into
<group.xlsx> as refresh writes (-o, --in-place, --force): each unit (named by its file) an entity,
KPIs matched by name or by the group's KPI map table (Unit, Unit's KPI name, Group KPI name). A
unit that cannot be read is left out and named with its reason (exit 1); a folder gives each
workbook in it; with no unit given, the units the group's workbook remembers are read again.
The Scorecard sheet's figures are formulas over the table's cells, so that an edited actual moves
its score, status and roll-ups at once in Excel or LibreOffice (new periods, KPIs or layouts need a
refresh); --values writes them as plain values instead, frozen until the next refresh (the stored
setting summaryAsValues does so for every refresh).
--strategy-map draws the Strategy Map sheet (objectives in perspective lanes, coloured by status,
with the Drives column's arrows); once it is there, every refresh redraws it.
Every refresh records the scored period's results in the Scorecard History sheet, replacing that
period's rows. publish refreshes the workbook and freezes the period's rows there: later refreshes
keep them, report each change to its data as a restatement naming the cell, and trend against the
published values; --unpublish lifts that. publish writes like refresh (-o, --in-place, --force).
Exit status: 0 success, 1 the workbook has errors that stop the scorecard, 2 usage or file error
(damaged, protected, over a limit, locked by another refresh), 3 a fault in bsc (please report it).`;

const VALUE_OPTIONS: Readonly<Record<string, string>> = {
  "-o": "out",
  "--out": "out",
  "--table": "table",
  "--range": "range",
  "--period": "period",
  "--year": "year",
};
const FLAG_OPTIONS: Readonly<Record<string, string>> = {
  "--json": "json",
  "--force": "force",
  "--in-place": "inPlace",
  "--periods-across": "periodsAcross",
  "--sheet-as-perspective": "sheetAsPerspective",
  "--day-first": "dayFirst",
  "--month-first": "monthFirst",
  "--strategy-map": "strategyMap",
  "--values": "values",
  "--unpublish": "unpublish",
};
/** What check and refresh both take: the table, its layout, the period, the report. */
const READING_OPTIONS = [
  "table",
  "range",
  "periodsAcross",
  "sheetAsPerspective",
  "year",
  "dayFirst",
  "monthFirst",
  "period",
  "json",
  "map",
];
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  sample: ["force"],
  consolidate: ["out", "inPlace", "force", "period", "json"],
  check: READING_OPTIONS,
  refresh: ["out", "inPlace", "force", ...READING_OPTIONS, "strategyMap", "values"],
  publish: ["out", "inPlace", "force", "period", "unpublish", "json"],
};

/** "actual=Amount (EUR)" → the role and its header; the header may be empty ("no such column"). */
function mappingEntry(text: string): [ColumnRole, string] {
  const at = text.indexOf("=");
  const role = (at < 0 ? text : text.slice(0, at)).trim().toLowerCase();
  if (at < 0 || !(COLUMN_ROLES as readonly string[]).includes(role) || role === "drives") {
    throw new UsageError(
      `--map takes ROLE=HEADER with a role among ${COLUMN_ROLES.filter((r) => r !== "drives").join(", ")}, not "${text}".`,
    );
  }
  return [role as ColumnRole, text.slice(at + 1).trim()];
}

/** `bsc consolidate <group> [units…]`: the group's workbook and the units' files or folders. */
function consolidateCommand(
  positional: readonly string[],
  values: Readonly<Record<string, string>>,
  flags: Readonly<Record<string, boolean>>,
): Command {
  const [book, ...units] = positional;
  if (book === undefined) throw new UsageError("consolidate needs the group's workbook path.");
  if (values.out !== undefined && flags.inPlace)
    throw new UsageError("Use either -o or --in-place, not both.");
  checkPeriod(values.period);
  return {
    kind: "consolidate",
    book,
    units,
    ...(values.out !== undefined ? { out: values.out } : {}),
    ...(values.period !== undefined ? { period: values.period } : {}),
    inPlace: flags.inPlace === true,
    force: flags.force === true,
    json: flags.json === true,
  };
}

/** The shape and a real month: 2026-13 names no period any table can hold. */
function checkPeriod(period: string | undefined): void {
  if (
    period !== undefined &&
    (!/^\d{4}(-(\d{2}|Q[1-4]|W\d{2}))?$/i.test(period) || parsePeriodText(period) === null)
  ) {
    throw new UsageError(
      `--period takes a period such as 2026-06, 2026-Q2, 2026-W23 or 2026, not "${period}".`,
    );
  }
}

export function parseArgs(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined) return { kind: "missing-command" };
  if (command === "help" || command === "--help" || command === "-h") return { kind: "help" };
  if (command === "--version" || command === "-v") return { kind: "version" };
  const allowed = ALLOWED[command];
  if (!allowed)
    throw new UsageError(`Unknown command "${command}"; use sample, check, refresh, publish or consolidate.`);

  const positional: string[] = [];
  const values: Record<string, string> = {};
  const flags: Record<string, boolean> = {};
  const mapping: Partial<Record<ColumnRole, string>> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const [option, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const valueKey = VALUE_OPTIONS[option];
    const flagKey = FLAG_OPTIONS[option];
    if (option === "--map") {
      const value = inline ?? rest[++i];
      if (value === undefined) throw new UsageError("--map needs a value such as actual=Amount.");
      if (!allowed.includes("map")) throw new UsageError(`${command} does not take --map.`);
      const [role, header] = mappingEntry(value);
      mapping[role] = header;
    } else if (valueKey) {
      const value = inline ?? rest[++i];
      if (value === undefined || value === "") throw new UsageError(`${option} needs a value.`);
      if (!allowed.includes(valueKey)) throw new UsageError(`${command} does not take ${option}.`);
      values[valueKey] = value;
    } else if (flagKey && inline === undefined) {
      if (!allowed.includes(flagKey)) throw new UsageError(`${command} does not take ${option}.`);
      flags[flagKey] = true;
    } else if (arg.startsWith("-") && arg !== "-") {
      throw new UsageError(`Unknown option ${arg}.`);
    } else positional.push(arg);
  }
  if (command === "consolidate") return consolidateCommand(positional, values, flags);
  if (positional.length !== 1) {
    throw new UsageError(
      positional.length === 0
        ? `${command} needs a workbook path.`
        : `${command} takes one workbook path, not ${positional.length}.`,
    );
  }
  const file = positional[0] as string;
  checkPeriod(values.period);
  const optional = (key: string) => (values[key] !== undefined ? { [key]: values[key] } : {});
  if (values.table !== undefined && values.range !== undefined)
    throw new UsageError("Use either --table or --range, not both.");
  if (values.year !== undefined && !/^(19|[2-9]\d)\d\d$/.test(values.year))
    throw new UsageError(`--year takes a year such as 2024, not "${values.year}".`);
  const layout: SourceLayout = {
    ...(values.range !== undefined ? { range: values.range } : {}),
    ...(values.year !== undefined ? { year: Number(values.year) } : {}),
    ...(flags.dayFirst ? { dayOrder: "dmy" as const } : flags.monthFirst ? { dayOrder: "mdy" as const } : {}),
    ...(flags.periodsAcross ? { periodsAcross: true } : {}),
    ...(flags.sheetAsPerspective ? { sheetAsPerspective: true } : {}),
  };
  const mapped = {
    ...(Object.keys(mapping).length ? { mapping } : {}),
    ...(Object.keys(layout).length ? { layout } : {}),
  };
  switch (command) {
    case "sample":
      return { kind: "sample", out: file, force: flags.force === true };
    case "check":
      return {
        kind: "check",
        book: file,
        ...optional("table"),
        ...mapped,
        ...optional("period"),
        json: flags.json === true,
      };
    case "publish":
      if (values.out !== undefined && flags.inPlace)
        throw new UsageError("Use either -o or --in-place, not both.");
      // A published period is kept in the workbook's History sheet, which an export cannot hold:
      // publishing it would freeze a copy the next refresh of the export never sees.
      if (/\.csv$/i.test(file))
        throw new UsageError(
          `publish keeps the published period in the workbook's History sheet, which a CSV file cannot hold: refresh ${file} into a workbook first (bsc refresh ${file} -o ${file.replace(/\.csv$/i, ".xlsx")}), then publish that workbook and refresh it each month.`,
        );
      if (values.period === undefined)
        throw new UsageError(
          "publish needs the period to publish: --period 2026-06 (or 2026-Q2, 2026-W23, 2026).",
        );
      return {
        kind: "publish",
        book: file,
        ...optional("out"),
        period: values.period,
        inPlace: flags.inPlace === true,
        force: flags.force === true,
        unpublish: flags.unpublish === true,
        json: flags.json === true,
      };
    default:
      if (values.out !== undefined && flags.inPlace)
        throw new UsageError("Use either -o or --in-place, not both.");
      return {
        kind: "refresh",
        book: file,
        ...optional("out"),
        ...optional("table"),
        ...mapped,
        ...optional("period"),
        inPlace: flags.inPlace === true,
        force: flags.force === true,
        json: flags.json === true,
        strategyMap: flags.strategyMap === true,
        values: flags.values === true,
      };
  }
}
