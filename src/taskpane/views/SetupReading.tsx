import { Caption1, Field, Input, Radio, RadioGroup, Subtitle2 } from "@fluentui/react-components";
import type { Polarity } from "../../engine/types";
import { useSetupStyles } from "./SetupView.styles";
import type { SetupModel } from "./useSetupView";

/**
 * What the reader could not read from the cells alone: the year of months written without one,
 * asked where the preview needs it; and each direction it inferred (a cost, a departmental
 * budget), listed together to be confirmed or switched before the scorecard is created.
 */
export function SetupReading({ setup }: { setup: SetupModel }) {
  const styles = useSetupStyles();
  const { layout, directions } = setup;
  return (
    <>
      {layout.askYear && (
        <Field
          label="Year of the months"
          hint="The months in the table name no year, and nothing around it says which."
          validationMessage={layout.yearProblem}
          validationState={layout.yearProblem ? "error" : "none"}
        >
          <Input
            inputMode="numeric"
            value={layout.yearText}
            placeholder={String(new Date().getFullYear())}
            onChange={(_, d) => layout.setYearText(d.value)}
          />
        </Field>
      )}
      {directions.inferred.length > 0 && (
        <section aria-labelledby="setup-directions" className={styles.directions}>
          <Subtitle2 as="h3" id="setup-directions">
            Which way is better
          </Subtitle2>
          <Caption1>
            No Polarity column says it for these KPIs, so the file's words decided. Switch any that is wrong;
            your choice is kept with the scorecard.
          </Caption1>
          {directions.inferred.map((d) => (
            <Field key={d.key} label={`${d.name} (${d.because})`}>
              <RadioGroup
                layout="horizontal"
                value={directions.chosen(d.key, d.polarity)}
                onChange={(_, data) => directions.choose(d.key, data.value as Polarity)}
              >
                <Radio value="lower" label="Lower is better" />
                <Radio value="higher" label="Higher is better" />
              </RadioGroup>
            </Field>
          ))}
        </section>
      )}
    </>
  );
}
