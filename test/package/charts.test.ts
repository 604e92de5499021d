/**
 * The Dashboard's charts as the .xlsx patcher writes them: a drawing tied to the Dashboard sheet,
 * a chart part per chart with its content type, each chart's XML in schema order and plotting the
 * sheet's own cells, every other part copied byte for byte, and the same parts kept and updated
 * by the next refresh.
 */
import { SaxesParser } from "saxes";
import { runScorecard, type RunOptions } from "../../src/app/scorecard";
import type { ChartPlan } from "../../src/plan/chart";
import { PALETTES } from "../../src/plan/palette";
import type { PlanCell } from "../../src/plan/plan";
import { chartSpaceXml } from "../../src/workbook/package/charts";
import { nodeCodec } from "../../src/workbook/package/nodeCodec";
import { PackageWorkbook } from "../../src/workbook/package/packageWorkbook";
import { nodeBoundedInflate } from "../../src/workbook/package/readInflateNode";
import { readPackageSnapshot } from "../../src/workbook/package/readSnapshot";
import { listZipEntries, rawZipEntry, readZipEntry } from "../../src/workbook/xlsx/zip";
import { workbookBytes } from "../helpers/xlsx";
import { writeZip as writeTestZip, zipEntries } from "../helpers/zip";

const HEADER = ["Period", "Perspective", "Objective", "KPI", "Actual", "Target", "Polarity"];
/** Revenue and Costs every month from January to March; NPS only from February. */
const ROWS = [
  HEADER,
  ["2026-01", "Financial", "Grow", "Revenue", 90, 100, "higher"],
  ["2026-02", "Financial", "Grow", "Revenue", 101, 100, "higher"],
  ["2026-03", "Financial", "Grow", "Revenue", 97, 100, "higher"],
  ["2026-01", "Financial", "Save", "Costs", 50, 40, "lower"],
  ["2026-02", "Financial", "Save", "Costs", 41, 40, "lower"],
  ["2026-03", "Financial", "Save", "Costs", 39, 40, "lower"],
  ["2026-01", "Customer", "Delight", "NPS", null, 40, "higher"],
  ["2026-02", "Customer", "Delight", "NPS", 35, 40, "higher"],
  ["2026-03", "Customer", "Delight", "NPS", 44, 40, "higher"],
];

async function refresh(bytes: Uint8Array, options: RunOptions = {}): Promise<Uint8Array> {
  const port = await PackageWorkbook.load(bytes, nodeCodec, (b) =>
    readPackageSnapshot(b, nodeBoundedInflate),
  );
  const outcome = await runScorecard(port, { now: new Date("2026-11-30T12:00:00Z"), ...options }, true);
  if (!outcome.ok) throw new Error(outcome.fatal.message);
  return port.toBytes();
}

