import { readScorecard } from "../../src/model/read";
import { book, score, sheet } from "../helpers/book";

/** A budget-vs-actual statement: a heading row over each side, as household and company budgets write it. */
const statement = (income: string, costs: string) =>
  book(
    sheet("Dashboard", [
      ["Figures in Rupiah", "Budget", "Actual"],
      [income, null, null],
      ["Salary", 3000, 3000],
      ["Bonus", 300, 458],
      [costs, null, null],
      ["Groceries", 400, 449],
      ["Entertainment", 100, 562],
    ]),
  );

const directions = (income: string, costs: string) =>
  score(statement(income, costs)).model.kpis.map((k) => [k.perspective, k.name, k.polarity]);

describe("section headings", () => {
  it.each([
    ["Income", "Expenses"],
    ["Produits", "Charges"],
    ["Recettes", "Dépenses"],
    ["Ingresos", "Gastos"],
    ["Erträge", "Aufwendungen"],
    ["Pendapatan", "Biaya"],
    ["Penghasilan", "Beban"],
    ["Penghasilan", "Pengeluaran"],
  ])("%p over %p: the rows under the cost heading are lower-is-better", (income, costs) => {
    expect(directions(income, costs)).toEqual([
      [income, "Salary", "higher"],
      [income, "Bonus", "higher"],
      [costs, "Groceries", "lower"],
      [costs, "Entertainment", "lower"],
    ]);
  });

  it("says which heading made a row a cost, its note on the heading's cell", () => {
    const reading = readScorecard(statement("Pendapatan", "Biaya"), null, new Set());
    if (!reading.ok) throw new Error(reading.fatal.message);
    expect(reading.model.kpis[2]?.polarityBecause).toBe("it is under the heading 'Biaya', a cost section");
    const notes = reading.model.issues.filter((i) => i.code === "polarity-inferred");
    expect(notes.map((i) => i.cell)).toEqual(["Dashboard!A5", "Dashboard!A5"]);
  });

  it.each(["Cost efficiency", "Financial", "Costs and revenue"])(
    "a heading %p that is not a side of the statement says nothing of direction",
    (heading) => {
      expect(directions("Income", heading).slice(2)).toEqual([
        [heading, "Groceries", "higher"],
        [heading, "Entertainment", "higher"],
      ]);
    },
  );

  it("a KPI's own name wins over its heading", () => {
    const { model } = score(
      book(
        sheet("Data", [
          ["Item", "Budget", "Actual"],
          ["Revenue", null, null],
          ["Cost of sales", 10, 12],
          ["Fees", 5, 4],
        ]),
      ),
    );
    expect(model.kpis.map((k) => [k.name, k.polarity])).toEqual([
      ["Cost of sales", "lower"],
      ["Fees", "higher"],
    ]);
  });

  it.each(["Penghasilan:", "Penghasilan :", "Penghasilan："])(
    "reads the heading %p as the perspective without its colon",
    (heading) => {
      expect(directions(heading, "Beban:").map((k) => k[0])).toEqual([
        "Penghasilan",
        "Penghasilan",
        "Beban",
        "Beban",
      ]);
    },
  );
});
