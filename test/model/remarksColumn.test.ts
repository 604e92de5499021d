import { readScorecard, type ScorecardReading } from "../../src/model/read";
import type { CellValue } from "../../src/model/snapshot";
import { book, sheet } from "../helpers/book";

/**
 * A column of remarks or actions is no KPI's names (roles.ts, readsAsNames): sales exports write
 * what to do beside each store's figures ("Close but not quite there. Please create an assessment
 * …"), and a reader that takes the sentences for KPIs scores each store's sales under a sentence
 * (docs/realworld-corpus.md). Names, however long, are phrases, not sentences.
 */

const read = (rows: readonly (readonly CellValue[])[]): ScorecardReading =>
  readScorecard(book(sheet("Sales", rows)), null, new Set(), {});

function kpiNames(reading: ScorecardReading): string[] {
  if (!reading.ok) throw new Error(`fatal: ${reading.fatal.message}`);
  return [...new Set(reading.model.kpis.map((k) => k.name))];
}

describe("a column of remarks beside one value pair", () => {
  it.each([
    [
      "English",
      ["Store", "Quarter", "Sales", "Target", "Actions"],
      [
        "Close but not quite there. Please create an assessment on blockers.",
        "Brilliant work. Share ideas with other stores.",
      ],
    ],
    [
      "Spanish",
      ["Tienda", "Trimestre", "Real", "Meta", "Acciones"],
      [
        "Casi lo logra. Revise los bloqueos con su equipo.",
        "Buen trabajo. Comparta sus ideas con las otras tiendas.",
      ],
    ],
  ])("is no KPI column: each store's one series is scored (%s)", (_, header, remarks) => {
    const reading = read([
      header,
      ["Leeds", "Q1 2024", 121365, 150000, remarks[0]],
      ["York", "Q1 2024", 184033, 175000, remarks[1]],
      ["Leeds", "Q2 2024", 193663, 150000, remarks[1]],
      ["York", "Q2 2024", 86059, 150000, remarks[0]],
    ]);
    expect(kpiNames(reading)).toEqual(["Sales"]);
    if (!reading.ok) return;
    expect(reading.model.kpis.map((k) => k.entity)).toEqual(["Leeds", "York"]);
  });

  it("a remark of eight words or more ending in a full stop is one too", () => {
    const reading = read([
      ["Store", "Quarter", "Sales", "Target", "Note"],
      ["Leeds", "Q1 2024", 1, 2, "Please create an assessment on blockers to hitting your target."],
      ["York", "Q1 2024", 1, 2, "Please share the ideas that worked with the other stores."],
    ]);
    expect(kpiNames(reading)).toEqual(["Sales"]);
  });
});

describe("names stay names", () => {
  it("a long name without a full stop, or a short one with it, is a KPI's name", () => {
    const reading = read([
      ["Line", "Quarter", "Actual", "Target"],
      ["Share of renewable energy in gross final energy consumption of the region", "Q1 2024", 20, 25],
      ["Sesiones del Pleno.", "Q1 2024", 17, 18],
    ]);
    expect(kpiNames(reading)).toEqual([
      "Share of renewable energy in gross final energy consumption of the region",
      "Sesiones del Pleno.",
    ]);
  });
});
