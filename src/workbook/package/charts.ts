/**
 * The product's charts as DrawingML chart parts (xl/charts/chartN.xml), anchored in the sheet's
 * drawing. Each plots cells of its sheet by reference, with the values cached as the plan wrote
 * them, so a reader that does not recalculate (LibreOffice, a previewer) shows the same chart.
 * A refresh rewrites the same chart parts under the same names; a chart the plan no longer has
 * is taken out with its part.
 */
import { quoteSheetName } from "../../model/address";
import type { CategoryAxisPlan, CellBox, ChartPlan, ChartSeriesPlan, ValueAxisPlan } from "../../plan/chart";
import { isProductChart } from "../../plan/chart";
import type { PlanCell, SheetPlan } from "../../plan/plan";
import { boxA1 } from "../../model/address";
import type { OpenPackage } from "./openPackage";
import { addContentType, anchorCellsXml, removePart, SheetDrawing, type DrawingObject } from "./drawing";
import { attributeText, markupText, spreadsheetText, type WriteNotes } from "../ooxml/escape";
import { escapeXmlText } from "./xmlText";

export const CHART_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
export const CHART_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** The axis ids every product chart uses: its column and line series share one pair of axes. */
const CATEGORY_AXIS = 500000001;
const VALUE_AXIS = 500000002;

type Cells = ReadonlyMap<string, PlanCell>;
const cellOf = (cells: Cells, row: number, col: number) => cells.get(`${row},${col}`);

const solid = (rgb: string) => `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;

/** A reference to cells of the sheet, as a chart formula writes it: 'Dash board'!$B$7:$B$18. */
const reference = (sheet: string, box: CellBox) => `${quoteSheetName(sheet)}!${boxA1(box, true)}`;

function textCache(cells: Cells, box: CellBox, sheet: string, notes?: WriteNotes): string {
  const points: string[] = [];
  let n = 0;
  for (let row = box.top; row <= box.bottom; row++, n++) {
    const value = cellOf(cells, row, box.left)?.value;
    if (value !== null && value !== undefined) {
      const text = spreadsheetText(String(value), `A chart's label from ${sheet}`, notes);
      points.push(`<c:pt idx="${n}"><c:v>${text}</c:v></c:pt>`);
    }
  }
  return `<c:strCache><c:ptCount val="${n}"/>${points.join("")}</c:strCache>`;
}

function numberCache(cells: Cells, box: CellBox): string {
  const points: string[] = [];
  let format = "General";
  let n = 0;
  for (let row = box.top; row <= box.bottom; row++, n++) {
    const cell = cellOf(cells, row, box.left);
    if (typeof cell?.value === "number" && Number.isFinite(cell.value)) {
      points.push(`<c:pt idx="${n}"><c:v>${cell.value}</c:v></c:pt>`);
      format = cell.numberFormat ?? format;
    }
  }
  return `<c:numCache><c:formatCode>${escapeXmlText(format)}</c:formatCode><c:ptCount val="${n}"/>${points.join("")}</c:numCache>`;
}

function seriesXml(
  chart: ChartPlan,
  series: ChartSeriesPlan,
  index: number,
  sheet: string,
  cells: Cells,
  notes?: WriteNotes,
): string {
  const col = chart.source.left + 1 + index;
  const header = { top: chart.source.top, bottom: chart.source.top, left: col, right: col };
  const categories = { ...chart.source, top: chart.source.top + 1, right: chart.source.left };
  const values = { top: chart.source.top + 1, bottom: chart.source.bottom, left: col, right: col };
  const name =
    `<c:tx><c:strRef><c:f>${escapeXmlText(reference(sheet, header))}</c:f>` +
    `${textCache(cells, header, sheet, notes)}</c:strRef></c:tx>`;
  const cat = `<c:cat><c:strRef><c:f>${escapeXmlText(reference(sheet, categories))}</c:f>${textCache(cells, categories, sheet, notes)}</c:strRef></c:cat>`;
  const val = `<c:val><c:numRef><c:f>${escapeXmlText(reference(sheet, values))}</c:f>${numberCache(cells, values)}</c:numRef></c:val>`;
  const head = `<c:idx val="${index}"/><c:order val="${index}"/>${name}`;
  if (series.kind === "line")
    return (
      `<c:ser>${head}<c:spPr><a:ln w="28575" cap="rnd">${solid(series.colour)}<a:round/></a:ln></c:spPr>` +
      `<c:marker><c:symbol val="none"/></c:marker>${cat}${val}<c:smooth val="0"/></c:ser>`
    );
  const outline = (rgb: string | undefined) => (rgb ? `<a:ln w="9525">${solid(rgb)}</a:ln>` : "");
  const points = (series.points ?? [])
    .map(
      (p, i) =>
        `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>` +
        `<c:spPr>${solid(p.fill)}${outline(p.outline)}</c:spPr></c:dPt>`,
    )
    .join("");
  return (
    `<c:ser>${head}<c:spPr>${solid(series.colour)}${outline(series.outline)}</c:spPr>` +
    `<c:invertIfNegative val="0"/>${points}${cat}${val}</c:ser>`
  );
}

