import { refreshNotice } from "../../src/commands/commands";
import { FakeExcel } from "./fakeExcel";

describe("the ribbon's Refresh command", () => {
  it("refreshes without the pane and says what it found", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Data", [
      ["Perspective", "Objective", "KPI", "Actual", "Target"],
      ["Financial", "Grow", "Revenue", 95, 100],
      ["Financial", "Grow", "Margin", null, 0.4],
    ]);
    const notice = await refreshNotice(fake.port());
    expect(notice).toEqual({
      key: "refreshed",
      tone: "success",
      title: "Scorecard refreshed",
      message: "Scorecard: 5.00 (amber). 2 KPIs: 1 amber, 1 no data. 1 issue to look at.",
    });
    expect(fake.value("Scorecard", "A1")).toBe("Balanced Scorecard");
    // The overall score is a formula over the perspectives' rows: Excel calculates it.
    expect(fake.value("Scorecard", "B3")).toMatch(/^FORMULA =IF\(/);
  });

  it("says in one sentence why it could not refresh", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Sheet1", [["Hello"]]);
    const notice = await refreshNotice(fake.port());
    expect(notice).toMatchObject({ key: "not-refreshed", tone: "error" });
    expect(notice.message).toContain("No scorecard table was found");
  });

  it("says why in the add-in's words, never bsc's flags", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Data", [
      ["Month", "Indicator", "Goal"],
      ["2026-01", "Sales", 4],
    ]);
    const notice = await refreshNotice(fake.port());
    expect(notice).toMatchObject({ key: "not-refreshed", tone: "error" });
    expect(notice.message).toMatch(/but no Actual\. Name the missing column's header in the set-up\.$/);
    expect(notice.message).not.toMatch(/bsc|--map/);
  });

  it("reports a failed request without losing the previous scorecard", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Data", [
      ["Perspective", "Objective", "KPI", "Actual", "Target"],
      ["F", "O", "K", 1, 1],
    ]);
    fake.failAtSync = 5;
    const notice = await refreshNotice(fake.port());
    expect(notice).toMatchObject({ tone: "error", title: "Scorecard not refreshed" });
    expect(notice.message).toContain("keeps its previous scorecard");
    expect(fake.sheets.map((s) => s.name)).toEqual(["Data"]);
  });
});