const names = (zip: Uint8Array) => listZipEntries(zip).map((e) => e.name);
async function text(zip: Uint8Array, name: string): Promise<string> {
  const entry = listZipEntries(zip).find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name}`);
  return new TextDecoder().decode(await readZipEntry(zip, entry, nodeCodec.inflate));
}

/** An element tree from XML, through saxes (a conforming parser): it throws on XML that is not well-formed. */
interface Node {
  name: string;
  attributes: Record<string, string>;
  children: Node[];
  text: string;
}
function parse(xml: string): Node {
  const parser = new SaxesParser({ xmlns: false });
  const root: Node = { name: "#document", attributes: {}, children: [], text: "" };
  const stack = [root];
  parser.on("opentag", (tag) => {
    const node: Node = {
      name: tag.name,
      attributes: tag.attributes as Record<string, string>,
      children: [],
      text: "",
    };
    stack.at(-1)!.children.push(node);
    if (!tag.isSelfClosing) stack.push(node);
  });
  parser.on("closetag", (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  parser.on("text", (t) => (stack.at(-1)!.text += t));
  parser.write(xml).close();
  return root.children[0]!;
}
const child = (n: Node, name: string) => n.children.find((c) => c.name === name);
const all = (n: Node, name: string): Node[] =>
  n.children.flatMap((c) => (c.name === name ? [c] : [])).concat(n.children.flatMap((c) => all(c, name)));

/**
 * Whether the children follow the schema's sequence (ECMA-376 Part 1, dml-chart.xsd): each child
 * named in `order`, none out of order. Repeated elements (ser, dPt, axId) may repeat in place.
 */
function inSchemaOrder(n: Node, order: readonly string[]): boolean {
  let at = 0;
  for (const c of n.children) {
    const i = order.indexOf(c.name);
    if (i < 0 || i < at) return false;
    at = i;
  }
  return true;
}
const CHART_SPACE = [
  "c:date1904",
  "c:lang",
  "c:roundedCorners",
  "c:clrMapOvr",
  "c:pivotSource",
  "c:protection",
  "c:chart",
  "c:spPr",
  "c:txPr",
  "c:externalData",
  "c:printSettings",
  "c:userShapes",
];
const CHART = [
  "c:title",
  "c:autoTitleDeleted",
  "c:pivotFmts",
  "c:view3D",
  "c:floor",
  "c:sideWall",
  "c:backWall",
  "c:plotArea",
  "c:legend",
  "c:plotVisOnly",
  "c:dispBlanksAs",
];
const PLOT_AREA = ["c:layout", "c:barChart", "c:lineChart", "c:catAx", "c:valAx", "c:spPr"];
const BAR_CHART = [
  "c:barDir",
  "c:grouping",
  "c:varyColors",
  "c:ser",
  "c:dLbls",
  "c:gapWidth",
  "c:overlap",
  "c:serLines",
  "c:axId",
];
const BAR_SER = [
  "c:idx",
  "c:order",
  "c:tx",
  "c:spPr",
  "c:invertIfNegative",
  "c:pictureOptions",
  "c:dPt",
  "c:dLbls",
  "c:trendline",
  "c:errBars",
  "c:cat",
  "c:val",
  "c:shape",
];
const LINE_CHART = [
  "c:grouping",
  "c:varyColors",
  "c:ser",
  "c:dLbls",
  "c:dropLines",
  "c:hiLowLines",
  "c:upDownBars",
  "c:marker",
  "c:smooth",
  "c:axId",
];
const LINE_SER = [
  "c:idx",
  "c:order",
  "c:tx",
  "c:spPr",
  "c:marker",
  "c:dPt",
  "c:dLbls",
  "c:trendline",
  "c:errBars",
  "c:cat",
  "c:val",
  "c:smooth",
];
const DPT = [
  "c:idx",
  "c:invertIfNegative",
  "c:marker",
  "c:bubble3D",
  "c:explosion",
  "c:spPr",
  "c:pictureOptions",
];
const CAT_AX = [
  "c:axId",
  "c:scaling",
  "c:delete",
  "c:axPos",
  "c:majorGridlines",
  "c:minorGridlines",
  "c:title",
  "c:numFmt",
  "c:majorTickMark",
  "c:minorTickMark",
  "c:tickLblPos",
  "c:spPr",
  "c:txPr",
  "c:crossAx",
  "c:crosses",
  "c:crossesAt",
  "c:auto",
  "c:lblAlgn",
  "c:lblOffset",
  "c:tickLblSkip",
  "c:tickMarkSkip",
  "c:noMultiLvlLbl",
];
const SCALING = ["c:logBase", "c:orientation", "c:max", "c:min"];
const VAL_AX = [
  "c:axId",
  "c:scaling",
  "c:delete",
  "c:axPos",
  "c:majorGridlines",
  "c:minorGridlines",
  "c:title",
  "c:numFmt",
  "c:majorTickMark",
  "c:minorTickMark",
  "c:tickLblPos",
  "c:spPr",
  "c:txPr",
  "c:crossAx",
  "c:crosses",
  "c:crossesAt",
  "c:crossBetween",
  "c:majorUnit",
  "c:minorUnit",
];

/** Where the Dashboard sheet, its drawing and its charts are in a refreshed package. */
async function dashboardParts(zip: Uint8Array) {
  const workbook = await text(zip, "xl/workbook.xml");
  const rId = /<sheet name="Dashboard"[^>]*r:id="(rId\d+)"/.exec(workbook)![1];
  const rels = await text(zip, "xl/_rels/workbook.xml.rels");
  const sheet = `xl/${new RegExp(`Id="${rId}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`;
  const sheetName = sheet.slice(sheet.lastIndexOf("/") + 1);
  const sheetRels = await text(zip, `xl/worksheets/_rels/${sheetName}.rels`);
  const drawingTarget = /Type="[^"]*\/drawing" Target="\.\.\/drawings\/([^"]+)"/.exec(sheetRels)![1];
  const drawing = `xl/drawings/${drawingTarget}`;
  const drawingXml = await text(zip, drawing);
  const drawingRels = await text(zip, `xl/drawings/_rels/${drawingTarget}.rels`);
  const charts = [...drawingXml.matchAll(/<xdr:cNvPr id="\d+" name="([^"]+)"[\s\S]*?r:id="(rId\d+)"/g)].map(
    (m) => ({
      name: m[1]!,
      part: `xl/charts/${new RegExp(`Id="${m[2]}"[^>]*Target="\\.\\./charts/([^"]+)"`).exec(drawingRels)![1]}`,
    }),
  );
  return { sheet, sheetXml: await text(zip, sheet), sheetRels, drawing, drawingXml, charts };
}

