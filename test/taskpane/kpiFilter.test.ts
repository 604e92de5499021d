import type { PerspectiveReport } from "../../src/app/report";
import { filterPerspectives, openBranches } from "../../src/taskpane/views/kpiFilter";

const kpi = (name: string, status: string, owner = "") => ({ name, status, owner }) as never;
const perspectives = [
  {
    name: "Financial",
    objectives: [
      { name: "Grow revenue", kpis: [kpi("Revenue", "green", "Maria"), kpi("Margin", "red", "Maria")] },
      { name: "Cut costs", kpis: [kpi("Opex", "amber", "Jon")] },
    ],
  },
  { name: "Customer", objectives: [{ name: "Delight", kpis: [kpi("NPS", "none", "Aisha")] }] },
] as unknown as PerspectiveReport[];

const names = (ps: readonly PerspectiveReport[]) =>
  ps.flatMap((p) => p.objectives.flatMap((o) => o.kpis.map((k) => `${p.name}/${o.name}/${k.name}`)));

describe("the search and status filter over a long tree", () => {
  it("keeps everything with no words and no status", () => {
    expect(filterPerspectives(perspectives, "  ", "")).toBe(perspectives);
  });

  it("finds words in a KPI's name, its objective or its owner, whatever their case", () => {
    expect(names(filterPerspectives(perspectives, "MARG", ""))).toEqual(["Financial/Grow revenue/Margin"]);
    expect(names(filterPerspectives(perspectives, "cut", ""))).toEqual(["Financial/Cut costs/Opex"]);
    expect(names(filterPerspectives(perspectives, "aisha", ""))).toEqual(["Customer/Delight/NPS"]);
  });

  it("keeps one status, and leaves out the branches it empties", () => {
    expect(names(filterPerspectives(perspectives, "", "red"))).toEqual(["Financial/Grow revenue/Margin"]);
    expect(filterPerspectives(perspectives, "", "none").map((p) => p.name)).toEqual(["Customer"]);
    expect(filterPerspectives(perspectives, "maria", "amber")).toEqual([]);
  });

  it("opens every perspective, and their objectives only where asked", () => {
    expect(openBranches(perspectives, false)).toEqual(["p:Financial", "p:Customer"]);
    expect(openBranches(perspectives, true)).toEqual([
      "p:Financial",
      "o:Financial/Grow revenue",
      "o:Financial/Cut costs",
      "p:Customer",
      "o:Customer/Delight",
    ]);
  });
});
