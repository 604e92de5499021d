import type { Issue } from "../engine/issues";
import type { Granularity, Period } from "../engine/periods";
import type { Aggregation, Polarity } from "../engine/types";
import type { DetectedTable, TableShape } from "./detect";
import type { Settings } from "./definition";
import type { CommentaryNote, InitiativeModel } from "./followUp";
import type { ObjectiveSource, PerspectiveSource } from "./rows";
import type { NumberReading } from "./values";

/** One KPI's numbers in one period (or the only ones, in a single-period table). */
export interface Observation {
  readonly period: Period | null;
  readonly row: number;
  readonly actual: NumberReading;
  readonly actualCell: string;
  /** Where a wide table keeps this period's numbers; absent for a long table's row. */
  readonly wide?: WideCells;
  readonly target: NumberReading;
  readonly targetCell: string | null;
  readonly threshold: NumberReading;
  readonly thresholdCell: string | null;
  readonly tolerance: NumberReading;
  readonly toleranceCell: string | null;
  /** The row's Polarity cell as written (null without a Polarity column): the KPI's polarity may come from another row. */
  readonly polarityText: string | null;
  readonly polarityCell: string | null;
}

export interface KpiModel {
  /** The entity (site, department, region…) whose KPI this is; null without an Entity column. */
  readonly entity: string | null;
  readonly perspective: string;
  readonly objective: string;
  readonly name: string;
  /** Null when the polarity word was not understood (the KPI is then not scored). */
  readonly polarity: Polarity | null;
  /**
   * Why the polarity was inferred from the file (a class cell, the name, a departmental budget),
   * where no Polarity cell or stored choice gave it: the set-up lists these to be confirmed.
   */
  readonly polarityBecause?: string;
  /** Null when the aggregation word was not understood. */
  readonly aggregation: Aggregation | null;
  readonly weight: number;
  readonly owner: string;
  readonly unit: string;
  readonly comment: string;
  readonly baseline: number | null;
  readonly numberFormat: string | null;
  /** Overrides from the stored definition, which win over the table's cells. */
  readonly polarityOverride: Polarity | null;
  readonly thresholdOverride: number | null;
  readonly toleranceOverride: number | null;
  /** In period order. */
  readonly observations: readonly Observation[];
  readonly source: "table" | "tag";
  /** The sheet of the table the KPI was read from; null for a tagged KPI. */
  readonly sheet: string | null;
}

export interface PerspectiveModel {
  readonly name: string;
  readonly weight: number;
}

export interface ObjectiveModel {
  readonly perspective: string;
  readonly name: string;
  readonly weight: number;
  readonly owner: string;
  readonly drives: readonly string[];
}

/** A period's cells in a wide table: one column, the KPI's actual row and its paired target row. */
export interface WideCells {
  readonly column: number;
  /** Null when the KPI has a target row only. */
  readonly actualRow: number | null;
  /** Null when the target is in the Target column, on the actual's row. */
  readonly targetRow: number | null;
  /** The actual cell's number format. */
  readonly format: string | null;
}

/** What the reader understood of the scorecard table: shown by `bsc check` and the pane's set-up. */
export interface LayoutSummary {
  readonly shape: TableShape;
  /** How roles were read from the columns' content where header words did not name them. */
  readonly inferred: readonly string[];
  /** The block read, header row included. */
  readonly address: string;
  readonly perspectiveFrom: PerspectiveSource;
  readonly objectiveFrom: ObjectiveSource;
  /** Rows below the header holding anything. Each is scored, a heading, a total, or left out with an issue. */
  readonly rows: number;
  readonly scored: number;
  readonly headings: number;
  readonly totals: number;
  readonly leftOut: number;
  /** Distinct KPIs: with an Entity column, each counted once however many entities report it. */
  readonly kpis: number;
  /** The entities of an Entity column; 0 without one. */
  readonly entities: number;
  readonly periods: number;
}

export interface ScorecardModel {
  /** The table read (the first, for a sheet per perspective); null for tagged KPIs only. */
  readonly table: DetectedTable | null;
  /** Every table read: one, or one per perspective's sheet. */
  readonly tables: readonly DetectedTable[];
  /** The entities of an Entity column, in order of first appearance; empty without one. */
  readonly entities: readonly string[];
  readonly layout: LayoutSummary | null;
  readonly granularity: Granularity | null;
  readonly settings: Settings;
  /** In order of first appearance. */
  readonly perspectives: readonly PerspectiveModel[];
  readonly objectives: readonly ObjectiveModel[];
  readonly kpis: readonly KpiModel[];
  /** Problems found while reading, each naming its cell. */
  readonly issues: readonly Issue[];
  /** The Commentary table's rows and the pane's commentary (followUp.ts); absent where there is none. */
  readonly commentary?: readonly CommentaryNote[];
  /** The Initiatives table's rows under known objectives; absent where there are none. */
  readonly initiatives?: readonly InitiativeModel[];
}

/**
 * An objective's name as a Drives cell may write it: case, width and runs of spaces aside
 * ("grow  REVENUE" names "Grow revenue").
 */
export const objectiveNameKey = (name: string): string =>
  name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();

export const objectiveKey = (perspective: string, objective: string): string =>
  `${perspective}\u0000${objective}`;
export const kpiKey = (perspective: string, objective: string, name: string): string =>
  `${perspective}\u0000${objective}\u0000${name}`;
