import fc from "fast-check";
import { periodKey } from "../../src/engine/periods";
import type { PeriodContext, PeriodReading } from "../../src/model/periodText";
import {
  MONTH_WORDS,
  monthOfWord,
  namesMonths,
  readPeriodCell,
  readPeriodColumn,
  readPeriodHeaders,
  yearFromContext,
} from "../../src/model/periodText";
import type { CellValue } from "../../src/model/snapshot";
import { readPeriod } from "../../src/model/values";

/** A reading as one short text: "2024-01", "2024-01 (year from context)", "yearless month 1". */
const shown = (r: PeriodReading | null): string | null => {
  if (r === null) return null;
  if (r.kind === "yearless") return `yearless ${r.granularity} ${r.index}`;
  return periodKey(r.period) + (r.yearFromContext ? " (year from context)" : "");
};
const cell = (value: CellValue, context: PeriodContext = {}): string | null =>
  shown(readPeriodCell(value, context));
const keys = (periods: readonly ({ granularity: string } | null)[]): (string | null)[] =>
  periods.map((p) => (p === null ? null : periodKey(p as never)));

describe("dates as exports write them", () => {
  it.each([
    ["1/31/2024", "2024-01"],
    ["12/1/2024", "2024-12"],
    ["1/31/24", "2024-01"],
    ["31/01/2024", "2024-01"],
    ["31.01.2024", "2024-01"],
    ["2024-03-01", "2024-03"],
    ["2024-03-01 00:00:00", "2024-03"],
    ["2024-03-01T00:00:00Z", "2024-03"],
    ["2024-03-31T23:30:00.000+02:00", "2024-03"],
    ["2024/03/01", "2024-03"],
    ["1/31/2024 12:00:00 AM", "2024-01"],
    ["31/01/2024 00:00", "2024-01"],
    ["31 Jan 2024", "2024-01"],
    ["31-Jan-2024", "2024-01"],
    ["01-févr.-2024", "2024-02"],
    ["Jan 31, 2024", "2024-01"],
  ])("reads %s as %s", (text, key) => {
    expect(cell(text)).toBe(key);
  });
  it.each(["2/30/2024", "30/02/2024", "13/13/2024", "2024-02-30", "2023-02-29", "01-02-24", "1/31/1899"])(
    "refuses %s, no such day",
    (text) => {
      expect(cell(text)).toBeNull();
    },
  );
  it("reads a leap day where there is one", () => {
    expect(cell("2/29/2024")).toBe("2024-02");
  });
  it("reads 01/02/2024 by the context's day order, m/d by default, and says the order mattered", () => {
    expect(cell("01/02/2024")).toBe("2024-01");
    expect(cell("01/02/2024", { dayOrder: "dmy" })).toBe("2024-02");
    const read = readPeriodCell("01/02/2024");
    expect(read?.kind === "period" && read.dayOrderMatters).toBe(true);
    const same = readPeriodCell("03/03/2024");
    expect(same?.kind === "period" && same.dayOrderMatters).toBe(false);
  });
  it("lets a part above 12 settle a cell whatever the context says", () => {
    expect(cell("13/02/2024", { dayOrder: "mdy" })).toBe("2024-02");
    expect(cell("02/13/2024", { dayOrder: "dmy" })).toBe("2024-02");
  });
  it("reads date cells and Excel serials as their month, and a year number as a year", () => {
    expect(cell({ date: 45322 })).toBe("2024-01"); // 2024-01-31
    expect(cell(45323)).toBe("2024-02");
    expect(cell(2024)).toBe("2024");
    expect(cell(2024.5)).toBeNull();
  });
});

