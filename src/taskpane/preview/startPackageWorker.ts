/**
 * Starts the preview's package worker, in a browser only. webpack bundles the worker from this
 * form of its address (new URL(…, import.meta.url)), which only an ES module may hold: tsc and
 * jest compile the project as CommonJS, so this module is the one that holds it, loaded by
 * openPreviewWorkbook only where the page has Worker (never under jest).
 */
import type { WorkerChannel } from "./workerWorkbook";

export const startPackageWorker = (): WorkerChannel =>
  // @ts-expect-error TS1470: import.meta in a file tsc checks as CommonJS; webpack builds it as an ES module.
  new Worker(new URL("./packageWorker.worker.ts", import.meta.url), { name: "package-worker" });
