/**
 * The two follow-up tables a finance team keeps beside its scorecard (WORKBOOK.md): the
 * Commentary table (for a KPI or an objective and a period: an analysis, and actions each with an
 * owner and a due date) and the Initiatives table (the projects behind each objective). Both are
 * found by detect.ts like the Perspectives and Objectives tables and read here into plain notes;
 * what is late or off track is judged at scoring (engine/followUp.ts), against the day of the run.
 */
import { issue, type Issue } from "../engine/issues";
import { periodKey } from "../engine/periods";
import { sheetCell } from "./address";
import type { Definition } from "./definition";
import type { DetectedTable } from "./detect";
import type { FollowUpColumn } from "./headers";
import { normalizeHeader } from "./headers";
import { isoDayOfCell, readPeriodCell, type DayOrder } from "./periodText";
import type { KpiModel, ObjectiveModel } from "./scorecard";
import { objectiveKey, objectiveNameKey } from "./scorecard";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import { cellAt, formatAt } from "./snapshot";
import { cellText, isBlankCell, readNumber, type NumberReading } from "./values";
import { isPercentFormat } from "./numberFormat";

/** What a Status (or RAG) cell says: a colour, done, or still open. */
export type FollowUpStatus = "green" | "amber" | "red" | "done" | "open";

export interface CommentaryAction {
  readonly text: string;
  readonly owner: string;
  /** ISO day ("2026-12-31"); null without a due date. */
  readonly due: string | null;
  /** What the Due cell says where it is no day ("next week"; due is null): shown as written, flagged. */
  readonly dueWritten?: string;
  readonly done: boolean;
  /** The Action cell; null for an action entered in the pane. */
  readonly cell: string | null;
  readonly dueCell: string | null;
}

/** One row of the Commentary table, or one entry made in the pane, about one KPI or objective. */
export interface CommentaryNote {
  /** The period it explains ("2026-12"); null: whatever period is scored (a row without a period). */
  readonly period: string | null;
  readonly perspective: string;
  readonly objective: string;
  /** The KPI explained; null for commentary on the objective. */
  readonly kpi: string | null;
  /** The entity it is about, with an Entity column; null for all. */
  readonly entity: string | null;
  readonly analysis: string;
  readonly action: CommentaryAction | null;
  /** The KPI or Objective cell of its row; null for the pane's. */
  readonly cell: string | null;
  readonly source: "table" | "pane";
}

export interface InitiativeModel {
  readonly perspective: string;
  readonly objective: string;
  readonly name: string;
  readonly owner: string;
  /** ISO days; null where not given (or not a date, with an issue). */
  readonly start: string | null;
  readonly due: string | null;
  /** What the Due cell says where it is no day (due is null): shown as written, flagged. */
  readonly dueWritten?: string;
  /** Share done, 0–1; null where not given. */
  readonly complete: number | null;
  readonly status: FollowUpStatus | null;
  readonly budget: number | null;
  readonly spend: number | null;
  /** The Initiative cell (null for one entered in the pane); the Due, Status and Spend cells, each where the table has that column. */
  readonly cell: string | null;
  readonly dueCell: string | null;
  readonly statusCell?: string | null;
  readonly spendCell?: string | null;
}

