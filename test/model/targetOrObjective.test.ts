import { detectTables } from "../../src/model/detect";
import type { CellValue } from "../../src/model/snapshot";
import { allKpis, book, score, sheet } from "../helpers/book";

/**
 * A word that names a target or an objective (Objetivo, Objectif, Obiettivo, Ziel, Doelstelling,
 * Goal) decided by what its column holds (numberedColumns.ts): a scorecard table heads its
 * objectives' names with it beside the targets' numbers under Meta, Cible, Soll or Streefwaarde.
 */

const objectivesOf = (rows: readonly (readonly CellValue[])[]) => {
  const { model, result } = score(book(sheet("Data", rows)));
  return {
    model,
    objectives: result.perspectives.flatMap((p) => p.objectives.map((o) => o.name)),
    statuses: Object.fromEntries(allKpis(result).map((k) => [k.kpi.name, k.status])),
    codes: model.issues.map((i) => i.code),
  };
};

describe("a column of names under a word that names a target or an objective", () => {
  it.each([
    ["Spanish", ["Perspectiva", "Objetivo", "Indicador", "Meta", "Real"]],
    ["Portuguese", ["Perspectiva", "Objetivo", "Indicador", "Meta", "Realizado"]],
    ["Italian", ["Prospettiva", "Obiettivo", "Indicatore", "Target", "Consuntivo"]],
    ["French", ["Axe", "Objectif", "Indicateur", "Cible", "Réalisé"]],
    ["German", ["Perspektive", "Ziel", "Kennzahl", "Soll", "Ist"]],
    ["Dutch", ["Perspectief", "Doelstelling", "Indicator", "Streefwaarde", "Realisatie"]],
    ["Dutch (Doel)", ["Perspectief", "Doel", "Indicator", "Streefwaarde", "Realisatie"]],
    ["English", ["Perspective", "Goal", "KPI", "Budget", "Actual"]],
  ])("is the objective, and the numbers headed as a target the target (%s)", (_, header) => {
    const read = objectivesOf([
      header,
      ["Financial", "Grow revenue", "Sales", 100, 95],
      ["Customer", "Keep customers", "Retention", 90, 80],
      ["Customer", "Keep customers", "NPS", 40, 44],
    ]);
    expect(read.objectives).toEqual(["Grow revenue", "Keep customers"]);
    expect(read.statuses).toEqual({ Sales: "amber", Retention: "red", NPS: "green" });
    // Neither "another target column" nor "the Target column holds text".
    expect(read.codes).not.toContain("duplicate-header");
    expect(read.codes).not.toContain("column-mostly-text");
    expect(read.model.layout?.inferred).toContain(
      `Objective from "${header[1]}": its cells are names, not numbers; Target from "${header[3]}"`,
    );
  });

  it("is the objective where the target's column comes first", () => {
    const read = objectivesOf([
      ["Indicador", "Meta", "Objetivo", "Real"],
      ["Ventas", 100, "Crecer ingresos", 95],
      ["Retención", 90, "Fidelizar", 92],
    ]);
    expect(read.objectives).toEqual(["Crecer ingresos", "Fidelizar"]);
    expect(read.statuses).toEqual({ Ventas: "amber", Retención: "green" });
    expect(read.codes).not.toContain("duplicate-header");
  });

  it("yields the target to the numbers where the objective has its own column, and stays unread", () => {
    const read = objectivesOf([
      ["Objetivo estratégico", "Objetivo", "Indicador", "Meta", "Real"],
      ["Crecer", "Vender más", "Ventas", 100, 95],
      ["Fidelizar", "Retener", "Retención", 90, 92],
    ]);
    expect(read.objectives).toEqual(["Crecer", "Fidelizar"]);
    expect(read.statuses).toEqual({ Ventas: "amber", Retención: "green" });
    expect(read.model.layout?.inferred).toContain('Target from "Meta": "Objetivo" holds names, not numbers');
  });
});

it("is the objective in a table of periods across", () => {
  const read = objectivesOf([
    ["Perspectiva", "Objetivo", "Indicador", "Meta", "Ene 2024", "Feb 2024"],
    ["Financiera", "Crecer ingresos", "Ventas", 100, 95, 98],
    ["Clientes", "Fidelizar", "Retención", 90, 80, 92],
  ]);
  expect(read.objectives).toEqual(["Crecer ingresos", "Fidelizar"]);
  expect(read.statuses).toEqual({ Ventas: "amber", Retención: "green" });
  expect(read.codes).not.toContain("column-mostly-text");
});

describe("what stays the target", () => {
  const columnsOf = (rows: readonly (readonly CellValue[])[], mapping = {}) =>
    detectTables(book(sheet("Data", rows)), new Set(), mapping, false)[0]?.columns;

  it("a column of numbers under the word", () => {
    expect(
      columnsOf([
        ["Indicador", "Objetivo", "Real"],
        ["Ventas", 100, 95],
        ["Retención", 90, 92],
      ])?.target,
    ).toBe(2);
  });

  it("a column of names where no column of numbers is headed as a target: the warning asks for it", () => {
    const read = objectivesOf([
      ["Indicador", "Objetivo", "Real", "Valor previo"],
      ["Ventas", "Crecer", 95, 90],
      ["Retención", "Fidelizar", 92, 91],
    ]);
    expect(read.codes).toContain("column-mostly-text");
  });

  it("a column the user named the target", () => {
    const columns = columnsOf(
      [
        ["Indicador", "Objetivo", "Meta", "Real"],
        ["Ventas", "Crecer", 100, 95],
        ["Retención", "Fidelizar", 90, 92],
      ],
      { target: "Objetivo" },
    );
    expect(columns?.target).toBe(2);
    expect(columns?.objective).toBeUndefined();
  });
});
