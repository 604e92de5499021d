import { evaluateScorecard } from "../../src/engine/evaluate";
import { detectTables } from "../../src/model/detect";
import { readScorecard, type ScorecardReading } from "../../src/model/read";
import type { CellValue } from "../../src/model/snapshot";
import { book, sheet } from "../helpers/book";

/**
 * Numbered lines under role words (numberedColumns.ts): public indicator exports number each
 * objective and indicator under the very words that name the target ("Objetivo", "Goal") and the
 * KPI ("Indicador"), and keep the names and the budgeted values in the columns beside them.
 */

const read = (rows: readonly (readonly CellValue[])[]): ScorecardReading =>
  readScorecard(book(sheet("Data", rows)), null, new Set(), {});

function statuses(reading: ScorecardReading): Record<string, string> {
  if (!reading.ok) throw new Error(`fatal: ${reading.fatal.message}`);
  const evaluation = evaluateScorecard(reading.model);
  if (!evaluation.ok) throw new Error("not scored");
  return Object.fromEntries(
    evaluation.result.perspectives
      .flatMap((p) => p.objectives.flatMap((o) => o.kpis))
      .map((k) => [k.kpi.name, k.status]),
  );
}

const readLine = (reading: ScorecardReading): string =>
  reading.ok ? (reading.model.layout?.inferred ?? []).join("; ") : reading.fatal.message;

describe("a column of numbers under the KPI word yields to the names beside it", () => {
  it.each([
    [
      "Spanish (Madrid's budget indicators)",
      ["Programa", "Objetivo", "Indicador", "Descripción Indicador", "Presupuestado", "Realizado"],
    ],
    ["Portuguese", ["Programa", "Objetivo", "Indicador", "Descrição do Indicador", "Meta", "Realizado"]],
    ["English", ["Programme", "Goal", "Indicator", "Indicator Description", "Target", "Actual"]],
  ])(
    "names from the description, the target from the amounts, not the objective's number (%s)",
    (_, header) => {
      const reading = read([
        header,
        ["91100", "01", "01", "Sesiones del Pleno", 18, 17],
        ["91100", "01", "02", "Sesiones de las Comisiones", 98, 93],
        ["91100", "02", "01", "Documentos publicados", 3200, 5266],
        ["91101", "01", "01", "Contratos tramitados", 40, 30],
        ["91101", "02", "01", "Expedientes resueltos", 150, 186],
      ]);
      expect(statuses(reading)).toEqual({
        "Sesiones del Pleno": "amber",
        "Sesiones de las Comisiones": "amber",
        "Documentos publicados": "green",
        "Contratos tramitados": "red",
        "Expedientes resueltos": "green",
      });
    },
  );

  it("says which columns it took and why", () => {
    const reading = read([
      ["Objetivo", "Indicador", "Descripción Indicador", "Presupuestado", "Realizado"],
      [1, 1, "Sesiones del Pleno", 18, 17],
      [2, 1, "Sesiones de las Comisiones", 98, 93],
      [1, 1, "Documentos publicados", 3200, 5266],
    ]);
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    const said = readLine(reading);
    expect(said).toContain('KPI from "Descripción Indicador"');
    expect(said).toContain('Target from "Presupuestado": "Objetivo" numbers the lines (1 to 2)');
    // The column taken is no "another target column" any more.
    expect(reading.model.issues.filter((i) => i.code === "duplicate-header")).toEqual([]);
  });
});

describe("a column that counts the lines one by one, left of the names", () => {
  const goals = [
    ["Meta", "Descricao da Meta", "Secretaria", "Orcamento executado 2013"],
    [1, "Inserir 280 mil familias no Cadastro", "SMADS", 1500000],
    [2, "Beneficiar 228 mil familias", "SMADS", 2300000],
    [3, "Implantar 60 CRAS", "SMADS", 900000],
  ];

  it("holds no target, though its header names one: nothing is scored against a line's number", () => {
    const reading = read(goals);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.fatal.code).toBe("no-scorecard-table");
  });

  it("yields to a column of numbers headed as the target, as a numbering that starts again does", () => {
    const reading = read([
      ["Goal", "Indicator", "Target", "Actual"],
      [1, "Audits closed", 40, 45],
      [2, "Sites opened", 60, 45],
      [3, "Plans signed", 80, 45],
    ]);
    expect(statuses(reading)).toEqual({
      "Audits closed": "green",
      "Sites opened": "red",
      "Plans signed": "red",
    });
    expect(readLine(reading)).toMatch(/"Goal" numbers the lines \(1 to 3\)/);
  });
});

describe("what stays as its words say", () => {
  it("a KPI column of names keeps the role, whatever column names a description", () => {
    const reading = read([
      ["Indicador", "Descripción Indicador", "Meta", "Realizado"],
      ["Sesiones del Pleno", "Número de sesiones celebradas", 18, 17],
      ["Documentos publicados", "Documentos en la web", 3200, 5266],
    ]);
    expect(Object.keys(statuses(reading))).toEqual(["Sesiones del Pleno", "Documentos publicados"]);
  });

  const columnsOf = (rows: readonly (readonly CellValue[])[]) =>
    detectTables(book(sheet("Data", rows)), new Set(), {}, false)[0]?.columns;

  it("a target of small whole numbers that does not start again (1, 2, 5) stays the target", () => {
    const columns = columnsOf([
      ["Indicator", "Goal", "Target", "Actual"],
      ["Audits closed", 1, 40, 45],
      ["Sites opened", 2, 60, 45],
      ["Plans signed", 5, 80, 45],
    ]);
    expect(columns?.target).toBe(2);
  });

  it("a numbering right of the KPI's name is not taken for a line's number", () => {
    const columns = columnsOf([
      ["Indicator", "Goal", "Target", "Actual"],
      ["Audits closed", 3, 40, 2],
      ["Sites opened", 1, 60, 2],
      ["Plans signed", 2, 80, 3],
    ]);
    expect(columns?.target).toBe(2);
  });

  it("a role the user named stays where it was named", () => {
    const rows = [
      ["Objetivo", "Indicador", "Descripción Indicador", "Presupuestado", "Realizado"],
      [1, 1, "Sesiones del Pleno", 18, 17],
      [1, 2, "Sesiones de las Comisiones", 98, 93],
      [2, 1, "Documentos publicados", 3200, 5266],
    ];
    const [table] = detectTables(
      book(sheet("Data", rows)),
      new Set(),
      { kpi: "Indicador", target: "Objetivo" },
      false,
    );
    expect(table?.columns.kpi).toBe(2);
    expect(table?.columns.target).toBe(1);
  });
});

// A read line that says nothing of numbering where nothing was numbered.
it("a table without numbered columns reads as before", () => {
  const reading = read([
    ["KPI", "Target", "Actual"],
    ["Revenue", 100, 95],
  ]);
  expect(readLine(reading)).not.toContain("numbers the lines");
});