describe("month and year forms", () => {
  it.each([
    ["09-2021", "2021-09"],
    ["9/2021", "2021-09"],
    ["09/2021", "2021-09"],
    ["2021/09", "2021-09"],
    ["2021M09", "2021-09"],
    ["2021M9", "2021-09"],
    ["Jan-24", "2024-01"],
    ["January 2024", "2024-01"],
    ["Jan 2024", "2024-01"],
    ["2024 Jan", "2024-01"],
    ["2024-Jan", "2024-01"],
    ["JAN.2024", "2024-01"],
    ["enero de 2024", "2024-01"],
    ["março de 2024", "2024-03"],
  ])("reads %s as %s", (text, key) => {
    expect(cell(text)).toBe(key);
  });
  it.each([
    "13-2021",
    "00/2021",
    "2021/13",
    "2021M13",
    "21M09",
    "M09",
    "Jan 5",
    "Revenue 26",
    "Janu 2024",
    "Ma 2024",
    "x Jan 2024",
  ])("refuses %s", (text) => {
    expect(cell(text)).toBeNull();
  });
});

describe("month names in seven languages", () => {
  it.each([
    ["Fev 2024", "2024-02"],
    ["Dez 2024", "2024-12"],
    ["Mär 2024", "2024-03"],
    ["Maerz 2024", "2024-03"],
    ["März 2024", "2024-03"],
    ["Mrz 2024", "2024-03"],
    ["Jänner 2024", "2024-01"],
    ["janv. 2024", "2024-01"],
    ["févr. 2024", "2024-02"],
    ["fevr 2024", "2024-02"],
    ["Mars 2024", "2024-03"],
    ["août 2024", "2024-08"],
    ["déc. 2024", "2024-12"],
    ["ene 2024", "2024-01"],
    ["dic 2024", "2024-12"],
    ["setiembre 2024", "2024-09"],
    ["out 2024", "2024-10"],
    ["gen 2024", "2024-01"],
    ["mag 2024", "2024-05"],
    ["giu 2024", "2024-06"],
    ["lug 2024", "2024-07"],
    ["ott 2024", "2024-10"],
    ["mrt 2024", "2024-03"],
    ["mei 2024", "2024-05"],
    ["okt 2024", "2024-10"],
    ["maart 2024", "2024-03"],
    ["sett. 2024", "2024-09"],
    ["Feber 2024", "2024-02"],
    ["juill. 2024", "2024-07"],
  ])("reads %s as %s", (text, key) => {
    expect(cell(text)).toBe(key);
  });
  it("reads every name and abbreviation of every language, any case, with or without accents or dot", () => {
    const all = Object.values(MONTH_WORDS).flatMap((months) =>
      months.flatMap((words, i) => words.map((word) => [word, i + 1] as const)),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...all),
        fc.integer({ min: 1900, max: 9999 }),
        fc.constantFrom(" ", "-", "/", ". ", " de "),
        fc.constantFrom("lower", "upper", "bare"),
        ([word, month], year, separator, spelling) => {
          const bare = word.normalize("NFD").replace(/\p{M}/gu, "");
          const written =
            spelling === "lower" ? word.toLowerCase() : spelling === "upper" ? word.toUpperCase() : bare;
          const text = `${written}${separator}${year}`;
          expect(cell(text)).toBe(`${year}-${String(month).padStart(2, "0")}`);
          expect(monthOfWord(written)).toBe(month);
        },
      ),
    );
  });
  it("gives a word one month in every language that has it", () => {
    expect(["mar", "Mär", "mars", "marzo", "março", "maart", "mrt"].map(monthOfWord)).toEqual([
      3, 3, 3, 3, 3, 3, 3,
    ]);
    expect(["mai", "may", "mayo", "maio", "maggio", "mag", "mei"].map(monthOfWord)).toEqual([
      5, 5, 5, 5, 5, 5, 5,
    ]);
    expect(["jui", "ju", "m", "se"].map(monthOfWord)).toEqual([null, null, null, null]);
  });
});

