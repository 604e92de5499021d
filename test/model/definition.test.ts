import {
  DEFINITION_VERSION,
  emptyDefinition,
  parseDefinition,
  serializeDefinition,
} from "../../src/model/definition";

describe("the stored definition", () => {
  it("round-trips through JSON", () => {
    const d = {
      ...emptyDefinition(),
      source: { table: "KpiData", sheet: "KPI Data", columns: { actual: "Result" } },
      kpis: [{ perspective: "F", objective: "O", name: "Revenue", polarity: "lower" as const, weight: 2 }],
    };
    expect(parseDefinition(serializeDefinition(d))).toEqual({ ok: true, definition: d });
  });
  it("fills defaults for what an older or smaller document leaves out", () => {
    const r = parseDefinition(JSON.stringify({ schemaVersion: 1 }));
    expect(r).toMatchObject({
      ok: true,
      definition: {
        settings: { rollup: "weighted", fiscalYearStartMonth: 1, summarySheetName: "Scorecard" },
      },
    });
  });
  it.each([
    ["not json", "not valid JSON"],
    ["[1,2]", "not a JSON object"],
    ['{"settings":{}}', "no schemaVersion"],
    [`{"schemaVersion": ${DEFINITION_VERSION + 1}}`, "newer version"],
    ['{"schemaVersion":1,"settings":{"fiscalYearStartMonth":13}}', "fiscalYearStartMonth"],
    ['{"schemaVersion":1,"settings":{"summarySheetName":"a/b","rollup":"median"}}', "summarySheetName"],
    ['{"schemaVersion":1,"kpis":[{"perspective":"F","objective":"O","name":"K","weight":-1}]}', "weight"],
  ])("rejects %p, saying %p", (json, reason) => {
    const r = parseDefinition(json);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });
});
