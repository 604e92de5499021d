/**
 * The Commentary and Initiatives tables through Office.js: read in the same batches as the rest
 * of the workbook and written with the Scorecard sheet, so a refresh takes as many round trips
 * with them as without them, however many rows they hold.
 */
import { refresh, scorecardBook } from "./books";
import type { FakeExcel } from "./fakeExcel";

function withFollowUps(kpis: number, rows: number): FakeExcel {
  const fake = scorecardBook(kpis);
  const notes: (string | number | null)[][] = [["KPI", "Analysis", "Action", "Action owner", "Due"]];
  const initiatives: (string | number | null)[][] = [
    ["Objective", "Initiative", "Owner", "Due", "% complete", "Status"],
  ];
  for (let i = 0; i < rows; i++) {
    notes.push([`KPI ${i % kpis}`, `Explained ${i}`, `Fix ${i}`, "Ann", "2020-01-31"]);
    initiatives.push([`Objective ${i % Math.min(kpis, 40)}`, `Project ${i}`, "Bo", "2020-06-30", 0.5, "Red"]);
  }
  fake.addSheet("Notes", notes);
  fake.addSheet("Initiatives", initiatives);
  return fake;
}

const syncsOfRefresh = async (fake: FakeExcel) => {
  const before = fake.syncs;
  await refresh(fake);
  return fake.syncs - before;
};

/** Every text of the Scorecard sheet, as the fake holds it. */
const texts = (fake: FakeExcel): unknown[] => [...fake.sheet("Scorecard").cells.values()].map((c) => c.value);

describe("commentary and initiatives through Office.js", () => {
  it("are written on the Scorecard sheet, the late action and the flagged initiative said", async () => {
    const fake = withFollowUps(6, 2);
    await refresh(fake);
    expect(texts(fake)).toEqual(
      expect.arrayContaining([
        "Commentary",
        "KPI 0 (Objective 0)",
        "Explained 0",
        "Action: Fix 0",
        "Overdue",
        "Initiatives",
        "Project 1",
        "Overdue, Off track",
      ]),
    );
  });

  it("take no round trip more than a refresh without them, for 2 rows or 200", async () => {
    const without = await syncsOfRefresh(scorecardBook(40));
    const few = await syncsOfRefresh(withFollowUps(40, 2));
    const many = await syncsOfRefresh(withFollowUps(40, 200));
    expect([few, many]).toEqual([without, without]);
  });
});
