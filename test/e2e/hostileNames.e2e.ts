/**
 * LibreOffice opens what a refresh writes whatever the names hold (issue 20 item 2): KPI,
 * objective and perspective names with control characters, U+FFFE, bidi overrides and markup
 * characters, refreshed with every writer at work (summary, dashboard charts, strategy map), then
 * opened and saved again by LibreOffice Calc, which must find every sheet and every later name.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { spreadsheetText } from "../../src/workbook/ooxml/escape";
import { runBsc, tableBook } from "../cli/craftedInputs";
import { partsOf, withParts } from "../package/readPackageHelpers";
import { savedByLibreOffice } from "./render";

const HOSTILE_NAMES = ["Rev\u0001enue\ufffe", "\u202eCosts & <margin>", "NPS\u001b]0;x\u0007 \"'"];

it("opens a refreshed workbook whose names hold characters XML cannot, and keeps the names after them", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bsc-hostile-"));
  const base = await tableBook(["KPI one", "KPI two", "Plain last"]);
  const strings = (await partsOf(base)).get("xl/sharedStrings.xml")!;
  const input = await withParts(base, {
    "xl/sharedStrings.xml": strings
      .replace(">Financial<", () => `>${spreadsheetText(HOSTILE_NAMES[0]!)}<`)
      .replace(">KPI one<", () => `>${spreadsheetText(HOSTILE_NAMES[1]!)}<`)
      .replace(">KPI two<", () => `>${spreadsheetText(HOSTILE_NAMES[2]!)}<`),
  });
  writeFileSync(path.join(dir, "in.xlsx"), input);
  const run = await runBsc(dir, "refresh", "in.xlsx", "-o", "out.xlsx", "--strategy-map");
  expect(run.code).toBe(0);

  const saved = savedByLibreOffice(path.join(dir, "out.xlsx"));
  expect(existsSync(saved)).toBe(true);
  const parts = await partsOf(readFileSync(saved));
  const workbook = parts.get("xl/workbook.xml")!;
  for (const sheet of ["Data", "Scorecard", "Dashboard", "Strategy Map"])
    expect(workbook).toContain(`name="${sheet}"`);
  // Every chart was read (a chart part that is not well-formed is dropped without a word).
  const charts = (names: Iterable<string>) => [...names].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
  const written = await partsOf(readFileSync(path.join(dir, "out.xlsx")));
  expect(charts(parts.keys()).length).toBe(charts(written.keys()).length);
  expect(charts(written.keys()).length).toBeGreaterThan(0);
  const texts = [...parts.values()].join("\n");
  // A name after the hostile ones is still there, not emptied by what came before it.
  expect(texts).toContain("Plain last");
  expect(texts).toContain("Costs &amp; &lt;margin&gt;");
});
