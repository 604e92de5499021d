import {
  refusalShortfalls,
  sameName,
  scorecardShortfalls,
  suggestedArgs,
  type CheckAnswer,
} from "./expectation";

const answer = (kpis: { name: string; status: string }[], extra: Partial<CheckAnswer> = {}): CheckAnswer => ({
  period: "2024-03",
  perspectives: [{ objectives: [{ kpis }] }],
  ...extra,
});

const scorecard = {
  kind: "scorecard" as const,
  kpis: 2,
  period: "2024-03",
  entities: 0,
  statuses: [{ kpi: "Revenue", entity: null, status: "red" as const }],
  notGreen: ["Marketing cost"],
};

describe("a scorecard expectation", () => {
  it("is met by the answer a finance user expects", () => {
    const ok = answer([
      { name: "Revenue", status: "red" },
      { name: "Marketing cost", status: "amber" },
    ]);
    expect(scorecardShortfalls(scorecard, ok)).toEqual([]);
  });

  it("names each way an answer differs: count, period, entities, a status, a cost left green", () => {
    const wrong = answer(
      [
        { name: "Revenue", status: "green" },
        { name: "Marketing cost", status: "green" },
        { name: "Total", status: "green" },
      ],
      {
        period: "2024-02",
        entities: [{ name: "Total", perspectives: [] }],
      },
    );
    expect(scorecardShortfalls(scorecard, wrong)).toEqual([
      "3 KPIs, not 2",
      "period 2024-02, not 2024-03",
      "1 entities, not 0",
      "Revenue: green, not red",
      "Marketing cost: green, though it is a cost over budget",
    ]);
  });

  it("counts a refusal as a shortfall", () => {
    expect(scorecardShortfalls(scorecard, { error: { message: "No scorecard table was found." } })).toEqual([
      "refused: No scorecard table was found.",
    ]);
  });

  it("finds an entity's KPI in that entity's scorecard only", () => {
    const expectation = {
      ...scorecard,
      kpis: 1,
      entities: 1,
      notGreen: [],
      statuses: [{ kpi: "Revenue", entity: "Île-de-France", status: "red" as const }],
    };
    const byEntity = answer([{ name: "Revenue", status: "green" }], {
      entities: [
        {
          name: "Ile-de-France",
          perspectives: [{ objectives: [{ kpis: [{ name: "Revenue", status: "red" }] }] }],
        },
      ],
    });
    expect(scorecardShortfalls(expectation, byEntity)).toEqual([]);
  });
});

describe("a KPI name", () => {
  it.each([
    ["Nombre d'unités (ULIS)", "Nombre d’unités (ULIS)"],
    ["internet  net sales", "Internet Net Sales"],
    ["Internet Net Sales (USD)", "Internet Net Sales"],
  ])("%p names the file's %p", (product, file) => expect(sameName(product, file)).toBe(true));

  it("is not another KPI's", () => expect(sameName("Internet Sales Plan", "Internet Net Sales")).toBe(false));

  it("left empty stands for a file's single, unnamed KPI", () => expect(sameName("Risorse", "")).toBe(true));
});

describe("a refusal expectation", () => {
  const refusal = { kind: "refusal" as const, mentions: ["holds", "no target"] };

  it("is met when the refusal says each phrase as whole words", () => {
    const said = {
      error: { message: "The workbook holds a sheet of numbers, but no target, budget or plan column." },
    };
    expect(refusalShortfalls(refusal, said)).toEqual([]);
  });

  it("is not met by a refusal that only lists the columns a scorecard needs", () => {
    const generic = { error: { message: "A table needs the columns KPI, Actual and Target." } };
    expect(refusalShortfalls(refusal, generic)).toHaveLength(2);
  });

  it("is not met by a scorecard", () => {
    expect(refusalShortfalls(refusal, answer([{ name: "Revenue", status: "green" }]))).toEqual([
      "scored 1 KPIs instead of refusing",
    ]);
  });
});

describe("a suggestion", () => {
  it("is read from the top of the answer or from its error", () => {
    expect(suggestedArgs({ suggestion: { args: ["--map", "kpi=Table"] } })).toEqual(["--map", "kpi=Table"]);
    expect(suggestedArgs({ error: { message: "", suggestion: { args: ["--periods-across"] } } })).toEqual([
      "--periods-across",
    ]);
    expect(suggestedArgs({ error: { message: "no scorecard" } })).toBeNull();
  });
});
