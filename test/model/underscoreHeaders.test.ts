import { headerForWords } from "../../src/model/headers";
import { allKpis, book, score, sheet } from "../helpers/book";

/**
 * Exports join a header's words with underscores ("budget_amount", "agency_name"): the reader's
 * whole-word patterns read them as words (found by a new user on an unseen public export of a
 * city's agencies' budget against their spending: 9 and 16 % over budget came out green).
 */
describe("headers whose words are joined by underscores", () => {
  it("read as the words they join", () => {
    expect(headerForWords("budget_amount")).toBe("budget amount");
    expect(headerForWords("Presupuesto__Año")).toBe("Presupuesto Ano");
  });

  it("an agency's spending against its budget_amount is lower-is-better, as with 'Budget'", () => {
    const { result } = score(
      book(
        sheet("Spend", [
          ["agency_name", "fiscal_year", "budget_amount", "actual_amount"],
          ["DEPARTMENT OF CORRECTION", 2024, 1244806426, 1356247000],
          ["DEPARTMENT OF CULTURAL AFFAIRS", 2024, 222188263, 257368000],
          ["CITY UNIVERSITY OF NEW YORK", 2024, 1417323406, 1409038000],
        ]),
      ),
    );
    const kpis = Object.fromEntries(allKpis(result).map((k) => [k.kpi.name, k]));
    expect(kpis["DEPARTMENT OF CORRECTION"]?.kpi.polarity).toBe("lower");
    expect(kpis["DEPARTMENT OF CULTURAL AFFAIRS"]?.status).toBe("red");
    expect(kpis["CITY UNIVERSITY OF NEW YORK"]?.status).toBe("green");
  });
});
