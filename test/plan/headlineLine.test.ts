import fc from "fast-check";
import type { CellValue } from "../../src/model/snapshot";
import { charsIn, headlineLine } from "../../src/plan/headlineLine";
import { summarySheet } from "../../src/plan/summary";
import { book, score, sheet } from "../helpers/book";
import { propertyRuns } from "../helpers/runs";

describe("a headline line on the printed page", () => {
  it("names the entries that fit and counts the others, never cutting one", () => {
    const names = ["Revenue", "Operating cost", "Net promoter score", "Orders shipped on time"];
    expect(headlineLine(names, ", ", 6, 200)).toBe(names.join(", "));
    expect(headlineLine(names, ", ", 6, 40)).toBe("Revenue, Operating cost and 2 more");
    // At most `most` named, whatever the room.
    expect(headlineLine(names, ", ", 1, 200)).toBe("Revenue and 3 more");
    // A first entry longer than the line is the only one cut.
    expect(headlineLine(["x".repeat(50), "y"], ", ", 6, 20)).toBe(`${"x".repeat(8)}… and 1 more`);
  });

  it("is never longer than its room, and names or counts every entry", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 20, max: 200 }),
        (entries, most, room) => {
          const line = headlineLine(entries, "; ", most, room);
          expect(line.length).toBeLessThanOrEqual(room);
          const counted = /and (\d+) more$/.exec(line);
          const rest = counted ? Number(counted[1]) : 0;
          const named = entries.length - rest;
          expect(named).toBeGreaterThanOrEqual(1);
          expect(named).toBeLessThanOrEqual(most);
          if (named > 1) expect(line.startsWith(entries.slice(0, named).join("; "))).toBe(true);
        },
      ),
      { numRuns: propertyRuns(300) },
    );
  });

  it("keeps the Scorecard sheet's Off target and Needs commentary lines within its print area", () => {
    const rows: CellValue[][] = [["KPI", "Actual", "Target"]];
    for (let i = 1; i <= 6; i++) rows.push([`Training hours per employee in region ${i}`, 1, 100]);
    const s = summarySheet(score(book(sheet("Data", rows))).result, "Data!A1:C7", "now");
    const room = charsIn(s.columnWidths.slice(1, s.print.area.right).reduce((a, w) => a + w, 0));
    const line = (row: number) => String(s.cells.find((c) => c.row === row && c.col === 2)?.value);
    for (const row of [5, 8]) {
      expect(line(row).length).toBeLessThanOrEqual(room);
      expect(line(row)).toMatch(/^Training hours per employee in region 1, .* and \d more$/);
    }
  });
});
