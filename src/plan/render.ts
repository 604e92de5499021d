import type { ScorecardResult } from "../engine/evaluate";
import { issue, type Issue } from "../engine/issues";
import { tableAddress } from "../model/detect";
import type { Definition } from "../model/definition";
import { serializeDefinition } from "../model/definition";
import type { OwnedSheets } from "../model/ownership";
import {
  DEFAULT_DASHBOARD_SHEET,
  DEFAULT_DEFINITION_SHEET,
  DEFINITION_CHUNK,
  DEFINITION_MARKER_NAME,
  DEFINITION_SHEET_MARKER,
  DEFAULT_HISTORY_SHEET,
  DEFAULT_STRATEGY_MAP_SHEET,
  SUMMARY_MARKER_NAME,
} from "../model/ownership";
import type { HistoryRow } from "../model/historySheet";
import { historySheet, historyStyles } from "./historySheet";
import type { ScorecardModel } from "../model/scorecard";
import { dashboardSheet, dashboardStyles, type TrendPoint } from "./dashboard";
import { strategyMapSheet, strategyMapStyles } from "./strategyMapSheet";
import { PALETTES } from "./palette";
import type { ConditionalFormatPlan, PlanCell, SheetPlan, WritePlan } from "./plan";
import { SUMMARY_HEADER_ROW, summarySheet, summaryStyles } from "./summary";
import { statusColourRules, statusCountFormula } from "./summaryFormulas";
import { columnLetters, quoteSheetName } from "../model/address";
import type { Status } from "../engine/types";
import { trafficLightFormats } from "./trafficLights";

export interface RenderInput {
  readonly sheetNames: readonly string[];
  readonly owned: OwnedSheets;
  readonly model: ScorecardModel;
  readonly result: ScorecardResult;
  readonly definition: Definition;
  /** Shown on the summary sheet; passed in so that rendering stays a pure function. */
  readonly refreshedAt: string;
  /** Each trend candidate's last periods (app/history), keyed by kpiKey; none: no trend charts. */
  readonly history?: ReadonlyMap<string, readonly TrendPoint[]>;
  /** Draw the strategy map even where the workbook has none yet; one it has is always redrawn. */
  readonly strategyMap?: boolean;
  /**
   * The History sheet's rows after this refresh (app/periodHistory); the sheet is written where
   * there are rows or the workbook has one. Absent: the History sheet is not touched.
   */
  readonly periodRecords?: readonly HistoryRow[];
  /** Restatements of published periods, one line each below the Scorecard sheet's table. */
  readonly restatements?: readonly string[];
}

/**
 * The name a product sheet gets: the wanted one unless a user's sheet has it, in which case
 * "Name (2)", "Name (3)" …; never a name a user's sheet holds (compared as Excel does, by case).
 */
