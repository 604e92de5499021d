import { detectTables, type DetectedTable } from "../../src/model/detect";
import { COLUMN_ROLES } from "../../src/model/headers";
import { readsWhole, requiredRoles } from "../../src/taskpane/views/setupInference";
import { book, sheet } from "../helpers/book";

/** The one table found on a sheet of these rows. */
function found(rows: unknown[][]): DetectedTable {
  const [table, ...more] = detectTables(book(sheet("Data", rows as never)), new Set()).filter(
    (t) => t.kind === "scorecard",
  );
  if (!table || more.length) throw new Error("not one scorecard table");
  return table;
}

const without = (t: DetectedTable, role: (typeof COLUMN_ROLES)[number]): DetectedTable => ({
  ...t,
  columns: { ...t.columns, [role]: undefined },
});

/** Actual and target on rows of their own: a series column says which a row's value is. */
const PAIRS = [
  ["Period", "KPI", "Series", "Amount"],
  ["2024-01", "Calls", "Actual", 40],
  ["2024-01", "Calls", "Target", 50],
  ["2024-02", "Calls", "Actual", 55],
  ["2024-02", "Calls", "Target", 50],
];

const LONG = [
  ["Perspective", "Objective", "KPI", "Actual", "Target"],
  ["Financial", "Grow", "Revenue", 100, 120],
  ["Customer", "Delight", "NPS", 40, 50],
];

describe("the set-up's one rule for the columns a table needs", () => {
  it("asks of a table of pairs of rows its KPI column, and no Actual or Target column", () => {
    const pairs = found(PAIRS);
    expect(pairs.shape).toBe("pairs");
    expect(requiredRoles("pairs")).toEqual(["kpi"]);
    expect(readsWhole(pairs)).toBe(true);
    // Without its KPI column the table lacks what the pickers mark required: not whole.
    expect(readsWhole(without(pairs, "kpi"))).toBe(false);
  });

  it.each([
    ["pairs", PAIRS],
    ["long", LONG],
  ])("reads a %s table whole exactly when it has every column the pickers mark required", (_, rows) => {
    const table = found(rows);
    for (const role of COLUMN_ROLES) {
      if (table.columns[role] === undefined) continue;
      expect({ role, whole: readsWhole(without(table, role)) }).toEqual({
        role,
        whole: !requiredRoles(table.shape).includes(role),
      });
    }
  });
});
