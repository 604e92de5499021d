/**
 * The follow-ups as LibreOffice prints the Scorecard sheet: the sample's Commentary and
 * Initiatives tables and a commentary and an initiative written as the pane writes them (into the stored definition),
 * refreshed by bsc; the printed pages must show the headline's Needs commentary line, both
 * analyses, the actions with the late one marked, and the initiatives under their objectives.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { addCommentary, addInitiative } from "../../src/app/definitionEdits";
import { readWorkbookState, runScorecard } from "../../src/app/scorecard";
import { runCli } from "../../src/cli/main";
import { emptyDefinition } from "../../src/model/definition";
import { PALETTES } from "../../src/plan/palette";
import { packagePort } from "../helpers/package";
import { libreOfficeFills, renderWithLibreOffice } from "./render";

let refreshed: string;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bsc-follow-ups-"));
  const sample = path.join(dir, "sample.xlsx");
  const code = await runCli(["sample", sample], {
    stdout: () => undefined,
    stderr: () => undefined,
    cwd: dir,
  });
  expect(code).toBe(0);
  // What the pane's Add commentary does: the stored definition gains the entry, then a refresh.
  const port = await packagePort(readFileSync(sample));
  const state = await readWorkbookState(port);
  if ("code" in state) throw new Error(state.message);
  const definition = addCommentary(
    state.stored ?? emptyDefinition(),
    { perspective: "Customer", objective: "Win and keep customers", name: "New customers" },
    "2026-12",
    {
      analysis: "Typed in the pane: two trade fairs moved to January.",
      action: { action: "Book the fairs", owner: "Jonas Weber", due: "2026-12-01" },
    },
  );
  // And what its Add initiative does, under another objective.
  const withInitiative = addInitiative(
    definition,
    { perspective: "Internal Processes", objective: "Improve quality" },
    {
      name: "Typed-in quality drive",
      owner: "Priya Nair",
      start: null,
      due: "2026-10-31",
      complete: 0.5,
      status: "red",
      budget: 40,
      spend: 20,
    },
  );
  const outcome = await runScorecard(
    port,
    { definition: withInitiative, now: new Date("2026-12-07T12:00:00Z") },
    true,
  );
  if (!outcome.ok) throw new Error(outcome.fatal.message);
  refreshed = path.join(dir, "refreshed.xlsx");
  writeFileSync(refreshed, await port.toBytes());
});

describe("the follow-ups on the Scorecard sheet, as LibreOffice prints it", () => {
  it("shows Needs commentary, the table's and the pane's commentary, and the initiatives with their flags", () => {
    const text = renderWithLibreOffice(refreshed, 60)
      .map((p) => p.text)
      .join("\n");
    expect(text).toMatch(/Needs commentary\s+Net Promoter Score/);
    expect(text).not.toMatch(/Needs commentary.*New customers/);
    for (const shown of [
      "Commentary for 2026-12",
      "Training hours per employee (Build skills)",
      "Two courses moved to January",
      "Action: Add two e-learning modules",
      "New customers (Win and keep customers)",
      "Typed in the pane: two trade fairs",
      "Action: Book the fairs",
      "Initiatives",
      "New support portal",
      "Overdue, At risk, Over budget",
      "Leadership academy",
      "Typed-in quality drive",
      "Overdue, Off track",
    ])
      expect(text).toContain(shown);
  });

  it("paints a late action's Overdue and an initiative's status in their colours", () => {
    const fills = [...libreOfficeFills(refreshed, "Scorecard").values()];
    expect(fills).toContain(PALETTES.standard.red.fill.toUpperCase());
    expect(fills).toContain(PALETTES.standard.amber.fill.toUpperCase());
  });
});
