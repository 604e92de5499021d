import { errorSentence, fatalSentence, outcomeSentence } from "../app/outcomeText";
import type { WorkbookPort } from "../workbook/port";
import { hostSupports } from "../workbook/office/requirements";
import {
  NOTICE_CLOSE,
  NOTICE_PARAMETER,
  NOTICE_READY,
  NOTICES,
  type NoticeDetail,
  type NoticeKey,
  type NoticeTone,
} from "./notices";

/**
 * The ribbon's function file. "Refresh" scores the workbook without opening the pane, then says
 * in a small dialog whether it worked and what it found. It runs in the shared runtime, on the task
 * pane's page: the refresh and its write plan load only when the command is pressed.
 */

export interface Notice {
  /** Which of the defined notices (its tone and title): the notice page is opened with it. */
  readonly key: NoticeKey;
  readonly tone: NoticeTone;
  readonly title: string;
  /** This run's sentence, sent to the page as a dialog message. */
  readonly message: string;
}

const notice = (key: NoticeKey, message: string): Notice => ({
  key,
  tone: NOTICES[key].tone,
  title: NOTICES[key].title,
  message,
});

export async function refreshNotice(port?: WorkbookPort): Promise<Notice> {
  try {
    const { runScorecard } = await import(/* webpackChunkName: "write" */ "../app/scorecard.js");
    const { SharedRuntimeWorkbook } = await import(
      /* webpackChunkName: "office-workbook" */ "../workbook/office/sharedRuntime.js"
    );
    const outcome = await runScorecard(port ?? new SharedRuntimeWorkbook(), {}, true);
    if (!outcome.ok) return notice("not-refreshed", fatalSentence(outcome.fatal, "pane"));
    return notice(outcome.hasErrors ? "refreshed-with-errors" : "refreshed", outcomeSentence(outcome.report));
  } catch (error) {
    return notice("not-refreshed", errorSentence(error));
  }
}

/** The notice page's address: the key only, never words (see notices.ts). */
export function noticeUrl(key: NoticeKey, base: string): string {
  const url = new URL("notice.html", base);
  url.search = new URLSearchParams({ [NOTICE_PARAMETER]: key }).toString();
  return url.toString();
}

/**
 * Shows the notice in a small dialog. The manifest requires DialogApi 1.1 (every Excel that has
 * ExcelApi 1.9 has it); should a host still lack it, the refresh has been done and only the
 * notice is not shown. This run's sentence goes to the page once it says it is ready, where the
 * host has DialogApi 1.2 (messageChild); elsewhere the page shows its key's own words.
 */
export function showNotice(shown: Notice): Promise<void> {
  if (!hostSupports("DialogApi", "1.1")) return Promise.resolve();
  const canSendDetail = hostSupports("DialogApi", "1.2");
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(
      noticeUrl(shown.key, window.location.href),
      { height: 22, width: 32, displayInIframe: true },
      (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) return resolve();
        const dialog = result.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
          // Only the notice page itself (same origin; origin unknown on hosts before DialogOrigin 1.1).
          if ("message" in arg && arg.origin !== undefined && arg.origin !== window.location.origin) return;
          const message = "message" in arg ? arg.message : NOTICE_CLOSE;
          if (message === NOTICE_READY && canSendDetail) {
            const detail: NoticeDetail = { key: shown.key, message: shown.message };
            dialog.messageChild(JSON.stringify(detail));
          } else if (message === NOTICE_CLOSE) dialog.close();
        });
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

// The task pane's page loads this script too, and opens outside Excel as the browser preview.
if (typeof Office !== "undefined") {
  void Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) Office.actions.associate("refreshScorecard", refreshScorecard);
  });
}
