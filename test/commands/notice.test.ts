/**
 * @jest-environment jsdom
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { noticeUrl, showNotice } from "../../src/commands/commands";
import { NOTICES, UNKNOWN_NOTICE, type NoticeKey } from "../../src/commands/notices";
import { showNoticeDetail, showNoticePage } from "../../src/commands/notice";

const page = readFileSync(path.join(__dirname, "../../src/commands/notice.html"), "utf8");

function freshPage(): Document {
  document.documentElement.innerHTML = /<html[^>]*>([\s\S]*)<\/html>/.exec(page)?.[1] ?? "";
  return document;
}

const shown = (doc: Document) => ({
  tone: doc.querySelector("main")?.className,
  title: doc.getElementById("title")?.textContent,
  message: doc.getElementById("message")?.textContent,
});

describe("the notice page", () => {
  it.each(Object.keys(NOTICES) as NoticeKey[])("shows the add-in's own words for the key %s", (key) => {
    const doc = freshPage();
    const search = new URL(noticeUrl(key, "https://localhost:3000/taskpane.html")).search;
    expect(showNoticePage(doc, search)).toBe(key);
    expect(shown(doc)).toEqual(NOTICES[key]);
  });

  it("puts only the key in the address it opens", () => {
    const url = new URL(noticeUrl("refreshed-with-errors", "https://host.example/addin/taskpane.html"));
    expect(url.pathname).toBe("/addin/notice.html");
    expect([...url.searchParams.keys()]).toEqual(["notice"]);
    expect(url.searchParams.get("notice")).toBe("refreshed-with-errors");
  });

  it("never shows a title, message or tone written into the address", () => {
    const doc = freshPage();
    const crafted =
      "?notice=refreshed&title=Your+licence+expired&message=Call+0800+to+renew&tone=error<img src=x>";
    showNoticePage(doc, crafted);
    expect(shown(doc)).toEqual(NOTICES.refreshed);
    expect(doc.body.innerHTML).not.toContain("licence");
    expect(doc.body.innerHTML).not.toContain("0800");
  });

  it("shows a neutral notice for a key it does not define", () => {
    for (const search of ["?notice=hacked", "?notice=__proto__", "?notice=toString", "", "?title=Hi"]) {
      const doc = freshPage();
      expect(showNoticePage(doc, search)).toBeNull();
      expect(shown(doc)).toEqual(UNKNOWN_NOTICE);
    }
  });

  it("takes this run's sentence from its opener only for the key it shows, as text", () => {
    const doc = freshPage();
    showNoticePage(doc, "?notice=refreshed");
    expect(showNoticeDetail(doc, "refreshed", JSON.stringify({ key: "not-refreshed", message: "x" }))).toBe(
      false,
    );
    expect(showNoticeDetail(doc, "refreshed", "not json")).toBe(false);
    expect(showNoticeDetail(doc, "refreshed", JSON.stringify({ key: "refreshed", message: 3 }))).toBe(false);
    expect(shown(doc).message).toBe(NOTICES.refreshed.message);
    const sentence = "Scorecard: 5.00 (amber). <b>2 KPIs</b>";
    expect(showNoticeDetail(doc, "refreshed", JSON.stringify({ key: "refreshed", message: sentence }))).toBe(
      true,
    );
    expect(shown(doc).message).toBe(sentence);
    expect(doc.querySelector("b")).toBeNull();
  });
});

describe("the Refresh command's dialog", () => {
  type Handler = (arg: { message: string; origin: string | undefined } | { error: number }) => void;
  const dialog = { handler: null as Handler | null, sent: [] as string[], closed: 0 };
  let opened: string[] = [];
  let dialogApi12 = true;

  beforeEach(() => {
    opened = [];
    dialogApi12 = true;
    Object.assign(dialog, { handler: null, sent: [], closed: 0 });
    (globalThis as unknown as { Office: unknown }).Office = {
      AsyncResultStatus: { Succeeded: "succeeded" },
      EventType: { DialogMessageReceived: "dialogMessageReceived" },
      context: {
        requirements: { isSetSupported: (_set: string, version: string) => version === "1.1" || dialogApi12 },
        ui: {
          displayDialogAsync: (url: string, _options: unknown, done: (r: unknown) => void) => {
            opened.push(url);
            done({
              status: "succeeded",
              value: {
                addEventHandler: (_type: string, handler: Handler) => (dialog.handler = handler),
                messageChild: (message: string) => dialog.sent.push(message),
                close: () => dialog.closed++,
              },
            });
          },
        },
      },
    };
  });

  afterEach(() => {
    delete (globalThis as unknown as { Office?: unknown }).Office;
  });

  const notice = {
    key: "refreshed-with-errors" as const,
    ...NOTICES["refreshed-with-errors"],
    message: "Scorecard: 5.00 (amber).",
  };

  it("opens the page by key and sends this run's sentence when the page is ready", async () => {
    await showNotice(notice);
    expect(opened).toHaveLength(1);
    expect(new URL(opened[0] as string).search).toBe("?notice=refreshed-with-errors");
    dialog.handler?.({ message: "ready", origin: window.location.origin });
    expect(dialog.sent.map((m) => JSON.parse(m))).toEqual([
      { key: "refreshed-with-errors", message: "Scorecard: 5.00 (amber)." },
    ]);
    dialog.handler?.({ message: "close", origin: window.location.origin });
    expect(dialog.closed).toBe(1);
  });

  it("ignores messages from another origin, and sends nothing where the host cannot", async () => {
    await showNotice(notice);
    dialog.handler?.({ message: "ready", origin: "https://evil.example" });
    dialog.handler?.({ message: "close", origin: "https://evil.example" });
    expect(dialog.sent).toEqual([]);
    expect(dialog.closed).toBe(0);
    dialogApi12 = false;
    await showNotice(notice);
    dialog.handler?.({ message: "ready", origin: undefined });
    expect(dialog.sent).toEqual([]);
  });
});
