import type { Issue } from "../engine/issues";
import type { Period } from "../engine/periods";
import type { ColumnRole } from "./headers";
import { isUnitsTotalWord } from "./headers";
import type { RowReading } from "./rows";
import type { Observation } from "./scorecard";
import type { NumberReading } from "./values";

export const BLANK: NumberReading = { kind: "blank" };

/**
 * One period's actual and target, with no threshold, tolerance or Polarity cell of its own: what a
 * tagged range, a KPI kept as a column, or a pair of rows gives.
 */
export const plainObservation = (
  period: Period | null,
  row: number,
  actual: NumberReading,
  actualCell: string,
  target: NumberReading,
  targetCell: string | null,
): Observation => ({
  period,
  row,
  actual,
  actualCell,
  target,
  targetCell,
  threshold: BLANK,
  thresholdCell: null,
  tolerance: BLANK,
  toleranceCell: null,
  polarityText: null,
  polarityCell: null,
});

/**
 * An observation with some of its fields changed. A long table's row reads its numbers and makes
 * its cells' addresses on its prototype (when asked for): a spread would leave them out, this copy
 * keeps them. The changes are defined on the copy itself, in front of the prototype's getters
 * (which an assignment could not set).
 */
export const observationWith = (o: Observation, changes: Partial<Observation>): Observation =>
  Object.defineProperties(
    Object.assign(Object.create(Object.getPrototypeOf(o) as object) as Observation, o),
    Object.getOwnPropertyDescriptors(changes),
  );

/** A KPI while its rows are being read. */
export interface KpiDraft {
  /** The entity (site, department…) the KPI's rows are for; null without an Entity column. */
  entity: string | null;
  perspective: string;
  objective: string;
  name: string;
  observations: Observation[];
  byPeriod: Map<number, Observation>;
  /** Per-KPI attributes: the row (latest period, then latest in table order) that set each. */
  attributes: Partial<Record<ColumnRole, { row: number; rank: number }>>;
  /** The heading row whose name the KPI's objective or perspective took, for its direction. */
  section?: { text: string; cell: string };
}

/** Columns that describe the KPI rather than one period's numbers. */
export const ATTRIBUTE_ROLES: readonly ColumnRole[] = [
  "polarity",
  "weight",
  "owner",
  "unit",
  "comment",
  "baseline",
  "aggregation",
];

/** How the rows below a header were taken: each non-blank row counts once. */
export interface RowCounts {
  readonly rows: number;
  readonly scored: number;
  readonly headings: number;
  readonly totals: number;
  readonly leftOut: number;
}

type KpiRow = Extract<RowReading, { kind: "kpi" }>;

/** Counts the rows as they are read and keeps the issue of each row left out. */
export class RowTally {
  private readonly tally = { rows: 0, scored: 0, headings: 0, totals: 0, leftOut: 0 };
  constructor(private readonly issues: Issue[]) {}

  get counts(): RowCounts {
    return { ...this.tally };
  }

  /** The row's KPI names, or null for a row that holds none (blank, heading, total, left out). */
  take(reading: RowReading): KpiRow | null {
    if (reading.kind === "blank") return null;
    this.tally.rows++;
    if (reading.kind === "heading") this.tally.headings++;
    else if (reading.kind === "total") {
      this.issues.push(reading.issue);
      this.tally.totals++;
    } else if (reading.kind === "left-out") this.leaveOut(reading.issue);
    else return reading;
    return null;
  }

  leaveOut(found: Issue): void {
    this.issues.push(found);
    this.tally.leftOut++;
  }

  /** A row taken for a KPI's that turned out to be a total (an entity named "Total"). */
  total(found: Issue): void {
    this.issues.push(found);
    this.tally.totals++;
  }

  scored(): void {
    this.tally.scored++;
  }
}

/**
 * An entity cell that names the sum of the others, not an entity of its own: a total row among the
 * units ("Total", "Grand total", "All", "Group", in the seven languages the reader knows).
 */
const ALL_UNITS =
  /^all$|^(whole\s+)?group$|^overall$|^consolidated$|^total\s+(company|group)$|^(tutti|todos|todas|tous)$/i;

export const isEntityTotal = (entity: string): boolean =>
  isUnitsTotalWord(entity) || ALL_UNITS.test(entity.normalize("NFKC").trim());

/**
 * The entity of each row: its Entity cell, or the one above when left blank (written once per
 * group, or merged); null for a table without an Entity column.
 */
export class EntityColumn {
  private last = "";
  constructor(private readonly read: ((row: number) => string) | null) {}
  at(row: number): string | null {
    if (this.read === null) return null;
    const own = this.read(row);
    if (own !== "") this.last = own;
    return this.last;
  }
}
