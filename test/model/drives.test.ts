import { book, score, sheet } from "../helpers/book";

function issuesOf(drives: string) {
  const { model } = score(
    book(
      sheet("KPIs", [
        ["Perspective", "Objective", "KPI", "Actual", "Target"],
        ["Financial", "Grow revenue", "Revenue", 1, 1],
        ["Customer", "Delight customers", "NPS", 1, 1],
      ]),
      sheet("Objectives", [
        ["Perspective", "Objective", "Drives"],
        ["Customer", "Delight customers", drives],
      ]),
    ),
  );
  return model.issues
    .filter((i) => i.code === "unknown-drives")
    .map((i) => `${i.severity} ${i.cell} ${i.message}`);
}

describe("the Objectives table's Drives column", () => {
  it("says which name matches no objective, at its Drives cell, as a warning", () => {
    expect(issuesOf("Grow revnue")).toEqual([
      'warning Objectives!C2 "Grow revnue" in the Drives column of "Delight customers" names no other objective of the scorecard; no arrow is drawn for it. Check its spelling.',
    ]);
  });

  it("accepts a name written in another case or spacing, as the strategy map matches it", () => {
    expect(issuesOf("grow  REVENUE")).toEqual([]);
  });

  it("names each unknown entry of a list, and an objective naming itself", () => {
    expect(issuesOf("Grow revenue; Win awards; Delight customers").map((m) => m.split('"')[1])).toEqual([
      "Win awards",
      "Delight customers",
    ]);
  });
});
