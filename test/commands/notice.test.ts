/**
 * @jest-environment jsdom
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { noticeUrl } from "../../src/commands/commands";
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
    const search = new URL(noticeUrl(key, "https://localhost:3000/commands.html")).search;
    expect(showNoticePage(doc, search)).toBe(key);
    expect(shown(doc)).toEqual(NOTICES[key]);
  });

  it("puts only the key in the address it opens", () => {
    const url = new URL(noticeUrl("refreshed-with-errors", "https://host.example/addin/commands.html"));
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
