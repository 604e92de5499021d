/**
 * The worker's side of the preview's package (packageWorkerProtocol.ts): it holds the file's
 * PackageWorkbook and does its heavy work where the page's main thread does not wait on it:
 * reading the package, and the whole refresh (scoring, write plan, patching and packing the
 * file), through the same app modules the pane calls in Excel. Kept apart from the worker's entry
 * (packageWorker.worker.ts) so that jest runs it as it is, with the page's side, in one process.
 */
import { runScorecard } from "../../app/scorecard";
import { openBrowserPackage } from "../../workbook/package/browserPackage";
import { openFailureSentence } from "../../workbook/package/openFailure";
import type { PackageWorkbook } from "../../workbook/package/packageWorkbook";
import type { WorkerReplies, WorkerReply, WorkerRequest } from "./packageWorkerProtocol";

/** Sends a reply to the page; `transfer` hands buffers over instead of copying them. */
export type PostReply = (reply: WorkerReply, transfer?: Transferable[]) => void;

/** A handler of the page's requests, one package at a time (a new "open" replaces the last). */
export function servePackage(post: PostReply): (request: WorkerRequest) => Promise<void> {
  let port: PackageWorkbook | null = null;
  const opened = (): PackageWorkbook => {
    if (!port) throw new Error("no workbook is open");
    return port;
  };

  async function answer(request: WorkerRequest): Promise<WorkerReplies[keyof WorkerReplies]> {
    switch (request.kind) {
      case "open":
        try {
          port = await openBrowserPackage(request.bytes);
          return { ok: true };
        } catch (e) {
          port = null;
          return { ok: false, failure: openFailureSentence(e, request.fileName, "pane") };
        }
      case "read":
        return opened().readSnapshot();
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
        const outcome = await runScorecard(
          opened(),
          {
            ...request.options,
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
