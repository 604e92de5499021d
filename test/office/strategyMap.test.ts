/**
 * The Strategy Map through Office.js: drawn as native shapes and connectors on a product sheet when
 * the user inserts it, glued arrow by arrow to the boxes, redrawn with today's colours on the next
 * refresh, a user's own shape on the sheet kept, and no more round trips than a refresh without it
 * plus none per shape.
 */
import { runScorecard } from "../../src/app/scorecard";
import { PALETTES } from "../../src/plan/palette";
import { FakeExcel } from "./fakeExcel";

function book(revenue: number): FakeExcel {
  const fake = new FakeExcel();
  fake.addSheet("KPIs", [
    ["Perspective", "Objective", "KPI", "Actual", "Target"],
    ["Financial", "Grow revenue", "Revenue", revenue, 100],
    ["Customer", "Delight customers", "NPS", 10, 100],
    ["Learning & Growth", "Build skills", "Training hours", 38, 40],
  ]);
  fake.addSheet("Objectives", [
    ["Perspective", "Objective", "Drives"],
    ["Customer", "Delight customers", "Grow revenue"],
    ["Learning & Growth", "Build skills", "Delight customers"],
  ]);
  return fake;
}

async function refresh(fake: FakeExcel, strategyMap = false) {
  const outcome = await runScorecard(
    fake.port(),
    { now: new Date("2026-11-30T12:00:00Z"), strategyMap },
    true,
  );
  if (!outcome.ok) throw new Error(outcome.fatal.message);
}

const productShapes = (fake: FakeExcel) =>
  fake.sheet("Strategy Map").shapes.filter((s) => s.name.startsWith("BSC map: "));

describe("the Strategy Map through Office.js", () => {
  it("is drawn when the user inserts it: a band per perspective, a box per objective, an arrow per link", async () => {
    const fake = book(100);
    await refresh(fake);
    expect(fake.sheets.map((s) => s.name)).not.toContain("Strategy Map");
    await refresh(fake, true);
    const shapes = productShapes(fake);
    expect(shapes.filter((s) => s.type === "GeometricShape").map((s) => s.name)).toEqual([
      "BSC map: lane Financial",
      "BSC map: lane Customer",
      "BSC map: lane Learning & Growth",
      "BSC map: Financial › Grow revenue",
      "BSC map: Customer › Delight customers",
      "BSC map: Learning & Growth › Build skills",
    ]);
    expect(shapes.filter((s) => s.type === "Line")).toHaveLength(2);
    expect(fake.apiCalls.has("ShapeCollection.addGeometricShape")).toBe(true);
  });

  it("colours each box by its status and writes its name, score and status word", async () => {
    const fake = book(100);
    await refresh(fake, true);
    const delight = productShapes(fake).find((s) => s.name === "BSC map: Customer › Delight customers")!;
    expect(delight).toMatchObject({
      geometry: "RoundRectangle",
      fill: `#${PALETTES.standard.red.fill}`,
      horizontalAlignment: "Center",
      verticalAlignment: "Middle",
      font: expect.objectContaining({ color: `#${PALETTES.standard.red.color}` }),
    });
    expect(delight.text).toMatch(/^Delight customers\n■ \d\.\d · Off target$/);
  });

  it("glues each arrow's begin to the cause's top and its end to the effect's bottom, with an arrowhead", async () => {
    const fake = book(100);
    await refresh(fake, true);
    const shapes = productShapes(fake);
    const id = (name: string) => shapes.find((s) => s.name === name)!.id;
    const arrow = shapes.find(
      (s) => s.name === "BSC map: Customer › Delight customers → Financial › Grow revenue",
    )!;
    expect(arrow.begin).toEqual({ shape: id("BSC map: Customer › Delight customers"), site: 0 });
    expect(arrow.end).toEqual({ shape: id("BSC map: Financial › Grow revenue"), site: 2 });
    expect(arrow.endArrowheadStyle).toBe("Triangle");
  });

  it("is redrawn with today's colours on a refresh, once, and keeps a user's own shape", async () => {
    const fake = book(100);
    await refresh(fake, true);
    fake.sheet("Strategy Map").shapes.push({
      ...productShapes(fake)[0]!,
      id: "{user-note}",
      name: "My note",
    });
    fake.sheet("KPIs").cells.set("1,3", { value: 10, type: "Double", format: "General" });
    await refresh(fake);
    const shapes = fake.sheet("Strategy Map").shapes;
    expect(shapes.filter((s) => s.name === "My note")).toHaveLength(1);
    expect(productShapes(fake)).toHaveLength(8);
    const grow = productShapes(fake).find((s) => s.name === "BSC map: Financial › Grow revenue")!;
    expect(grow.fill).toBe(`#${PALETTES.standard.red.fill}`);
  });

  it("adds no round trip per shape: the shapes go with the refresh's last request", async () => {
    const without = book(100);
    await refresh(without);
    const plain = without.syncs;
    const withMap = book(100);
    await refresh(withMap, true);
    // One more sheet to add with its marker; the shapes themselves ride on requests already made.
    expect(withMap.syncs - plain).toBeLessThanOrEqual(1);
  });
});