/** Status words in the seven languages, as Status and RAG columns write them. */
const STATUS_WORDS: Readonly<Record<FollowUpStatus, readonly string[]>> = {
  green: [
    "green",
    "g",
    "on track",
    "on target",
    "ok",
    "verde",
    "vert",
    "grün",
    "groen",
    "en curso",
    "en cours",
  ],
  amber: [
    "amber",
    "a",
    "yellow",
    "orange",
    "at risk",
    "watch",
    "amarillo",
    "amarelo",
    "en riesgo",
    "em risco",
    "à risque",
    "gelb",
    "giallo",
    "a rischio",
    "oranje",
    "geel",
    "risico",
  ],
  red: [
    "red",
    "r",
    "off track",
    "behind",
    "delayed",
    "late",
    "rojo",
    "retrasado",
    "vermelho",
    "atrasado",
    "rouge",
    "en retard",
    "rot",
    "verzögert",
    "rosso",
    "in ritardo",
    "rood",
    "vertraagd",
  ],
  done: [
    "done",
    "complete",
    "completed",
    "closed",
    "finished",
    "yes",
    "x",
    "completado",
    "terminado",
    "cerrado",
    "hecho",
    "concluído",
    "fechado",
    "terminé",
    "fait",
    "clos",
    "erledigt",
    "abgeschlossen",
    "fertig",
    "completato",
    "chiuso",
    "fatto",
    "afgerond",
    "gereed",
    "klaar",
  ],
  open: [
    "open",
    "in progress",
    "not started",
    "planned",
    "no",
    "abierto",
    "en progreso",
    "pendiente",
    "aberto",
    "em andamento",
    "pendente",
    "ouvert",
    "à faire",
    "offen",
    "in arbeit",
    "aperto",
    "in corso",
    "lopend",
  ],
};

const STATUS_OF_WORD: ReadonlyMap<string, FollowUpStatus> = new Map(
  (Object.entries(STATUS_WORDS) as [FollowUpStatus, readonly string[]][]).flatMap(([status, words]) =>
    words.map((w) => [normalizeHeader(w), status] as const),
  ),
);

/** A Status or RAG cell's meaning: null for a blank cell, "unknown" for a word the reader does not know. */
export function followUpStatus(text: string): FollowUpStatus | null | "unknown" {
  if (text.trim() === "") return null;
  return STATUS_OF_WORD.get(normalizeHeader(text)) ?? "unknown";
}

/** Reads a follow-up table's cells by column. */
class FollowUpReader {
  constructor(
    readonly sheet: SheetSnapshot,
    readonly table: DetectedTable,
  ) {}
  value(row: number, column: FollowUpColumn): CellValue {
    const col = this.table.followUpColumns?.[column];
    return col === undefined ? null : cellAt(this.sheet, row, col);
  }
  text(row: number, column: FollowUpColumn): string {
    return cellText(this.value(row, column));
  }
  cell(row: number, column: FollowUpColumn): string | null {
    const col = this.table.followUpColumns?.[column];
    return col === undefined ? null : sheetCell(this.sheet.name, row, col);
  }
  /** Whether the cell shows its number as a percentage: a "%" in its format or its text. */
  showsPercent(row: number, column: FollowUpColumn, reading: NumberReading): boolean {
    if (reading.kind === "number" && reading.fromText !== undefined) return reading.fromText.includes("%");
    const col = this.table.followUpColumns?.[column];
    return col !== undefined && isPercentFormat(formatAt(this.sheet, row, col));
  }
  has(column: FollowUpColumn): boolean {
    return this.table.followUpColumns?.[column] !== undefined;
  }
  blankRow(row: number): boolean {
    for (let col = this.table.left; col <= this.table.right; col++)
      if (!isBlankCell(cellAt(this.sheet, row, col))) return false;
    return true;
  }
}

export interface FollowUpContext {
  readonly kpis: readonly KpiModel[];
  readonly objectives: readonly ObjectiveModel[];
  readonly dayOrder?: DayOrder | undefined;
  readonly fiscalYearStartMonth?: number;
}

export interface FollowUps {
  readonly commentary: CommentaryNote[];
  readonly initiatives: InitiativeModel[];
}

/** A date column's day, or null with the issue naming its cell. */
function dayAt(
  reader: FollowUpReader,
  row: number,
  column: "due" | "start",
  item: string,
  context: FollowUpContext,
  issues: Issue[],
): string | null {
  const value = reader.value(row, column);
  if (isBlankCell(value)) return null;
  const day = isoDayOfCell(value, context.dayOrder);
  if (day === null)
    issues.push(
      issue("follow-up-not-date", reader.cell(row, column), {
        column: column === "due" ? "due date" : "start date",
        item,
        value: cellText(value),
      }),
    );
  return day;
}

