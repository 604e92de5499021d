import { evaluateScorecard } from "../../src/engine/evaluate";
import { emptyDefinition } from "../../src/model/definition";
import { namesLineCode, withoutAccents } from "../../src/model/headers";
import { readScorecard, type ScorecardReading } from "../../src/model/read";
import { mayHoldValues, profileColumn } from "../../src/model/roles";
import type { ScorecardModel } from "../../src/model/scorecard";
import type { CellValue } from "../../src/model/snapshot";
import { describeHoldings } from "../../src/model/suggest";
import { book, sheet } from "../helpers/book";

/**
 * Public budgets as governments publish them (docs/reading.md; docs/realworld-corpus.md): revenue
 * collected against the budget's estimate, lines that share a name told apart by their code,
 * deduction sub-rows under a line, an agency's spending against its budget, and payments that are
 * no budget. Each rule in more than one language.
 */

const read = (rows: readonly (readonly CellValue[])[]): ScorecardReading =>
  readScorecard(book(sheet("Data", rows)), null, new Set(), {});

function modelOf(reading: ScorecardReading): ScorecardModel {
  if (!reading.ok) throw new Error(`fatal: ${reading.fatal.message}`);
  return reading.model;
}

const statusOf = (model: ScorecardModel): Record<string, string> => {
  const evaluation = evaluateScorecard(model);
  if (!evaluation.ok) throw new Error("not scored");
  return Object.fromEntries(
    evaluation.result.perspectives
      .flatMap((p) => p.objectives.flatMap((o) => o.kpis))
      .map((k) => [k.kpi.name, k.status]),
  );
};

describe("withoutAccents: the one rule word lists match by", () => {
  it("drops accents and makes compatibility forms plain, whatever the language", () => {
    expect(withoutAccents("Previsão Arrecadação Especificação")).toBe("Previsao Arrecadacao Especificacao");
    expect(withoutAccents("Année Größe Dépensé Nº")).toBe("Annee Große Depense No");
  });

  it("so a header is no value by its word with or without accents (Année, Annee, Código, Codigo)", () => {
    const s = sheet("Data", [
      ["Année", "Annee", "Código", "Codigo", "Montant"],
      [5, 5, 5, 5, 5],
      [6, 6, 6, 6, 6],
    ]);
    const holds = [1, 2, 3, 4, 5].map((col) =>
      mayHoldValues(profileColumn(s, col, String(s.values[0]?.[col - 1]), 2, 3)),
    );
    expect(holds).toEqual([false, false, false, false, true]);
  });
});

describe("revenue collected against the budget's estimate", () => {
  it.each([
    ["Portuguese, written without accents", ["codigo", "especificacao", "previsao", "arrecadacao"]],
    ["Portuguese, with accents", ["Código", "Especificação", "Previsão", "Arrecadação"]],
    ["Spanish", ["Económica", "Concepto", "Previsiones definitivas", "Recaudación"]],
  ])("reads the estimate as the target beside the revenue collected (%s)", (_, header) => {
    const model = modelOf(
      read([header, ["11", "Impostos", 1000, 1100], ["22", "Alienação de bens", 400, 130]]),
    );
    expect(model.kpis.map((k) => k.name)).toEqual(["Impostos", "Alienação de bens"]);
    expect(model.layout?.inferred.join(" ")).toContain(`Target from "${header[2]}"`);
    expect(statusOf(model)).toEqual({ Impostos: "green", "Alienação de bens": "red" });
  });

  it("leaves a forecast beside any other actual unread: a forecast is no target", () => {
    const reading = read([
      ["KPI", "Forecast", "Actual"],
      ["Sales", 100, 90],
    ]);
    expect(reading.ok).toBe(false);
    const pt = read([
      ["Indicador", "Previsão", "Realizado"],
      ["Vendas", 100, 90],
    ]);
    expect(pt.ok).toBe(false);
  });
});

