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
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import type { KpiFieldEdits } from "../../app/definitionEdits";
import type { KpiPoint } from "../../app/history";
import { formatByCell } from "../../app/numberFormat";
import {
  directionOf,
  historyWindow,
  kpiGroups,
  kpiModelsOf,
  kpiPoints,
  periodsOf,
} from "../../app/paneTrends";
import type { KpiReport, PerspectiveReport, ScorecardReport } from "../../app/report";
import type { Status, Trend } from "../../engine/types";
import type { KpiModel, ScorecardModel } from "../../model/scorecard";
import { kpiKey } from "../../model/scorecard";
import { STATUS_MEANINGS, type PaletteName } from "../../plan/palette";
import { HistoryChart, Sparkline } from "./Charts";
import { KpiEditor } from "./KpiEditor";
import { StatusBadge } from "./StatusBadge";
import { TrendMark } from "./TrendMark";
import { formatScore, splitCell } from "./format";

/** Above this many KPIs the tree opens at its perspectives only: rendering every row takes seconds. */
export const OPEN_ALL_UP_TO = 150;
/** The periods a sparkline and a history chart span. */
const HISTORY_LENGTH = 12;

const useStyles = makeStyles({
  root: { display: "grid", gap: tokens.spacingVerticalS, minWidth: 0 },
  overall: { display: "grid", gap: tokens.spacingVerticalXXS },
  overallLine: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  pickers: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(120px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  tree: { minWidth: 0 },
  // Half of Fluent's 24 px a level: three levels deep still leaves a 300 px pane room for a KPI.
  branchLayout: { paddingLeft: "calc((var(--fluent-TreeItem--level, 1) - 1) * 12px)" },
  leafLayout: { paddingLeft: "calc(var(--fluent-TreeItem--level, 1) * 12px)", minHeight: "44px" },
  main: { flexGrow: 1, minWidth: 0, paddingTop: "2px", paddingBottom: "2px" },
  aside: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
  name: {
    display: "-webkit-box",
    WebkitLineClamp: 2,
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
    overflowWrap: "anywhere",
  },
  figures: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  numbers: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  chosen: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}`,
  },
  score: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  // The details stay in sight at the foot of the pane while the tree scrolls above them.
  panel: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    maxHeight: "62vh",
    overflowY: "auto",
    display: "grid",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: `${tokens.borderRadiusLarge} ${tokens.borderRadiusLarge} 0 0`,
    boxShadow: tokens.shadow16,
  },
  panelHead: {
    display: "flex",
    alignItems: "start",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  panelTitle: { display: "grid", minWidth: 0, overflowWrap: "anywhere" },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    "& dd": { margin: 0, overflowWrap: "anywhere" },
    "& dt": { color: tokens.colorNeutralForeground2 },
  },
  entities: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

function Aside({ score, status, palette }: { score: number | null; status: Status; palette: PaletteName }) {
  const styles = useStyles();
  return (
    <>
      <span className={styles.score} aria-label={`score ${formatScore(score)}`}>
        {formatScore(score)}
      </span>
      <StatusBadge status={status} palette={palette} />
    </>
  );
}

/** A perspective's or an objective's row: its name, then its score and status. */
function BranchLayout({
  name,
  score,
  status,
  palette,
}: {
  name: string;
  score: number | null;
  status: Status;
  palette: PaletteName;
}) {
  const styles = useStyles();
  return (
    <TreeItemLayout
      className={styles.branchLayout}
      main={{ className: styles.main }}
      aside={{ className: styles.aside, children: <Aside score={score} status={status} palette={palette} /> }}
    >
      <span className={styles.name} title={name}>
        {name}
      </span>
    </TreeItemLayout>
  );
}

export interface ScorecardViewProps {
  readonly report: ScorecardReport;
  readonly palette: PaletteName;
  /** What was read, for number formats and history; null where none (a failed re-score). */
  readonly model: ScorecardModel | null;
  /** The period the Scorecard sheet shows (the scored one); the pane may show another. */
  readonly sheetPeriod: string | null;
  readonly onChoosePeriod: (period: string) => void;
  readonly onSelectCell: (sheet: string, address: string) => void;
  readonly onEditKpi: (
    kpi: { perspective: string; objective: string; name: string },
    edits: KpiFieldEdits,
  ) => void;
  /** Where the host can trace a formula's inputs (ExcelApi 1.12); absent elsewhere. */
  readonly onShowInputs?: ((sheet: string, address: string) => void) | undefined;
}

interface Chosen {
  readonly perspective: string;
  readonly objective: string;
  readonly name: string;
}

const chosenKey = (c: Chosen): string => kpiKey(c.perspective, c.objective, c.name);

/** How many KPIs have each status, as a line: "9 on target · 3 watch · 2 off target". */
function statusCounts(perspectives: readonly PerspectiveReport[]): string {
  const kpis = perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis));
  return (["green", "amber", "red", "none"] as const)
    .map((s) => [s, kpis.filter((k) => k.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${STATUS_MEANINGS[s].toLowerCase()}`)
    .join(" · ");
}