/**
 * A Due cell's day; where it holds something that is no day ("next week"), also what it says, so
 * that the sheet shows the user's words rather than a blank (the issue at its cell says why).
 */
function dueAt(
  reader: FollowUpReader,
  row: number,
  item: string,
  context: FollowUpContext,
  issues: Issue[],
): { due: string | null; dueWritten?: string } {
  const due = dayAt(reader, row, "due", item, context, issues);
  const value = reader.value(row, "due");
  return due === null && !isBlankCell(value) ? { due, dueWritten: cellText(value) } : { due };
}

type Subject = Pick<CommentaryNote, "perspective" | "objective" | "kpi">;

/** The scorecard's KPIs by name as a Commentary row may write it: built once, not searched per row. */
type KpisByName = ReadonlyMap<string, readonly KpiModel[]>;

function kpisByName(kpis: readonly KpiModel[]): KpisByName {
  const byName = new Map<string, KpiModel[]>();
  for (const k of kpis) {
    const key = objectiveNameKey(k.name);
    const list = byName.get(key);
    if (list) list.push(k);
    else byName.set(key, [k]);
  }
  return byName;
}

/** The KPIs or the objective a Commentary row names (by name, case and spaces aside). */
function subjectsOf(
  kpiName: string,
  objectiveName: string,
  context: FollowUpContext,
  byName: KpisByName,
): Subject[] {
  const objective = objectiveNameKey(objectiveName);
  if (kpiName !== "") {
    const seen = new Set<string>();
    return (byName.get(objectiveNameKey(kpiName)) ?? [])
      .filter((k) => objective === "" || objectiveNameKey(k.objective) === objective)
      .map((k) => ({ perspective: k.perspective, objective: k.objective, kpi: k.name }))
      .filter((s) => {
        const key = objectiveKey(s.perspective, s.objective);
        return !seen.has(key) && (seen.add(key), true);
      });
  }
  return context.objectives
    .filter((o) => objectiveNameKey(o.name) === objective)
    .map((o) => ({ perspective: o.perspective, objective: o.name, kpi: null }));
}

function readCommentary(
  reader: FollowUpReader,
  context: FollowUpContext,
  issues: Issue[],
  notes: CommentaryNote[],
): void {
  const { table } = reader;
  const byName = kpisByName(context.kpis);
  // A row with an action and nothing to say whose it is continues the row above it.
  let previous: { subjects: Subject[]; period: string | null; entity: string | null } | null = null;
  for (let row = table.firstDataRow; row <= table.lastDataRow; row++) {
    if (reader.blankRow(row)) continue;
    let kpiName = reader.text(row, "kpi");
    let objectiveName = reader.text(row, "objective");
    // A "KPI or Objective" cell names a KPI when the scorecard has one of that name, else an objective.
    const subjectName = kpiName === "" && objectiveName === "" ? reader.text(row, "subject") : "";
    if (subjectName !== "") {
      if (byName.has(objectiveNameKey(subjectName))) kpiName = subjectName;
      else objectiveName = subjectName;
    }
    const itemColumn: FollowUpColumn = subjectName !== "" ? "subject" : kpiName !== "" ? "kpi" : "objective";
    const periodValue = reader.value(row, "period");
    const analysis = reader.text(row, "analysis");
    const actionText = reader.text(row, "action");
    if (analysis === "" && actionText === "") continue;
    const item = kpiName || objectiveName;
    let period: string | null = null;
    if (!isBlankCell(periodValue)) {
      const reading = readPeriodCell(periodValue, {
        ...(context.dayOrder ? { dayOrder: context.dayOrder } : {}),
        ...(context.fiscalYearStartMonth ? { fiscalYearStartMonth: context.fiscalYearStartMonth } : {}),
      });
      if (reading?.kind !== "period") {
        issues.push(
          issue("commentary-period-invalid", reader.cell(row, "period"), {
            value: cellText(periodValue),
            item: item || "the row above",
          }),
        );
        continue;
      }
      period = periodKey(reading.period);
    }
    let subjects: Subject[];
    let entity = reader.text(row, "entity") || null;
    if (item === "" && previous) {
      subjects = previous.subjects;
      if (isBlankCell(periodValue)) period = previous.period;
      entity ??= previous.entity;
    } else {
      subjects = subjectsOf(kpiName, objectiveName, context, byName);
      // A KPI name two objectives share, with no objective to settle it: the commentary may well
      // be on both (the same measure kept twice), so it is shown under both, and said.
      if (subjects.length > 1)
        issues.push(
          issue("commentary-ambiguous-kpi", reader.cell(row, itemColumn), {
            name: kpiName,
            objectives: subjects.map((s) => s.objective).join(", "),
          }),
        );
      if (subjects.length === 0) {
        issues.push(
          issue(
            "commentary-unknown-item",
            reader.cell(row, itemColumn) ?? sheetCell(reader.sheet.name, row, table.left),
            { name: item || "(blank)" },
          ),
        );
        previous = null;
        continue;
      }
    }
    previous = { subjects, period, entity };
    const due = actionText === "" ? { due: null } : dueAt(reader, row, actionText, context, issues);
    const status = followUpStatus(reader.text(row, "status"));
    const action: CommentaryAction | null =
      actionText === ""
        ? null
        : {
            text: actionText,
            owner: reader.text(row, "actionOwner") || reader.text(row, "owner"),
            ...due,
            done: status === "done" || status === "green",
            cell: reader.cell(row, "action"),
            dueCell: reader.cell(row, "due"),
          };
    const cell = reader.cell(row, itemColumn);
    for (const s of subjects) notes.push({ ...s, period, entity, analysis, action, cell, source: "table" });
  }
}

