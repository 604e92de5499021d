import { addTaggedKpi, editKpi, editSettings, tagName } from "../../src/app/definitionEdits";
import { emptyDefinition, parseDefinition, serializeDefinition } from "../../src/model/definition";

const kpi = { perspective: "Financial", objective: "Grow", name: "Revenue" };

describe("editing the stored definition", () => {
  it("overrides only the fields the user changed on a table KPI, and keeps earlier overrides", () => {
    let d = editKpi(emptyDefinition(), kpi, { threshold: 900 });
    d = editKpi(d, kpi, { weight: 2 });
    expect(d.kpis).toEqual([{ ...kpi, threshold: 900, weight: 2 }]);
  });
  it("lets a threshold replace a tolerance and the other way round", () => {
    const d = editKpi(editKpi(emptyDefinition(), kpi, { tolerance: 0.1 }), kpi, { threshold: 900 });
    expect(d.kpis[0]).toEqual({ ...kpi, threshold: 900 });
  });
  it("never stores a target for a table KPI: that lives in the table", () => {
    expect(editKpi(emptyDefinition(), kpi, { target: 5 }).kpis).toEqual([kpi]);
  });
  it("gives a tagged KPI a numeric target in place of its target range", () => {
    const tagged = addTaggedKpi(emptyDefinition(), {
      ...kpi,
      actualName: "A",
      targetName: "T",
      target: null,
    });
    expect(editKpi(tagged, kpi, { target: 7 }).tagged[0]).toMatchObject({
      target: 7,
      targetName: null,
      actualName: "A",
    });
  });
  it("keeps every edit valid against the schema", () => {
    const d = editSettings(editKpi(emptyDefinition(), kpi, { polarity: "lower", owner: "Ann" }), {
      rollup: "worst",
    });
    expect(parseDefinition(serializeDefinition(d))).toEqual({ ok: true, definition: d });
  });
  it("names tagged ranges with names Excel accepts and that are not taken", () => {
    expect(tagName([], "Actual")).toBe("BSC_Tag_1_Actual");
    expect(tagName(["bsc_tag_1_actual", "BSC_Tag_2_Actual"], "Actual")).toBe("BSC_Tag_3_Actual");
    expect(tagName([], "Target")).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/);
  });
});