/** DrawingML angles are in 60,000ths of a degree, clockwise. */
const DRAWING_ANGLE_UNITS = 60000;

/**
 * The category axis's labels turned as the plan says (`a:bodyPr rot`, clockwise where the plan
 * counts counter-clockwise: labels rising at 45°, as Excel turns them itself, are rot="-2700000")
 * and labelled every `labelSpacing` categories
 * (`c:tickLblSkip`); the spreadsheet's automatic turn and skip are left no choice.
 */
const categoryAxis = ({ labelAngle, labelSpacing }: CategoryAxisPlan) =>
  `<c:catAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
  `<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/>` +
  `<c:minorTickMark val="none"/><c:tickLblPos val="low"/>` +
  `<c:txPr><a:bodyPr rot="${-labelAngle * DRAWING_ANGLE_UNITS}" vert="horz"/><a:lstStyle/>` +
  `<a:p><a:pPr><a:defRPr/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>` +
  `<c:crossAx val="${VALUE_AXIS}"/><c:crosses val="autoZero"/>` +
  `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:tickLblSkip val="${labelSpacing}"/>` +
  `<c:noMultiLvlLbl val="0"/></c:catAx>`;

/** CT_Scaling: orientation, then max, then min. */
const valueAxis = ({ minimum, maximum, majorUnit, numberFormat }: ValueAxisPlan) =>
  `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/>` +
  `${maximum === undefined ? "" : `<c:max val="${maximum}"/>`}` +
  `${minimum === undefined ? "" : `<c:min val="${minimum}"/>`}</c:scaling><c:delete val="0"/>` +
  `<c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="6350">${solid("D9D9D9")}</a:ln></c:spPr></c:majorGridlines>` +
  // The cells' format written out: LibreOffice does not follow sourceLinked to the cells.
  `<c:numFmt formatCode="${attributeText(numberFormat ?? "General")}" sourceLinked="${numberFormat ? 0 : 1}"/>` +
  `<c:majorTickMark val="none"/><c:minorTickMark val="none"/>` +
  `<c:tickLblPos val="nextTo"/><c:crossAx val="${CATEGORY_AXIS}"/><c:crosses val="autoZero"/>` +
  `<c:crossBetween val="between"/>${majorUnit ? `<c:majorUnit val="${majorUnit}"/>` : ""}</c:valAx>`;

/** The chart part's XML (CT_ChartSpace), its children in schema order. */
export function chartSpaceXml(chart: ChartPlan, sheet: string, cells: Cells, notes?: WriteNotes): string {
  const all = chart.series.map((s, i) => ({ s, xml: seriesXml(chart, s, i, sheet, cells, notes) }));
  const columns = all.filter((x) => x.s.kind === "column").map((x) => x.xml);
  const lines = all.filter((x) => x.s.kind === "line").map((x) => x.xml);
  const axisIds = `<c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/>`;
  const bar = columns.length
    ? `<c:barChart><c:barDir val="col"/><c:grouping val="${chart.stacked ? "stacked" : "clustered"}"/>` +
      `<c:varyColors val="0"/>${columns.join("")}<c:gapWidth val="60"/>` +
      `${chart.stacked ? `<c:overlap val="100"/>` : ""}${axisIds}</c:barChart>`
    : "";
  const line = lines.length
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${lines.join("")}` +
      `<c:marker val="1"/>${axisIds}</c:lineChart>`
    : "";
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="1200" b="1"/><a:t>${markupText(chart.title, `The title of a chart on ${sheet}`, notes)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${bar}${line}${categoryAxis(chart.categoryAxis)}${valueAxis(chart.valueAxis)}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/>` +
    `<c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr>${solid("FFFFFF")}<a:ln w="9525">${solid("D9D9D9")}</a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}

