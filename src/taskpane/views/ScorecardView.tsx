import {
  Body1,
  Button,
  Caption1,
  Field,
  Select,
  Subtitle2,
  Tree,
  TreeItem,
  TreeItemLayout,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { KpiFieldEdits } from "../../app/definitionEdits";
import type { KpiReport, ScorecardReport } from "../../app/report";
import type { Status } from "../../engine/types";
import type { PaletteName } from "../../plan/palette";
import { KpiEditor } from "./KpiEditor";
import { StatusBadge } from "./StatusBadge";
import { formatNumber, formatScore, splitCell, TREND_TEXT } from "./format";

const useStyles = makeStyles({
  overall: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalS,
  },
  aside: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  detail: {
    marginTop: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    margin: `${tokens.spacingVerticalS} 0`,
  },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

function Aside({ score, status, palette }: { score: number | null; status: Status; palette: PaletteName }) {
  const styles = useStyles();
  return (
    <span className={styles.aside}>
      <span aria-label={`score ${formatScore(score)}`}>{formatScore(score)}</span>
      <StatusBadge status={status} palette={palette} />
    </span>
  );
}

export interface ScorecardViewProps {
  readonly report: ScorecardReport;
  readonly palette: PaletteName;
  readonly onSelectCell: (sheet: string, address: string) => void;
  readonly onEditKpi: (
    kpi: { perspective: string; objective: string; name: string },
    edits: KpiFieldEdits,
  ) => void;
  /** Where the host can trace a formula's inputs (ExcelApi 1.12); absent elsewhere. */
  readonly onShowInputs?: ((sheet: string, address: string) => void) | undefined;
}

/** Perspectives → objectives → KPIs with status, score, actual against target and trend. */
export function ScorecardView({
  report,
  palette,
  onSelectCell,
  onEditKpi,
  onShowInputs,
}: ScorecardViewProps) {
  const styles = useStyles();
  const [chosen, setChosen] = useState<{ perspective: string; objective: string; kpi: KpiReport } | null>(
    null,
  );
  const [editing, setEditing] = useState(false);
  // "" is the consolidated scorecard; an entity's name shows that entity's own.
  const [entity, setEntity] = useState("");
  const entityReport = report.entities?.find((e) => e.name === entity);
  const perspectives = entityReport?.perspectives ?? report.perspectives;
  const overall = entityReport?.scorecard ?? report.scorecard;
  const open = perspectives.flatMap((p) => [
    `p:${p.name}`,
    ...p.objectives.map((o) => `o:${p.name}/${o.name}`),
  ]);

  const choose = (perspective: string, objective: string, kpi: KpiReport) => {
    setChosen({ perspective, objective, kpi });
    setEditing(false);
    const cell = kpi.cell ? splitCell(kpi.cell) : null;
    if (cell) onSelectCell(cell.sheet, cell.address);
  };
  const chosenCell = chosen?.kpi.cell ? splitCell(chosen.kpi.cell) : null;

  return (
    <section aria-label="Scorecard">
      <div className={styles.overall}>
        <Subtitle2 as="h2">{report.period ? `Overall, ${report.period}` : "Overall"}</Subtitle2>
        <Aside score={overall.score} status={overall.status as Status} palette={palette} />
      </div>
      {report.entities && report.entities.length > 0 && (
        <Field label="Entity">
          <Select
            value={entity}
            onChange={(_, d) => {
              setEntity(d.value);
              setChosen(null);
            }}
          >
            <option value="">All, consolidated</option>
            {report.entities.map((e) => (
              <option key={e.name} value={e.name}>
                {e.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Tree aria-label="Perspectives, objectives and KPIs" defaultOpenItems={open}>
        {perspectives.map((p) => (
          <TreeItem key={p.name} itemType="branch" value={`p:${p.name}`}>
            <TreeItemLayout aside={<Aside score={p.score} status={p.status as Status} palette={palette} />}>
              {p.name}
            </TreeItemLayout>
            <Tree>
              {p.objectives.map((o) => (
                <TreeItem key={o.name} itemType="branch" value={`o:${p.name}/${o.name}`}>
                  <TreeItemLayout
                    aside={<Aside score={o.score} status={o.status as Status} palette={palette} />}
                  >
                    {o.name}
                  </TreeItemLayout>
                  <Tree>
                    {o.kpis.map((k) => (
                      <TreeItem
                        key={k.name}
                        itemType="leaf"
                        value={`k:${p.name}/${o.name}/${k.name}`}
                        onClick={() => choose(p.name, o.name, k)}
                      >
                        <TreeItemLayout
                          aside={<Aside score={k.score} status={k.status as Status} palette={palette} />}
                        >
                          <span>{k.name}</span>
                          <Caption1 as="span">
                            {" "}
                            {formatNumber(k.actual)} / {formatNumber(k.target)}{" "}
                            {TREND_TEXT[k.trend as keyof typeof TREND_TEXT]}
                          </Caption1>
                        </TreeItemLayout>
                      </TreeItem>
                    ))}
                  </Tree>
                </TreeItem>
              ))}
            </Tree>
          </TreeItem>
        ))}
      </Tree>
      {chosen && (
        <div className={styles.detail} role="region" aria-label={`KPI ${chosen.kpi.name}`}>
          <Subtitle2 as="h3">{chosen.kpi.name}</Subtitle2>
          <dl className={styles.facts}>
            <dt>Status</dt>
            <dd>
              <StatusBadge status={chosen.kpi.status as Status} palette={palette} /> score{" "}
              {formatScore(chosen.kpi.score)}
            </dd>
            <dt>Actual</dt>
            <dd>{formatNumber(chosen.kpi.actual)}</dd>
            <dt>Target</dt>
            <dd>{formatNumber(chosen.kpi.target)}</dd>
            <dt>{chosen.kpi.polarity === "band" ? "Tolerance" : "Threshold"}</dt>
            <dd>{formatNumber(chosen.kpi.threshold)}</dd>
            <dt>Trend</dt>
            <dd>{TREND_TEXT[chosen.kpi.trend as keyof typeof TREND_TEXT] || "–"}</dd>
            <dt>Owner</dt>
            <dd>{chosen.kpi.owner || "–"}</dd>
            <dt>Cell</dt>
            <dd>{chosen.kpi.cell ?? "–"}</dd>
          </dl>
          {editing ? (
            <KpiEditor
              kpi={chosen.kpi}
              onCancel={() => setEditing(false)}
              onSave={(edits) => {
                setEditing(false);
                onEditKpi(
                  { perspective: chosen.perspective, objective: chosen.objective, name: chosen.kpi.name },
                  edits,
                );
              }}
            />
          ) : (
            <div className={styles.buttons}>
              <Button onClick={() => setEditing(true)}>Edit KPI</Button>
              {chosenCell && (
                <Button onClick={() => onSelectCell(chosenCell.sheet, chosenCell.address)}>
                  Select its cell
                </Button>
              )}
              {chosenCell && onShowInputs && (
                <Button onClick={() => onShowInputs(chosenCell.sheet, chosenCell.address)}>
                  Show its inputs
                </Button>
              )}
            </div>
          )}
        </div>
      )}
      {report.perspectives.length === 0 && <Body1>The scorecard table has no KPIs yet.</Body1>}
    </section>
  );
}
