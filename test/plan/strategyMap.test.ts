import type { CellValue } from "../../src/model/snapshot";
import {
  laneRank,
  SHEET_MAP,
  strategyMapLayout,
  type MapMeasures,
  type StrategyMap,
} from "../../src/plan/strategyMap";

const MAP_LABEL_WIDTH = SHEET_MAP.labelWidth;
const MAP_LANE_HEIGHT = SHEET_MAP.laneHeight;
import { book, score, sheet } from "../helpers/book";

/** A scorecard table and an Objectives table (with Drives) on one sheet each, scored. */
function mapOf(
  kpis: readonly (readonly CellValue[])[],
  objectives: readonly (readonly CellValue[])[] = [],
  measures?: MapMeasures,
): StrategyMap {
  const sheets = [sheet("KPIs", [["Perspective", "Objective", "KPI", "Actual", "Target"], ...kpis])];
  if (objectives.length)
    sheets.push(sheet("Objectives", [["Perspective", "Objective", "Drives"], ...objectives]));
  const { model, result } = score(book(...sheets));
  return strategyMapLayout(result, model.objectives, measures);
}

const laneNames = (map: StrategyMap) => map.lanes.map((l) => l.name);
const box = (map: StrategyMap, name: string) => {
  const found = map.objectives.find((o) => o.name === name);
  if (!found) throw new Error(`no box for ${name}`);
  return found;
};
const inside = (inner: { x: number; y: number; width: number; height: number }, outer: typeof inner) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

describe("strategy map lanes", () => {
  it("puts Financial on top and Learning & Growth at the bottom, whatever the scorecard's order", () => {
    const map = mapOf([
      ["Learning & Growth", "Build skills", "Training", 1, 1],
      ["Internal Processes", "Deliver", "On time", 1, 1],
      ["Customer", "Delight", "NPS", 1, 1],
      ["Financial", "Grow", "Revenue", 1, 1],
    ]);
    expect(laneNames(map)).toEqual(["Financial", "Customer", "Internal Processes", "Learning & Growth"]);
    expect(map.lanes.map((l) => l.y)).toEqual([0, 1, 2, 3].map((i) => i * MAP_LANE_HEIGHT));
    expect(map.height).toBe(4 * MAP_LANE_HEIGHT);
  });

  it("places perspectives of other names between the processes and the capabilities, in the scorecard's order", () => {
    const map = mapOf([
      ["People", "Skills", "Training", 1, 1],
      ["Sustainability", "Cut emissions", "CO2", 1, 1],
      ["Community", "Give back", "Hours", 1, 1],
      ["Operations", "Deliver", "On time", 1, 1],
    ]);
    expect(laneNames(map)).toEqual(["Operations", "Sustainability", "Community", "People"]);
    const three = mapOf([
      ["Zeta", "A", "K1", 1, 1],
      ["Alpha", "B", "K2", 1, 1],
      ["Mu", "C", "K3", 1, 1],
      ["Nu", "D", "K4", 1, 1],
    ]);
    expect(laneNames(three)).toEqual(["Zeta", "Alpha", "Mu", "Nu"]);
  });

  it.each([
    ["Financial", 0],
    ["Stakeholders", 0],
    ["Customers", 1],
    ["Clients", 1],
    ["Internal business processes", 2],
    ["Operations", 2],
    ["Sustainability", 3],
    ["Learning and growth", 4],
    ["Organisational capacity", 4],
    ["Innovation", 4],
  ])("ranks %p at %p", (name, rank) => {
    expect(laneRank(name)).toBe(rank);
  });
});

describe("strategy map boxes", () => {
  const map = () =>
    mapOf([
      ["Financial", "Grow revenue", "Revenue", 100, 100],
      ["Financial", "Control costs", "Output", 50, 100],
      ["Customer", "Delight customers", "NPS", 10, 100],
    ]);

  it("gives each objective its status, score and count of KPIs", () => {
    const m = map();
    expect(m.objectives.map((o) => [o.key, o.status, o.kpiCount])).toEqual([
      ["Financial › Grow revenue", "green", 1],
      ["Financial › Control costs", "red", 1],
      ["Customer › Delight customers", "red", 1],
    ]);
    expect(box(m, "Grow revenue").score).toBeGreaterThan(box(m, "Control costs").score ?? Infinity);
  });

  it("draws every box inside its lane, right of the lane's label, without overlapping its neighbours", () => {
    const m = map();
    for (const o of m.objectives) {
      const lane = m.lanes.find((l) => l.name === o.perspective);
      expect(lane).toBeDefined();
      expect(inside(o, lane!)).toBe(true);
      expect(o.x).toBeGreaterThanOrEqual(MAP_LABEL_WIDTH);
    }
    const [grow, control] = [box(m, "Grow revenue"), box(m, "Control costs")];
    expect(grow.x + grow.width).toBeLessThan(control.x);
    expect(grow.y).toBe(control.y);
  });

  it("centres a lane's boxes in the space right of the label", () => {
    const m = map();
    const delight = box(m, "Delight customers");
    const centre = delight.x + delight.width / 2;
    expect(centre).toBeCloseTo((MAP_LABEL_WIDTH + m.width) / 2, 5);
  });

  it("widens the map when a lane holds more objectives than fit", () => {
    const many = Array.from({ length: 12 }, (_, i) => [
      "Financial",
      `Objective ${i + 1}`,
      `KPI ${i + 1}`,
      1,
      1,
    ]);
    const m = mapOf(many, [], { ...SHEET_MAP, width: 400 });
    const { labelWidth, padding, minBoxWidth, gap } = SHEET_MAP;
    expect(m.width).toBe(labelWidth + 2 * padding + 12 * minBoxWidth + 11 * gap);
    const boxes = m.objectives;
    for (let i = 1; i < boxes.length; i++)
      expect(boxes[i]!.x).toBeGreaterThan(boxes[i - 1]!.x + boxes[i - 1]!.width);
    expect(boxes.at(-1)!.x + boxes.at(-1)!.width).toBeLessThanOrEqual(m.width);
  });
});

