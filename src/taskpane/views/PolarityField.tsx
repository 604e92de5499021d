import { Field, Select } from "@fluentui/react-components";
import type { Polarity } from "../../engine/types";

/** The polarity choice, worded as the scoring rules word it. */
export function PolarityField({ value, onChange }: { value: Polarity; onChange: (p: Polarity) => void }) {
  return (
    <Field label="Polarity">
      <Select value={value} onChange={(_, d) => onChange(d.value as Polarity)}>
        <option value="higher">Higher is better</option>
        <option value="lower">Lower is better</option>
        <option value="band">Band (closest to target)</option>
      </Select>
    </Field>
  );
}
