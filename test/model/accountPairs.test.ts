import { emptyDefinition } from "../../src/model/definition";
import { accountCodeOf, expandAbbreviation, headerPhrase, roleOfHeader } from "../../src/model/headers";
import { readScorecard, type ScorecardReading } from "../../src/model/read";
import type { CellValue } from "../../src/model/snapshot";
import { book, score, sheet } from "../helpers/book";

/**
 * A public budget's outturn as exports write it: snake_case headers, their words abbreviated
 * (prev_def: previsioni definitive, the appropriation in force) and ending in an account's code
 * (_rs residuals, _cp competence, _cs cash), so each stage and each spending comes once per
 * account. Which account's pair is scored is the user's to say (`account-open`).
 */

const read = (rows: CellValue[][]): ScorecardReading =>
  readScorecard(book(sheet("Outturn", rows)), null, new Set(), {});

describe("headers as exports abbreviate them", () => {
  it.each([
    ["pagato_cp", { code: "cp", rest: "pagato" }],
    ["prev_def_cs", { code: "cs", rest: "prev_def" }],
    ["res_3112", null],
    ["Actual", null],
    ["id_cp", null],
  ])("%s ends in an account's code: %j", (header, coded) => {
    expect(accountCodeOf(header)).toEqual(coded);
  });

  it.each([
    ["prev_def", /^pr[eé]visi\S* d[eé]finiti/i],
    ["prev_iniz", /^previsioni iniziali$/i],
    ["act_val", /^actual value$/i],
  ])("%s abbreviates a phrase matching %s", (header, phrase) => {
    expect(expandAbbreviation(header)).toMatch(phrase);
  });

  it.each(["prev", "economie_maggspe", "net_sales"])("%s abbreviates no phrase", (header) => {
    expect(expandAbbreviation(header)).toBeNull();
  });

  it.each([
    ["prev_def_cp", "target"],
    ["prev_iniz_rs", "target"],
    ["pagato_cs", "actual"],
    ["totale_cp", null],
    ["variazioni_cp", null],
  ])("%s names %s", (header, role) => {
    expect(roleOfHeader(header)).toBe(role);
  });

  it("says a header as its words say it", () => {
    expect(headerPhrase("prev_def_cp")).toMatch(/d[eé]finitiv/i);
    expect(headerPhrase("Budget")).toBe("Budget");
  });
});

describe("a target and an actual given once per account", () => {
  const header = [
    "capitolo",
    "prev_iniz_rs",
    "prev_iniz_cp",
    "prev_def_rs",
    "prev_def_cp",
    "pagato_rs",
    "pagato_cp",
  ];
  const rows: CellValue[][] = [
    header,
    ["Spese di personale", 0, 100, 0, 120, 0, 110],
    ["Buoni pasto", 5, 40, 5, 40, 4, 30],
    ["Formazione", 0, 10, 0, 12, 0, 6],
  ];

  it("asks which pair to score, offering the account whose appropriation fills the most lines", () => {
    const reading = read(rows);
    if (reading.ok) throw new Error("read without asking");
    expect(reading.fatal.code).toBe("account-open");
    expect(reading.fatal.cell).toBe("Outturn!E1");
    expect(reading.fatal.message).toContain('"prev_def_cp" and "pagato_cp", "prev_def_rs" and "pagato_rs"');
    expect(reading.suggestion?.mapping).toEqual({ target: "prev_def_cp", actual: "pagato_cp" });
  });

  it("scores the pair named, against the appropriation in force", () => {
    const definition = {
      ...emptyDefinition(),
      source: { table: "", sheet: "", columns: { target: "prev_def_cp", actual: "pagato_cp" } },
    };
    const { model } = score(book(sheet("Outturn", rows)), { definition });
    expect(model.kpis.map((k) => [k.name, k.observations[0]?.actual, k.observations[0]?.target])).toEqual([
      ["Spese di personale", { kind: "number", value: 110 }, { kind: "number", value: 120 }],
      ["Buoni pasto", { kind: "number", value: 30 }, { kind: "number", value: 40 }],
      ["Formazione", { kind: "number", value: 6 }, { kind: "number", value: 12 }],
    ]);
  });

  it("asks nothing where one account alone has both", () => {
    const reading = read([
      ["capitolo", "prev_def_cp", "pagato_cp", "prev_def_rs"],
      ["Spese di personale", 120, 110, 0],
      ["Buoni pasto", 40, 30, 5],
    ]);
    expect(reading.ok || reading.fatal.code !== "account-open").toBe(true);
  });
});
