import { csvTooLargeSentence } from "../../src/cli/commands";
import { PackageLimitError } from "../../src/workbook/package/read/limits";

describe("a CSV export too large for the reader once it is a sheet", () => {
  it.each([
    ["maxSheetBytes", "256 MiB in one sheet"],
    ["maxCells", "20,000,000 cells"],
    ["maxSharedStringsBytes", "64 MiB of text"],
  ] as const)("names the %s limit in the export's terms and says what to do", (limit, said) => {
    const sentence = csvTooLargeSentence(
      "sales.csv",
      new PackageLimitError(
        "xl/worksheets/sheet1.xml inflates beyond the limit",
        limit,
        "xl/worksheets/sheet1.xml",
      ),
    );
    expect(sentence).toBe(
      `Cannot read sales.csv: it holds more than bsc reads from one file (${said}, the ${limit} limit); split the export, by year or by unit, and read each part.`,
    );
    // The part's name inside a package the user never made is not theirs to read.
    expect(sentence).not.toContain("sheet1.xml");
  });
});
