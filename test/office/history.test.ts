import { readWorkbookState, runScorecard } from "../../src/app/scorecard";
import type { HistoryRow } from "../../src/model/historySheet";
import { monthlyBook } from "./books";
import type { FakeExcel } from "./fakeExcel";

/**
 * The History sheet through Office.js: read back in the read's own round trips, written in the
 * plan's, whatever the number of its rows; a published month frozen in Excel as in a file.
 */

const at = (day: number) => new Date(Date.UTC(2026, 6, day, 9));

async function refresh(
  fake: FakeExcel,
  options: { period?: string; publish?: { period: string } } = {},
  day = 1,
  payloadLimit?: number,
) {
  const outcome = await runScorecard(fake.port(payloadLimit), { now: at(day), ...options }, true);
  if (!outcome.ok) throw new Error(outcome.fatal.message);
  return outcome;
}

async function historyOf(fake: FakeExcel): Promise<readonly HistoryRow[]> {
  const state = await readWorkbookState(fake.port());
  if ("code" in state) throw new Error(state.message);
  return state.history ?? [];
}

const kpiRows = (rows: readonly HistoryRow[], kpi: string) =>
  rows.filter((r) => r.level === "KPI" && r.kpi === kpi).map((r) => [r.period, r.actual, r.published]);

describe("the History sheet in Excel", () => {
  it("is read back in the read's three round trips and keeps each month refreshed", async () => {
    const fake = monthlyBook(2, 3);
    await refresh(fake, { period: "2026-01" });
    await refresh(fake, { period: "2026-02" }, 2);
    const before = fake.syncs;
    const rows = await historyOf(fake);
    expect(fake.syncs - before).toBe(3);
    expect([...new Set(rows.map((r) => r.period))]).toEqual(["2026-01", "2026-02"]);
    expect(fake.value("Scorecard History", "A1")).toBe("Balanced Scorecard history");
    // Written as text: a period such as 2026-01 is not taken for a date.
    expect(fake.value("Scorecard History", "A4")).toBe("2026-01");
  });

  it("takes as many round trips to refresh with a year of History rows as with a month's", async () => {
    const syncsOfRefresh = async (kpis: number, months: number) => {
      const fake = monthlyBook(kpis, months);
      for (let m = 1; m < months; m++)
        await refresh(fake, { period: `2026-${String(m).padStart(2, "0")}` }, m);
      const before = fake.syncs;
      await refresh(fake, {}, 28);
      return { syncs: fake.syncs - before, rows: (await historyOf(fake)).length };
    };
    const small = await syncsOfRefresh(1, 2);
    const large = await syncsOfRefresh(20, 12);
    expect(large.rows).toBeGreaterThan(small.rows * 50);
    expect(large.syncs).toBe(small.syncs);
  });

  it("keeps a published month as published when its cell changes, and names the cell", async () => {
    const fake = monthlyBook(1, 3);
    await refresh(fake, { publish: { period: "2026-02" } });
    const published = kpiRows(await historyOf(fake), "KPI 0");
    // KPI 0's actual of 2026-02 is row 3's E3 (the Period column first).
    fake.sheet("Data").cells.set("2,4", { value: 55, type: "Double", format: "General" });
    const outcome = await refresh(fake, {}, 2);
    expect(outcome.report.issues.filter((i) => i.code === "restated").map((i) => i.cell)).toEqual([
      "Data!E3",
    ]);
    const after = kpiRows(await historyOf(fake), "KPI 0");
    expect(after.filter(([p]) => p === "2026-02")).toEqual(published.filter(([p]) => p === "2026-02"));
    expect(after.find(([p]) => p === "2026-02")?.[2]).not.toBe("");
  });

  it("never loses another month's row when a History written in parts fails at any operation", async () => {
    // Requests of 8 kB: the History's rows go in several parts.
    const LIMIT = 8_000;
    const before = async () => {
      const fake = monthlyBook(12, 2);
      await refresh(fake, { period: "2026-01" }, 1, LIMIT);
      await refresh(fake, { period: "2026-02" }, 2, LIMIT);
      // January gains ten KPIs: its rows in History grow, and February's below them move down.
      const data = fake.sheet("Data");
      for (let i = 0; i < 10; i++)
        ["2026-01", "Financial", "Objective 0", `New KPI ${i}`, 95, 100, "higher"].forEach((value, c) =>
          data.cells.set(`${25 + i},${c}`, {
            value,
            type: typeof value === "number" ? "Double" : "String",
            format: "General",
          }),
        );
      fake.tables[0]!.address = "A1:G35";
      return fake;
    };
    const february = (rows: readonly HistoryRow[]) =>
      rows.filter((r) => r.period === "2026-02").map((r) => JSON.stringify(r));

    const whole = await before();
    const kept = february(await historyOf(whole));
    const start = whole.operationsQueued;
    await refresh(whole, { period: "2026-01" }, 3, LIMIT);
    const log = whole.operationLog.slice(start);
    // The History is the last sheet written: its values go between its clear and its frozen rows.
    const from = log.lastIndexOf("Range.clear");
    const to = log.indexOf("WorksheetFreezePanes.freezeRows", from);
    const parts = log.slice(from, to).filter((op) => op.startsWith("Range.values")).length;
    expect(parts).toBeGreaterThan(2);
    expect(february(await historyOf(whole))).toEqual(kept);
    expect((await historyOf(whole)).filter((r) => r.kpi.startsWith("New KPI"))).toHaveLength(10);

    for (let n = from; n < to; n++) {
      const fake = await before();
      fake.failAtOperation = fake.operationsQueued + n;
      await expect(refresh(fake, { period: "2026-01" }, 3, LIMIT)).rejects.toThrow();
      fake.failAtOperation = null;
      expect({ n, february: february(await historyOf(fake)) }).toEqual({ n, february: kept });
    }
  }, 300_000);
});
