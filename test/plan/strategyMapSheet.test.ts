import { ownedSheets, STRATEGY_MAP_MARKER_NAME, STRATEGY_MAP_SHEET_STAMP } from "../../src/model/ownership";
import { PALETTES } from "../../src/plan/palette";
import { isProductShape } from "../../src/plan/shapes";
import { SHEET_MAP, strategyMapLayout } from "../../src/plan/strategyMap";
import {
  MAP_TOP,
  objectiveShapeName,
  strategyMapSheet,
  strategyMapStyles,
} from "../../src/plan/strategyMapSheet";
import { book, score, sheet } from "../helpers/book";

function scored() {
  return score(
    book(
      sheet("KPIs", [
        ["Perspective", "Objective", "KPI", "Actual", "Target"],
        ["Financial", "Grow revenue", "Revenue", 100, 100],
        ["Customer", "Delight customers", "NPS", 10, 100],
      ]),
      sheet("Objectives", [
        ["Perspective", "Objective", "Drives"],
        ["Customer", "Delight customers", "Grow revenue; Win awards"],
      ]),
    ),
  );
}

function planOf(palette: "standard" | "colorblind" = "standard") {
  const { model, result } = scored();
  const input = {
    result,
    objectives: model.objectives,
    colours: PALETTES[palette],
    refreshedAt: "2026-11-30 18:00",
  };
  return {
    plan: strategyMapSheet(input, "Strategy Map", null),
    map: strategyMapLayout(result, model.objectives, SHEET_MAP),
    result,
  };
}

describe("the Strategy Map sheet's plan", () => {
  it("is a product sheet stamped in A1 and marked by its name, with the period and the key below", () => {
    const { plan } = planOf();
    expect(plan).toMatchObject({
      role: "strategyMap",
      name: "Strategy Map",
      markerName: STRATEGY_MAP_MARKER_NAME,
    });
    expect(plan.cells[0]).toMatchObject({ row: 1, col: 1, value: STRATEGY_MAP_SHEET_STAMP });
    expect(plan.cells[1]?.value).toBe("Period: Single period · refreshed 2026-11-30 18:00");
    expect(plan.cells[2]?.value).toBe(
      'Drives names no objective: "Win awards" (see the issues). Each box: status and score (0–10).',
    );
  });

  it("draws a band per perspective and a box per objective, all named as the product's, below the rows above", () => {
    const { plan, map } = planOf();
    const shapes = plan.shapes ?? [];
    expect(shapes.map((s) => s.name)).toEqual([
      "BSC map: lane Financial",
      "BSC map: lane Customer",
      "BSC map: Financial › Grow revenue",
      "BSC map: Customer › Delight customers",
    ]);
    expect(shapes.every((s) => isProductShape(s.name))).toBe(true);
    const grow = shapes[2]!;
    const placed = map.objectives[0]!;
    expect([grow.left, grow.top, grow.width, grow.height]).toEqual([
      placed.x,
      MAP_TOP + placed.y,
      placed.width,
      placed.height,
    ]);
    expect(shapes[0]).toMatchObject({ top: MAP_TOP, text: "Financial", align: "left", verticalAlign: "top" });
  });

  it("colours each box by its status in the palette and writes its score and status word", () => {
    const { plan, result } = planOf("colorblind");
    const delight = plan.shapes!.find((s) => s.name === objectiveShapeName("Customer › Delight customers"))!;
    const scoredObjective = result.perspectives[1]!.objectives[0]!;
    expect(scoredObjective.status).toBe("red");
    expect(delight).toMatchObject({
      fill: PALETTES.colorblind.red.fill,
      color: PALETTES.colorblind.red.color,
      geometry: "roundRectangle",
    });
    expect(delight.text).toBe(`Delight customers\n■ ${scoredObjective.score!.toFixed(1)} · Off target`);
  });

  it("glues an arrow from the cause's top to the effect's bottom", () => {
    const { plan } = planOf();
    expect(plan.connectors).toEqual([
      expect.objectContaining({
        from: objectiveShapeName("Customer › Delight customers"),
        fromSite: 0,
        to: objectiveShapeName("Financial › Grow revenue"),
        toSite: 2,
      }),
    ]);
    const [arrow] = plan.connectors!;
    const from = plan.shapes!.find((s) => s.name === arrow!.from)!;
    const to = plan.shapes!.find((s) => s.name === arrow!.to)!;
    expect(arrow!.start).toEqual({ x: from.left + from.width / 2, y: from.top });
    expect(arrow!.end).toEqual({ x: to.left + to.width / 2, y: to.top + to.height });
  });
});