describe("the Dashboard's charts in the package", () => {
  let source: Uint8Array;
  let output: Uint8Array;
  beforeAll(async () => {
    source = new Uint8Array(await workbookBytes([{ name: "Data", rows: ROWS, table: "Monthly" }]));
    output = await refresh(source);
  });

  it("ties a drawing to the Dashboard sheet: relationship, <drawing> in schema order, content types", async () => {
    const { sheetXml, sheetRels, drawing, charts } = await dashboardParts(output);
    expect(sheetRels).toContain(
      'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing"',
    );
    const drawingAt = sheetXml.indexOf("<drawing r:id=");
    expect(drawingAt).toBeGreaterThan(sheetXml.indexOf("<pageMargins"));
    expect(drawingAt).toBeGreaterThan(sheetXml.indexOf("<pageSetup"));
    expect(sheetXml.indexOf("</worksheet>")).toBeGreaterThan(drawingAt);
    const types = await text(output, "[Content_Types].xml");
    expect(types).toContain(
      `<Override PartName="/${drawing}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`,
    );
    for (const c of charts)
      expect(types).toContain(
        `<Override PartName="/${c.part}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
      );
  });

  it("anchors one named chart per chart of the plan: the status summary and a trend per KPI", async () => {
    const { charts } = await dashboardParts(output);
    expect(charts.map((c) => c.name)).toEqual([
      "BSC status by perspective",
      "BSC trend 1",
      "BSC trend 2",
      "BSC trend 3",
    ]);
    expect(new Set(charts.map((c) => c.part)).size).toBe(4);
    for (const c of charts) expect(names(output)).toContain(c.part);
  });

  it("writes each chart part well-formed, its elements in the schema's order", async () => {
    for (const { part } of (await dashboardParts(output)).charts) {
      const space = parse(await text(output, part));
      expect(space.name).toBe("c:chartSpace");
      expect(inSchemaOrder(space, CHART_SPACE)).toBe(true);
      const chart = child(space, "c:chart")!;
      expect(inSchemaOrder(chart, CHART)).toBe(true);
      const plot = child(chart, "c:plotArea")!;
      expect(inSchemaOrder(plot, PLOT_AREA)).toBe(true);
      expect(inSchemaOrder(child(plot, "c:catAx")!, CAT_AX)).toBe(true);
      expect(inSchemaOrder(child(plot, "c:valAx")!, VAL_AX)).toBe(true);
      for (const axis of ["c:catAx", "c:valAx"])
        expect(inSchemaOrder(child(child(plot, axis)!, "c:scaling")!, SCALING)).toBe(true);
      const bar = child(plot, "c:barChart")!;
      expect(inSchemaOrder(bar, BAR_CHART)).toBe(true);
      for (const ser of all(bar, "c:ser")) expect(inSchemaOrder(ser, BAR_SER)).toBe(true);
      for (const dPt of all(bar, "c:dPt")) expect(inSchemaOrder(dPt, DPT)).toBe(true);
      const line = child(plot, "c:lineChart");
      if (line) {
        expect(inSchemaOrder(line, LINE_CHART)).toBe(true);
        for (const ser of all(line, "c:ser")) expect(inSchemaOrder(ser, LINE_SER)).toBe(true);
      }
      // Both chart types share the one pair of axes the plot area defines.
      const axes = [child(plot, "c:catAx")!, child(plot, "c:valAx")!].map(
        (a) => child(a, "c:axId")!.attributes.val,
      );
      for (const group of [bar, line].filter((g): g is Node => g !== undefined))
        expect(all(group, "c:axId").map((a) => a.attributes.val)).toEqual(axes);
    }
  });

  it("plots the Dashboard's own cells, caching the values the sheet holds", async () => {
    const { charts } = await dashboardParts(output);
    const revenue = parse(await text(output, charts[1]!.part));
    const [actual, target] = all(revenue, "c:ser");
    const formula = (ser: Node, where: string) => all(child(ser, where)!, "c:f")[0]!.text;
    const cached = (ser: Node, where: string) => all(child(ser, where)!, "c:v").map((v) => v.text);
    expect(formula(actual!, "c:tx")).toMatch(/^Dashboard!\$B\$\d+$/);
    expect(cached(actual!, "c:tx")).toEqual(["Actual"]);
    expect(cached(target!, "c:tx")).toEqual(["Target"]);
    expect(cached(actual!, "c:cat")).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(cached(actual!, "c:val")).toEqual(["90", "101", "97"]);
    expect(cached(target!, "c:val")).toEqual(["100", "100", "100"]);
    // The reference is the block of cells that hold these values on the sheet.
    const values = /^Dashboard!\$B\$(\d+):\$B\$(\d+)$/.exec(formula(actual!, "c:val"))!;
    const sheetXml = (await dashboardParts(output)).sheetXml;
    const cell = (ref: string) => new RegExp(`<c r="${ref}"[^>]*><v>([^<]*)</v>`).exec(sheetXml)?.[1];
    expect([0, 1, 2].map((i) => cell(`B${Number(values[1]) + i}`))).toEqual(["90", "101", "97"]);
    expect(Number(values[2]) - Number(values[1])).toBe(2);
  });

  it("colours each column by its period's status and draws the target as a line", async () => {
    const { charts } = await dashboardParts(output);
    const revenue = parse(await text(output, charts[1]!.part));
    const colours = all(child(all(revenue, "c:barChart")[0]!, "c:ser")!, "c:dPt").map(
      (d) => all(child(d, "c:spPr")!, "a:srgbClr")[0]!.attributes.val,
    );
    const { amber, green } = PALETTES.standard;
    expect(colours).toEqual([amber.fill, green.fill, amber.fill]);
    expect(all(revenue, "c:lineChart")).toHaveLength(1);
    const status = parse(await text(output, charts[0]!.part));
    expect(all(status, "c:grouping")[0]!.attributes.val).toBe("stacked");
    expect(all(status, "c:ser")).toHaveLength(4);
  });

  it("copies every part it does not own or touch as its compressed bytes", async () => {
    const touched = new Set([
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "[Content_Types].xml",
      "xl/styles.xml",
      "xl/worksheets/sheet1.xml",
    ]);
    const out = new Map(listZipEntries(output).map((e) => [e.name, e]));
    for (const entry of listZipEntries(source).filter((e) => !touched.has(e.name))) {
      const copy = out.get(entry.name)!;
      expect(Buffer.from(rawZipEntry(output, copy)).equals(Buffer.from(rawZipEntry(source, entry)))).toBe(
        true,
      );
    }
  });
});

describe("a chart part's axes", () => {
  const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`);
  const cells = new Map<string, PlanCell>([
    ["1,1", { row: 1, col: 1, value: "Period" }],
    ["1,2", { row: 1, col: 2, value: "Actual" }],
    ...months.map((m, i): [string, PlanCell] => [`${i + 2},1`, { row: i + 2, col: 1, value: m }]),
    ...months.map((_, i): [string, PlanCell] => [
      `${i + 2},2`,
      { row: i + 2, col: 2, value: 0.95, numberFormat: "0.0%" },
    ]),
  ]);
  const plan = (categoryAxis: ChartPlan["categoryAxis"], valueAxis: ChartPlan["valueAxis"]): ChartPlan => ({
    name: "BSC trend 1",
    title: "On-time delivery",
    source: { top: 1, left: 1, bottom: 13, right: 2 },
    series: [{ kind: "column", colour: "C6EFCE" }],
    stacked: false,
    categoryAxis,
    valueAxis,
    anchor: { top: 1, left: 7, bottom: 16, right: 14 },
  });
  const axesOf = (chart: ChartPlan) => {
    const plot = child(child(parse(chartSpaceXml(chart, "Dashboard", cells)), "c:chart")!, "c:plotArea")!;
    return { cat: child(plot, "c:catAx")!, val: child(plot, "c:valAx")! };
  };

  it("turns the category labels and labels every n-th as the plan says (a:bodyPr rot, c:tickLblSkip)", () => {
    const { cat } = axesOf(plan({ labelAngle: 45, labelSpacing: 2 }, {}));
    expect(inSchemaOrder(cat, CAT_AX)).toBe(true);
    // 60,000ths of a degree: Excel's own rotated labels carry rot="-2700000".
    expect(child(child(cat, "c:txPr")!, "a:bodyPr")!.attributes).toEqual({ rot: "-2700000", vert: "horz" });
    expect(child(cat, "c:tickLblSkip")!.attributes.val).toBe("2");
    const flat = axesOf(plan({ labelAngle: 0, labelSpacing: 1 }, {})).cat;
    expect(child(child(flat, "c:txPr")!, "a:bodyPr")!.attributes.rot).toBe("0");
    expect(child(flat, "c:tickLblSkip")!.attributes.val).toBe("1");
  });

  it("bounds the value axis at the plan's minimum and maximum, max before min, and leaves out what it does not fix", () => {
    const { val } = axesOf(
      plan({ labelAngle: 0, labelSpacing: 1 }, { minimum: 0, maximum: 1, majorUnit: 0.2 }),
    );
    const scaling = child(val, "c:scaling")!;
    expect(scaling.children.map((c) => [c.name, c.attributes.val])).toEqual([
      ["c:orientation", "minMax"],
      ["c:max", "1"],
      ["c:min", "0"],
    ]);
    expect(child(val, "c:majorUnit")!.attributes.val).toBe("0.2");
    const automatic = axesOf(plan({ labelAngle: 0, labelSpacing: 1 }, {})).val;
    expect(child(automatic, "c:scaling")!.children.map((c) => c.name)).toEqual(["c:orientation"]);
    expect(child(automatic, "c:majorUnit")).toBeUndefined();
  });
});

describe("the next refresh", () => {
  let first: Uint8Array;
  beforeAll(async () => {
    first = await refresh(
      new Uint8Array(await workbookBytes([{ name: "Data", rows: ROWS, table: "Monthly" }])),
    );
  });

  it("keeps the same sheet, drawing and chart parts, and updates the charts' values", async () => {
    const second = await refresh(first, { period: "2026-02" });
    const before = await dashboardParts(first);
    const after = await dashboardParts(second);
    expect([after.sheet, after.drawing]).toEqual([before.sheet, before.drawing]);
    expect(after.charts).toEqual(before.charts);
    const revenue = parse(await text(second, after.charts[1]!.part));
    expect(all(child(all(revenue, "c:ser")[0]!, "c:val")!, "c:v").map((v) => v.text)).toEqual(["90", "101"]);
    expect(names(second).filter((n) => n.startsWith("xl/charts/"))).toEqual(
      names(first).filter((n) => n.startsWith("xl/charts/")),
    );
  });

  it("changes nothing when nothing changed", async () => {
    const second = await refresh(first);
    for (const name of names(first))
      expect([name, await text(second, name)]).toEqual([name, await text(first, name)]);
  });

  it("takes out a chart it no longer draws: its anchor, part, relationship and content type", async () => {
    // In January NPS has no actual: two trend charts instead of three.
    const second = await refresh(first, { period: "2026-01" });
    const before = await dashboardParts(first);
    const after = await dashboardParts(second);
    expect(after.charts.map((c) => c.name)).toEqual([
      "BSC status by perspective",
      "BSC trend 1",
      "BSC trend 2",
    ]);
    expect(after.charts).toEqual(before.charts.slice(0, 3));
    const gone = before.charts[3]!.part;
    expect(names(second)).not.toContain(gone);
    expect(await text(second, "[Content_Types].xml")).not.toContain(gone);
    expect(await text(second, after.drawing.replace("drawings/", "drawings/_rels/") + ".rels")).not.toContain(
      gone.slice(gone.lastIndexOf("/") + 1),
    );
    // And draws it again, in a part of its own, when the KPI has data again.
    const third = await refresh(second);
    expect((await dashboardParts(third)).charts.map((c) => c.name)).toHaveLength(4);
  });

  it("keeps a shape the user drew on the Dashboard", async () => {
    const { drawing } = await dashboardParts(first);
    const entries = await zipEntries(Buffer.from(first));
    const userShape =
      "<xdr:oneCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>" +
      '<xdr:ext cx="900000" cy="300000"/><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="900" name="My note"/><xdr:cNvSpPr/></xdr:nvSpPr>' +
      '<xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:sp><xdr:clientData/></xdr:oneCellAnchor>';
    const entry = entries.find((e) => e.name === drawing)!;
    // A shape named as the product's charts are is still no chart of the product's.
    const mapShape = userShape.replace('id="900" name="My note"', 'id="901" name="BSC trend 9"');
    entry.data = Buffer.from(
      entry.data.toString("utf8").replace("</xdr:wsDr>", `${userShape}${mapShape}</xdr:wsDr>`),
    );
    const second = await refresh(await writeTestZip(entries));
    const after = await dashboardParts(second);
    expect(after.drawingXml).toContain(userShape);
    expect(after.drawingXml).toContain(mapShape);
    expect(after.charts).toHaveLength(4);
    // The product's objects are numbered after the user's, never with one of its ids.
    const ids = [...after.drawingXml.matchAll(/cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("keeps the Scorecard sheet tied to a drawing the user added to it (a picture, a chart of their own)", async () => {
    const entries = await zipEntries(Buffer.from(first));
    const workbook = entries.find((e) => e.name === "xl/workbook.xml")!.data.toString("utf8");
    const rId = /<sheet name="Scorecard"[^>]*r:id="(rId\d+)"/.exec(workbook)![1];
    const rels = entries.find((e) => e.name === "xl/_rels/workbook.xml.rels")!.data.toString("utf8");
    const part = `xl/${new RegExp(`Id="${rId}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`;
    const file = part.slice(part.lastIndexOf("/") + 1);
    const types = entries.find((e) => e.name === "[Content_Types].xml")!;
    types.data = Buffer.from(
      types.data
        .toString("utf8")
        .replace(
          "</Types>",
          '<Override PartName="/xl/drawings/drawing9.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>',
        ),
    );
    entries.push(
      {
        name: `xl/worksheets/_rels/${file}.rels`,
        data: Buffer.from(
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
            '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing9.xml"/></Relationships>',
        ),
      },
      {
        name: "xl/drawings/drawing9.xml",
        data: Buffer.from(
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"/>',
        ),
      },
    );
    const second = await refresh(await writeTestZip(entries));
    expect(await text(second, part)).toContain('<drawing r:id="rId5"/>');
    expect(await text(second, "xl/drawings/drawing9.xml")).toContain("<xdr:wsDr");
  });
});
