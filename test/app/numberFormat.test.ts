import fc from "fast-check";
import { formatByCell, numberFormatter } from "../../src/app/numberFormat";

const show = (value: number, code: string | null, locale = "en-US") => numberFormatter(code, locale)(value);

describe("numbers shown in their source cell's Excel number format", () => {
  it.each([
    [0.447, "0.0%", "44.7%"],
    [0.44, "0%", "44%"],
    [0.9, "0%", "90%"],
    [0.0345, "0.00%", "3.45%"],
    [1234567.891, "#,##0", "1,234,568"],
    [1234567.891, "#,##0.00", "1,234,567.89"],
    [1234.5, "0", "1235"],
    [7.25, "0.0", "7.3"],
    [3, "0.00", "3.00"],
    [0.5, "#.##", "0.5"],
    [1500, '"$"#,##0', "$1,500"],
    [1500, "$#,##0", "$1,500"],
    [1500, "[$€-407] #,##0.00", "€ 1,500.00"],
    [1500, '#,##0 "USD k"', "1,500 USD k"],
    [2500000, "#,##0,", "2,500"],
    [2500000, '#,##0.0,, "M"', "2.5 M"],
    [42, "0_);(0)", "42 "],
    [12, '0 "days"', "12 days"],
    [12345, "0.00E+00", "1.23E+04"],
  ])("%p in %p shows %p", (value, code, expected) => {
    expect(show(value, code)).toBe(expected);
  });

  it("shows negatives with a minus before everything, or by the format's negative section", () => {
    expect(show(-1500, "$#,##0")).toBe("-$1,500");
    expect(show(-0.05, "0%")).toBe("-5%");
    expect(show(-1500, "#,##0;(#,##0)")).toBe("(1,500)");
    expect(show(-1500, "#,##0;[Red]-#,##0")).toBe("-1,500");
    expect(show(0, '#,##0;(#,##0);"nil"')).toBe("nil");
    // A value that rounds to zero carries no sign, as in Excel.
    expect(show(-0.2, "0")).toBe("0");
  });

  it("falls back to the general style for General, no format, dates, fractions and text", () => {
    for (const code of [null, "", "General", "mmm yyyy", "d/m/yyyy", "# ?/?", "@"]) {
      expect([code, show(0.447, code), show(1234.567, code), show(1050, code)]).toEqual([
        code,
        "0.447",
        "1,234.57",
        "1,050",
      ]);
    }
  });

  it("shows times of day and durations as Excel does", () => {
    expect(show(1.25, "[h]:mm:ss")).toBe("30:00:00");
    expect(show(0.0034, "mm:ss")).toBe("04:54");
    expect(show(0.0034, "mm:ss.0")).toBe("04:53.8");
    expect(show(0.0034, "[ss]")).toBe("294");
    expect(show(0.0034, "[mm]:ss")).toBe("04:54");
    expect(show(2.5, "[mm]:ss")).toBe("3600:00");
    expect(show(0.75, "h:mm")).toBe("18:00");
    expect(show(1.75, "h:mm")).toBe("18:00");
    expect(show(0.5, "h:mm AM/PM")).toBe("12:00 PM");
    expect(show(0.25, "hh:mm:ss a/p")).toBe("06:00:00 a");
    expect(show(0.75, "h A/P")).toBe("6 P");
    expect(show(0.0416666, 'h "h" mm "min"')).toBe("1 h 00 min");
    expect(show(-0.5, "[h]:mm")).toBe("-12:00");
  });

  it("shows a duration's every second, whatever its length", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), (days) => {
        const [h, m, sec] = show(days, "[h]:mm:ss").split(":").map(Number) as [number, number, number];
        expect(m).toBeLessThan(60);
        expect(sec).toBeLessThan(60);
        expect(h * 3600 + m * 60 + sec).toBe(Math.round(days * 86400));
        // The clock of the same number is the duration's hours within the day.
        expect(show(days, "hh:mm:ss")).toBe(
          `${String(h % 24).padStart(2, "0")}:${String(m).padStart(2, "0")}:${String(sec).padStart(2, "0")}`,
        );
      }),
    );
  });

  it("follows the locale's separators", () => {
    expect(show(1234.5, "#,##0.00", "de-DE")).toBe("1.234,50");
    expect(show(0.447, "0.0%", "de-DE")).toBe("44,7%");
  });

  it("compiles each format once and gives the same formatter again", () => {
    expect(numberFormatter("0.0%", "en-US")).toBe(numberFormatter("0.0%", "en-US"));
    expect(numberFormatter("0.0%", "en-US")).not.toBe(numberFormatter("0.00%", "en-US"));
  });

  it("shows no value as a dash", () => {
    expect(formatByCell(null, "0%", "en-US")).toBe("–");
    expect(formatByCell(0.25, "0%", "en-US")).toBe("25%");
  });
});
