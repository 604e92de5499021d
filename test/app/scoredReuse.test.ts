/**
 * A refresh given a scoring already made (the task pane's set-up preview) stores it without
 * scoring again only where it is of the very snapshot the refresh reads and of the very
 * definition it stores: a file's read, kept until written. Excel's reads are new each time, and
 * there the refresh scores what it read.
 */
import { runScorecard } from "../../src/app/scorecard";
import { readWorkbookState, scoreWorkbook, type Scored } from "../../src/app/scoring";
import { emptyDefinition } from "../../src/model/definition";
import type { WorkbookSnapshot } from "../../src/model/snapshot";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { book, HEADER, tableSheet } from "../helpers/book";

const data = () =>
  tableSheet("Data", "Kpis", [HEADER, ["Financial", "Grow", "Revenue", 95, 100, null, null, "higher", 1]]);

/** A workbook whose read is kept until a plan is written, as a file's is. */
class KeptReads extends MemoryWorkbook {
  private kept: Promise<WorkbookSnapshot> | null = null;
  override readSnapshot(): Promise<WorkbookSnapshot> {
    return (this.kept ??= super.readSnapshot());
  }
  override async applyPlan(...args: Parameters<MemoryWorkbook["applyPlan"]>): Promise<void> {
    this.kept = null;
    await super.applyPlan(...args);
  }
}

async function preview(port: MemoryWorkbook) {
  const state = await readWorkbookState(port);
  if ("code" in state) throw new Error("unreadable");
  const definition = emptyDefinition();
  const scoring = scoreWorkbook(state, definition) as Scored;
  expect(scoring.ok).toBe(true);
  return { snapshot: state.snapshot, definition, scoring };
}

it("stores the preview's scoring of the same snapshot and definition as it is", async () => {
  const port = new KeptReads(book(data()));
  const scored = await preview(port);
  const shown: unknown[] = [];
  const outcome = await runScorecard(
    port,
    {
      definition: scored.definition,
      scored,
      onProgress: (step, s) => void (step === "writing" && shown.push(s)),
    },
    true,
  );
  expect(shown).toEqual([scored.scoring]);
  expect(shown[0]).toBe(scored.scoring);
  expect(outcome.ok && outcome.result).toBe(scored.scoring.result);
  expect(port.sheet("Scorecard")).toBeTruthy();
});

it("scores again what it reads when the read is another snapshot (Excel's), another definition or another period", async () => {
  const fresh = new MemoryWorkbook(book(data()));
  const scored = await preview(fresh);
  const again = await runScorecard(fresh, { definition: scored.definition, scored }, true);
  expect(again.ok && again.result).not.toBe(scored.scoring.result);
  expect(again.ok && again.result.score).toBe(scored.scoring.result.score);

  const kept = new KeptReads(book(data()));
  const mine = await preview(kept);
  const other = await runScorecard(kept, { definition: { ...mine.definition }, scored: mine }, false);
  expect(other.ok && other.result).not.toBe(mine.scoring.result);
  const period = await runScorecard(
    kept,
    { definition: mine.definition, scored: mine, period: "2026-01" },
    false,
  );
  expect(period.ok && period.result).not.toBe(mine.scoring.result);
});
