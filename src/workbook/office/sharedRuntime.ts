/**
 * The add-in runs in Excel's shared runtime (docs/adr/0015-shared-runtime-custom-functions.md):
 * the pane, the ribbon's Refresh and the custom functions are three scripts of one page. Each is a
 * webpack entry of its own (they share the chunks they have in common), and none relies on
 * another's module state: the page itself carries the news that the add-in wrote the workbook, as
 * an event on its window.
 */
import type { WritePlan } from "../../plan/plan";
import { OfficeWorkbook } from "./officeWorkbook";

const WORKBOOK_WRITTEN = "bsc-workbook-written";

/** The page's event target; none in Node (the command line writes files, not a live workbook). */
const page = (): EventTarget | null =>
  typeof window !== "undefined" && typeof window.dispatchEvent === "function" ? window : null;

/** Tells every part of the runtime that the scorecard in the workbook may have changed. */
export function announceWorkbookWritten(): void {
  page()?.dispatchEvent(new Event(WORKBOOK_WRITTEN));
}

/** Calls the listener after each write by any part of the runtime; returns how to stop. */
export function onWorkbookWritten(listener: () => void): () => void {
  const target = page();
  target?.addEventListener(WORKBOOK_WRITTEN, listener);
  return () => target?.removeEventListener(WORKBOOK_WRITTEN, listener);
}

/**
 * The Office.js workbook as the pane and the ribbon use it: each plan it applies (a refresh, a
 * saved setting) is announced, whether or not Excel took every request of it.
 */
export class SharedRuntimeWorkbook extends OfficeWorkbook {
  override async applyPlan(plan: WritePlan): Promise<void> {
    try {
      await super.applyPlan(plan);
    } finally {
      announceWorkbookWritten();
    }
  }
}