describe("lines of the same name told apart by their code", () => {
  it("names each line with its code where one name stands on lines of different codes", () => {
    const model = modelOf(
      read([
        ["codigo", "especificacao", "previsao", "arrecadacao"],
        [13, "RECEITA PATRIMONIAL", 82635000, 92655232],
        [16, "RECEITA DE SERVIÇOS", 42778000, 47974871],
        [73, "RECEITA PATRIMONIAL", 914000, 977876],
      ]),
    );
    expect(model.kpis.map((k) => k.name)).toEqual([
      "RECEITA PATRIMONIAL (13)",
      "RECEITA DE SERVIÇOS",
      "RECEITA PATRIMONIAL (73)",
    ]);
    expect(model.issues.filter((i) => i.code === "duplicate-kpi")).toEqual([]);
  });

  it("in English and German headers too (Account code, Kontonummer)", () => {
    for (const code of ["Account code", "Kontonummer"]) {
      const model = modelOf(
        read([
          [code, "Line", "Budget", "Actual"],
          [611, "Other", 10, 12],
          [612, "Other", 20, 18],
        ]),
      );
      expect(model.kpis.map((k) => k.name)).toEqual(["Other (611)", "Other (612)"]);
    }
  });

  it("keeps a name repeated with the same code a duplicate, as before", () => {
    const model = modelOf(
      read([
        ["Code", "KPI", "Target", "Actual"],
        ["A1", "Sales", 10, 12],
        ["A1", "Sales", 10, 11],
      ]),
    );
    expect(model.kpis.map((k) => k.name)).toEqual(["Sales"]);
    expect(model.issues.map((i) => i.code)).toContain("duplicate-kpi");
  });

  it("knows a code's header in the seven languages, and not a name's", () => {
    for (const header of ["Code", "Código", "codigo", "Codice", "Nr.", "Nº", "Kontonummer", "Account number"])
      expect(namesLineCode(header)).toBe(true);
    // A period's number numbers periods, not lines.
    for (const header of [
      "Description",
      "Especificação",
      "Omschrijving",
      "Nombre",
      "Notes",
      "Week No",
      "Mes Nº",
    ])
      expect(namesLineCode(header)).toBe(false);
  });
});

describe("sub-rows with no name of their own under a line", () => {
  it("are details of the line above, left out with a note rather than an error", () => {
    const model = modelOf(
      read([
        ["codigo", "especificacao", "subitem", "previsao", "arrecadacao"],
        [11, "IMPOSTOS", null, 1350, 1420],
        [11, null, "Renúncia", 35, 69],
        [11, null, "Restituições", 0, 0],
        [12, "CONTRIBUIÇÕES", null, 181, 214],
      ]),
    );
    expect(model.kpis.map((k) => k.name)).toEqual(["IMPOSTOS", "CONTRIBUIÇÕES"]);
    const details = model.issues.filter((i) => i.code === "detail-row");
    expect(details.map((i) => [i.severity, i.cell])).toEqual([
      ["info", "Data!B3"],
      ["info", "Data!B4"],
    ]);
    expect(details[0]?.message).toContain('"Renúncia" names no KPI of its own under "IMPOSTOS"');
    expect(model.issues.map((i) => i.code)).not.toContain("missing-name");
  });

  it("a row with no name and no label of its own is still an error, as before", () => {
    const model = modelOf(
      read([
        ["KPI", "Target", "Actual"],
        ["Sales", 10, 12],
        [null, 5, 6],
      ]),
    );
    expect(model.issues.map((i) => i.code)).toContain("missing-name");
  });
});

describe("an agency's spending against its budget", () => {
  it.each([
    ["English", ["Agency", "Program", "Budget", "Actual"]],
    ["Spanish", ["Organismo", "Programa", "Presupuesto", "Ejecutado"]],
    ["French", ["Ministère", "Programme", "Budget", "Réalisé"]],
    ["Dutch", ["Ministerie", "Artikel", "Begroting", "Realisatie"]],
  ])("is spending, lower is better, with a note (%s)", (_, header) => {
    const model = modelOf(
      read([
        header,
        ["Transport", "Roads", 100, 120],
        ["Transport", "Rail", 80, 70],
        ["Health", "Hospitals", 200, 190],
      ]),
    );
    expect(model.kpis.map((k) => k.polarity)).toEqual(["lower", "lower", "lower"]);
    expect(model.issues).toContainEqual(
      expect.objectContaining({ code: "polarity-inferred", message: expect.stringContaining(header[0]) }),
    );
    expect(statusOf(model)["Roads"]).toBe("red");
  });

  it("a spending column against the budget makes its lines spending too (Spent, Gastado)", () => {
    for (const header of [
      ["Line", "Budget", "Spent"],
      ["Línea", "Presupuesto", "Gastado"],
    ]) {
      const model = modelOf(
        read([header, ["Travel", 100, 120], ["Training", 50, 40]].map((r) => r as CellValue[])),
      );
      expect(model.kpis.map((k) => k.polarity)).toEqual(["lower", "lower"]);
    }
  });
});

describe("payments are no budget", () => {
  it.each([
    ["Portuguese", ["Entidade", "Pago - Orçamento", "Estornado - Orçamento", "Líquido"]],
    ["Spanish", ["Entidad", "Pagado - Presupuesto", "Líquido"]],
    ["English", ["Agency", "Paid - Budget", "Net"]],
  ])("the file is said to hold no target, not to lack actuals (%s)", (_, header) => {
    const said = describeHoldings(
      book(sheet("Data", [header, ["Câmara", 100, 5, 95], ["Saúde", 200, 0, 200]])),
      new Set(),
    );
    expect(said).toContain("no target, budget or plan column");
  });
});

