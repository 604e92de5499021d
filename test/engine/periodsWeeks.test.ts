import fc from "fast-check";
import { emptyDefinition } from "../../src/model/definition";
import { allKpis, book, score, sheet } from "../helpers/book";
import {
  calendarYearOfFiscalMonth,
  fiscalQuarter,
  fiscalYearStart,
  isoWeek,
  isoWeekOf,
  parsePeriodText,
  periodFromOrdinal,
  periodKey,
  periodOrdinal,
  previousPeriod,
  weeksInIsoYear,
} from "../../src/engine/periods";

/** ISO 8601's own rule, independent of the engine's: week = ⌊(day of year − weekday + 10) / 7⌋. */
function referenceIsoWeek(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  const dayOfYear = Math.round((date.getTime() - Date.UTC(year, 0, 1)) / 86400000) + 1;
  const isoWeekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
  let week = Math.floor((dayOfYear - isoWeekday + 10) / 7);
  let weekYear = year;
  const weeksIn = (y: number): number => {
    const jan1 = new Date(Date.UTC(y, 0, 1)).getUTCDay();
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
  };
  if (week < 1) {
    weekYear = year - 1;
    week = weeksIn(weekYear);
  } else if (week > weeksIn(year)) {
    weekYear = year + 1;
    week = 1;
  }
  return `${weekYear}-W${String(week).padStart(2, "0")}`;
}

describe("ISO weeks", () => {
  it.each([
    [2024, 1, 1, "2024-W01"], // a Monday
    [2021, 1, 1, "2020-W53"], // a Friday: its week's Thursday is in 2020
    [2024, 12, 30, "2025-W01"],
    [2026, 12, 31, "2026-W53"],
    [2023, 1, 1, "2022-W52"], // a Sunday ends the week before
    [2023, 1, 2, "2023-W01"],
  ])("%i-%i-%i falls in %s", (y, m, d, key) => {
    expect(periodKey(isoWeekOf(y, m, d))).toBe(key);
  });
  it("agrees with ISO 8601's rule on any date", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1901-01-01"), max: new Date("9998-12-31"), noInvalidDate: true }),
        (d) => {
          const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
          expect(periodKey(isoWeekOf(y, m, day))).toBe(referenceIsoWeek(y, m, day));
        },
      ),
    );
  });
  it("knows the long years of 53 weeks", () => {
    expect([2015, 2020, 2026, 2032].map(weeksInIsoYear)).toEqual([53, 53, 53, 53]);
    expect([2021, 2022, 2023, 2024, 2025].map(weeksInIsoYear)).toEqual([52, 52, 52, 52, 52]);
  });
  it("steps back across years of 52 and 53 weeks", () => {
    expect(periodKey(previousPeriod(isoWeek(2021, 1)!))).toBe("2020-W53");
    expect(periodKey(previousPeriod(isoWeek(2022, 1)!))).toBe("2021-W52");
    expect(periodKey(previousPeriod(isoWeek(2024, 10)!))).toBe("2024-W09");
  });
  it("orders weeks by one ordinal per week, and reads its ordinal back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1901, max: 9998 }), fc.integer({ min: 1, max: 53 }), (year, w) => {
        const week = isoWeek(year, Math.min(w, weeksInIsoYear(year)))!;
        const ord = periodOrdinal(week);
        expect(periodFromOrdinal("week", ord)).toEqual(week);
        expect(periodOrdinal(previousPeriod(week))).toBe(ord - 1);
      }),
    );
  });
  it("has no week 53 in a short year, nor week 0", () => {
    expect(isoWeek(2024, 53)).toBeNull();
    expect(isoWeek(2026, 53)).not.toBeNull();
    expect(isoWeek(2024, 0)).toBeNull();
  });
  it.each([
    ["2024-W05", "2024-W05"],
    ["2024W05", "2024-W05"],
    ["2024-w5", "2024-W05"],
    ["W05 2024", "2024-W05"],
    ["w5-2024", "2024-W05"],
    ["2026-W53", "2026-W53"],
  ])("reads the week key %s as %s (as --period takes it)", (text, key) => {
    const p = parsePeriodText(text);
    expect(p && periodKey(p)).toBe(key);
  });
  it.each(["2024-W53", "2024-W00", "2024-W54", "W05", "1899-W05"])("refuses %s", (text) => {
    expect(parsePeriodText(text)).toBeNull();
  });
});

