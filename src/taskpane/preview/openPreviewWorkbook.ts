import { openBrowserPackage } from "../../workbook/package/browserPackage";
import { openFailureSentence } from "../../workbook/package/openFailure";
import { WorkerWorkbook, type PreviewWorkbook } from "./workerWorkbook";

/**
 * Opens the preview's file: its package in a worker where the page can start one (a browser),
 * else on this thread (jest's jsdom has no Worker). Either way a file that cannot be opened gives
 * the one sentence openFailureSentence writes for it, and the port has been read once.
 */
export async function openPreviewWorkbook(
  bytes: Uint8Array,
  fileName: string,
): Promise<{ readonly port: PreviewWorkbook } | { readonly failure: string }> {
  if (typeof Worker === "function") {
    // Bundled into this chunk (eager), not fetched apart: it is a line.
    const { startPackageWorker } = await import(/* webpackMode: "eager" */ "./startPackageWorker.js");
    const opened = await WorkerWorkbook.open(startPackageWorker(), bytes, fileName);
    if ("port" in opened) await opened.port.readSnapshot();
    return opened;
  }
  try {
    const port = await openBrowserPackage(bytes);
    await port.readSnapshot();
    return { port };
  } catch (e) {
    return { failure: openFailureSentence(e, fileName, "pane") };
  }
}
