import { boxA1, parseReference, sheetBox } from "../../src/model/address";
import {
  DEFINITION_VERSION,
  emptyDefinition,
  parseDefinition,
  serializeDefinition,
} from "../../src/model/definition";
import {
  DEFINITION_MARKER_NAME,
  DEFINITION_SHEET_MARKER,
  HISTORY_MARKER_NAME,
  HISTORY_SHEET_STAMP,
  ownedSheetNames,
  ownedSheets,
  storedDefinitionText,
  SUMMARY_MARKER_NAME,
} from "../../src/model/ownership";
import { canonicalHeader, roleOfHeader } from "../../src/model/headers";
import { cellAt, formatAt, lastCol, lastRow } from "../../src/model/snapshot";
import {
  cellText,
  isDateFormat,
  numberFromText,
  parseAggregation,
  parsePolarity,
  polarityWords,
  readNumber,
} from "../../src/model/values";
import { sheet } from "../helpers/book";

describe("numbers typed as text", () => {
  it.each([
    ["+5", 5],
    ["−5", -5],
    ["$-5", -5],
    ["- 5", -5],
    ["( 7 )", -7],
    [".5", 0.5],
    ["5.", 5],
    ["95 %", 0.95],
    ["1,234,567", 1234567],
    ["£2", 2],
    ["¥3", 3],
    ["1\u00a0000", null],
    ["2.5E-3", 0.0025],
    // A trailing minus, as SAP exports write a negative amount.
    ["5-", -5],
  ])("reads %p as %p", (text, value) => {
    expect(numberFromText(text)).toBe(value);
  });
  it.each([
    "(-5)",
    "-(5)",
    "-5-",
    "(5)-",
    "1,2345",
    "12,34",
    ",5",
    "1e",
    "%",
    "$",
    "()",
    "Infinity",
    "1e999",
  ])("leaves %p as text", (text) => {
    expect(numberFromText(text)).toBeNull();
  });
  it("divides a percentage so that 95% equals the cell value 0.95 exactly", () => {
    expect(numberFromText("95%")).toBe(0.95);
    expect(numberFromText("7%")).toBe(0.07);
  });
});

describe("reading a cell as a number", () => {
  it("takes a date as its serial, infinities as blank, and text with spaces only as blank", () => {
    expect(readNumber({ date: 46023 })).toEqual({ kind: "number", value: 46023 });
    expect(readNumber(Number.POSITIVE_INFINITY)).toEqual({ kind: "blank" });
    expect(readNumber("\u00a0 ")).toEqual({ kind: "blank" });
    expect(readNumber("abc")).toEqual({ kind: "text", text: "abc" });
    expect(readNumber(false)).toEqual({ kind: "text", text: "FALSE" });
  });
  it("shows a cell as the text a user sees", () => {
    expect(cellText(null)).toBe("");
    expect(cellText("  Revenue  ")).toBe("Revenue");
    expect(cellText(12.5)).toBe("12.5");
    expect(cellText(true)).toBe("true");
    expect(cellText({ error: "#REF!" })).toBe("#REF!");
    expect(cellText({ date: 46023 })).toBe("46023");
  });
});

describe("polarity and aggregation words", () => {
  it("folds case, hyphens, underscores and runs of white space", () => {
    expect(parsePolarity("Higher-Is_Better")).toBe("higher");
    expect(parsePolarity(" lower\tis  better ")).toBe("lower");
    expect(parsePolarity("within_range")).toBe("band");
    expect(parsePolarity("   ")).toBeNull();
    expect(parsePolarity("up-ish")).toBe("unknown");
  });
  it("lists each polarity's words for the sheet's rules, the canonical word first", () => {
    expect(polarityWords("higher")[0]).toBe("higher");
    expect(polarityWords("lower")).toContain("lower is better");
    expect(polarityWords("band")).toContain("stabilize");
    expect(polarityWords("higher")).not.toContain("lower");
  });
  it.each([
    ["Total", "sum"],
    ["AVG", "average"],
    ["mean", "average"],
    ["Minimum", "min"],
    ["maximum", "max"],
    [" last ", "last"],
    ["", null],
    ["median", "unknown"],
  ])("reads aggregation %p as %p", (word, aggregation) => {
    expect(parseAggregation(word)).toBe(aggregation);
  });
});

