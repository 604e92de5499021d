/**
 * "Add units' workbooks…": the files the user picks, each read in the pane as `bsc check` reads a
 * unit (src/app/consolidate.ts readUnit) through the preview's package reader, one at a time so
 * that only one unit's workbook is held at once, then consolidated into the open workbook.
 */
import {
  consolidateInto,
  readGroupWorkbook,
  readUnit,
  unitName,
  type Consolidation,
  type UnitReading,
} from "../app/consolidate";
import { fatalSentence, outcomeSentence } from "../app/outcomeText";
import { reportHasErrors, type Scoring } from "../app/scoring";
import type { WorkbookPort } from "../workbook/port";
import { openBrowserPackage } from "../workbook/package/browserPackage";
import { fileSizeRefusal, openFailureReason, PANE_WORDS } from "../workbook/package/openFailure";

/** What the pane needs of a picked file (a browser's File). */
export interface PickedFile {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

type Open = (bytes: Uint8Array, keepParts: boolean) => Promise<WorkbookPort>;

/** Each picked file read as a unit, in the order picked; one that cannot be read says why. */
export async function readUnitFiles(
  files: readonly PickedFile[],
  open: Open = openBrowserPackage,
): Promise<UnitReading[]> {
  const readings: UnitReading[] = [];
  for (const file of files) {
    const unit = { name: unitName(file.name), file: file.name };
    // A file over the size limit is refused before it is read, as the preview refuses one.
    const tooLarge = fileSizeRefusal(file.size);
    const refusal = /\.csv$/i.test(file.name)
      ? "this is a CSV export: the pane reads workbooks (.xlsx, .xlsm); save it from Excel as .xlsx and add it again."
      : tooLarge && openFailureReason(tooLarge, PANE_WORDS);
    if (refusal) {
      readings.push({ ok: false, unit, reason: refusal });
      continue;
    }
    try {
      const port = await open(new Uint8Array(await file.arrayBuffer()), false);
      readings.push(await readUnit(unit, port, { reader: "pane" }));
    } catch (e) {
      // The reason alone: every place that shows it names the file before it.
      readings.push({ ok: false, unit, reason: openFailureReason(e, PANE_WORDS) });
    }
  }
  return readings;
}

export type UnitsOutcome =
  | { readonly ok: false; readonly message: string }
  | {
      readonly ok: true;
      /** The group's scorecard, for the pane to show as it shows a refreshed one. */
      readonly scoring: Extract<Scoring, { ok: true }>;
      /** What was done: the units consolidated, the scorecard, and each unit left out with why. */
      readonly sentence: string;
      readonly incomplete: boolean;
    };

/** A consolidation said in the pane's words: how many units, the scorecard, those left out. */
function outcomeOf(
  consolidation: Extract<Consolidation, { ok: true }>,
  words: Readonly<Record<string, string>>,
) {
  const { report } = consolidation;
  const left = report.units.filter((u) => u.reason !== null);
  const leftOut = left.map((u) => `${u.name} (${u.file}): ${u.reason}`).join(" ");
  return `${report.units.length - left.length} of ${report.units.length} units consolidated. ${outcomeSentence(report, words)}${left.length ? ` Left out: ${leftOut}` : ""}`;
}

/**
 * The picked files consolidated into the open workbook (the group's): its Scorecard sheet and
 * stored definition written in one plan, as a refresh writes them; the units remembered are those
 * picked now.
 */
export async function consolidateFiles(
  port: WorkbookPort,
  files: readonly PickedFile[],
  now: Date,
  words: Readonly<Record<string, string>>,
  open: Open = openBrowserPackage,
): Promise<UnitsOutcome> {
  const group = await readGroupWorkbook(port);
  if ("code" in group) return { ok: false, message: fatalSentence(group, "pane") };
  const readings = await readUnitFiles(files, open);
  const remember = readings.map((r) => r.unit);
  const consolidation = await consolidateInto(port, group, readings, { remember, now });
  if (!consolidation.ok) {
    // Each unit's reason first: the sentence that sums them up says they are above it.
    const reasons = readings.flatMap((r) => (r.ok ? [] : [`${r.unit.file}: ${r.reason}`]));
    return { ok: false, message: [...reasons, fatalSentence(consolidation.fatal, "pane")].join(" ") };
  }
  const { model, result, report } = consolidation;
  return {
    ok: true,
    scoring: {
      ok: true,
      model,
      result,
      report,
      hasErrors: reportHasErrors(report),
    },
    sentence: outcomeOf(consolidation, words),
    incomplete: consolidation.incomplete,
  };
}