export function productSheetName(
  wanted: string,
  ownedName: string | null,
  sheetNames: readonly string[],
): string {
  const taken = new Set(sheetNames.filter((n) => n !== ownedName).map((n) => n.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = wanted.slice(0, 31 - suffix.length).trimEnd() + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

function definitionCells(definition: Definition): PlanCell[] {
  const json = serializeDefinition(definition);
  const cells: PlanCell[] = [{ row: 1, col: 1, value: DEFINITION_SHEET_MARKER }];
  for (let i = 0; i * DEFINITION_CHUNK < json.length; i++) {
    cells.push({ row: i + 2, col: 1, value: json.slice(i * DEFINITION_CHUNK, (i + 1) * DEFINITION_CHUNK) });
  }
  return cells;
}

function definitionSheetPlan(
  sheetNames: readonly string[],
  owned: OwnedSheets,
  definition: Definition,
): SheetPlan {
  return {
    role: "definition",
    name: productSheetName(owned.definition ?? DEFAULT_DEFINITION_SHEET, owned.definition, sheetNames),
    replaces: owned.definition,
    visibility: "veryHidden",
    cells: definitionCells(definition),
    columnWidths: [100],
    frozenRows: 0,
    markerName: DEFINITION_MARKER_NAME,
  };
}

/** Only the stored definition: what the task pane writes when the user changes a setting. */
export function renderDefinitionPlan(
  sheetNames: readonly string[],
  owned: OwnedSheets,
  definition: Definition,
): WritePlan {
  return {
    styles: {},
    sheets: [definitionSheetPlan(sheetNames, owned, definition)],
    clearConditionalFormatsOn: [],
    conditionalFormats: [],
  };
}

/** Everything a refresh writes: the summary sheet, the traffic lights and the stored definition. */
export function renderPlan(input: RenderInput): { plan: WritePlan; issues: Issue[] } {
  const { model, result, owned, sheetNames, definition } = input;
  const issues: Issue[] = [...(owned.issues ?? [])];
  const colours = PALETTES[model.settings.palette];
  const wanted = model.settings.summarySheetName;
  const summaryName = productSheetName(wanted, owned.summary, sheetNames);
  if (summaryName !== wanted) issues.push(issue("sheet-name-taken", null, { wanted, used: summaryName }));
  const source = model.tables.length ? model.tables.map(tableAddress).join(", ") : "Tagged ranges";

  const { summaryAsValues, fiscalYearStartMonth, rollup } = model.settings;
  // A published period scores as it was published, whatever its cells now say: its sheet is values.
  const published = (definition.published ?? []).some((p) => p.period === result.period);
  const board = summarySheet(
    result,
    source,
    input.refreshedAt,
    input.restatements,
    summaryAsValues === true || published ? undefined : { fiscalYearStartMonth, rollup },
    published ? "published" : undefined,
  );
  const summary: SheetPlan = {
    role: "summary",
    name: summaryName,
    replaces: owned.summary,
    visibility: "visible",
    cells: board.cells,
    columnWidths: board.columnWidths,
    frozenRows: SUMMARY_HEADER_ROW,
    markerName: SUMMARY_MARKER_NAME,
    rowOutline: board.rowOutline,
    hyperlinks: board.hyperlinks,
    print: board.print,
  };
  const definitionSheet = definitionSheetPlan([...sheetNames, summaryName], owned, definition);
  // The status table counts the live Scorecard sheet's KPI rows of each perspective.
  const blocks = board.perspectiveBlocks;
  const columnOf = (key: string) => columnLetters(board.columns.findIndex((c) => c.key === key) + 1);
  const range = (key: string, b: { first: number; last: number }) =>
    `${quoteSheetName(summaryName)}!$${columnOf(key)}$${b.first}:$${columnOf(key)}$${b.last}`;
  const statusCount = blocks
    ? (p: number, status: Status) => {
        const b = blocks[p] as { first: number; last: number };
        return statusCountFormula(status, range("status", b), range("trend", b));
      }
    : undefined;
  const dashboard = dashboardSheet(
    {
      result,
      history: input.history ?? new Map(),
      colours,
      refreshedAt: input.refreshedAt,
      ...(statusCount ? { statusCount } : {}),
    },
    productSheetName(DEFAULT_DASHBOARD_SHEET, owned.dashboard ?? null, [
      ...sheetNames,
      summaryName,
      definitionSheet.name,
    ]),
    owned.dashboard ?? null,
  );
  const sheets = [summary, definitionSheet, dashboard];
  if (owned.strategyMap || input.strategyMap) {
    sheets.push(
      strategyMapSheet(
        { result, objectives: model.objectives, colours, refreshedAt: input.refreshedAt },
        productSheetName(
          DEFAULT_STRATEGY_MAP_SHEET,
          owned.strategyMap ?? null,
          sheets.map((s) => s.name).concat(sheetNames),
        ),
        owned.strategyMap ?? null,
      ),
    );
  }
  // Without records given (a consolidation), the History sheet is left as it is, never emptied.
  const records = input.periodRecords;
  if (records && (records.length || owned.history)) {
    const taken = sheets.map((s) => s.name).concat(sheetNames);
    sheets.push(
      historySheet(
        records,
        productSheetName(DEFAULT_HISTORY_SHEET, owned.history ?? null, taken),
        owned.history ?? null,
      ),
    );
  }
  // The live status words' colours follow their recalculation (none on a sheet of values).
  const conditionalFormats: ConditionalFormatPlan[] = statusColourRules(summaryName, board.cells, colours);
  for (const table of model.tables) {
    const kpis = model.kpis.filter((k) => k.sheet === table.sheet);
    const lights = trafficLightFormats(table, kpis, colours);
    issues.push(...lights.issues);
    conditionalFormats.push(...lights.plans);
  }
  return {
    plan: {
      styles: {
        ...summaryStyles(colours),
        ...dashboardStyles(colours),
        ...strategyMapStyles(),
        ...historyStyles(),
      },
      sheets,
      clearConditionalFormatsOn: model.tables.map((t) => t.sheet),
      conditionalFormats,
    },
    issues,
  };
}