describe("date number formats", () => {
  it.each([
    ["yyyy-mm-dd", true],
    ["d-mmm", true],
    ["mmm yy", true],
    ["[$-409]mmmm", true],
    ["mm", true],
    ["h:mm", false],
    ["mm:ss", false],
    ["0.00", false],
    ['0.0" m"', false],
    ["\\m0", false],
    ["[Red]0", false],
    ["General", false],
    ["", false],
  ])("%p shows a date: %p", (format, isDate) => {
    expect(isDateFormat(format)).toBe(isDate);
  });
  it("is no date format when there is none", () => {
    expect(isDateFormat(null)).toBe(false);
    expect(isDateFormat(undefined)).toBe(false);
  });
});

describe("headers", () => {
  it("names each role by its first header word in messages and new tables", () => {
    expect(canonicalHeader("tolerance")).toBe("Tolerance %");
    expect(canonicalHeader("kpi")).toBe("KPI");
  });
  it("reads a header with its unit in brackets of any kind, but only at the end", () => {
    expect(roleOfHeader("Target {EUR}")).toBe("target");
    expect(roleOfHeader("Target [%]")).toBe("target");
    expect(roleOfHeader("(USD) Target")).toBeNull();
  });
});

describe("addresses", () => {
  it("writes boxes, absolute where asked", () => {
    const box = { top: 2, left: 3, bottom: 9, right: 4 };
    expect(boxA1(box)).toBe("C2:D9");
    expect(boxA1(box, true)).toBe("$C$2:$D$9");
    expect(boxA1({ top: 5, left: 1, bottom: 5, right: 1 }, true)).toBe("$A$5");
    expect(sheetBox("P&L", box, true)).toBe("'P&L'!$C$2:$D$9");
  });
  it("reads a range written backwards, in lower case, with spaces around", () => {
    expect(parseReference("  d9:c2 ")).toEqual({
      sheet: null,
      box: { top: 2, left: 3, bottom: 9, right: 4 },
    });
    expect(parseReference("Data!B7")).toEqual({
      sheet: "Data",
      box: { top: 7, left: 2, bottom: 7, right: 2 },
    });
  });
  it("refuses what is not one range", () => {
    for (const text of ["", "Data!", "A1:B2:C3", "A1,B2", "ABCD1", "'Data!A1", "Data!A0x"])
      expect({ text, ref: parseReference(text) }).toEqual({ text, ref: null });
  });
});

describe("the stored definition", () => {
  it("says why it cannot read a document, in words", () => {
    expect(parseDefinition("{not json")).toEqual({ ok: false, reason: "it is not valid JSON" });
    expect(parseDefinition("[1]")).toEqual({ ok: false, reason: "it is not a JSON object" });
    expect(parseDefinition("null")).toEqual({ ok: false, reason: "it is not a JSON object" });
    expect(parseDefinition("{}")).toEqual({ ok: false, reason: "it has no schemaVersion" });
    expect(parseDefinition('{"schemaVersion":0}')).toEqual({ ok: false, reason: "it has no schemaVersion" });
    expect(parseDefinition('{"schemaVersion":1.5}')).toEqual({
      ok: false,
      reason: "it has no schemaVersion",
    });
    expect(parseDefinition(`{"schemaVersion":${DEFINITION_VERSION + 1}}`)).toEqual({
      ok: false,
      reason: `it was written by a newer version of the add-in (schema ${DEFINITION_VERSION + 1}; this one reads up to ${DEFINITION_VERSION})`,
    });
  });
  it("puts right a summary-sheet name Excel forbids, naming the field on one line, and refuses other invalid settings", () => {
    const bad = {
      ...emptyDefinition(),
      settings: { ...emptyDefinition().settings, summarySheetName: "a/b" },
    };
    const read = parseDefinition(serializeDefinition(bad));
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(read.definition.settings.summarySheetName).toBe("Scorecard");
      expect(read.repaired).toHaveLength(1);
      expect(read.repaired?.[0]).toContain("settings.summarySheetName");
      expect(read.repaired?.[0]).not.toContain("\n");
    }
    for (const settings of [{ fiscalYearStartMonth: 13 }, { rollup: "median" }, { palette: "neon" }]) {
      const doc = { ...emptyDefinition(), settings: { ...emptyDefinition().settings, ...settings } };
      expect(parseDefinition(serializeDefinition(doc as never)).ok).toBe(false);
    }
  });
  it("refuses a negative weight or tolerance, and a blank name", () => {
    for (const kpi of [
      { perspective: "F", objective: "O", name: "K", weight: -1 },
      { perspective: "F", objective: "O", name: "K", tolerance: -0.1 },
      { perspective: "F", objective: "O", name: "  " },
    ]) {
      const doc = { ...emptyDefinition(), kpis: [kpi] };
      expect({ kpi, ok: parseDefinition(JSON.stringify(doc)).ok }).toEqual({ kpi, ok: false });
    }
  });
  it("has the defaults SCORING.md and WORKBOOK.md give", () => {
    expect(emptyDefinition().settings).toEqual({
      scoredPeriod: null,
      rollup: "weighted",
      fiscalYearStartMonth: 1,
      summarySheetName: "Scorecard",
      palette: "standard",
      lastRefreshed: null,
    });
    expect(emptyDefinition()).toMatchObject({ schemaVersion: 1, source: null, kpis: [], tagged: [] });
  });
});

