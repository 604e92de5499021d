import { Button, Caption1, Subtitle2 } from "@fluentui/react-components";
import { lazy, Suspense, useRef } from "react";
import type { CommentaryEdit, InitiativeEdit, KpiFieldEdits } from "../../app/definitionEdits";
import { directionOf } from "../../app/paneTrends";
import type { CommentaryReport, InitiativeReport, KpiReport } from "../../app/report";
import type { PaletteName } from "../../plan/palette";
import { HistoryChart } from "./Charts";
import { KpiCommentary } from "./FollowUps";
import { ObjectiveInitiatives } from "./InitiativeForm";
import { useScorecardStyles } from "./ScorecardView.styles";
import { KpiFacts } from "./KpiFacts";
import { splitCell } from "./format";
import type { Chosen, ScorecardViewModel } from "./useScorecardView";

// The edit form is wanted only once a KPI is edited: its own chunk.
const KpiEditor = lazy(() =>
  import(/* webpackChunkName: "details" */ "./KpiEditor.js").then((m) => ({ default: m.KpiEditor })),
);

/** The chosen KPI's details, in a drawer under the tree; Escape closes it from anywhere inside. */
export function KpiDetails({
  view,
  kpi,
  chosen,
  palette,
  period,
  onSelectCell,
  onEditKpi,
  onShowInputs,
  commentary = [],
  onSaveCommentary,
  onMarkActionDone,
  initiatives = [],
  onAddInitiative,
}: {
  view: ScorecardViewModel;
  kpi: KpiReport;
  chosen: Chosen;
  palette: PaletteName;
  period: string | null;
  onSelectCell: (sheet: string, address: string) => void;
  onEditKpi: (kpi: Chosen, edits: KpiFieldEdits) => void;
  onShowInputs?: ((sheet: string, address: string) => void) | undefined;
  /** The KPI's commentary for the period shown. */
  commentary?: readonly CommentaryReport[];
  onSaveCommentary?: ((edit: CommentaryEdit) => void) | undefined;
  onMarkActionDone?: ((action: string) => void) | undefined;
  /** The initiatives of the KPI's objective. */
  initiatives?: readonly InitiativeReport[];
  onAddInitiative?: ((edit: InitiativeEdit) => void) | undefined;
}) {
  const styles = useScorecardStyles();
  const editButton = useRef<HTMLButtonElement>(null);
  const { key, entity, editing, setEditing } = view;
  const entities = view.entitiesOf(key);
  const kpiModel = view.models.get(key);
  const format = kpiModel?.numberFormat ?? null;
  const direction = entities.length === 0 ? directionOf(kpiModel, period) : "none";
  const cell = kpi.cell ? splitCell(kpi.cell) : null;
  return (
    <section
      ref={view.panel}
      className={styles.panel}
      aria-label={`KPI ${kpi.name}`}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          view.close();
        }
      }}
    >
      <div className={styles.panelHead}>
        <div className={styles.panelTitle}>
          <Subtitle2 as="h3">{kpi.name}</Subtitle2>
          <Caption1 as="p" style={{ margin: 0 }}>
            {[entity, chosen.perspective, chosen.objective].filter(Boolean).join(" › ")}
          </Caption1>
        </div>
        <Button
          className={styles.close}
          appearance="subtle"
          onClick={view.close}
          aria-label={`Close the details of ${kpi.name}`}
        >
          Close
        </Button>
      </div>
      <KpiFacts kpi={kpi} entities={entities} direction={direction} palette={palette} format={format} />
      <HistoryChart name={kpi.name} points={view.pointsOf(key)} numberFormat={format} palette={palette} />
      <KpiCommentary
        kpi={kpi.name}
        period={period}
        commentary={commentary}
        onSave={onSaveCommentary}
        onMarkDone={onMarkActionDone}
      />
      <ObjectiveInitiatives objective={chosen.objective} initiatives={initiatives} onAdd={onAddInitiative} />
      <Suspense fallback={null}>
        {editing && (
          <KpiEditor
            key={`${key}-${kpi.target}-${kpi.threshold}`}
            kpi={kpi}
            numberFormat={format}
            onCancel={() => {
              setEditing(false);
              requestAnimationFrame(() => editButton.current?.focus());
            }}
            onSave={(edits) => {
              setEditing(false);
              // The panel scrolled down to the form at its foot: its KPI's header and values back in
              // view, where the saved values show.
              if (view.panel.current) view.panel.current.scrollTop = 0;
              onEditKpi(chosen, edits);
            }}
          />
        )}
      </Suspense>
      {!editing && (
        <div className={styles.buttons}>
          <Button ref={editButton} onClick={() => setEditing(true)}>
            Edit KPI
          </Button>
          {cell && <Button onClick={() => onSelectCell(cell.sheet, cell.address)}>Select its cell</Button>}
          {cell && onShowInputs && (
            <Button onClick={() => onShowInputs(cell.sheet, cell.address)}>Show its inputs</Button>
          )}
        </div>
      )}
    </section>
  );
}