describe("a budget given at several stages", () => {
  const readWith = (rows: readonly (readonly CellValue[])[], columns: Record<string, string> = {}) =>
    readScorecard(
      book(sheet("Data", rows)),
      { ...emptyDefinition(), source: { table: "", sheet: "", columns } },
      new Set(),
      {},
    );

  it("asks which stage is the target where no stage is said to be in force (Dutch), offering the last", () => {
    const reading = read([
      [
        "Omschrijving",
        "ontwerpbegroting",
        "vastgestelde begroting",
        "1ste suppletoire begroting",
        "2de suppletoire begroting",
        "Realisatie",
      ],
      ["Hoofdwegennet", 2728, 2728, 2574, 2469, 2481],
      ["Railwegen", 600, 600, 1725, 2164, 2020],
    ]);
    if (reading.ok) throw new Error("read without asking");
    expect(reading.fatal.code).toBe("budget-stage-open");
    expect(reading.fatal.cell).toBe("Data!C1");
    // The draft is a proposal: never among the stages offered.
    expect(reading.fatal.message).toContain(
      '("vastgestelde begroting", "1ste suppletoire begroting", "2de suppletoire begroting")',
    );
    expect(reading.suggestion?.mapping).toEqual({ target: "2de suppletoire begroting" });
  });

  it("asks in English too, and reads the stage the user names", () => {
    const rows = [
      ["Line", "Approved budget", "Supplementary budget", "Actual"],
      ["Roads", 100, 120, 110],
      ["Rail", 80, 80, 90],
    ];
    const reading = read(rows);
    expect(reading.ok ? "read" : reading.fatal.code).toBe("budget-stage-open");
    const answered = modelOf(readWith(rows, { target: "Approved budget" }));
    expect(answered.kpis[0]?.observations[0]?.targetCell).toBe("Data!B2");
  });

  it("leaves a draft for the one other stage, and says so (Dutch, English)", () => {
    for (const header of [
      ["Omschrijving", "ontwerpbegroting", "vastgestelde begroting", "Realisatie"],
      ["Line", "Draft budget", "Approved budget", "Actual"],
    ]) {
      const model = modelOf(read([header, ["Roads", 100, 120, 110]]));
      expect(model.kpis[0]?.observations[0]?.targetCell).toBe("Data!C2");
      expect(model.issues).toContainEqual(
        expect.objectContaining({ code: "budget-in-force", cell: "Data!B1" }),
      );
    }
  });

  it("asks nothing where a stage is said to be in force (Presupuesto definitivo, Amended budget)", () => {
    for (const header of [
      ["Descripción", "Presupuesto inicial", "Presupuesto definitivo", "Ejecutado"],
      ["Line", "Original budget", "Amended budget", "Actual"],
    ]) {
      const model = modelOf(read([header, ["Sueldos", 100, 120, 110]]));
      expect(model.kpis[0]?.observations[0]?.targetCell).toBe("Data!C2");
    }
  });

  it("offers a column that splits each line into a few kinds as entities in the question", () => {
    const reading = read([
      ["Omschrijving", "Soort (U/V/O)", "vastgestelde begroting", "2de suppletoire begroting", "Realisatie"],
      ["Hoofdwegennet", "U", 2728, 2469, 2481],
      ["Hoofdwegennet", "O", 262, 173, 150],
      ["Railwegen", "U", 600, 2164, 2020],
      ["Railwegen", "O", 60, 216, 202],
      ["Hoofdvaarwegennet", "U", 900, 950, 940],
      ["Hoofdvaarwegennet", "O", 10, 12, 11],
    ]);
    if (reading.ok) throw new Error("read without asking");
    expect(reading.suggestion?.mapping).toEqual({
      target: "2de suppletoire begroting",
      entity: "Soort (U/V/O)",
    });
    expect(reading.fatal.message).toContain('each line is given once for each value of "Soort (U/V/O)"');
  });
});

describe("a plan and its execution paired per quarter across the columns", () => {
  it.each([
    ["Spanish", ["T1. PLANEADO 2024", "T1. EJECUTADO 2024", "T2. PLANEADO 2024", "T.2 EJECUTADO 2024"]],
    ["English", ["Q1 Plan 2024", "Q1 Actual 2024", "Q2 Plan 2024", "Q2 Actual 2024"]],
    ["Portuguese", ["T1 PREVISTO 2024", "T1 EXECUTADO 2024", "T2 PREVISTO 2024", "T2 EXECUTADO 2024"]],
  ])("reads each quarter's plan as its target, the series word between its parts (%s)", (_, quarters) => {
    const model = modelOf(
      read([
        ["Indicador", ...quarters],
        ["Predios formalizados", 2, 2, 3, 1],
        ["Plantas ampliadas", 1, 1, 1, 2],
      ]),
    );
    expect(model.kpis.map((k) => k.name)).toEqual(["Predios formalizados", "Plantas ampliadas"]);
    expect(model.kpis[0]?.observations.map((o) => [o.period?.index, o.actual, o.target])).toEqual([
      [1, { kind: "number", value: 2 }, { kind: "number", value: 2 }],
      [2, { kind: "number", value: 1 }, { kind: "number", value: 3 }],
    ]);
  });
});

