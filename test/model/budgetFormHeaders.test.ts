import { allKpis, book, score, sheet } from "../helpers/book";

/**
 * Public budgets' statutory forms (headers.ts, read.ts): a German Ergebnisplan's appropriation
 * (Ansatz) and outturn (Ist-Ergebnis), its columns numbered "Spalte 5 (…)"; a French local
 * budget's final appropriations (Prévisions définitives) against the spending mandated.
 */

const kpis = (rows: (string | number)[][]) =>
  allKpis(score(book(sheet("Data", rows))).result).map((k) => [k.kpi.name, k.kpi.polarity, k.status]);

describe("a public budget's statutory form", () => {
  it.each([
    [["Ertrags- und Aufwandsarten", "Ansatz", "Ist-Ergebnis"]],
    [
      [
        "Spalte 3 (Ertrags- und Aufwandsarten)",
        "Spalte 5 (Fortgeschriebener Ansatz in EUR)",
        "Spalte 6 (Ist-Ergebnis in EUR)",
      ],
    ],
  ])("scores each line's outturn against its appropriation (%j)", (header) => {
    expect(kpis([header, ["Steuern", 6795300, 7424229], ["Personalaufwendungen", 4430000, 5290282]])).toEqual(
      [
        ["Steuern", "higher", "green"],
        ["Personalaufwendungen", "lower", "red"],
      ],
    );
  });

  it("reads the spending mandated against the final appropriations as spending, lower is better", () => {
    expect(
      kpis([
        ["INTITULES", "PREVISIONS DEFINITIVES (1)", "MANDAT ADMIS"],
        ["CHARGES DE PERSONNEL", 19200000, 18800000],
        ["ACHATS DE BIENS", 5300000, 5100000],
      ]),
    ).toEqual([
      ["CHARGES DE PERSONNEL", "lower", "green"],
      ["ACHATS DE BIENS", "lower", "green"],
    ]);
  });
});
