/**
 * The messages between the preview's page and the worker that holds its workbook's package
 * (docs/adr/0022): plain data only, as postMessage copies them (structured clone), never a
 * function or a class's instance. Each request carries an id; its replies carry the same.
 */
import type { RefreshStep, RunOptions, Scored, Scoring } from "../../app/scoring";
import type { SheetSnapshot, WorkbookSnapshot } from "../../model/snapshot";
import type { WritePlan } from "../../plan/plan";
import type { RangeRef } from "../../workbook/port";

/** What a refresh in the worker is told: RunOptions without its callback or the page's objects. */
export type WorkerRunOptions = Pick<RunOptions, "definition" | "strategyMap" | "publish" | "now">;

export type WorkerRequest =
  | { readonly id: number; readonly kind: "open"; readonly bytes: Uint8Array; readonly fileName: string }
  | { readonly id: number; readonly kind: "read" }
  | { readonly id: number; readonly kind: "applyPlan"; readonly plan: WritePlan }
  | { readonly id: number; readonly kind: "defineName"; readonly name: string; readonly ref: RangeRef }
  | { readonly id: number; readonly kind: "toBytes" }
  | { readonly id: number; readonly kind: "refresh"; readonly options: WorkerRunOptions };

/**
 * A sheet as a reading sends it: without its cells where the page holds them already, those of
 * the sheet at `cellsOf` in the reading sent before (a data sheet a write left as it was: the
 * reader kept its cells, SheetMemo). At 2,000 KPIs × 12 that is 24,000 rows not copied again.
 */
export type SentSheet =
  SheetSnapshot | (Omit<SheetSnapshot, "values" | "formats"> & { readonly cellsOf: number });

export interface SentSnapshot {
  readonly sheets: readonly SentSheet[];
  readonly names: WorkbookSnapshot["names"];
}

/** What opening a file gave: the file's sentence where it cannot be opened (openFailureSentence). */
export type OpenReply = { readonly ok: true } | { readonly ok: false; readonly failure: string };

/**
 * A refresh's outcome without its model and result, which the page scores itself (or holds
 * already): they are objects of the model's classes (a row's observation makes its cells'
 * addresses when asked), which a structured clone would flatten into data without them. The
 * write plan stays in the worker.
 */
export type WorkerRefreshOutcome =
  | Extract<Scoring, { ok: false }>
  | {
      readonly ok: true;
      readonly report: Scored["report"];
      readonly hasErrors: boolean;
      readonly notice?: string;
      readonly model?: never;
    };

/** The value each request resolves to. */
export interface WorkerReplies {
  readonly open: OpenReply;
  readonly read: SentSnapshot;
  readonly applyPlan: null;
  readonly defineName: null;
  readonly toBytes: Uint8Array;
  readonly refresh: WorkerRefreshOutcome;
}

export type WorkerReply =
  | { readonly id: number; readonly kind: "progress"; readonly step: RefreshStep }
  | { readonly id: number; readonly kind: "done"; readonly value: WorkerReplies[keyof WorkerReplies] }
  | { readonly id: number; readonly kind: "failed"; readonly message: string };