/** A chart of the product's: a graphic frame of its name (the strategy map's shapes are named "BSC map: …"). */
const isOurChart = (name: string, object: DrawingObject): boolean =>
  object.kind === "graphicFrame" && isProductChart(name);

/** A chart's anchor in the drawing: a graphic frame named as the plan names the chart. */
function chartAnchorXml(chart: ChartPlan, id: number, relationshipId: string, p: string): string {
  const from = { col: chart.anchor.left - 1, row: chart.anchor.top - 1 };
  const to = { col: chart.anchor.right, row: chart.anchor.bottom };
  return (
    `<${p}twoCellAnchor editAs="oneCell">${anchorCellsXml(from, to, p)}` +
    `<${p}graphicFrame macro=""><${p}nvGraphicFramePr>` +
    `<${p}cNvPr id="${id}" name="${attributeText(chart.name)}" title="${attributeText(chart.title)}"/>` +
    `<${p}cNvGraphicFramePr/></${p}nvGraphicFramePr>` +
    `<${p}xfrm><a:off xmlns:a="${A_NS}" x="0" y="0"/><a:ext xmlns:a="${A_NS}" cx="0" cy="0"/></${p}xfrm>` +
    `<a:graphic xmlns:a="${A_NS}"><a:graphicData uri="${CHART_NS}">` +
    `<c:chart xmlns:c="${CHART_NS}" xmlns:r="${R_NS}" r:id="${relationshipId}"/>` +
    `</a:graphicData></a:graphic></${p}graphicFrame><${p}clientData/></${p}twoCellAnchor>`
  );
}

/**
 * Draws the sheet plan's charts into the sheet's drawing: each chart the product drew before
 * (found by name) gets its same part rewritten; a new one gets a new part; one the plan no longer
 * has is taken out. Returns the sheet's XML with its <drawing> element, or as given when the sheet
 * has and had no product chart.
 */
export async function writeSheetCharts(
  pkg: OpenPackage,
  sheetPart: string,
  sheetXml: string,
  sheet: SheetPlan,
  notes?: WriteNotes,
): Promise<string> {
  const charts = sheet.charts ?? [];
  const drawing = await SheetDrawing.open(pkg, sheetPart);
  const before = drawing.objects().filter((o) => isOurChart(o.name, o));
  if (charts.length === 0 && before.length === 0) return drawing.exists ? drawing.save(sheetXml) : sheetXml;

  const cells: Cells = new Map(sheet.cells.map((c) => [`${c.row},${c.col}`, c]));
  const wanted = new Set(charts.map((c) => c.name));
  const relationshipOf = new Map<string, string>();
  for (const chart of charts) {
    const earlier = before.find((o) => o.name === chart.name);
    const earlierPart =
      earlier?.relationshipIds.map((id) => drawing.partOf(id)).find((p) => p !== null) ?? null;
    const part =
      earlierPart && pkg.has(earlierPart)
        ? earlierPart
        : pkg.freeName(
            `${sheetPart.slice(0, sheetPart.lastIndexOf("/worksheets/") + 1)}charts/chart`,
            ".xml",
          );
    const isNew = !pkg.has(part);
    pkg.setText(part, chartSpaceXml(chart, sheet.name, cells, notes));
    if (isNew) await addContentType(pkg, part, CHART_CONTENT_TYPE);
    relationshipOf.set(chart.name, drawing.relate(CHART_RELATIONSHIP, part));
  }
  // The parts of charts the plan no longer draws, found before their anchors go.
  const stale = before
    .filter((o) => !wanted.has(o.name))
    .flatMap((o) => o.relationshipIds.map((id) => drawing.partOf(id)))
    .filter((p): p is string => p !== null);
  const p = drawing.prefix;
  drawing.replaceObjects(isOurChart, (firstId) =>
    charts.map((chart, i) => chartAnchorXml(chart, firstId + i, relationshipOf.get(chart.name)!, p)).join(""),
  );
  for (const part of stale) await removePart(pkg, part);
  return drawing.save(sheetXml);
}
