import fc from "fast-check";
import { isDateFormat, isPercentFormat, numberFormatKind } from "../../src/model/numberFormat";

describe("what a number format shows a number as", () => {
  it.each([
    // Calendar dates, with or without a time.
    ["mm-dd-yy", "date"],
    ["d-mmm-yy", "date"],
    ["mmm yyyy", "date"],
    ["mmm", "date"],
    ["m", "date"],
    ["m/d/yy h:mm", "date"],
    ['m/d/yy "h":mm', "date"],
    ["yyyy-mm-dd hh:mm", "date"],
    ["dd/mm/yyyy", "date"],
    ["dd\\/mm\\/yyyy", "date"],
    ["[$-F800]dddd, mmmm dd, yyyy", "date"],
    ["[$-409]mmmm d, yyyy;@", "date"],
    ["mmmmm", "date"],
    ["yyyymmdd", "date"],
    ["bbbb", "date"],
    ["ge.m.d", "date"],
    ["mm:yy", "date"],
    // Times of day and durations: numbers.
    ["h:mm", "time"],
    ["h:mm:ss", "time"],
    ["h:mm AM/PM", "time"],
    ["h:mm:ss A/P", "time"],
    ["[h]:mm:ss", "time"],
    ["[h]:mm", "time"],
    ["mm:ss", "time"],
    ["[mm]:ss", "time"],
    ["[ss].00", "time"],
    ["mm:ss.0", "time"],
    ["hh", "time"],
    ["[$-F400]h:mm:ss AM/PM", "time"],
    ["m:ss", "time"],
    // Numbers, whatever letters they quote or escape.
    ["0.0\\d", "number"],
    ['0.0 "days"', "number"],
    ['#,##0 "yd"', "number"],
    ["0.00E+00", "number"],
    ["##0.0e-0", "number"],
    ["[Red]0.00;[Blue]-0.00", "number"],
    ["[>=100]0;0.0", "number"],
    ["#,##0_);(#,##0)", "number"],
    ['_-* #,##0_-;-* #,##0_-;_-* "-"_-;_-@_-', "number"],
    ["[$€-407] #,##0.00", "number"],
    ["[$USD] 0", "number"],
    ["0%", "number"],
    ["# ?/?", "number"],
    ["@", "number"],
    ["*m0", "number"],
    ["\\d\\a\\y 0", "number"],
    // General.
    ["General", "general"],
    ["general", "general"],
    ["", "general"],
  ])("%p is %s", (code, kind) => {
    expect(numberFormatKind(code)).toBe(kind);
    expect(isDateFormat(code)).toBe(kind === "date");
  });

  it("reads no format as general, and no format as a date", () => {
    expect(numberFormatKind(null)).toBe("general");
    expect(numberFormatKind(undefined)).toBe("general");
    expect(isDateFormat(null)).toBe(false);
  });

  it("never takes quoted or escaped text for a date, whatever it says", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 12 }),
        fc.constantFrom("0", "0.00", "#,##0", "0%"),
        (text, digits) => {
          const quoted = `${digits} "${text.replace(/"/g, "")}"`;
          const escaped = `${digits} ${[...text].map((c) => `\\${c}`).join("")}`;
          expect(isDateFormat(quoted)).toBe(false);
          expect(isDateFormat(escaped)).toBe(false);
        },
      ),
    );
  });
});

describe("a percentage format", () => {
  it.each([
    ["0%", true],
    ["0.0%", true],
    ["#,##0.00%;[Red]-0.00%", true],
    ['0.0"%"', false],
    ["0.0\\%", false],
    ["[$%-409]0", false],
    ["0.00", false],
    [null, false],
  ])("%s shows a share: %s", (code, expected) => {
    expect(isPercentFormat(code)).toBe(expected);
  });
});