describe("fiscal labels (FY names the year in which the fiscal year ends)", () => {
  it.each([
    ["January FY21", 1, "2021-01"],
    ["January FY21", 4, "2021-01"],
    ["April FY21", 4, "2020-04"],
    ["March FY21", 4, "2021-03"],
    ["FY21 Dec", 7, "2020-12"],
    ["July FY2024", 7, "2023-07"],
    ["FY24 Q3", 1, "2024-Q3"],
    ["FY24 Q3", 7, "2024-Q1"],
    ["Q3 FY24", 4, "2023-Q4"],
    ["Q1 FY2024", 10, "2023-Q4"],
    ["FY24", 4, "2024"],
  ])("reads %s with a fiscal year starting in month %i as %s", (text, start, key) => {
    expect(cell(text, { fiscalYearStartMonth: start })).toBe(key);
  });
  it.each([
    ["P03 FY24", 1, "2024-03"],
    ["P03 FY24", 4, "2023-06"],
    ["FY24 Period 3", 7, "2023-09"],
    ["FY2024 P12", 4, "2024-03"],
    ["FY24 P010", 1, "2024-10"],
  ])("reads the fiscal period %s with a start in month %i as %s", (text, start, key) => {
    expect(cell(text, { fiscalYearStartMonth: start })).toBe(key);
  });
  it.each(["FY24 Q5", "Q0 FY24", "January FY", "FY Q3", "P13 FY24", "P0 FY24", "Period 3"])(
    "refuses %s",
    (text) => {
      expect(cell(text)).toBeNull();
    },
  );
});

describe("quarters in seven languages", () => {
  it.each([
    ["Q3 2024", "2024-Q3"],
    ["Qtr 3 2024", "2024-Q3"],
    ["Quarter 3 2024", "2024-Q3"],
    ["3Q24", "2024-Q3"],
    ["Q1'24", "2024-Q1"],
    ["T1 2024", "2024-Q1"],
    ["1T 2024", "2024-Q1"],
    ["1er trimestre 2024", "2024-Q1"],
    ["1º trimestre 2024", "2024-Q1"],
    ["2º Trimestre de 2024", "2024-Q2"],
    ["1° trimestre 2024", "2024-Q1"],
    ["Trimestre 4 2024", "2024-Q4"],
    ["1. Quartal 2024", "2024-Q1"],
    ["Quartal 2 2024", "2024-Q2"],
    ["K3 2024", "2024-Q3"],
    ["3e kwartaal 2024", "2024-Q3"],
    ["Kwartaal 4 2024", "2024-Q4"],
    ["I trimestre 2024", "2024-Q1"],
    ["IV trim. 2024", "2024-Q4"],
    ["II. Quartal 2024", "2024-Q2"],
  ])("reads %s as %s", (text, key) => {
    expect(cell(text)).toBe(key);
  });
  it.each([
    "T5 2024",
    "0. Quartal 2024",
    "Q 2024",
    "5e kwartaal 2024",
    "I 2024",
    "Mar II 2024",
    "V trimestre 2024",
  ])("refuses %s", (text) => {
    expect(cell(text)).toBeNull();
  });
});

describe("ISO weeks", () => {
  it.each([
    ["2024-W05", "2024-W05"],
    ["W05 2024", "2024-W05"],
    ["Wk 5 2024", "2024-W05"],
    ["Week 5, 2024", "2024-W05"],
    ["KW 05/2024", "2024-W05"],
    ["WW32 2024", "2024-W32"],
    ["semana 5 2024", "2024-W05"],
  ])("reads %s as %s", (text, key) => {
    expect(cell(text)).toBe(key);
  });
  it.each([
    ["Week of 1/8/2024", "2024-W02"], // a Monday
    ["Week of 1/7/2024", "2024-W02"], // a Sunday starting a Sunday-to-Saturday week, mostly W02
    ["Week ending 1/7/2024", "2024-W01"], // the Sunday ending W01
    ["Week ending 1/6/2024", "2024-W01"], // the Saturday ending a Sunday-to-Saturday week
    ["Week of Dec 31, 2023", "2024-W01"],
    ["w/e 14/01/2024", "2024-W02"],
    ["Woche vom 08.01.2024", "2024-W02"],
    ["semaine du 8 janv. 2024", "2024-W02"],
  ])("reads %s as the ISO week holding most of it, %s", (text, key) => {
    expect(cell(text)).toBe(key);
  });
  it("takes the year of WW32 from the context, and without one says it has none", () => {
    expect(cell("WW32", { year: 2024 })).toBe("2024-W32 (year from context)");
    expect(cell("WW32")).toBe("yearless week 32");
    expect(cell("W53", { year: 2024 })).toBeNull(); // 2024 has 52 ISO weeks
  });
  it("refuses week 54 and week 0", () => {
    expect(cell("W54 2026")).toBeNull();
    expect(cell("WW0")).toBeNull();
  });
});