/** A % complete cell as a share 0–1: 0.45 and 45 and "45%" are 45 %; null for blank or wrong. */
function completeAt(reader: FollowUpReader, row: number, name: string, issues: Issue[]): number | null {
  const value = reader.value(row, "complete");
  const reading = readNumber(value);
  if (reading.kind === "blank") return null;
  const n = reading.kind === "number" ? reading.value : NaN;
  // A cell shown as a percentage ("0%" format, or the text "45%") already holds the share, so 1.2
  // there is 120 % and flagged; a plain number above 1 is written in percent (45 for 45 %).
  const share = reader.showsPercent(row, "complete", reading) ? n : n > 1 ? n / 100 : n;
  if (!(share >= 0 && share <= 1)) {
    issues.push(
      issue("initiative-value-invalid", reader.cell(row, "complete"), {
        column: "% complete",
        initiative: name,
        value: cellText(value),
        expected: "a share from 0 to 100%",
      }),
    );
    return null;
  }
  return share;
}

function amountAt(
  reader: FollowUpReader,
  row: number,
  column: "budget" | "spend",
  name: string,
  issues: Issue[],
): number | null {
  const value = reader.value(row, column);
  const reading = readNumber(value);
  if (reading.kind === "blank") return null;
  if (reading.kind === "number" && reading.value >= 0) return reading.value;
  issues.push(
    issue("initiative-value-invalid", reader.cell(row, column), {
      column: column === "budget" ? "budget" : "spend",
      initiative: name,
      value: cellText(value),
      expected: "an amount of zero or more",
    }),
  );
  return null;
}

