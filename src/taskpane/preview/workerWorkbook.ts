/**
 * The preview's workbook on the page's side: a WorkbookPort whose package lives in a worker
 * (packageWorkerHandler.ts), so that reading the file, and a refresh's scoring, plan and write,
 * never hold the main thread that draws the pane (issue 21: no task over 200 ms at 2,000 KPIs).
 * The page keeps only what it shows: the snapshot it was sent, and the scoring it draws.
 */
import type { RefreshStep, RunOptions } from "../../app/scoring";
import type { OffThreadRefresh } from "../offThreadRefresh";
import type { RunOutcome } from "../../app/scorecard";
import type { SheetSnapshot, WorkbookSnapshot } from "../../model/snapshot";
import type { WritePlan } from "../../plan/plan";
import { FileSelection } from "../../workbook/fileSelection";
import type { InteractiveWorkbook, RangeRef } from "../../workbook/port";
import type {
  SentSnapshot,
  WorkerRefreshOutcome,
  WorkerReplies,
  WorkerReply,
  WorkerRequest,
  WorkerRunOptions,
} from "./packageWorkerProtocol";

/** What the page needs of a worker: a Worker, or in tests the handler behind a structured clone. */
export interface WorkerChannel {
  postMessage(message: WorkerRequest, transfer: Transferable[]): void;
  onmessage: ((event: { readonly data: WorkerReply }) => void) | null;
  onerror?: ((event: unknown) => void) | null;
  terminate?(): void;
}

/** The preview's file, wherever its package is held: selection shown in the page, bytes to download. */
export interface PreviewWorkbook extends InteractiveWorkbook {
  onSelect: ((ref: RangeRef) => void) | null;
  toBytes(): Promise<Uint8Array>;
  /** Ends the worker that holds the package, if one does: another file was opened. */
  close?(): void;
}

interface Pending {
  readonly resolve: (value: never) => void;
  readonly reject: (error: Error) => void;
  readonly progress?: (step: RefreshStep) => void;
}

/** A request's own fields, without its id and kind. */
type FieldsOf<K extends WorkerRequest["kind"]> = Omit<Extract<WorkerRequest, { kind: K }>, "id" | "kind">;

export class WorkerWorkbook extends FileSelection implements PreviewWorkbook, OffThreadRefresh {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** The snapshot of the package as it is now, once asked: read once until a write changes it. */
  private snapshot: Promise<WorkbookSnapshot> | null = null;
  /** That snapshot once received: a scoring the page made of it can stand for the worker's. */
  private received: WorkbookSnapshot | null = null;

  private constructor(private readonly channel: WorkerChannel) {
    super();
    channel.onmessage = (event) => this.receive(event.data);
    // A worker that cannot run (a script refused, an error thrown outside a request) fails every
    // request waiting, rather than leaving the pane waiting for ever.
    channel.onerror = () => {
      for (const [id, waiting] of this.pending) {
        this.pending.delete(id);
        waiting.reject(new Error("the preview's workbook worker stopped"));
      }
    };
  }

  /** Opens `bytes` (handed over to the worker) there; a file it cannot open gives its sentence. */
  static async open(
    channel: WorkerChannel,
    bytes: Uint8Array,
    fileName: string,
  ): Promise<{ readonly port: WorkerWorkbook } | { readonly failure: string }> {
    const port = new WorkerWorkbook(channel);
    const opened = await port.ask("open", { bytes, fileName }, [bytes.buffer as ArrayBuffer]);
    if (opened.ok) return { port };
    port.close();
    return { failure: opened.failure };
  }

  private receive(reply: WorkerReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    if (reply.kind === "progress") {
      waiting.progress?.(reply.step);
      return;
    }
    this.pending.delete(reply.id);
    if (reply.kind === "done") waiting.resolve(reply.value as never);
    else waiting.reject(new Error(reply.message));
  }

  private ask<K extends WorkerRequest["kind"]>(
    kind: K,
    fields: FieldsOf<K>,
    transfer: Transferable[] = [],
    progress?: Pending["progress"],
  ): Promise<WorkerReplies[K]> {
    const id = this.nextId++;
    return new Promise<WorkerReplies[K]>((resolve, reject) => {
      this.pending.set(id, {
        resolve: resolve as (value: never) => void,
        reject,
        ...(progress ? { progress } : {}),
      });
      this.channel.postMessage({ ...fields, kind, id } as WorkerRequest, transfer);
    });
  }

  /** The reading last received, whose sheets' cells the next one may leave out (SentSheet). */
  private lastSent: WorkbookSnapshot | null = null;

  /** A reading as sent, with the cells it left out taken from the one before; kept for the next. */
  private withCellsHeld(sent: SentSnapshot): WorkbookSnapshot {
    const before = this.lastSent;
    const sheets = sent.sheets.map((sheet): SheetSnapshot => {
      if (!("cellsOf" in sheet)) return sheet;
      const { cellsOf, ...rest } = sheet;
      const held = before?.sheets[cellsOf];
      if (!held)
        throw new Error(
          `the preview's worker left out the cells of ${sheet.name}, which the page does not hold`,
        );
      return { ...rest, values: held.values, ...(held.formats ? { formats: held.formats } : {}) };
    });
    return (this.lastSent = { sheets, names: sent.names });
  }

  readSnapshot(): Promise<WorkbookSnapshot> {
    if (!this.snapshot) {
      // Unpacked as each reply comes, in order, even one no longer waited for: the worker counts
      // every reading it sent.
      const asked = (this.snapshot = this.ask("read", {}).then((sent) => this.withCellsHeld(sent)));
      void asked.then(
        (snapshot) => {
          if (this.snapshot === asked) this.received = snapshot;
        },
        () => undefined,
      );
    }
    return this.snapshot;
  }

  /** A write is asked: the snapshot held is of the bytes before it; the next read asks again. */
  private changing(): void {
    this.snapshot = null;
    this.received = null;
  }

  async applyPlan(plan: WritePlan): Promise<void> {
    this.changing();
    await this.ask("applyPlan", { plan });
  }

  async refreshScorecard(
    options: WorkerRunOptions,
    onProgress: NonNullable<RunOptions["onProgress"]>,
    scored?: NonNullable<RunOptions["scored"]>,
  ): Promise<RunOutcome | WorkerRefreshOutcome> {
    // As runScorecard reuses a scoring: of this very snapshot, under that definition, no publish.
    const held =
      scored &&
      !options.publish &&
      scored.snapshot === this.received &&
      (options.definition === undefined || options.definition === scored.definition)
        ? scored.scoring
        : undefined;
    this.changing();
    // A scoring the page holds is shown first, as runScorecard shows the one it reuses, and the
    // worker starts once it is painted: on two cores it would slow that paint down. The worker's
    // steps up to its write are then told already.
    if (held) await onProgress("writing", held);
    let told: Promise<void> = Promise.resolve();
    const outcome = await this.ask("refresh", { options }, [], (step) => {
      // The steps come in order (reading, scoring, writing, done); with a scoring held, all but
      // the last were told already.
      if (held && step !== "done") return;
      // Each step told in turn, each awaited as runScorecard awaits it (the page paints between
      // them); the outcome is handed back only after the last.
      told = told.then(() => onProgress(step));
    });
    await told;
    return held && outcome.ok ? { ...held, ...outcome, plan: null } : outcome;
  }

  async defineName(name: string, ref: RangeRef): Promise<void> {
    this.changing();
    await this.ask("defineName", { name, ref });
  }

  toBytes(): Promise<Uint8Array> {
    return this.ask("toBytes", {});
  }

  close(): void {
    this.channel.terminate?.();
  }
}