describe("strategy map arrows", () => {
  const kpis: CellValue[][] = [
    ["Financial", "Grow revenue", "Revenue", 1, 1],
    ["Customer", "Delight customers", "NPS", 1, 1],
    ["Customer", "Keep customers", "Churn", 1, 1],
    ["Learning & Growth", "Build skills", "Training", 1, 1],
  ];

  it("points from the objective that drives to the one it drives, top of the cause to the bottom of the effect", () => {
    const m = mapOf(kpis, [["Customer", "Delight customers", "Grow revenue"]]);
    expect(m.links).toHaveLength(1);
    const [link] = m.links;
    const from = box(m, "Delight customers");
    const to = box(m, "Grow revenue");
    expect(link).toMatchObject({ from: from.key, to: to.key, fromSide: "top", toSide: "bottom" });
    expect(link!.start).toEqual({ x: from.x + from.width / 2, y: from.y });
    expect(link!.end).toEqual({ x: to.x + to.width / 2, y: to.y + to.height });
  });

  it("joins the facing sides of two objectives in one lane, and the bottom to the top when the effect sits lower", () => {
    const m = mapOf(kpis, [
      ["Customer", "Delight customers", "Keep customers"],
      ["Customer", "Keep customers", "Build skills"],
    ]);
    const [sideways, downwards] = m.links;
    expect(sideways).toMatchObject({ fromSide: "right", toSide: "left" });
    expect(sideways!.start.x).toBe(box(m, "Delight customers").x + box(m, "Delight customers").width);
    expect(sideways!.end.x).toBe(box(m, "Keep customers").x);
    const delight = box(m, "Delight customers");
    expect(sideways!.start.y).toBe(delight.y + delight.height / 2);
    expect(sideways!.end.y).toBe(sideways!.start.y);
    expect(downwards).toMatchObject({ fromSide: "bottom", toSide: "top" });
  });

  it("points right to left when the effect stands left of its cause in the lane", () => {
    const m = mapOf(kpis, [["Customer", "Keep customers", "Delight customers"]]);
    expect(m.links[0]).toMatchObject({ fromSide: "left", toSide: "right" });
  });

  it("finds the driven objective whatever its case and spacing, and lists names that match none", () => {
    const m = mapOf(kpis, [
      ["Customer", "Delight customers", "grow  REVENUE; Win the lottery; Delight customers; Growrevenue"],
    ]);
    expect(m.links.map((l) => l.to)).toEqual(["Financial › Grow revenue"]);
    expect(m.unknownLinks).toEqual([
      { from: "Customer › Delight customers", name: "Win the lottery" },
      { from: "Customer › Delight customers", name: "Delight customers" },
      { from: "Customer › Delight customers", name: "Growrevenue" },
    ]);
  });

  it("chooses the objective in another lane when two perspectives share the driven name", () => {
    const m = mapOf(
      [
        ["Financial", "Grow", "Revenue", 1, 1],
        ["Customer", "Grow", "Clients", 1, 1],
        ["Customer", "Delight", "NPS", 1, 1],
      ],
      [["Customer", "Delight", "Grow"]],
    );
    expect(m.links.map((l) => l.to)).toEqual(["Financial › Grow"]);
  });
});

describe("strategy map arrows between namesakes", () => {
  it("prefers the namesake in another lane even when the one in the cause's own lane is drawn first", () => {
    const m = mapOf(
      [
        ["Financial", "Grow", "Revenue", 1, 1],
        ["Financial", "Fund", "Cash", 1, 1],
        ["Customer", "Grow", "Clients", 1, 1],
      ],
      [["Financial", "Fund", "Grow"]],
    );
    expect(m.links.map((l) => l.to)).toEqual(["Customer › Grow"]);
  });
});

describe("strategy map measures", () => {
  it("names the lanes above their boxes in a narrow map with no label column", () => {
    const narrow: MapMeasures = {
      ...SHEET_MAP,
      width: 300,
      labelWidth: 0,
      titleHeight: 18,
      minBoxWidth: 80,
      gap: 8,
    };
    const m = mapOf(
      [
        ["Financial", "Grow revenue", "Revenue", 1, 1],
        ["Financial", "Control costs", "Cost", 1, 1],
        ["Financial", "Fund growth", "Cash", 1, 1],
      ],
      [],
      narrow,
    );
    expect(m.width).toBe(300);
    for (const o of m.objectives) {
      expect(o.y).toBeGreaterThanOrEqual(18);
      expect(o.y + o.height).toBeLessThanOrEqual(SHEET_MAP.laneHeight);
      expect(o.x).toBeGreaterThanOrEqual(narrow.padding);
    }
    // Three boxes narrower than the widest allowed fill the lane between its paddings exactly.
    expect(m.objectives[0]!.x).toBeCloseTo(narrow.padding, 9);
    expect(m.objectives.at(-1)!.x + m.objectives.at(-1)!.width).toBeCloseTo(300 - narrow.padding, 9);
  });
});