describe("the Strategy Map sheet's look", () => {
  it("titles the sheet in large bold type and writes its notes in grey italics", () => {
    const { plan } = planOf();
    const styles = strategyMapStyles();
    expect(plan.cells.map((c) => c.style)).toEqual(["map-title", "map-note", "map-note"]);
    expect(styles["map-title"]).toEqual({ bold: true, size: 16 });
    expect(styles["map-note"]).toEqual({ italic: true, color: "595959" });
  });

  it("puts every lane under the rows above the map, named in bold navy at its top left", () => {
    const { plan, map } = planOf();
    const lanes = plan.shapes!.filter((s) => s.name.startsWith("BSC map: lane "));
    expect(lanes.map((l) => l.top)).toEqual(map.lanes.map((l) => MAP_TOP + l.y));
    expect(lanes.every((l) => l.bold && l.color === "1F3864" && l.fontSize === 11)).toBe(true);
    const boxes = plan.shapes!.filter((s) => !s.name.startsWith("BSC map: lane "));
    expect(boxes.every((b) => !b.bold && b.fontSize === 10)).toBe(true);
  });

  it("keeps a long objective name inside its box: three lines at most, the last cut with an ellipsis", () => {
    const name = "Increase shareholder value through sustainable profitable growth in every market we serve";
    const { model, result } = score(
      book(
        sheet("KPIs", [
          ["Perspective", "Objective", "KPI", "Actual", "Target"],
          ["Financial", name, "Revenue", 1, 1],
          ["Financial", "Second", "Cost", 1, 1],
          ["Financial", "Third", "Cash", 1, 1],
          ["Financial", "Fourth", "Debt", 1, 1],
        ]),
      ),
    );
    const plan = strategyMapSheet(
      { result, objectives: model.objectives, colours: PALETTES.standard, refreshedAt: "now" },
      "Strategy Map",
      null,
    );
    const box = plan.shapes!.find((s) => s.name === objectiveShapeName(`Financial › ${name}`))!;
    const lines = box.text.split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[2]!.endsWith("…")).toBe(true);
    // About 0.55 em a character at 10 points, inside the box's insets.
    for (const line of lines.slice(0, 3)) expect(line.length * 5.5).toBeLessThanOrEqual(box.width - 12);
  });

  it("names each arrow after the two objectives it joins", () => {
    expect(planOf().plan.connectors!.map((c) => c.name)).toEqual([
      "BSC map: Customer › Delight customers → Financial › Grow revenue",
    ]);
  });

  it("writes a dash for an objective with nothing to score, and how to add arrows where there are none", () => {
    const { model, result } = score(
      book(
        sheet("KPIs", [
          ["Perspective", "Objective", "KPI", "Actual", "Target"],
          ["Financial", "Grow revenue", "Revenue", null, 100],
        ]),
      ),
    );
    const plan = strategyMapSheet(
      { result, objectives: model.objectives, colours: PALETTES.standard, refreshedAt: "now" },
      "Strategy Map",
      null,
    );
    expect(plan.shapes!.find((s) => s.name === objectiveShapeName("Financial › Grow revenue"))?.text).toBe(
      "Grow revenue\n○ – · No data",
    );
    expect(plan.cells[2]?.value).toBe(
      "Each box: status and score (0–10). An Objectives table with a Drives column adds cause-and-effect arrows.",
    );
  });

  it("names the first three Drives names that match no objective, and how many more", () => {
    const { model, result } = score(
      book(
        sheet("KPIs", [
          ["Perspective", "Objective", "KPI", "Actual", "Target"],
          ["Financial", "Grow revenue", "Revenue", 1, 1],
        ]),
        sheet("Objectives", [
          ["Perspective", "Objective", "Drives"],
          ["Financial", "Grow revenue", "Win; Lose; Draw; Forfeit"],
        ]),
      ),
    );
    const plan = strategyMapSheet(
      { result, objectives: model.objectives, colours: PALETTES.standard, refreshedAt: "now" },
      "Strategy Map",
      null,
    );
    expect(String(plan.cells[2]?.value)).toMatch(
      /^Drives names no objective: "Win", "Lose", "Draw" and 1 more \(see the issues\)\./,
    );
  });
});

describe("the strategy map's print setup", () => {
  it("prints landscape, one page wide, over every cell a shape floats over", () => {
    const { plan } = planOf();
    expect(plan.print).toMatchObject({ orientation: "landscape", fitToPagesWide: 1 });
    const lowest = Math.max(...plan.shapes!.map((s) => s.top + s.height));
    const rightmost = Math.max(...plan.shapes!.map((s) => s.left + s.width));
    // Excel's default cells: 15 points high, 48 points wide.
    expect(plan.print!.area.bottom * 15).toBeGreaterThanOrEqual(lowest);
    expect(plan.print!.area.right * 48).toBeGreaterThanOrEqual(rightmost);
    expect(plan.print!.footer).toEqual({ left: "Refreshed 2026-11-30 18:00", right: "Page &P of &N" });
  });
});

describe("the strategy map's ownership", () => {
  it("is the product's sheet when its marker points at a sheet stamped as the map", () => {
    const owned = ownedSheets({
      sheets: [sheet("My map", [[STRATEGY_MAP_SHEET_STAMP]])],
      names: [
        { name: STRATEGY_MAP_MARKER_NAME, sheet: "My map", box: { top: 1, left: 1, bottom: 1, right: 1 } },
      ],
    });
    expect(owned.strategyMap).toBe("My map");
  });

  it("is not the product's when the marker points at a user's sheet", () => {
    const owned = ownedSheets({
      sheets: [sheet("Plan", [["My own notes"]])],
      names: [
        { name: STRATEGY_MAP_MARKER_NAME, sheet: "Plan", box: { top: 1, left: 1, bottom: 1, right: 1 } },
      ],
    });
    expect(owned.strategyMap).toBeNull();
    expect(owned.issues?.map((i) => i.code)).toEqual(["marker-not-ours"]);
  });
});