describe("months without a year", () => {
  it.each([
    ["Jan", 1],
    ["janv.", 1],
    ["Fev", 2],
    ["Mär", 3],
    ["ene", 1],
    ["Dez", 12],
    ["Settembre", 9],
    ["24-Jan", 1],
  ])("reads %s as month %i with no year", (text, month) => {
    expect(cell(text)).toBe(`yearless month ${month}`);
  });
  it("take the context's year, calendar or fiscal", () => {
    expect(cell("Mar", { year: 2024 })).toBe("2024-03 (year from context)");
    expect(cell("Mar", { year: 2024, yearIsFiscal: true, fiscalYearStartMonth: 4 })).toBe(
      "2024-03 (year from context)",
    );
    expect(cell("Apr", { year: 2024, yearIsFiscal: true, fiscalYearStartMonth: 4 })).toBe(
      "2023-04 (year from context)",
    );
    expect(cell("Q1", { year: 2024, yearIsFiscal: true, fiscalYearStartMonth: 7 })).toBe(
      "2023-Q3 (year from context)",
    );
  });
  it("are never periods to readPeriod, which has no context", () => {
    expect(readPeriod("Jan")).toBeNull();
    expect(readPeriod("Jan 2024")).toEqual({ granularity: "month", year: 2024, index: 1 });
    expect(readPeriod("01-févr.-2024")).toEqual({ granularity: "month", year: 2024, index: 2 });
  });
});

describe("month numbers in a column that names the month", () => {
  it("are months, with the context's year or without one", () => {
    expect(cell(3, { monthNumbers: true })).toBe("yearless month 3");
    expect(cell("03", { monthNumbers: true, year: 2024 })).toBe("2024-03 (year from context)");
    expect(cell(12, { monthNumbers: true, year: 2024, yearIsFiscal: true, fiscalYearStartMonth: 7 })).toBe(
      "2023-12 (year from context)",
    );
  });
  it("are nothing elsewhere, nor outside 1–12", () => {
    expect(cell(3)).toBeNull();
    expect([0, 13, 2.5, "3a"].map((v) => cell(v, { monthNumbers: true }))).toEqual([null, null, null, null]);
    expect(cell("Mar 2024", { monthNumbers: true })).toBe("2024-03");
  });
  it("read a whole column of them", () => {
    const column = readPeriodColumn([1, 2, null, 3], { monthNumbers: true });
    expect(column.yearlessMonths).toBe(true);
    expect(column.yearless.map((y) => y.value)).toEqual([1, 2, 3]);
  });
  it.each([
    ["Month", true],
    ["MES", true],
    ["Mês", true],
    ["mois", true],
    ["Monat", true],
    ["Mese", true],
    ["Maand", true],
    ["month_number", true],
    ["Month Ending", false],
    ["Period", false],
  ])("knows the header %s names the month: %s", (header, named) => {
    expect(namesMonths(header)).toBe(named);
  });
});