describe("the fiscal year of a week", () => {
  it("is the ISO week-year with a January start", () => {
    expect(periodKey(fiscalYearStart(isoWeek(2024, 30)!, 1))).toBe("2024-W01");
    expect(periodKey(fiscalYearStart(isoWeek(2021, 1)!, 1))).toBe("2021-W01");
    expect(periodKey(fiscalYearStart(isoWeek(2020, 53)!, 1))).toBe("2020-W01");
  });
  it("starts at the week holding the first Thursday of the start month", () => {
    // 1 April 2024 is a Monday; its Thursday 4 April is in 2024-W14.
    expect(periodKey(fiscalYearStart(isoWeek(2024, 14)!, 4))).toBe("2024-W14");
    expect(periodKey(fiscalYearStart(isoWeek(2024, 40)!, 4))).toBe("2024-W14");
    // 2024-W13's Thursday is 28 March: the fiscal year that began in April 2023, whose first
    // Thursday, 6 April 2023 (the 1st was a Saturday), is in 2023-W14.
    expect(periodKey(fiscalYearStart(isoWeek(2024, 13)!, 4))).toBe("2023-W14");
  });
  it("always gives a week at or before the week, less than a year before", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1902, max: 9998 }),
        fc.integer({ min: 1, max: 52 }),
        fc.integer({ min: 1, max: 12 }),
        (year, w, start) => {
          const week = isoWeek(year, w)!;
          const first = fiscalYearStart(week, start);
          const gap = periodOrdinal(week) - periodOrdinal(first);
          expect(gap).toBeGreaterThanOrEqual(0);
          expect(gap).toBeLessThan(53);
          expect(fiscalYearStart(first, start)).toEqual(first);
        },
      ),
    );
  });
});

describe("fiscal labels in calendar terms (FY names the year the fiscal year ends)", () => {
  it.each([
    [2021, 1, 4, 2021],
    [2021, 3, 4, 2021],
    [2021, 4, 4, 2020],
    [2021, 12, 4, 2020],
    [2021, 6, 1, 2021],
    [2024, 7, 7, 2023],
    [2024, 6, 7, 2024],
  ])("FY%i month %i with a start in month %i is in %i", (fy, month, start, year) => {
    expect(calendarYearOfFiscalMonth(fy, month, start)).toBe(year);
  });
  it.each([
    [2024, 3, 1, "2024-Q3"],
    [2024, 3, 4, "2023-Q4"],
    [2024, 4, 4, "2024-Q1"],
    [2024, 1, 7, "2023-Q3"],
    [2024, 3, 7, "2024-Q1"],
    [2024, 1, 10, "2023-Q4"],
  ])("FY%i Q%i with a start in month %i is %s", (fy, q, start, key) => {
    expect(periodKey(fiscalQuarter(fy, q, start))).toBe(key);
  });
  it("puts every month and quarter of a fiscal year in the fiscal year the engine's year to date starts", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1901, max: 9998 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 4 }),
        (fy, month, start, quarter) => {
          const first = {
            granularity: "month" as const,
            year: calendarYearOfFiscalMonth(fy, start, start),
            index: start,
          };
          const m = {
            granularity: "month" as const,
            year: calendarYearOfFiscalMonth(fy, month, start),
            index: month,
          };
          expect(fiscalYearStart(m, start)).toEqual(first);
          expect(fiscalYearStart(fiscalQuarter(fy, quarter, start), start)).toEqual(
            fiscalQuarter(fy, 1, start),
          );
          // FY names the year it ends in: its last month is in that calendar year.
          const last = ((start + 10) % 12) + 1;
          expect(calendarYearOfFiscalMonth(fy, last, start)).toBe(fy);
        },
      ),
    );
  });
});

describe("a weekly scorecard", () => {
  const weekly = () =>
    book(
      sheet("Data", [
        ["KPI", "Week", "Actual", "Target", "Aggregation"],
        ["Orders", "2024-W52", 80, 90, "Sum"],
        ["Orders", "2025-W01", 95, 90, "Sum"],
        ["Orders", "2025-W02", 120, 90, "Sum"],
        ["NPS", "2024-W52", 45, 50, "Last"],
        ["NPS", "2025-W01", 52, 50, "Last"],
        ["NPS", "2025-W02", 49, 50, "Last"],
      ]),
    );
  it("scores the latest week, with the trend against the week before across the year's turn", () => {
    const { result } = score(weekly(), { evaluate: { period: "2025-W01" } });
    expect(result.period).toBe("2025-W01");
    expect(allKpis(result).map((k) => [k.kpi.name, k.trend])).toEqual([
      ["Orders", "better"],
      ["NPS", "better"],
    ]);
    expect(score(weekly()).result.period).toBe("2025-W02");
  });
  it("sums the fiscal year's weeks to date: a January start is the ISO week-year", () => {
    const orders = allKpis(score(weekly()).result)[0]!;
    expect([orders.actual, orders.target]).toEqual([215, 180]);
  });
  it("sums across the calendar year's turn when the fiscal year starts in another month", () => {
    const definition = {
      ...emptyDefinition(),
      settings: { ...emptyDefinition().settings, fiscalYearStartMonth: 7 },
    };
    const orders = allKpis(score(weekly(), { definition }).result)[0]!;
    expect([orders.actual, orders.target]).toEqual([295, 270]);
  });
});
