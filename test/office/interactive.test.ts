import { OfficeWorkbook } from "../../src/workbook/office/officeWorkbook";
import { FakeExcel } from "./fakeExcel";

function fakeWithNotes() {
  const fake = new FakeExcel();
  fake.addSheet("Notes", [["NPS", 41, "=B1*2"]]);
  return fake;
}

describe("the task pane's calls into Excel", () => {
  it("reads the user's selection as a sheet and an address", async () => {
    const fake = fakeWithNotes();
    fake.selection = { sheet: "Notes", address: "B1:C1" };
    expect(await new OfficeWorkbook(fake.run).getSelection()).toEqual({ sheet: "Notes", address: "B1:C1" });
  });

  it("selects a KPI's cell on its sheet", async () => {
    const fake = fakeWithNotes();
    await new OfficeWorkbook(fake.run).select({ sheet: "Notes", address: "B1" });
    expect(fake.selected).toEqual(["'Notes'!B1"]);
    expect(fake.sheet("Notes").activated).toBe(true);
  });

  it("tags cells with a workbook-scoped name, replacing an older one of the same name", async () => {
    const fake = fakeWithNotes();
    fake.addName("BSC_Tag_1_Actual", "Notes", "$A$1");
    await new OfficeWorkbook(fake.run).defineName("BSC_Tag_1_Actual", { sheet: "Notes", address: "B1" });
    expect(fake.names.map((n) => [n.name, n.target.name, n.address])).toEqual([
      ["BSC_Tag_1_Actual", "Notes", "$B$1"],
    ]);
  });

  it("shows a formula's inputs, and says when a cell has none", async () => {
    const fake = fakeWithNotes();
    const port = new OfficeWorkbook(fake.run);
    expect(await port.selectInputs({ sheet: "Notes", address: "C1" })).toBe(true);
    expect(fake.selected).toEqual(["inputs of 'Notes'!C1"]);
    expect(await port.selectInputs({ sheet: "Notes", address: "B1" })).toBe(false);
  });
});
