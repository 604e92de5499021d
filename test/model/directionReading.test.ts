import { allKpis, book, score, sheet } from "../helpers/book";
import type { CellValue } from "../../src/model/snapshot";

/** Issue 19's finance files: no Polarity column, and cost lines over budget must not come out green. */
const scored = (rows: CellValue[][]) => {
  const { result } = score(book(sheet("Data", rows)));
  const kpis = Object.fromEntries(allKpis(result).map((k) => [k.kpi.name, k]));
  const notes = result.issues
    .filter((i) => i.code === "polarity-inferred")
    .map((i) => `${i.cell}: ${i.message}`);
  return { kpis, notes };
};

describe("reading direction from the file", () => {
  it("a Type column marks cost lines lower-is-better, and says so at each Type cell", () => {
    const { kpis, notes } = scored([
      ["Line", "Type", "Actual", "Budget"],
      ["Sales", "Revenue", 1000, 900],
      ["Marketing", "Expense", 756, 620],
      ["Travel", "Expense", 100, 120],
    ]);
    expect(kpis["Marketing"]).toMatchObject({ status: "red" });
    expect(kpis["Marketing"]?.kpi.polarity).toBe("lower");
    expect(kpis["Travel"]).toMatchObject({ status: "green" });
    expect(kpis["Sales"]?.kpi.polarity).toBe("higher");
    expect(notes).toEqual([
      "Data!B3: Assumed lower is better for \"Marketing\": its Type cell 'Expense' marks it as a cost; write higher in a Polarity column to change it.",
      "Data!B4: Assumed lower is better for \"Travel\": its Type cell 'Expense' marks it as a cost; write higher in a Polarity column to change it.",
    ]);
  });

  it("a column of class words counts whatever its header, and a Type column of other words does not", () => {
    const { kpis } = scored([
      ["KPI", "Type", "Group", "Actual", "Target"],
      ["Sales", "Lagging", "Revenue", 1000, 900],
      ["Opex run rate", "Leading", "Opex", 120, 100],
      ["Rent", "Lagging", "Opex", 50, 50],
    ]);
    expect(kpis["Rent"]?.kpi.polarity).toBe("lower");
    expect(kpis["Opex run rate"]?.kpi.polarity).toBe("lower");
  });

  it("a name that means less is better is read so, and a name that also says a gain is left alone", () => {
    const { kpis, notes } = scored([
      ["KPI", "Actual", "Target"],
      ["Debtor days", 54, 40],
      ["Cost savings", 54, 40],
      ["NPS", 30, 40],
    ]);
    expect(kpis["Debtor days"]).toMatchObject({ status: "red" });
    expect(kpis["Cost savings"]?.kpi.polarity).toBe("higher");
    expect(notes).toEqual([
      "Data!A2: Assumed lower is better for \"Debtor days\": the name says 'Debtor days'; write higher in a Polarity column to change it.",
    ]);
  });

  it("a Polarity cell wins over the class and the name; a blank one lets them speak", () => {
    const { kpis, notes } = scored([
      ["KPI", "Type", "Actual", "Target", "Polarity"],
      ["Staff costs", "Expense", 120, 100, "higher"],
      ["Travel costs", "Expense", 120, 100, null],
    ]);
    expect(kpis["Staff costs"]?.kpi.polarity).toBe("higher");
    expect(kpis["Travel costs"]?.kpi.polarity).toBe("lower");
    expect(notes).toHaveLength(1);
  });

  it("with entities, each entity's note names it", () => {
    const { notes } = scored([
      ["Site", "KPI", "Actual", "Target"],
      ["North", "Complaints", 5, 4],
      ["South", "Complaints", 3, 4],
    ]);
    expect(notes).toEqual([
      'Data!B2: Assumed lower is better for "Complaints" of "North": the name says \'Complaints\'; write higher in a Polarity column to change it.',
      'Data!B3: Assumed lower is better for "Complaints" of "South": the name says \'Complaints\'; write higher in a Polarity column to change it.',
    ]);
  });
});
