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
    expect(await fake.port().getSelection()).toEqual({ sheet: "Notes", address: "B1:C1" });
  });

  it("selects a KPI's cell on its sheet", async () => {
    const fake = fakeWithNotes();
    await fake.port().select({ sheet: "Notes", address: "B1" });
    expect(fake.selected).toEqual(["'Notes'!B1"]);
    expect(fake.sheet("Notes").activated).toBe(true);
  });

  it("tags cells with a workbook-scoped name, replacing an older one of the same name", async () => {
    const fake = fakeWithNotes();
    fake.addName("BSC_Tag_1_Actual", "Notes", "$A$1");
    await fake.port().defineName("BSC_Tag_1_Actual", { sheet: "Notes", address: "B1" });
    expect(fake.names.map((n) => [n.name, n.target.name, n.address])).toEqual([
      ["BSC_Tag_1_Actual", "Notes", "$B$1"],
    ]);
  });

  it("shows a formula's inputs where Excel has ExcelApi 1.18: the cells it reads, selected", async () => {
    const fake = fakeWithNotes();
    fake.excelApi = "1.18";
    expect(await fake.port().selectInputs({ sheet: "Notes", address: "C1" })).toBe(true);
    expect(fake.selected).toEqual(["inputs of 'Notes'!C1"]);
  });

  it("selects the first block of a formula's inputs with ExcelApi 1.12 to 1.17 (RangeAreas.select needs 1.18)", async () => {
    const fake = fakeWithNotes();
    fake.excelApi = "1.12";
    const port = fake.port();
    expect(port.canSelectInputs).toBe(true);
    expect(await port.selectInputs({ sheet: "Notes", address: "C1" })).toBe(true);
    expect(fake.selected).toEqual(["first input area of 'Notes'!C1"]);
  });

  it("says when a cell has no formula, or a formula that reads no cell", async () => {
    const fake = fakeWithNotes();
    fake.addSheet("Constants", [["=1+1"]]);
    fake.excelApi = "1.12";
    const port = fake.port();
    expect(await port.selectInputs({ sheet: "Notes", address: "B1" })).toBe(false);
    expect(await port.selectInputs({ sheet: "Constants", address: "A1" })).toBe(false);
    expect(fake.selected).toEqual([]);
  });

  it("offers no inputs below ExcelApi 1.12, and calls nothing Excel lacks", async () => {
    const fake = fakeWithNotes();
    const port = fake.port();
    expect(port.canSelectInputs).toBe(false);
    expect(await port.selectInputs({ sheet: "Notes", address: "C1" })).toBe(false);
    expect(fake.apiCalls.has("Range.getDirectPrecedents")).toBe(false);
  });
});
