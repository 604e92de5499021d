/**
 * BSC.KPI's scorecard, read from the workbook once and kept until the add-in next writes the
 * workbook (a refresh from the pane or the ribbon, a saved setting). Every BSC.KPI cell of a
 * calculation, and of every calculation until then, answers from the same reading: a volatile
 * function that read the whole workbook for each cell would make every recalculation slow.
 */
import { readWorkbookState, scoreWorkbook } from "../app/scoring";
import type { WorkbookPort } from "../workbook/port";
import type { WorkbookScorecard } from "./kpiLookup";

/** The words BSC.KPI answers with where the workbook has no scorecard yet. */
export const NO_SCORECARD =
  "This workbook has no scorecard yet: create it in the Balanced Scorecard pane (Home > Scorecard).";

/** The workbook's scorecard as the pane shows it: the stored definition over the table. */
export async function readWorkbookScorecard(port: WorkbookPort): Promise<WorkbookScorecard> {
  const state = await readWorkbookState(port);
  if ("code" in state) return { ok: false, message: state.message };
  if (state.stored === null) return { ok: false, message: NO_SCORECARD };
  const scoring = scoreWorkbook(state, state.stored);
  return scoring.ok ? { ok: true, scoring } : { ok: false, message: scoring.fatal.message };
}

export class ScorecardCache {
  private reading: Promise<WorkbookScorecard> | null = null;

  constructor(private readonly read: () => Promise<WorkbookScorecard>) {}

  /** The kept reading, or a new one; a reading that failed is not kept, so the next call tries again. */
  scorecard(): Promise<WorkbookScorecard> {
    if (this.reading === null) {
      const reading = this.read();
      this.reading = reading;
      reading.catch(() => {
        if (this.reading === reading) this.reading = null;
      });
    }
    return this.reading;
  }

  /** Forgets the reading: the workbook was written, its scorecard may differ. */
  invalidate(): void {
    this.reading = null;
  }
}
