/**
 * The ribbon's notice dialog: shows the notice whose key is in its address (words defined in
 * notices.ts, never words from the address), then this run's sentence when the command that
 * opened it sends one, and closes on request.
 */
import {
  isNoticeKey,
  NOTICE_CLOSE,
  NOTICE_PARAMETER,
  NOTICE_READY,
  NOTICES,
  parseNoticeDetail,
  UNKNOWN_NOTICE,
  type NoticeKey,
} from "./notices";

/** Fills the page for the address's query string; returns the key shown, or null for an unknown one. */
export function showNoticePage(doc: Document, search: string): NoticeKey | null {
  const key = new URLSearchParams(search).get(NOTICE_PARAMETER);
  const known = isNoticeKey(key) ? key : null;
  const text = known ? NOTICES[known] : UNKNOWN_NOTICE;
  (doc.querySelector("main") as HTMLElement).className = text.tone;
  (doc.getElementById("title") as HTMLElement).textContent = text.title;
  (doc.getElementById("message") as HTMLElement).textContent = text.message;
  return known;
}

/** This run's sentence, from the page that opened the dialog (same origin) and for the key shown. */
export function showNoticeDetail(doc: Document, shown: NoticeKey, message: string): boolean {
  const detail = parseNoticeDetail(message, shown);
  if (detail === null) return false;
  (doc.getElementById("message") as HTMLElement).textContent = detail;
  return true;
}

function inOffice(): boolean {
  return typeof Office !== "undefined" && Boolean(Office.context?.ui);
}

function start(): void {
  const shown = showNoticePage(document, window.location.search);
  const close = document.getElementById("close") as HTMLButtonElement;
  close.addEventListener("click", () => {
    if (inOffice()) Office.context.ui.messageParent(NOTICE_CLOSE);
    else window.close();
  });
  close.focus();
  if (shown === null || typeof Office === "undefined") return;
  void Office.onReady(() => {
    if (!inOffice() || !Office.context.requirements.isSetSupported("DialogApi", "1.2")) return;
    Office.context.ui.addHandlerAsync(
      Office.EventType.DialogParentMessageReceived,
      (arg: Office.DialogParentMessageReceivedEventArgs) => {
        if (arg.origin === undefined || arg.origin === window.location.origin)
          showNoticeDetail(document, shown, arg.message);
      },
      () => Office.context.ui.messageParent(NOTICE_READY),
    );
  });
}

if (typeof document !== "undefined" && document.getElementById("close")) start();