function readInitiatives(
  reader: FollowUpReader,
  context: FollowUpContext,
  issues: Issue[],
  initiatives: InitiativeModel[],
): void {
  const { table } = reader;
  for (let row = table.firstDataRow; row <= table.lastDataRow; row++) {
    const name = reader.text(row, "initiative");
    if (name === "") continue;
    const objectiveName = reader.text(row, "objective");
    const perspectiveName = objectiveNameKey(reader.text(row, "perspective"));
    const objective = context.objectives.find(
      (o) =>
        objectiveNameKey(o.name) === objectiveNameKey(objectiveName) &&
        (perspectiveName === "" || objectiveNameKey(o.perspective) === perspectiveName),
    );
    if (!objective) {
      issues.push(
        issue("initiative-unknown-objective", reader.cell(row, "objective"), {
          initiative: name,
          name: objectiveName || "(blank)",
        }),
      );
      continue;
    }
    const statusText = reader.text(row, "status");
    let status = followUpStatus(statusText);
    if (status === "unknown") {
      issues.push(
        issue("initiative-value-invalid", reader.cell(row, "status"), {
          column: "status",
          initiative: name,
          value: statusText,
          expected: "a status the reader knows (Green, Amber, Red, On track, At risk, Off track, Done…)",
        }),
      );
      status = null;
    }
    initiatives.push({
      perspective: objective.perspective,
      objective: objective.name,
      name,
      owner: reader.text(row, "owner"),
      start: dayAt(reader, row, "start", name, context, issues),
      ...dueAt(reader, row, name, context, issues),
      complete: completeAt(reader, row, name, issues),
      status,
      budget: amountAt(reader, row, "budget", name, issues),
      spend: amountAt(reader, row, "spend", name, issues),
      cell: reader.cell(row, "initiative") as string,
      dueCell: reader.cell(row, "due"),
      statusCell: reader.cell(row, "status"),
      spendCell: reader.cell(row, "spend"),
    });
  }
}

/** The pane's commentary entries whose KPI or objective the scorecard still has. */
function paneCommentary(stored: Definition["commentary"], context: FollowUpContext): CommentaryNote[] {
  const notes: CommentaryNote[] = [];
  for (const entry of stored ?? []) {
    const known =
      entry.kpi === undefined
        ? context.objectives.some((o) => o.perspective === entry.perspective && o.name === entry.objective)
        : context.kpis.some(
            (k) =>
              k.perspective === entry.perspective && k.objective === entry.objective && k.name === entry.kpi,
          );
    if (!known) continue;
    const subject = {
      period: entry.period,
      perspective: entry.perspective,
      objective: entry.objective,
      kpi: entry.kpi ?? null,
      entity: null,
      cell: null,
      source: "pane" as const,
    };
    // The analysis once, each action on a note of its own, as the table's rows give them.
    notes.push({ ...subject, analysis: entry.analysis, action: null });
    for (const a of entry.actions)
      notes.push({
        ...subject,
        analysis: "",
        action: { text: a.action, owner: a.owner, due: a.due, done: a.done, cell: null, dueCell: null },
      });
  }
  return notes.filter((n) => n.analysis !== "" || n.action !== null);
}

/** The pane's initiatives whose objective the scorecard still has. */
function paneInitiatives(stored: Definition["initiatives"], context: FollowUpContext): InitiativeModel[] {
  return (stored ?? [])
    .filter((i) => context.objectives.some((o) => o.perspective === i.perspective && o.name === i.objective))
    .map((i) => ({ ...i, cell: null, dueCell: null }));
}

/**
 * The Commentary and Initiatives tables among the tables found, read against the scorecard's KPIs
 * and objectives, with the pane's commentary after the table's (both are shown). Problems are
 * issues naming their cells; a row that cannot be placed is left out, never a failure.
 */
export function readFollowUps(
  book: WorkbookSnapshot,
  candidates: readonly DetectedTable[],
  stored: Definition["commentary"],
  context: FollowUpContext,
  issues: Issue[],
  storedInitiatives: Definition["initiatives"] = undefined,
): FollowUps {
  const commentary: CommentaryNote[] = [];
  const initiatives: InitiativeModel[] = [];
  for (const table of candidates) {
    if (table.kind !== "commentary" && table.kind !== "initiatives") continue;
    const sheet = book.sheets.find((s) => s.name === table.sheet);
    if (!sheet) continue;
    const reader = new FollowUpReader(sheet, table);
    if (table.kind === "commentary") readCommentary(reader, context, issues, commentary);
    else readInitiatives(reader, context, issues, initiatives);
  }
  commentary.push(...paneCommentary(stored, context));
  initiatives.push(...paneInitiatives(storedInitiatives, context));
  return { commentary, initiatives };
}
