import { errorSentence, fatalSentence, outcomeSentence } from "../app/outcomeText";
import { runScorecard } from "../app/scorecard";
import { OfficeWorkbook } from "../workbook/office/officeWorkbook";

/**
 * The ribbon's function file. "Refresh" scores the workbook without opening the pane, then says
 * in a small dialog whether it worked and what it found.
 */

export interface Notice {
  readonly tone: "success" | "warning" | "error";
  readonly title: string;
  readonly message: string;
}

export async function refreshNotice(port = new OfficeWorkbook()): Promise<Notice> {
  try {
    const outcome = await runScorecard(port, {}, true);
    if (!outcome.ok)
      return { tone: "error", title: "Scorecard not refreshed", message: fatalSentence(outcome.fatal) };
    return {
      tone: outcome.hasErrors ? "warning" : "success",
      title: "Scorecard refreshed",
      message: outcomeSentence(outcome.report),
    };
  } catch (error) {
    return { tone: "error", title: "Scorecard not refreshed", message: errorSentence(error) };
  }
}

/**
 * Shows the notice in a small dialog. The manifest requires DialogApi 1.1 (every Excel that has
 * ExcelApi 1.9 has it); should a host still lack it, the refresh has been done and only the
 * notice is not shown.
 */
function showNotice(notice: Notice): Promise<void> {
  if (!Office.context.requirements.isSetSupported("DialogApi", "1.1")) return Promise.resolve();
  const url = new URL("notice.html", window.location.href);
  url.search = new URLSearchParams({ ...notice }).toString();
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(
      url.toString(),
      { height: 22, width: 32, displayInIframe: true },
      (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) return resolve();
        const dialog = result.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => dialog.close());
        resolve();
      },
    );
  });
}

async function refreshScorecard(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await showNotice(await refreshNotice());
  } finally {
    // Excel waits for completed() before it takes another command: call it whatever happened.
    event.completed();
  }
}

if (typeof Office !== "undefined") {
  Office.onReady(() => Office.actions.associate("refreshScorecard", refreshScorecard));
}
