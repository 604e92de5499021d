import { useMemo, useState } from "react";
import type { WorkbookState } from "../../app/scoring";
import { tableAddress, tableFromRange, type DetectedTable } from "../../model/detect";
import { ownedSheetNames } from "../../model/ownership";
import type { ReadSuggestion } from "../../model/suggest";
import type { RangeRef } from "../../workbook/port";
import { exampleRef, refText } from "./format";

/** The choice, in the table list, of a block the user names. */
export const RANGE_CHOICE = "range";

/**
 * The set-up's table: one the reader found (the suggested one first), or a range the user names
 * or takes from the selection, read as the reader will take it (again wide where the periods run
 * across), with what is wrong with a range at its field.
 */
export function useSetupTable({
  workbook,
  candidates,
  suggestion,
  periodsAcross,
  getSelection,
}: {
  workbook: WorkbookState;
  candidates: readonly DetectedTable[];
  suggestion: ReadSuggestion | undefined;
  periodsAcross: boolean;
  getSelection?: (() => Promise<RangeRef | null>) | undefined;
}) {
  const suggested = suggestion?.block
    ? candidates.findIndex((t) => tableAddress(t) === suggestion.block)
    : -1;
  const [choice, setChoice] = useState(
    suggested >= 0 ? String(suggested) : candidates.length ? "0" : RANGE_CHOICE,
  );
  const [rangeText, setRangeText] = useState(
    suggested < 0 && !candidates.length ? (suggestion?.block ?? "") : "",
  );
  const [selectionProblem, setSelectionProblem] = useState<string | undefined>();
  const byRange = choice === RANGE_CHOICE;
  const found = byRange ? undefined : candidates[Number(choice)];
  // The block as the reader will take it: the range named, or the table found read again wide.
  const reading = useMemo(() => {
    if (byRange)
      return rangeText.trim() === ""
        ? null
        : tableFromRange(workbook.snapshot, rangeText.trim(), {}, periodsAcross);
    if (found && periodsAcross && found.shape !== "wide")
      return tableFromRange(workbook.snapshot, tableAddress(found), {}, true);
    return found ?? null;
  }, [byRange, rangeText, periodsAcross, found, workbook]);
  const table = reading && !("code" in reading) ? reading : null;
  // An example range on a sheet this workbook has: the block found, or its first sheet of the user's.
  const owned = ownedSheetNames(workbook.owned);
  const example = exampleRef(
    [
      ...(found ? [found.sheet] : []),
      ...workbook.snapshot.sheets
        .filter((s) => s.visibility === "visible" && !owned.has(s.name))
        .map((s) => s.name),
    ],
    "B4:M40",
  );
  const rangeProblem =
    reading && "code" in reading
      ? reading.message
      : byRange && rangeText.trim() === ""
        ? `Select the block (its header row on top) and use the selection, or type it, such as ${example}.`
        : undefined;

  const takeSelection = async () => {
    const selection = getSelection ? await getSelection() : null;
    if (selection) {
      setRangeText(refText(selection));
      setSelectionProblem(undefined);
    } else setSelectionProblem(`There is no selection here: type the range instead, such as ${example}.`);
  };

  return {
    table: {
      choice,
      setChoice,
      byRange,
      found,
      reading,
      table,
      rangeText,
      setRangeText,
      example,
      rangeProblem,
    },
    selection: {
      problem: selectionProblem,
      clear: () => setSelectionProblem(undefined),
      take: takeSelection,
    },
  };
}
