/**
 * The worker's side of the preview's package (packageWorkerProtocol.ts): it holds the file's
 * PackageWorkbook and does its heavy work where the page's main thread does not wait on it:
 * reading the package, and the whole refresh (scoring, write plan, patching and packing the
 * file), through the same app modules the pane calls in Excel. Kept apart from the worker's entry
 * (packageWorker.worker.ts) so that jest runs it as it is, with the page's side, in one process.
 */
import { runScorecard } from "../../app/scorecard";
import { readWorkbookState, scoreWorkbook, type RunOptions } from "../../app/scoring";
import { openBrowserPackage } from "../../workbook/package/browserPackage";
import { openFailureSentence } from "../../workbook/package/openFailure";
import type { PackageWorkbook } from "../../workbook/package/packageWorkbook";
import type { WorkbookSnapshot } from "../../model/snapshot";
import type {
  SentSheet,
  SentSnapshot,
  WorkerReplies,
  WorkerReply,
  WorkerRequest,
} from "./packageWorkerProtocol";

/** Sends a reply to the page; `transfer` hands buffers over instead of copying them. */
export type PostReply = (reply: WorkerReply, transfer?: Transferable[]) => void;

/**
 * A reading scored under its stored definition, in a task of its own once the reading is sent:
 * what a refresh of it under that definition would score first, as runScorecard reuses it.
 */
function scoreAhead(port: PackageWorkbook): Promise<RunOptions["scored"]> {
  return new Promise((resume) => setTimeout(resume, 0))
    .then(() => readWorkbookState(port))
    .then((state) => {
      if ("code" in state || !state.stored) return undefined;
      const scoring = scoreWorkbook(state, state.stored);
      return scoring.ok ? { snapshot: state.snapshot, definition: state.stored, scoring } : undefined;
    })
    .catch(() => undefined);
}

/** `snapshot` with the cells of each sheet the reading `before` sent already left out. */
function withoutCellsSent(snapshot: WorkbookSnapshot, before: WorkbookSnapshot | null): SentSnapshot {
  const sheets = snapshot.sheets.map((sheet): SentSheet => {
    const cellsOf =
      before?.sheets.findIndex((s) => s.values === sheet.values && s.formats === sheet.formats) ?? -1;
    if (cellsOf < 0) return sheet;
    const { name, visibility, origin, tables } = sheet;
    return { name, visibility, origin, tables, cellsOf };
  });
  return { sheets, names: snapshot.names };
}

/** A handler of the page's requests, one package at a time (a new "open" replaces the last). */
export function servePackage(post: PostReply): (request: WorkerRequest) => Promise<void> {
  let port: PackageWorkbook | null = null;
  const opened = (): PackageWorkbook => {
    if (!port) throw new Error("no workbook is open");
    return port;
  };
  /**
   * The reading last sent, scored while the page draws it (the Scorecard and History sheets
   * the write just made, read again): the Refresh that follows writes without scoring it again.
   * Any write drops it.
   */
  let ahead: Promise<RunOptions["scored"]> | null = null;
  /** The reading last sent, whose sheets' cells the page holds. */
  let sent: WorkbookSnapshot | null = null;

  async function answer(request: WorkerRequest): Promise<WorkerReplies[keyof WorkerReplies]> {
    const scored = request.kind === "refresh" ? await ahead : undefined;
    if (request.kind !== "read") ahead = null;
    switch (request.kind) {
      case "open":
        sent = null;
        try {
          port = await openBrowserPackage(request.bytes);
          return { ok: true };
        } catch (e) {
          port = null;
          return { ok: false, failure: openFailureSentence(e, request.fileName, "pane") };
        }
      case "read": {
        const snapshot = await opened().readSnapshot();
        ahead = scoreAhead(opened());
        const before = sent;
        sent = snapshot;
        return withoutCellsSent(snapshot, before);
      }
      case "applyPlan":
        await opened().applyPlan(request.plan);
        return null;
      case "defineName":
        await opened().defineName(request.name, request.ref);
        return null;
      case "toBytes":
        // A copy: the package keeps its own bytes for the next read and write.
        return (await opened().toBytes()).slice();
      case "refresh": {
        // The stored definition, given as itself, so that its scoring made ahead is the one reused.
        const reused = scored && !request.options.definition ? { definition: scored.definition, scored } : {};
        const outcome = await runScorecard(
          opened(),
          {
            ...request.options,
            ...reused,
            onProgress: (step) => post({ id: request.id, kind: "progress", step }),
          },
          true,
        );
        if (!outcome.ok) return outcome;
        return {
          ok: true,
          report: outcome.report,
          hasErrors: outcome.hasErrors,
          ...(outcome.notice ? { notice: outcome.notice } : {}),
        };
      }
    }
  }

  const run = async (request: WorkerRequest): Promise<void> => {
    try {
      const value = await answer(request);
      post({ id: request.id, kind: "done", value }, value instanceof Uint8Array ? [value.buffer] : []);
    } catch (e) {
      post({ id: request.id, kind: "failed", message: e instanceof Error ? e.message : String(e) });
    }
  };
  // One request at a time, in the order sent: a read asked during a write reads what it wrote.
  let queue = Promise.resolve();
  return (request) => (queue = queue.then(() => run(request)));
}
