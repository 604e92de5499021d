import { kpiEditConfirmation, listed, tagConfirmation } from "../../src/taskpane/confirmations";

describe("what the pane says once a change is saved", () => {
  it("names each field changed, in the form's order, and the KPI", () => {
    expect(kpiEditConfirmation("Revenue", { threshold: 900 })).toBe("Threshold of Revenue saved");
    expect(kpiEditConfirmation("Revenue", { weight: 2, threshold: 900 })).toBe(
      "Threshold and weight of Revenue saved",
    );
    expect(kpiEditConfirmation("NPS", { owner: "Aisha", polarity: "lower", target: 40 })).toBe(
      "Polarity, target and owner of NPS saved",
    );
  });

  it("says a save that changed nothing was kept as it was", () => {
    expect(kpiEditConfirmation("Revenue", {})).toBe("Revenue saved unchanged");
  });

  it("names a tagged KPI", () => {
    expect(tagConfirmation("Churn")).toBe("KPI Churn tagged and saved");
  });

  it("lists words as a sentence does", () => {
    expect(listed([])).toBe("");
    expect(listed(["a"])).toBe("a");
    expect(listed(["a", "b", "c"])).toBe("a, b and c");
  });
});
