import { Body1, Button, Checkbox, Field, Input, Select } from "@fluentui/react-components";
import { tableAddress, type DetectedTable } from "../../model/detect";
import { useSetupStyles } from "./SetupView.styles";
import { RANGE_CHOICE, type SetupModel } from "./useSetupView";

/** Which block holds the KPIs (a table found, or a range named) and how it is laid out. */
export function SetupTable({
  setup,
  candidates,
}: {
  setup: SetupModel;
  candidates: readonly DetectedTable[];
}) {
  const styles = useSetupStyles();
  const { table, selection, layout } = setup;
  const foundWide = table.found?.shape === "wide" && !table.byRange;
  return (
    <>
      <Field label="Scorecard table">
        <Select className={styles.select} value={table.choice} onChange={(_, d) => table.setChoice(d.value)}>
          {candidates.map((t, i) => (
            <option key={`${t.sheet}-${t.name}-${t.headerRow}`} value={String(i)}>
              {t.source === "table" ? `${t.name} (${tableAddress(t)})` : tableAddress(t)}
            </option>
          ))}
          <option value={RANGE_CHOICE}>A range I choose…</option>
        </Select>
      </Field>
      {table.byRange && (
        <div className={styles.range}>
          <Field
            label="Range, header row on top"
            className={styles.grow}
            validationMessage={selection.problem ?? table.rangeProblem}
            validationState={
              selection.problem || (table.reading && "code" in table.reading) ? "error" : "none"
            }
          >
            <Input
              value={table.rangeText}
              onChange={(_, d) => {
                table.setRangeText(d.value);
                selection.clear();
              }}
              // Enter confirms the range; the scorecard is created only by its own button.
              onKeyDown={(e) => {
                if (e.key === "Enter") e.preventDefault();
              }}
              placeholder={table.example}
            />
          </Field>
          <Button onClick={() => void selection.take()}>Use selection</Button>
        </div>
      )}
      {!table.byRange && table.rangeProblem && <Body1>{table.rangeProblem}</Body1>}
      <Checkbox
        label="Periods run across the columns (Jan-26, Feb-26…)"
        checked={layout.periodsAcross || foundWide}
        disabled={foundWide}
        onChange={(_, d) => layout.setPeriodsAcross(d.checked === true)}
      />
      <Checkbox
        label="Each sheet's name is its perspective"
        checked={layout.sheetAsPerspective}
        onChange={(_, d) => layout.setSheetAsPerspective(d.checked === true)}
      />
    </>
  );
}