describe("KPI names that repeat where another column names each row once", () => {
  const plan = (kpi: string, goal: string): CellValue[][] => [
    [goal, kpi, "T1. PLANEADO 2024", "T1. EJECUTADO 2024"],
    ["Formalizar 10 predios de interés", "Número de predios", 10, 10],
    ["Comprar predios para uso institucional", "Número de predios", 5, 1],
    ["Ampliar la planta de tratamiento", "Porcentaje de avance", 100, 100],
  ];

  it.each([
    ["Spanish", "INDICADOR", "META DE PRODUCTO"],
    ["English", "Indicator", "Product goal"],
  ])("asks which column names the KPIs, offering the one that names each row (%s)", (_, kpi, goal) => {
    const reading = read([...plan(kpi, goal), ["Dotar 3 salones comunales", "Número de predios", 3, 3]]);
    if (reading.ok) throw new Error("read without asking");
    expect(reading.fatal.code).toBe("kpi-names-repeat");
    expect(reading.fatal.message).toContain(`"${kpi}" names 2 of its 4 rows again in the same period`);
    expect(reading.suggestion?.mapping).toEqual({ kpi: goal });
  });

  it("asks nothing of a stray duplicate in a long table: that is the duplicate's error at its cell", () => {
    const rows: CellValue[][] = [["Period", "KPI", "Description", "Target", "Actual"]];
    for (let i = 1; i <= 40; i++) rows.push(["2024-01", `KPI ${i}`, `What KPI ${i} measures`, 10, 9]);
    rows.push(["2024-01", "KPI 1", "Copied by mistake", 10, 9], ["2024-01", "KPI 2", "Copied again", 10, 9]);
    const model = modelOf(read(rows));
    expect(model.issues.filter((i) => i.code === "duplicate-kpi").length).toBe(2);
  });

  it("asks nothing where a name repeats once, or where no other column names every row", () => {
    expect(read(plan("INDICADOR", "META DE PRODUCTO")).ok).toBe(true);
    const reading = read([
      ["Eje", "Indicador", "T1. PLANEADO 2024", "T1. EJECUTADO 2024"],
      ["Ambiente", "Número de predios", 10, 10],
      ["Ambiente", "Número de predios", 5, 1],
      ["Ambiente", "Número de predios", 3, 3],
    ]);
    expect(reading.ok ? "read" : reading.fatal.code).toBe("read");
  });
});

describe("a PivotTable pasted as values, its value fields down the rows", () => {
  it.each([
    ["English", "Values", "Internet Net Sales", "Internet Sales Plan", "Internet Sales Var to Plan"],
    ["German", "Werte", "Net Sales", "Sales Plan", "Sales Variance"],
  ])(
    "reads the label column as the KPI, the plan row as its actual's target, the variance as no KPI (%s)",
    (_, label, actual, plan, variance) => {
      const model = modelOf(
        read([
          [null, "Column Labels"],
          [label, "2017-Jan", "2017-Feb", "Grand Total"],
          [actual, 227812, 175475, 403287],
          [plan, 209301, 186520, 395821],
          [variance, 18511, -11045, 7466],
        ]),
      );
      expect(model.kpis.map((k) => k.name)).toEqual([actual]);
      expect(model.kpis[0]?.observations.map((o) => [o.period?.index, o.actualCell, o.targetCell])).toEqual([
        [1, "Data!B3", "Data!B4"],
        [2, "Data!C3", "Data!C4"],
      ]);
      expect(model.issues).toContainEqual(
        expect.objectContaining({ code: "comparison-row", cell: "Data!A5" }),
      );
      expect(model.layout?.inferred.join(" ")).toContain(`KPI from "${label}": a PivotTable's label column`);
    },
  );

  it("pairs a plan row with an actual row only where one actual row holds the plan's words", () => {
    const model = modelOf(
      read([
        ["Values", "2017-Jan", "2017-Feb"],
        ["Net Sales North", 10, 12],
        ["Net Sales South", 20, 22],
        ["Sales Plan", 25, 30],
      ]),
    );
    expect(model.kpis.map((k) => k.name)).toEqual(["Net Sales North", "Net Sales South", "Sales"]);
  });
});
