import { emptyDefinition } from "../../src/model/definition";
import type { CellValue } from "../../src/model/snapshot";
import { book, score, sheet } from "../helpers/book";

const KPIS = sheet("KPI Data", [
  ["Perspective", "Objective", "KPI", "Period", "Actual", "Target"],
  ["Financial", "Grow revenue", "Revenue", "2026-11", 100, 100],
  ["Financial", "Grow revenue", "Revenue", "2026-12", 50, 100],
  ["Financial", "Grow revenue", "Margin", "2026-12", 95, 100],
  ["Customer", "Delight customers", "NPS", "2026-12", 20, 50],
  ["Customer", "Delight customers", "Churn", "2026-12", 100, 100],
]);

const NOTES: CellValue[][] = [
  ["Period", "KPI", "Objective", "Analysis", "Action", "Action owner", "Due", "Status"],
  ["2026-12", "Revenue", null, "Two deals slipped.", "Call buyers", "Ann", "2026-12-01", ""],
  [null, null, null, null, "Review pricing", "Bob", "2026-12-01", "Done"],
  [null, null, null, null, "Board memo", "Cy", "2027-01-10", ""],
  ["2026-11", "NPS", null, "Last month's note.", "", "", "", ""],
  ["2026-12", null, "Delight customers", "Survey under way.", "", "", "", ""],
];

const INITIATIVES: CellValue[][] = [
  ["Objective", "Initiative", "Owner", "Due", "% complete", "Status", "Budget", "Spend"],
  ["Delight customers", "Loyalty app", "Di", "2027-06-30", 0.2, "Amber", 100, 40],
  ["Grow revenue", "New CRM", "Ann", "2026-11-30", 0.6, "Red", 100000, 130000.5],
  ["Grow revenue", "Price study", "Ed", "2026-11-30", 1, "Green", 10, 5],
];

const run = (options: { today?: string; needsCommentary?: boolean; notes?: CellValue[][] } = {}) =>
  score(book(KPIS, sheet("Notes", options.notes ?? NOTES), sheet("Initiatives", INITIATIVES)), {
    definition: {
      ...emptyDefinition(),
      settings: {
        ...emptyDefinition().settings,
        ...(options.needsCommentary === undefined ? {} : { needsCommentary: options.needsCommentary }),
      },
    },
    evaluate: { today: options.today ?? "2026-12-07" },
  }).result;

describe("the scored period's commentary", () => {
  it("gathers each KPI's and objective's rows of the period, in scorecard order, the late action marked", () => {
    const f = run().followUps;
    expect(f?.commentary.map((c) => [c.kpi ?? `(${c.objective})`, c.analysis, c.cell])).toEqual([
      ["Revenue", "Two deals slipped.", "Notes!B2"],
      ["(Delight customers)", "Survey under way.", "Notes!C6"],
    ]);
    expect(f?.commentary[0]?.actions.map((a) => [a.text, a.done, a.overdue])).toEqual([
      ["Call buyers", false, true],
      ["Review pricing", true, false],
      ["Board memo", false, false],
    ]);
  });

  it("flags an overdue action as an issue at its Due cell, and nothing is late without a day of the run", () => {
    const late = run().issues.filter((i) => i.code === "action-overdue");
    expect(late.map((i) => [i.cell, i.message])).toEqual([
      ["Notes!G2", 'The action "Call buyers" on "Revenue" (Ann) was due on 2026-12-01 and is not done.'],
    ]);
    const noClock = score(book(KPIS, sheet("Notes", NOTES))).result;
    expect(noClock.issues.filter((i) => i.code === "action-overdue")).toEqual([]);
    expect(noClock.followUps?.commentary[0]?.actions.some((a) => a.overdue)).toBe(false);
  });

  it("lists the red and amber KPIs without an analysis for the period, and none when the setting is off", () => {
    // Revenue is red but explained; Margin amber and NPS red are not (NPS's note is November's).
    expect(run().followUps?.needsCommentary).toEqual(["Margin", "NPS"]);
    expect(run({ needsCommentary: false }).followUps?.needsCommentary).toBeNull();
  });

  it("takes a row without a period for whatever period is scored", () => {
    const notes: CellValue[][] = [
      ["KPI", "Analysis"],
      ["NPS", "Standing note."],
    ];
    expect(run({ notes }).followUps?.needsCommentary).toEqual(["Revenue", "Margin"]);
  });
});

describe("initiatives", () => {
  it("are listed under their objectives in scorecard order, with what is late, off track or over budget", () => {
    const f = run().followUps;
    expect(f?.initiatives.map((i) => [i.objective, i.name, i.flags])).toEqual([
      ["Grow revenue", "New CRM", ["overdue", "off track", "over budget"]],
      ["Grow revenue", "Price study", []],
      ["Delight customers", "Loyalty app", ["at risk"]],
    ]);
  });

  it("say each flag in an issue at the cell that says it: Due, Status, Spend", () => {
    const flagged = run().issues.filter(
      (i) => i.code.startsWith("initiative-") && i.code !== "initiative-value-invalid",
    );
    expect(flagged.map((i) => [i.code, i.cell, i.message])).toEqual([
      [
        "initiative-overdue",
        "Initiatives!D3",
        'The initiative "New CRM" was due on 2026-11-30 and is not done (60% complete).',
      ],
      ["initiative-off-track", "Initiatives!F3", 'The initiative "New CRM" is off track ("Red").'],
      [
        "initiative-over-budget",
        "Initiatives!H3",
        'The initiative "New CRM" has spent 130,000.5 of its budget of 100,000.',
      ],
      ["initiative-at-risk", "Initiatives!F2", 'The initiative "Loyalty app" is at risk ("Amber").'],
    ]);
  });

  it("is not late on its due day", () => {
    const f = run({ today: "2026-11-30" }).followUps;
    expect(f?.initiatives[0]?.flags).toEqual(["off track", "over budget"]);
  });
});
