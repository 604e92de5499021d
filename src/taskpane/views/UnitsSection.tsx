import { Body1, Button, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useRef } from "react";
import type { PickedFile } from "../unitFiles";

const useStyles = makeStyles({
  section: {
    display: "grid",
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalXL,
    maxWidth: "420px",
  },
  hidden: { display: "none" },
});

export interface UnitsSectionProps {
  /** The units the workbook last consolidated (its stored definition's), by name and file. */
  readonly remembered: readonly { readonly name: string; readonly file: string }[];
  readonly busy: boolean;
  /** Consolidates the picked units' workbooks into this workbook. */
  readonly onAdd: (files: readonly PickedFile[]) => void;
}

/**
 * "Add units' workbooks…": a group's workbook made of its business units' own workbooks, each an
 * entity of its scorecard. The files are read in the pane and never leave it.
 */
export function UnitsSection({ remembered, busy, onAdd }: UnitsSectionProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const names = remembered.map((u) => u.file).join(", ");
  return (
    <section className={styles.section} aria-label="Units' workbooks">
      <Subtitle2 as="h2">Units&apos; workbooks</Subtitle2>
      <Body1 as="p">
        {remembered.length
          ? `Last consolidated: ${names}. Add this period's files; a unit whose file is not added is listed as left out.`
          : "Each business unit's workbook becomes an entity of this workbook's scorecard: the group's roll-up, the units side by side, each unit's file and cells named."}
      </Body1>
      {/* Focusable while busy: the keyboard stays on the button used. */}
      <Button onClick={() => input.current?.click()} disabledFocusable={busy}>
        Add units&apos; workbooks…
      </Button>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        multiple
        accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12"
        aria-label="Units' workbooks to add"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = "";
          if (files.length) onAdd(files);
        }}
      />
    </section>
  );
}
