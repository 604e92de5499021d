import { runScorecard } from "../../src/app/scorecard";
import { emptyDefinition } from "../../src/model/definition";
import { ownedSheets } from "../../src/model/ownership";
import { renderPlan } from "../../src/plan/render";
import { FakeExcel } from "./fakeExcel";

/** Scorecards of any size in the fake Excel, and the refreshes the Office.js tests run on them. */
export const HEADER = ["Perspective", "Objective", "KPI", "Actual", "Target", "Polarity"];
const PERSPECTIVES = ["Financial", "Customer", "Internal Processes", "Learning & Growth"];

export function scorecardBook(kpis: number): FakeExcel {
  const fake = new FakeExcel();
  const rows: (string | number | null)[][] = [HEADER];
  for (let k = 0; k < kpis; k++) {
    rows.push([
      PERSPECTIVES[k % 4]!,
      `Objective ${k % 40}`,
      `KPI ${k}`,
      k % 17 === 0 ? null : 80 + (k % 40),
      100,
      k % 3 ? "higher" : "lower",
    ]);
  }
  fake.addSheet("Data", rows);
  fake.tables.push({ name: "Kpis", sheet: "Data", address: `A1:F${kpis + 1}` });
  return fake;
}

export async function refresh(fake: FakeExcel, payloadLimit?: number) {
  const port = fake.port(payloadLimit);
  const outcome = await runScorecard(port, { now: new Date("2026-07-01T00:00:00Z") }, true);
  if (!outcome.ok) throw new Error(outcome.fatal.message);
  return outcome;
}

/** Round trips of the write alone: the plan applied to a workbook already read. */
export async function syncsToApply(
  kpis: number,
  payloadLimit?: number,
): Promise<{ syncs: number; fake: FakeExcel }> {
  const fake = scorecardBook(kpis);
  const port = fake.port(payloadLimit);
  const outcome = await runScorecard(port, {}, false);
  if (!outcome.ok) throw new Error(outcome.fatal.message);
  const snapshot = await port.readSnapshot();
  const { plan } = renderPlan({
    sheetNames: snapshot.sheets.map((s) => s.name),
    owned: ownedSheets(snapshot),
    model: outcome.model,
    result: outcome.result,
    definition: emptyDefinition(),
    refreshedAt: "now",
  });
  const before = fake.syncs;
  await port.applyPlan(plan);
  return { syncs: fake.syncs - before, fake };
}

/** A monthly scorecard (a Period column): `kpis` KPIs over `months` months from 2026-01, for trend charts. */
export function monthlyBook(kpis: number, months: number): FakeExcel {
  const fake = new FakeExcel();
  const rows: (string | number | null)[][] = [["Period", ...HEADER]];
  for (let m = 1; m <= months; m++)
    for (let k = 0; k < kpis; k++)
      rows.push([
        `2026-${String(m).padStart(2, "0")}`,
        PERSPECTIVES[k % 4]!,
        `Objective ${k}`,
        `KPI ${k}`,
        90 + ((k + 5 * m) % 20),
        100,
        "higher",
      ]);
  fake.addSheet("Data", rows);
  fake.tables.push({ name: "Monthly", sheet: "Data", address: `A1:G${rows.length}` });
  return fake;
}