/**
 * Perspectives → objectives → KPIs: each KPI with its actual against its target in the source
 * cell's number format, its trend, a sparkline of the last periods and its status. Choosing a
 * KPI marks its row and shows its details at the foot of the pane, in sight.
 */
export function ScorecardView({
  report,
  palette,
  model,
  sheetPeriod,
  onChoosePeriod,
  onSelectCell,
  onEditKpi,
  onShowInputs,
}: ScorecardViewProps) {
  const styles = useStyles();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [editing, setEditing] = useState(false);
  // "" is the consolidated scorecard; an entity's name shows that entity's own.
  const [entity, setEntity] = useState("");
  const rows = useRef(new Map<string, HTMLElement>());
  const panel = useRef<HTMLElement>(null);
  const entityReport = report.entities?.find((e) => e.name === entity);
  const perspectives = entityReport?.perspectives ?? report.perspectives;
  const overall = entityReport?.scorecard ?? report.scorecard;
  const kpiCount = perspectives.reduce((n, p) => n + p.objectives.reduce((m, o) => m + o.kpis.length, 0), 0);
  // Opened once, as the scorecard first shows; the user's opening and closing is kept after.
  const [defaultOpen] = useState(() =>
    report.perspectives.flatMap((p) => [
      `p:${p.name}`,
      ...(kpiCount > OPEN_ALL_UP_TO ? [] : p.objectives.map((o) => `o:${p.name}/${o.name}`)),
    ]),
  );

  // What the rows need beyond the report: each KPI's model (its number format, its direction)
  // and its points, scored only for the rows drawn.
  const periods = useMemo(() => (model ? periodsOf(model) : []), [model]);
  const span = useMemo(() => historyWindow(periods, report.period, HISTORY_LENGTH), [periods, report.period]);
  const groups = useMemo(() => (model ? kpiGroups(model) : new Map<string, KpiModel[]>()), [model]);
  const models = useMemo(
    () => (model ? kpiModelsOf(model, entity) : new Map<string, KpiModel>()),
    [model, entity],
  );
  const pointsCache = useMemo(() => new Map<string, KpiPoint[]>(), [model, entity, span]);
  const pointsOf = (key: string): KpiPoint[] => {
    let points = pointsCache.get(key);
    if (!points) {
      const group = groups.get(key);
      points = model && group && span.length > 1 ? kpiPoints(model, group, entity, span) : [];
      pointsCache.set(key, points);
    }
    return points;
  };
  // A KPI kept per entity has, consolidated, no single value: its entities' results instead.
  const byEntity = useMemo(() => {
    const map = new Map<string, { entity: string; kpi: KpiReport }[]>();
    for (const e of report.entities ?? [])
      for (const p of e.perspectives)
        for (const o of p.objectives)
          for (const k of o.kpis) {
            const key = kpiKey(p.name, o.name, k.name);
            map.set(key, [...(map.get(key) ?? []), { entity: e.name, kpi: k }]);
          }
    return map;
  }, [report.entities]);
  const entitiesOf = (key: string) => (entity === "" ? (byEntity.get(key) ?? []) : []);

  const found = chosen
    ? perspectives
        .find((p) => p.name === chosen.perspective)
        ?.objectives.find((o) => o.name === chosen.objective)
        ?.kpis.find((k) => k.name === chosen.name)
    : undefined;

  // The chosen row in sight, above the details at the foot of the pane.
  const shownKey = chosen && found ? chosenKey(chosen) : null;
  useEffect(() => {
    if (!shownKey) return;
    const inSight = () => {
      const row = rows.current.get(shownKey);
      if (!row) return;
      if (typeof row.scrollIntoView === "function") row.scrollIntoView({ block: "nearest" });
      const below = panel.current?.getBoundingClientRect().top;
      const rowBottom = row.getBoundingClientRect().bottom;
      if (below !== undefined && rowBottom > below && typeof window.scrollBy === "function")
        window.scrollBy({ top: rowBottom - below + 16 });
    };
    inSight();
    // Once more after the frame: the host may have grown the page above meanwhile.
    if (typeof requestAnimationFrame !== "function") return;
    const frame = requestAnimationFrame(inSight);
    return () => cancelAnimationFrame(frame);
  }, [shownKey]);

  const choose = (c: Chosen, kpi: KpiReport) => {
    setChosen(c);
    setEditing(false);
    const cell = kpi.cell ? splitCell(kpi.cell) : null;
    if (cell) onSelectCell(cell.sheet, cell.address);
  };
  const close = () => {
    const row = chosen ? rows.current.get(chosenKey(chosen)) : undefined;
    setChosen(null);
    setEditing(false);
    row?.focus();
  };

  const chosenCell = found?.cell ? splitCell(found.cell) : null;
  const key = chosen ? chosenKey(chosen) : "";
  const chosenModel = models.get(key);
  const format = chosenModel?.numberFormat ?? null;
  const f = (v: number | null) => formatByCell(v, format);
  const direction = found && entitiesOf(key).length === 0 ? directionOf(chosenModel, report.period) : "none";

  return (
    <section aria-label="Scorecard" className={styles.root}>
      <div className={styles.overall}>
        <div className={styles.overallLine}>
          <Subtitle2 as="h2">{[entity || "Overall", report.period].filter(Boolean).join(", ")}</Subtitle2>
          <Aside score={overall.score} status={overall.status as Status} palette={palette} />
        </div>
        <Caption1>{statusCounts(perspectives)}</Caption1>
      </div>
      {(periods.length > 1 || (report.entities && report.entities.length > 0)) && (
        <div className={styles.pickers}>
          {periods.length > 1 && (
            <Field label="Period">
              <Select value={report.period ?? ""} onChange={(_, d) => onChoosePeriod(d.value)}>
                {[...periods].reverse().map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </Select>
            </Field>
          )}
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
        </div>
      )}
      {sheetPeriod !== null && report.period !== null && report.period !== sheetPeriod && (
        <Caption1>
          The Scorecard sheet shows {sheetPeriod}. To write {report.period} there, choose it as the scored
          period in Settings.
        </Caption1>
      )}
      <Tree
        className={styles.tree}
        aria-label="Perspectives, objectives and KPIs"
        defaultOpenItems={defaultOpen}
      >
        {perspectives.map((p) => (
          <TreeItem key={p.name} itemType="branch" value={`p:${p.name}`}>
            <BranchLayout name={p.name} score={p.score} status={p.status as Status} palette={palette} />
            <Tree collapseMotion={null}>
              {p.objectives.map((o) => (
                <TreeItem key={o.name} itemType="branch" value={`o:${p.name}/${o.name}`}>
                  <BranchLayout name={o.name} score={o.score} status={o.status as Status} palette={palette} />
                  <Tree collapseMotion={null}>
                    {o.kpis.map((k) => {
                      const rowKey = kpiKey(p.name, o.name, k.name);
                      const isChosen = rowKey === key;
                      const kpiModel = models.get(rowKey);
                      const entities = entitiesOf(rowKey);
                      const show = (v: number | null) => formatByCell(v, kpiModel?.numberFormat ?? null);
                      return (
                        <TreeItem
                          key={k.name}
                          itemType="leaf"
                          value={`k:${rowKey}`}
                          aria-selected={isChosen}
                          ref={(el: HTMLDivElement | null) => {
                            if (el) rows.current.set(rowKey, el);
                            else rows.current.delete(rowKey);
                          }}
                          onClick={() => choose({ perspective: p.name, objective: o.name, name: k.name }, k)}
                        >
                          <TreeItemLayout
                            className={mergeClasses(styles.leafLayout, isChosen && styles.chosen)}
                            main={{ className: styles.main }}
                            aside={{
                              className: styles.aside,
                              children: <StatusBadge status={k.status as Status} palette={palette} />,
                            }}
                          >
                            {/* Two lines at most; the whole name on hover, and always to a screen reader. */}
                            <span className={styles.name} title={k.name}>
                              {k.name}
                            </span>
                            <span className={styles.figures}>
                              {entities.length > 0 ? (
                                <span>
                                  {entities.length} {entities.length === 1 ? "entity" : "entities"}
                                </span>
                              ) : (
                                <span className={styles.numbers}>
                                  {show(k.actual)} / {show(k.target)}
                                </span>
                              )}
                              {entities.length === 0 && (
                                <TrendMark
                                  direction={directionOf(kpiModel, report.period)}
                                  trend={k.trend as Trend}
                                  palette={palette}
                                />
                              )}
                              <Sparkline points={pointsOf(rowKey)} palette={palette} />
                            </span>
                          </TreeItemLayout>
                        </TreeItem>
                      );
                    })}
                  </Tree>
                </TreeItem>
              ))}
            </Tree>
          </TreeItem>
        ))}
      </Tree>
      {report.perspectives.length === 0 && <Body1>The scorecard table has no KPIs yet.</Body1>}
      {chosen && found && (
        <section
          ref={panel}
          className={styles.panel}
          aria-label={`KPI ${found.name}`}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.stopPropagation();
              close();
            }
          }}
        >
          <div className={styles.panelHead}>
            <div className={styles.panelTitle}>
              <Subtitle2 as="h3">{found.name}</Subtitle2>
              <Caption1 as="p" style={{ margin: 0 }}>
                {[entity, chosen.perspective, chosen.objective].filter(Boolean).join(" › ")}
              </Caption1>
            </div>
            <Button
              appearance="subtle"
              size="small"
              onClick={close}
              aria-label={`Close the details of ${found.name}`}
            >
              Close
            </Button>
          </div>
          <dl className={styles.facts}>
            <dt>Status</dt>
            <dd>
              <StatusBadge status={found.status as Status} palette={palette} /> score{" "}
              {formatScore(found.score)}
            </dd>
            {entitiesOf(key).length === 0 && (
              <>
                <dt>Actual</dt>
                <dd>{f(found.actual)}</dd>
                <dt>Target</dt>
                <dd>{f(found.target)}</dd>
                <dt>{found.polarity === "band" ? "Tolerance" : "Threshold"}</dt>
                <dd>{f(found.threshold)}</dd>
                <dt>Trend</dt>
                <dd>
                  {direction === "none" ? (
                    "–"
                  ) : (
                    <TrendMark direction={direction} trend={found.trend as Trend} palette={palette} spelled />
                  )}
                </dd>
              </>
            )}
            <dt>Owner</dt>
            <dd>{found.owner || "–"}</dd>
            <dt>Cell</dt>
            <dd>{found.cell ?? "–"}</dd>
          </dl>
          {entitiesOf(key).length > 0 && (
            <ul className={styles.entities} aria-label={`${found.name} by entity`}>
              {entitiesOf(key).map(({ entity: name, kpi }) => (
                <li key={name}>
                  {name}: {f(kpi.actual)} / {f(kpi.target)}{" "}
                  <StatusBadge status={kpi.status as Status} palette={palette} />
                </li>
              ))}
            </ul>
          )}
          <HistoryChart name={found.name} points={pointsOf(key)} numberFormat={format} palette={palette} />
          {editing ? (
            <KpiEditor
              key={`${key}-${found.target}-${found.threshold}`}
              kpi={found}
              numberFormat={format}
              onCancel={() => setEditing(false)}
              onSave={(edits) => {
                setEditing(false);
                onEditKpi(chosen, edits);
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
        </section>
      )}
    </section>
  );
}