describe("a column settles m/d or d/m", () => {
  it("by any first part above 12", () => {
    const column = readPeriodColumn(["01/02/2024", "13/02/2024", "05/03/2024"]);
    expect(column.dayOrder).toBe("dmy");
    expect(column.dayOrderFrom).toBe("column");
    expect(column.ambiguousDayOrder).toBe(false);
    expect(keys(column.periods)).toEqual(["2024-02", "2024-02", "2024-03"]);
  });
  it("by any second part above 12", () => {
    const column = readPeriodColumn(["02/01/2024", "02/13/2024"], { dayOrder: "dmy" });
    expect(column.dayOrder).toBe("mdy");
    expect(keys(column.periods)).toEqual(["2024-02", "2024-02"]);
  });
  it("else by the context's convention", () => {
    const column = readPeriodColumn(["01/02/2024", "02/03/2024"], { dayOrder: "dmy" });
    expect([column.dayOrder, column.dayOrderFrom, column.ambiguousDayOrder]).toEqual([
      "dmy",
      "context",
      false,
    ]);
    expect(keys(column.periods)).toEqual(["2024-02", "2024-03"]);
  });
  it("else m/d, saying so and naming the cells whose month depends on it", () => {
    const column = readPeriodColumn(["01/02/2024", "03/03/2024", null, "02/03/2024"]);
    expect([column.dayOrder, column.dayOrderFrom, column.ambiguousDayOrder]).toEqual([
      "mdy",
      "assumed",
      true,
    ]);
    expect(column.dayOrderCells).toEqual([0, 3]);
    expect(keys(column.periods)).toEqual(["2024-01", "2024-03", null, "2024-02"]);
  });
  it("has no day order without numeric dates", () => {
    const column = readPeriodColumn(["Jan 2024", "2024-02-01"]);
    expect([column.dayOrder, column.dayOrderFrom, column.ambiguousDayOrder]).toEqual([null, null, false]);
  });
  it("reads any column of m/d or d/m dates right once one day is above 12", () => {
    fc.assert(
      fc.property(
        fc.array(fc.date({ min: new Date("1990-01-01"), max: new Date("2090-12-31"), noInvalidDate: true }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.constantFrom("mdy" as const, "dmy" as const),
        fc.constantFrom("mdy" as const, "dmy" as const, undefined),
        (dates, order, convention) => {
          const settling = new Date(Date.UTC(2024, 4, 20)); // the 20th: only one order reads it
          const all = [...dates, settling];
          const texts = all.map((d) => {
            const [m, day] = [d.getUTCMonth() + 1, d.getUTCDate()];
            return order === "mdy"
              ? `${m}/${day}/${d.getUTCFullYear()}`
              : `${day}/${m}/${d.getUTCFullYear()}`;
          });
          const column = readPeriodColumn(texts, convention ? { dayOrder: convention } : {});
          expect(column.dayOrder).toBe(order);
          expect(keys(column.periods)).toEqual(
            all.map((d) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`),
          );
        },
      ),
    );
  });
});

describe("a column's score and what it holds", () => {
  it("prefers the column that names its years to the one of bare months", () => {
    const months = readPeriodColumn(["Jan", "Feb", "Mar", "Jan"]);
    const periods = readPeriodColumn(["Jan 2024", "Feb 2024", "Mar 2024", "Jan 2025"]);
    expect(periods.score).toBe(1);
    expect(months.score).toBe(0.5);
    expect(readPeriodColumn(["Jan", "Feb"], { year: 2024 }).score).toBe(0.5);
  });
  it("counts unread cells against it and blanks not at all", () => {
    const column = readPeriodColumn(["Jan 2024", null, "", "Total", "Feb 2024"]);
    expect(column.score).toBeCloseTo(2 / 3);
    expect(column.unread).toEqual([3]);
    expect(readPeriodColumn([null, " "]).score).toBe(0);
  });
  it("names the yearless months", () => {
    const column = readPeriodColumn(["Jan", "Fev", null, "Mär"]);
    expect(column.yearlessMonths).toBe(true);
    expect(column.yearless).toEqual([
      { index: 0, granularity: "month", value: 1 },
      { index: 1, granularity: "month", value: 2 },
      { index: 3, granularity: "month", value: 3 },
    ]);
    expect(column.periods).toEqual([null, null, null, null]);
    expect(readPeriodColumn(["Jan", "Feb 2024"]).yearlessMonths).toBe(false);
  });
  it("takes the granularity most cells read as, and scores only those", () => {
    const column = readPeriodColumn(["2024-01", "2024-02", "2024-Q1"]);
    expect(column.granularity).toBe("month");
    expect(column.score).toBeCloseTo(2 / 3);
  });
  it("reads dates a week apart as ISO weeks", () => {
    const column = readPeriodColumn([
      "1/7/2024",
      "1/14/2024",
      "1/14/2024",
      "1/21/2024",
      "1/28/2024",
      "2/4/2024",
    ]);
    expect(column.datesAsWeeks).toBe(true);
    expect(column.granularity).toBe("week");
    expect(keys(column.periods)).toEqual([
      "2024-W01",
      "2024-W02",
      "2024-W02",
      "2024-W03",
      "2024-W04",
      "2024-W05",
    ]);
  });
  it("keeps month-end dates and daily dates as months", () => {
    expect(readPeriodColumn(["2024-01-31", "2024-02-29", "2024-03-31"]).datesAsWeeks).toBe(false);
    expect(readPeriodColumn(["2024-01-01", "2024-01-02", "2024-01-08"]).datesAsWeeks).toBe(false);
    expect(readPeriodColumn([{ date: 45322 }, { date: 45322 }]).datesAsWeeks).toBe(false);
  });
});

describe("month headers across the columns", () => {
  it("take the context's year and step into the next where they wrap", () => {
    const headers = readPeriodHeaders(["Jul", "Aug", "Dec", "Jan", "Jun"], { year: 2024 });
    expect(keys(headers.periods)).toEqual(["2024-07", "2024-08", "2024-12", "2025-01", "2025-06"]);
  });
  it("fall in their fiscal year's calendar years under a fiscal context year", () => {
    const headers = readPeriodHeaders(["Jul", "Dec", "Jan", "Jun"], {
      year: 2024,
      yearIsFiscal: true,
      fiscalYearStartMonth: 7,
    });
    expect(keys(headers.periods)).toEqual(["2023-07", "2023-12", "2024-01", "2024-06"]);
  });
  it("read other languages and leave other headers alone", () => {
    const headers = readPeriodHeaders(["KPI", "janv.", "févr.", "mars", "Total"], { year: 2024 });
    expect(keys(headers.periods)).toEqual([null, "2024-01", "2024-02", "2024-03", null]);
    expect(headers.unread).toEqual([0, 4]);
  });
  it("say which months have no year when nothing gives one", () => {
    const headers = readPeriodHeaders(["Ene", "Feb", "Mar"]);
    expect(headers.yearlessMonths).toBe(true);
    expect(headers.yearless.map((y) => y.value)).toEqual([1, 2, 3]);
  });
  it("read January FY21 across with the fiscal-year start", () => {
    const headers = readPeriodHeaders(["April FY21", "January FY21"], { fiscalYearStartMonth: 4 });
    expect(keys(headers.periods)).toEqual(["2020-04", "2021-01"]);
  });
});

describe("the year a title, sheet name or file name names", () => {
  it.each([
    [["Budget 2024"], 2024, false],
    [["Scorecard_2024.xlsx"], 2024, false],
    [["FY2024"], 2024, true],
    [["FY24 Dashboard"], 2024, true],
    [["Plan FY 2023/24"], 2024, true],
    [["2023-24 KPIs"], 2024, true],
    [["Plan 2024–25"], 2025, true],
    [["FY 2023–2024"], 2024, true],
    [["Sales Jan 2024 - Dec 2024"], 2024, false],
    [["as of 2024-03-31"], 2024, false],
  ])("finds it in %p", (texts, year, fiscal) => {
    expect(yearFromContext(texts)).toMatchObject({ year, fiscal, index: 0 });
  });
  it("asks the texts in order and skips one that names two years", () => {
    expect(yearFromContext(["2023 vs 2024", "Data", "kpis_2025.csv"])).toMatchObject({
      year: 2025,
      index: 2,
      found: "2025",
    });
    expect(yearFromContext(["Budget 2024", "export_2025.csv"])).toMatchObject({ year: 2024, index: 0 });
  });
  it.each([[["Scorecard"]], [["Report 12345"]], [["20240131 export"]], [["Target 1500"]], [[]]])(
    "finds none in %p",
    (texts) => {
      expect(yearFromContext(texts)).toBeNull();
    },
  );
});