describe("the product's sheets", () => {
  const book = (...sheets: ReturnType<typeof sheet>[]) => ({
    sheets,
    names: [
      { name: "_BSC_SUMMARY", sheet: "Board", box: { top: 1, left: 1, bottom: 1, right: 1 } },
      { name: DEFINITION_MARKER_NAME, sheet: "Defs", box: { top: 1, left: 1, bottom: 1, right: 1 } },
    ],
  });
  it("are found by their marker names, whatever their case, and their stamps", () => {
    const owned = ownedSheets(
      book(
        sheet("Board", [["Balanced Scorecard"]]),
        sheet("Defs", [[DEFINITION_SHEET_MARKER], ['{"a":'], ["1}"]]),
      ),
    );
    expect(owned).toEqual({
      summary: "Board",
      definition: "Defs",
      dashboard: null,
      strategyMap: null,
      history: null,
      issues: [],
    });
    expect([...ownedSheetNames(owned)]).toEqual(["Board", "Defs"]);
    const withHistory = book(
      sheet("Board", [["Balanced Scorecard"]]),
      sheet("Defs", [[DEFINITION_SHEET_MARKER]]),
      sheet("Past", [[HISTORY_SHEET_STAMP]]),
    );
    withHistory.names.push({
      name: HISTORY_MARKER_NAME.toUpperCase(),
      sheet: "Past",
      box: { top: 1, left: 1, bottom: 1, right: 1 },
    });
    expect(ownedSheets(withHistory).history).toBe("Past");
    expect([...ownedSheetNames(ownedSheets(withHistory))]).toContain("Past");
  });
  it("joins the stored definition from the cells below its marker", () => {
    const b = book(sheet("Board", []), sheet("Defs", [[DEFINITION_SHEET_MARKER], ['{"a":'], [null], ["1}"]]));
    expect(storedDefinitionText(b, ownedSheets(b))).toBe('{"a":1}');
    const empty = book(sheet("Board", []), sheet("Defs", [[DEFINITION_SHEET_MARKER]]));
    expect(storedDefinitionText(empty, ownedSheets(empty))).toBeNull();
  });
  it("are not a marked sheet with someone else's content, nor a marker pointing nowhere", () => {
    const owned = ownedSheets(book(sheet("Board", [["My notes"]]), sheet("Other", [["x"]])));
    expect(owned.summary).toBeNull();
    expect(owned.definition).toBeNull();
    expect(owned.issues).toEqual([expect.objectContaining({ code: "marker-not-ours" })]);
    expect(owned.issues![0]!.message).toContain(SUMMARY_MARKER_NAME.toUpperCase());
  });
});

describe("snapshots", () => {
  it("place values and formats at the sheet's origin", () => {
    const s = {
      name: "S",
      visibility: "visible" as const,
      origin: { row: 3, col: 2 },
      values: [[1, 2], [3]],
      formats: [["0%", null]],
      tables: [],
    };
    expect([cellAt(s, 3, 2), cellAt(s, 3, 3), cellAt(s, 4, 2), cellAt(s, 4, 3), cellAt(s, 2, 2)]).toEqual([
      1,
      2,
      3,
      null,
      null,
    ]);
    expect([formatAt(s, 3, 2), formatAt(s, 3, 3), formatAt(s, 4, 2)]).toEqual(["0%", null, null]);
    expect([lastRow(s), lastCol(s)]).toEqual([4, 3]);
  });
});
