import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs, USAGE, UsageError } from "../../src/cli/args";
import { runCli } from "../../src/cli/main";
import { workbookBytes } from "../helpers/xlsx";

describe("bsc check's trend words", () => {
  it("say better or worse in words, with no arrow to fight a lower-is-better KPI", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bsc-trend-"));
    const rows = [
      ["Period", "Perspective", "Objective", "KPI", "Actual", "Target", "Polarity"],
      ["2026-01", "Financial", "Save", "Costs", 40, 50, "lower"],
      ["2026-02", "Financial", "Save", "Costs", 45, 50, "lower"],
      ["2026-01", "Financial", "Grow", "Revenue", 90, 100, "higher"],
      ["2026-02", "Financial", "Grow", "Revenue", 95, 100, "higher"],
      ["2026-01", "Financial", "Grow", "Deals", 7, 10, "higher"],
      ["2026-02", "Financial", "Grow", "Deals", 7, 10, "higher"],
    ];
    writeFileSync(path.join(dir, "book.xlsx"), await workbookBytes([{ name: "Data", rows }]));
    const out: string[] = [];
    const code = await runCli(["check", "book.xlsx"], {
      cwd: dir,
      stdout: (t) => out.push(t),
      stderr: () => undefined,
      now: new Date("2026-03-01T00:00:00Z"),
    });
    expect(code).toBe(0);
    const line = (kpi: string) =>
      out
        .join("\n")
        .split("\n")
        .find((l) => l.includes(` ${kpi}`)) ?? "";
    expect(line("Costs")).toMatch(/Costs {2}worse than the period before$/);
    expect(line("Revenue")).toMatch(/Revenue {2}better than the period before$/);
    expect(line("Deals")).toMatch(/Deals {2}as the period before$/);
    expect([line("Costs"), line("Revenue"), line("Deals")].join("\n")).not.toMatch(/[↑↓→▲▼]/);
  });
});

describe("bsc refresh -o", () => {
  it.each(["out.ods", "out.xlsm", "out.txt", "out"])(
    "refuses %p for a workbook without macros, naming the .xlsx it must be",
    async (name) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "bsc-out-"));
      writeFileSync(
        path.join(dir, "book.xlsx"),
        await workbookBytes([
          {
            name: "Data",
            rows: [
              ["Perspective", "Objective", "KPI", "Actual", "Target"],
              ["Financial", "Grow", "Revenue", 1, 1],
            ],
          },
        ]),
      );
      const err: string[] = [];
      const code = await runCli(["refresh", "book.xlsx", "-o", name], {
        cwd: dir,
        stdout: () => undefined,
        stderr: (t) => err.push(t),
      });
      expect(code).toBe(2);
      expect(err.join("\n")).toContain(`name it ${name.replace(/\.[^.]*$/, "")}.xlsx`);
    },
  );
});

describe("an empty file", () => {
  it("gets the one sentence whether it is named .csv or .xlsx (exit 2), not 'no scorecard table' for the CSV", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bsc-empty-"));
    const said: Record<string, { code: number; err: string }> = {};
    for (const name of ["export.csv", "book.xlsx"]) {
      writeFileSync(path.join(dir, name), "");
      const err: string[] = [];
      const code = await runCli(["check", name], {
        cwd: dir,
        stdout: () => undefined,
        stderr: (t) => err.push(t),
      });
      said[name] = { code, err: err.join("\n").replace(name, "FILE") };
    }
    expect(said["export.csv"]).toEqual(said["book.xlsx"]);
    expect(said["export.csv"]).toEqual({
      code: 2,
      err: expect.stringMatching(/^Cannot read FILE: this file is empty \(0 bytes\)/),
    });
  });
});

describe("bsc --period", () => {
  it.each(["2026-13", "2026-00", "13/2026", "2024-W53", "2024-W5"])(
    "refuses %p as no period at all, a usage error",
    (period) => {
      expect(() => parseArgs(["check", "book.xlsx", "--period", period])).toThrow(
        new UsageError(
          `--period takes a period such as 2026-06, 2026-Q2, 2026-W23 or 2026, not "${period}".`,
        ),
      );
    },
  );

  it.each(["2026-06", "2026-Q2", "2026", "2026-W53", "2024-W05"])("takes %p", (period) => {
    expect(parseArgs(["check", "book.xlsx", "--period", period])).toMatchObject({ period });
  });

  it("is described in --help by every kind of period it takes, not as a month alone", () => {
    expect(USAGE).not.toMatch(/YYYY-MM/);
    const kinds = /--period PERIOD scores that period[^:]*: ([^\n]*\n[^\n]*)/.exec(USAGE)?.[1] ?? "";
    const examples = kinds.match(/\b\d{4}(-(Q\d|W\d\d|\d\d))?\b/g) ?? [];
    expect(examples.map((e) => e.replace(/\d{4}/, "Y").replace(/\d/g, "n"))).toEqual(
      expect.arrayContaining(["Y-nn", "Y-Qn", "Y-Wnn", "Y"]),
    );
    for (const period of examples)
      expect(parseArgs(["publish", "book.xlsx", "--period", period])).toMatchObject({ period });
  });

  it("publish refuses a CSV export (it has no History sheet to keep the period in), saying to refresh it into a workbook", () => {
    expect(() => parseArgs(["publish", "exports/Oct.CSV", "--period", "2026-10"])).toThrow(
      /cannot hold: refresh exports\/Oct\.CSV into a workbook first \(bsc refresh exports\/Oct\.CSV -o exports\/Oct\.xlsx\)/,
    );
    expect(parseArgs(["publish", "Oct.xlsx", "--period", "2026-10"])).toMatchObject({ kind: "publish" });
  });

  it("is asked for by publish in the same words", () => {
    expect(() => parseArgs(["publish", "book.xlsx"])).toThrow(/2026-06 \(or 2026-Q2, 2026-W23, 2026\)/);
  });
});

describe("bsc check --map naming a header no column has", () => {
  it("says no column is headed so, and lists the nearest block's headers", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bsc-map-"));
    writeFileSync(
      path.join(dir, "book.xlsx"),
      await workbookBytes([
        {
          name: "Data",
          rows: [
            ["Perspective", "KPI", "Amount", "Target"],
            ["Financial", "Revenue", 1, 1],
          ],
        },
      ]),
    );
    const err: string[] = [];
    const code = await runCli(["check", "book.xlsx", "--map", "actual=Nope"], {
      cwd: dir,
      stdout: () => undefined,
      stderr: (t) => err.push(t),
    });
    expect(code).toBe(1);
    expect(err.join("\n")).toContain(
      'No column is headed "Nope" (named for actual). The nearest block, Data!A1:D2, has the headers Perspective, KPI, Amount, Target',
    );
  });
});
