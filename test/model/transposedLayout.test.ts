import { readScorecard, type ScorecardReading } from "../../src/model/read";
import type { CellValue } from "../../src/model/snapshot";
import { trafficLightFormats } from "../../src/plan/trafficLights";
import { book, score, sheet } from "../helpers/book";

/**
 * A transposed block (src/model/transposedLayout.ts): what a header row would say stands down the
 * first column, the KPIs across. Public dashboards export their totals so: the measures across,
 * the amounts down (granted, allocated, paid out), or label-value lines with no header.
 */

const read = (rows: CellValue[][]): ScorecardReading =>
  readScorecard(book(sheet("Funds", rows)), null, new Set(), {});

const numberOf = (reading: { kind: string; value?: number }) =>
  reading.kind === "number" ? reading.value : reading.kind;

/** Each KPI as [name, actual, target]. */
const kpis = (rows: CellValue[][]) =>
  score(book(sheet("Funds", rows))).model.kpis.map((k) => [
    k.name,
    numberOf(k.observations[0]!.actual),
    numberOf(k.observations[0]!.target),
  ]);

describe("measures across, amounts down a column of labels", () => {
  it("reads each column as a KPI, its actual and target on the rows their labels name", () => {
    expect(
      kpis([
        ["Programme", "Roads", "Schools"],
        ["Budget", 100, 200],
        ["Actual spend", 90, 150],
      ]),
    ).toEqual([
      ["Roads", 90, 100],
      ["Schools", 150, 200],
    ]);
  });

  it("reads labels in the seven languages, with amount words and underscores (importo_erogato, Stanziato)", () => {
    expect(
      kpis([
        ["Misura", "M1", "M2"],
        ["importo_stanziato", 500, 800],
        ["importo_erogato", 450, 400],
      ]),
    ).toEqual([
      ["M1", 450, 500],
      ["M2", 400, 800],
    ]);
  });

  it("takes the label that says it is each column's whole (a total of the corner's word) as the target", () => {
    const rows: CellValue[][] = [
      ["Misura", "1.1 Cloud", "1.2 Dati"],
      ["importo_finanziamento", 185, 965],
      ["totale_importo_misura", 526, 987],
      ["importo_erogato", 110, 744],
    ];
    expect(kpis(rows)).toEqual([
      ["1.1 Cloud", 110, 526],
      ["1.2 Dati", 744, 987],
    ]);
    const reading = read(rows);
    if (!reading.ok) throw new Error(reading.fatal.message);
    expect(reading.model.layout?.inferred.join("; ")).toContain(
      'Target from "totale_importo_misura": the whole of each Misura',
    );
  });

  it("is no transposed block where no label names the target or the whole", () => {
    const reading = read([
      ["Misura", "1.1 Cloud", "1.2 Dati"],
      ["importo_finanziamento", 185, 965],
      ["importo_erogato", 110, 744],
    ]);
    expect(reading.ok).toBe(false);
  });

  it("is no transposed block where a row holds text beside its numbers", () => {
    const reading = read([
      ["Programme", "Roads", "Schools"],
      ["Budget", 100, "n/a"],
      ["Actual", 90, 150],
    ]);
    expect(reading.ok && reading.model.layout?.shape === "transposed").toBe(false);
  });

  it("is no transposed block under periods across: they are one series' columns, not KPIs", () => {
    const reading = read([
      ["Series", "Jan 2024", "Feb 2024"],
      ["Budget", 100, 100],
      ["Actual", 90, 95],
    ]);
    expect(reading.ok && reading.model.layout?.shape === "transposed").toBe(false);
  });

  it("writes no conditional formats on the source sheet: the rows are not a table's columns", () => {
    const wb = book(
      sheet("Funds", [
        ["Programme", "Roads"],
        ["Budget", 100],
        ["Actual", 90],
      ]),
    );
    const reading = readScorecard(wb, null, new Set(), {});
    if (!reading.ok) throw new Error(reading.fatal.message);
    const table = reading.model.table;
    if (!table) throw new Error("no table");
    expect(trafficLightFormats(table, reading.model.kpis, {} as never).plans).toEqual([]);
  });
});

describe("label-value lines with no header", () => {
  it("reads the sheet's one KPI, named after its sheet: the allocation against what was paid out", () => {
    expect(
      kpis([
        ["Totale Dotazione Misura", 3833200000.0],
        ["Totale Risorse Decretate", 2791997197.7],
        ["Totale Risorse Erogate", 2379480631.72],
      ]),
    ).toEqual([["Funds", 2379480631.72, 3833200000]]);
  });

  it("is no transposed block where several columns of numbers have no names above them", () => {
    const reading = read([
      ["Budget", 100, 200],
      ["Actual", 90, 150],
    ]);
    expect(reading.ok && reading.model.layout?.shape === "transposed").toBe(false);
  });

  it("is no transposed block where two labels name the actual and nothing says which", () => {
    const reading = read([
      ["Budget", 100],
      ["Actual", 90],
      ["Realizado", 80],
    ]);
    expect(reading.ok).toBe(false);
  });
});
