import { readScorecard, type ScorecardReading } from "../../src/model/read";
import type { CellValue } from "../../src/model/snapshot";
import { book, sheet } from "../helpers/book";

/**
 * KPIs as columns whose pairs are named by the series word in front of the measure ("Sales
 * Volume" / "Budget Volume", "Sales Value" / "Budget Value"), a row per period and product type, as
 * a weekly sales export keeps them (roles.ts, pairKpiColumns and inferRoles).
 */

const read = (rows: readonly (readonly CellValue[])[]): ScorecardReading =>
  readScorecard(book(sheet("Data", rows)), null, new Set(), {});

function latest(reading: ScorecardReading): Record<string, [unknown, unknown]> {
  if (!reading.ok) throw new Error(`fatal: ${reading.fatal.message}`);
  return Object.fromEntries(
    reading.model.kpis.map((k) => {
      const o = k.observations.at(-1);
      const v = (x: unknown) => (x && typeof x === "object" && "value" in x ? x.value : x);
      return [`${k.name} (${k.entity ?? "-"})`, [v(o?.actual), v(o?.target)]];
    }),
  );
}

describe("pairs named by the series word in front", () => {
  it.each([
    ["English", ["Month", "Type", "Sales Volume", "Budget Volume", "Sales Value", "Budget Value"]],
    [
      "Spanish",
      ["Mes", "Tipo", "Ventas Volumen", "Presupuesto Volumen", "Ventas Valor", "Presupuesto Valor"],
    ],
  ])("pairs each measure with its budget, each product type a unit (%s)", (_, header) => {
    const reading = read([
      header,
      ["2024-07", "bar", 4467, 3050, 7752, 11150],
      ["2024-07", "liquid", 4307, 3550, 9315, 11250],
      ["2024-08", "bar", 3055, 3550, 12089, 11250],
      ["2024-08", "liquid", 3347, 3550, 8998, 11250],
    ]);
    const [, , volume, , value] = header as string[];
    expect(latest(reading)).toEqual({
      [`${volume} (bar)`]: [3055, 3550],
      [`${value} (bar)`]: [12089, 11250],
      [`${volume} (liquid)`]: [3347, 3550],
      [`${value} (liquid)`]: [8998, 11250],
    });
  });

  it("leaves a measure with two candidates in front unpaired", () => {
    const reading = read([
      ["Month", "Sales Volume", "Returns Volume", "Budget Volume"],
      ["2024-07", 10, 2, 12],
    ]);
    expect(reading.ok).toBe(false);
  });
});
