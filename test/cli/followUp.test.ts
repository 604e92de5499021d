import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../../src/cli/main";
import { workbookBytes } from "../helpers/xlsx";

const SHEETS = [
  {
    name: "Data",
    rows: [
      ["Period", "Perspective", "Objective", "KPI", "Actual", "Target"],
      ["2026-12", "Financial", "Grow revenue", "Revenue", 50, 100],
      ["2026-12", "Financial", "Grow revenue", "Margin", 95, 100],
      ["2026-12", "Customer", "Delight customers", "NPS", 60, 50],
    ],
  },
  {
    name: "Commentary",
    rows: [
      ["Period", "KPI", "Analysis", "Action", "Action owner", "Due"],
      ["2026-12", "Revenue", "Two deals slipped.", "Call buyers", "Ann", "2026-12-01"],
    ],
  },
  {
    name: "Initiatives",
    rows: [
      ["Objective", "Initiative", "Owner", "Due", "% complete", "Status", "Budget", "Spend"],
      ["Grow revenue", "New CRM", "Ann", "2026-11-30", 0.6, "Red", 100, 130],
      ["Delight customers", "Loyalty app", "Di", "2027-06-30", 20, "Green", 100, 40],
    ],
  },
];

async function check(args: string[]): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bsc-follow-up-"));
  writeFileSync(path.join(dir, "book.xlsx"), await workbookBytes(SHEETS));
  const out: string[] = [];
  const code = await runCli(["check", "book.xlsx", ...args], {
    cwd: dir,
    stdout: (t) => out.push(t),
    stderr: () => undefined,
    now: new Date("2026-12-07T12:00:00Z"),
  });
  expect(code).toBe(0);
  return out.join("\n");
}

describe("bsc check with the Commentary and Initiatives tables", () => {
  it("prints the KPIs needing commentary, the period's commentary and the initiatives, the late ones marked", async () => {
    const text = await check([]);
    const lines = text.split("\n");
    const from = lines.indexOf("Needs commentary: Margin");
    const to = lines.findIndex((l) => /^\d+ warnings?/.test(l));
    expect(lines.slice(from, to)).toEqual([
      "Needs commentary: Margin",
      "",
      "Commentary for 2026-12:",
      "  Revenue (Grow revenue): Two deals slipped.",
      "    - Call buyers (Ann, due 2026-12-01)  OVERDUE",
      "",
      "Initiatives:",
      "  Grow revenue",
      "    New CRM (Ann, due 2026-11-30, 60% complete, red)  OVERDUE, OFF TRACK, OVER BUDGET",
      "  Delight customers",
      "    Loyalty app (Di, due 2027-06-30, 20% complete, green)",
      "",
    ]);
    expect(text).toMatch(
      /warning +Commentary!F2: The action "Call buyers" on "Revenue" \(Ann\) was due on 2026-12-01/,
    );
  });

  it("adds commentary, needsCommentary and initiatives to the JSON report", async () => {
    const json = JSON.parse(await check(["--json"])) as Record<string, unknown>;
    expect(json.needsCommentary).toEqual(["Margin"]);
    expect(json.commentary).toEqual([
      {
        perspective: "Financial",
        objective: "Grow revenue",
        kpi: "Revenue",
        entity: null,
        analysis: "Two deals slipped.",
        actions: [
          {
            action: "Call buyers",
            owner: "Ann",
            due: "2026-12-01",
            done: false,
            overdue: true,
            source: "table",
          },
        ],
        cell: "Commentary!B2",
        sources: ["table"],
      },
    ]);
    expect(json.initiatives).toEqual([
      expect.objectContaining({
        name: "New CRM",
        complete: 0.6,
        status: "red",
        flags: ["overdue", "off track", "over budget"],
      }),
      expect.objectContaining({ name: "Loyalty app", complete: 0.2, flags: [], cell: "Initiatives!B3" }),
    ]);
  });
});
