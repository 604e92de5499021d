/**
 * The notices the ribbon's Refresh command can show, each under a key. The notice page is opened
 * with a key in its address and shows only the title and words defined here: a crafted link to
 * notice.html cannot make the add-in's own page say something the add-in never says. The
 * sentence about this run (what was found, or why it failed) reaches the page from the command
 * that opened it, through Office's dialog messages, never through the address.
 */

export type NoticeTone = "success" | "warning" | "error";

export interface NoticeText {
  readonly tone: NoticeTone;
  readonly title: string;
  /** Shown until (or where) the command's own sentence about this run arrives. */
  readonly message: string;
}

export const NOTICES = {
  refreshed: {
    tone: "success",
    title: "Scorecard refreshed",
    message: "The Scorecard sheet is up to date.",
  },
  "refreshed-with-errors": {
    tone: "warning",
    title: "Scorecard refreshed",
    message: "The Scorecard sheet is up to date; open the Scorecard pane to see the issues it found.",
  },
  "not-refreshed": {
    tone: "error",
    title: "Scorecard not refreshed",
    message: "The workbook keeps its previous scorecard; open the Scorecard pane to see why.",
  },
} as const satisfies Readonly<Record<string, NoticeText>>;

export type NoticeKey = keyof typeof NOTICES;

/** What the page shows for a key it does not know (an old or a crafted link). */
export const UNKNOWN_NOTICE: NoticeText = {
  tone: "warning",
  title: "Balanced Scorecard",
  message: "There is no notice to show.",
};

export const isNoticeKey = (key: string | null): key is NoticeKey =>
  key !== null && Object.prototype.hasOwnProperty.call(NOTICES, key);

/** The query parameter that carries the key. */
export const NOTICE_PARAMETER = "notice";

/** The message the notice page sends its opener once it can receive this run's sentence. */
export const NOTICE_READY = "ready";
/** The message the notice page sends when its Close button is pressed. */
export const NOTICE_CLOSE = "close";

/** This run's sentence, as the command sends it to the page: only shown under the same key. */
export interface NoticeDetail {
  readonly key: NoticeKey;
  readonly message: string;
}

/** The detail from a dialog message, or null when the message is not one (a stray or a crafted one). */
export function parseNoticeDetail(text: string, shownKey: NoticeKey): string | null {
  try {
    const detail = JSON.parse(text) as Partial<NoticeDetail> | null;
    if (detail?.key !== shownKey || typeof detail.message !== "string") return null;
    return detail.message;
  } catch {
    return null;
  }
}
