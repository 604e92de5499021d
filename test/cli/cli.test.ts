import { execFile } from "node:child_process";
import { mkdtempSync, promises as fs, readFileSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { runBsc } from "./craftedInputs";
import { withExtraParts } from "../helpers/zip";
import { loadWorkbook, workbookBytes } from "../helpers/xlsx";
import { listZipEntries, rawZipEntry } from "../../src/workbook/xlsx/zip";

const HEADER = ["Perspective", "Objective", "KPI", "Actual", "Target"];

/** bsc run in-process, as the crafted-input tests run it (./craftedInputs.ts). */
const bsc = runBsc;

const oneSentence = (text: string) => {
  expect(text.trim().split("\n")).toHaveLength(1);
  expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/);
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bsc-cli-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("bsc sample and refresh", () => {
  it("writes the sample, then refreshes it next to the input as <name>.scorecard.xlsx", async () => {
    expect((await bsc(dir, "sample", "demo.xlsx")).code).toBe(0);
    const refreshed = await bsc(dir, "refresh", "demo.xlsx");
    expect(refreshed.code).toBe(0);
    expect(refreshed.stdout).toContain("Scorecard for 2026-12");
    const wb = await loadWorkbook(readFileSync(path.join(dir, "demo.scorecard.xlsx")));
    expect(wb.getWorksheet("Scorecard")?.getCell("A1").value).toBe("Balanced Scorecard");
    const input = await loadWorkbook(readFileSync(path.join(dir, "demo.xlsx")));
    expect(input.getWorksheet("Scorecard")).toBeUndefined();
  });

  it("has a sample with the four perspectives, 12 to 16 KPIs, twelve months and a few blanks", async () => {
    await bsc(dir, "sample", "demo.xlsx");
    const { stdout, code } = await bsc(dir, "check", "demo.xlsx", "--json");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.perspectives.map((p: { name: string }) => p.name)).toEqual([
      "Financial",
      "Customer",
      "Internal Processes",
      "Learning & Growth",
    ]);
    const kpis = report.perspectives.flatMap(
      (p: { objectives: { kpis: { polarity: string; status: string }[] }[] }) =>
        p.objectives.flatMap((o) => o.kpis),
    );
    expect(kpis.length).toBeGreaterThanOrEqual(12);
    expect(kpis.length).toBeLessThanOrEqual(16);
    expect(new Set(kpis.map((k: { polarity: string }) => k.polarity))).toEqual(
      new Set(["higher", "lower", "band"]),
    );
    expect(new Set(kpis.map((k: { status: string }) => k.status))).toEqual(
      new Set(["green", "amber", "red", "none"]),
    );
    expect(report.issues.some((i: { code: string }) => i.code === "no-actual")).toBe(true);
  });

  it("overwrites an existing output only with --force", async () => {
    await bsc(dir, "sample", "demo.xlsx");
    await bsc(dir, "refresh", "demo.xlsx");
    const again = await bsc(dir, "refresh", "demo.xlsx");
    expect(again.code).toBe(2);
    oneSentence(again.stderr);
    expect(again.stderr).toContain("--force");
    expect((await bsc(dir, "refresh", "demo.xlsx", "--force")).code).toBe(0);
    expect((await bsc(dir, "sample", "demo.xlsx")).code).toBe(2);
  });

  it("changes the input only with --in-place", async () => {
    await bsc(dir, "sample", "demo.xlsx");
    expect((await bsc(dir, "refresh", "demo.xlsx", "--in-place")).code).toBe(0);
    const wb = await loadWorkbook(readFileSync(path.join(dir, "demo.xlsx")));
    expect(wb.getWorksheet("Scorecard")?.getCell("A1").value).toBe("Balanced Scorecard");
    expect(existsSync(path.join(dir, "demo.scorecard.xlsx"))).toBe(false);
  });

  it("writes to -o", async () => {
    await bsc(dir, "sample", "demo.xlsx");
    expect((await bsc(dir, "refresh", "demo.xlsx", "-o", "out/../june.xlsx")).code).toBe(0);
    expect(existsSync(path.join(dir, "june.xlsx"))).toBe(true);
  });

  it("prints only the JSON report on stdout with --json", async () => {
    await bsc(dir, "sample", "demo.xlsx");
    const r = await bsc(dir, "refresh", "demo.xlsx", "--json");
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ period: "2026-12", scorecard: { status: expect.any(String) } });
    expect(report.perspectives[0].objectives[0].kpis[0]).toMatchObject({
      name: "Revenue",
      cell: "'KPI Data'!H167",
      polarity: "higher",
      weight: 2,
    });
    expect(r.stderr).toContain("Wrote");
  });

  it("scores a chosen period", async () => {
    await bsc(dir, "sample", "demo.xlsx");
    const r = await bsc(dir, "check", "demo.xlsx", "--period", "2026-06", "--json");
    expect(JSON.parse(r.stdout).period).toBe("2026-06");
  });
});

describe("bsc failures: one plain sentence and the exit status WORKBOOK.md gives", () => {
  it.each([
    [["refresh"], "needs a workbook path"],
    [["refresh", "a.xlsx", "-o", "b.xlsx", "--in-place"], "either -o or --in-place"],
    [["check", "a.xlsx", "--in-place"], "does not take --in-place"],
    [["check", "a.xlsx", "--period", "June"], "--period"],
    [["frobnicate"], "Unknown command"],
    [["check", "a.xlsx", "--colour"], "Unknown option"],
  ])("exits 2 on usage error %p", async (args, words) => {
    const r = await bsc(dir, ...args);
    expect(r.code).toBe(2);
    oneSentence(r.stderr);
    expect(r.stderr).toContain(words);
  });

  it("exits 2 with the usage on stderr when run with no arguments; --help answers on stdout with 0", async () => {
    const bare = await bsc(dir);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe("");
    expect(bare.stderr).toContain("Usage:\n  bsc sample <out.xlsx>");
    const help = await bsc(dir, "--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage:\n  bsc sample <out.xlsx>");
    expect(help.stderr).toBe("");
  });

  it("exits 2 for a missing file", async () => {
    const r = await bsc(dir, "check", "missing.xlsx");
    expect(r.code).toBe(2);
    oneSentence(r.stderr);
    expect(r.stderr).toContain("no such file");
  });

  it("exits 2 for a corrupt file", async () => {
    writeFileSync(path.join(dir, "corrupt.xlsx"), "this is not a workbook");
    const r = await bsc(dir, "refresh", "corrupt.xlsx");
    expect(r.code).toBe(2);
    oneSentence(r.stderr);
  });

  it("exits 1 for a workbook without a scorecard table, saying what one needs", async () => {
    writeFileSync(path.join(dir, "plain.xlsx"), await workbookBytes([{ name: "Sheet1", rows: [["Hello"]] }]));
    const r = await bsc(dir, "refresh", "plain.xlsx", "--json");
    expect(r.code).toBe(1);
    oneSentence(r.stderr);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: "no-scorecard-table" } });
    expect(existsSync(path.join(dir, "plain.scorecard.xlsx"))).toBe(false);
  });

  it("exits 1 for ambiguous tables unless --table chooses", async () => {
    const rows = [HEADER, ["F", "O", "K", 1, 1]];
    writeFileSync(
      path.join(dir, "two.xlsx"),
      await workbookBytes([
        { name: "A", rows, table: "First" },
        { name: "B", rows, table: "Second" },
      ]),
    );
    expect((await bsc(dir, "check", "two.xlsx")).code).toBe(1);
    expect((await bsc(dir, "check", "two.xlsx", "--table", "Second")).code).toBe(0);
  });

  it("keeps a workbook's chart and pivot table parts, byte for byte, in place", async () => {
    const bytes = await workbookBytes([
      { name: "Data", rows: [HEADER, ["F", "O", "K", 1, 1]], table: "Kpis" },
    ]);
    const file = path.join(dir, "charts.xlsx");
    writeFileSync(
      file,
      await withExtraParts(bytes, ["xl/charts/chart1.xml", "xl/pivotTables/pivotTable1.xml"]),
    );
    const before = new Uint8Array(readFileSync(file));
    const r = await bsc(dir, "refresh", "charts.xlsx", "--in-place");
    expect(r.code).toBe(0);
    const after = new Uint8Array(readFileSync(file));
    for (const name of ["xl/charts/chart1.xml", "xl/pivotTables/pivotTable1.xml"]) {
      const [was, is] = [before, after].map((zip) => listZipEntries(zip).find((e) => e.name === name));
      expect(is).toBeDefined();
      expect(Buffer.from(rawZipEntry(after, is!)).equals(Buffer.from(rawZipEntry(before, was!)))).toBe(true);
    }
    expect((await bsc(dir, "check", "charts.xlsx")).code).toBe(0);
  });

  it("makes check exit 1 when a KPI has an error, so it can gate a pipeline", async () => {
    const rows = [
      [...HEADER, "Threshold"],
      ["F", "O", "K", 1, 1, 5],
    ];
    writeFileSync(path.join(dir, "wrong.xlsx"), await workbookBytes([{ name: "Data", rows, table: "Kpis" }]));
    const r = await bsc(dir, "check", "wrong.xlsx");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Data!F2");
    expect((await bsc(dir, "refresh", "wrong.xlsx")).code).toBe(0);
  });
});

describe("npm run bsc, as a user runs it", () => {
  it("works from the project with --silent and --json, stdout holding only the report", async () => {
    const run = promisify(execFile);
    const root = path.join(__dirname, "..", "..");
    await bsc(dir, "sample", "demo.xlsx");
    const { stdout } = await run(
      "npm",
      ["run", "--silent", "bsc", "--", "check", path.join(dir, "demo.xlsx"), "--json"],
      { cwd: root },
    );
    expect(JSON.parse(stdout).period).toBe("2026-12");
  }, 60000);
});

describe("the built bsc (bin/bsc.cjs, what npx bsc and a global install run)", () => {
  const run = promisify(execFile);
  const root = path.join(__dirname, "..", "..");

  it("answers --help without loading the workbook code, and scores a workbook", async () => {
    await run(process.execPath, [path.join(root, "scripts", "build-cli.mjs")], { cwd: root });
    // Help must come at once: ExcelJS alone takes a good part of a second to load.
    const forbid = path.join(dir, "forbid-exceljs.cjs");
    writeFileSync(
      forbid,
      `const Module = require("module");
       const load = Module._load;
       const forbidden = (process.env.FORBID || "").split(",");
       Module._load = function (request, ...rest) {
         // A package's subpath ("zod/mini") is that package loaded.
         if (forbidden.some((name) => request === name || request.startsWith(name + "/")))
           throw new Error(request + " was loaded");
         return load.call(this, request, ...rest);
       };`,
    );
    const bin = path.join(root, "bin", "bsc.cjs");
    const without = (modules: string) => ({ cwd: dir, env: { ...process.env, FORBID: modules } });
    const help = await run(process.execPath, ["-r", forbid, bin, "--help"], without("exceljs,zod"));
    expect(help.stdout).toContain("Usage:\n  bsc sample <out.xlsx>");
    // ExcelJS is a test oracle only: the package writer writes the sample and a CSV's workbook,
    // and a refresh patches the package.
    await run(process.execPath, ["-r", forbid, bin, "sample", "demo.xlsx"], without("exceljs"));
    await run(
      process.execPath,
      ["-r", forbid, bin, "refresh", "demo.xlsx", "-o", "out.xlsx"],
      without("exceljs"),
    );
    writeFileSync(
      path.join(dir, "export.csv"),
      "Perspective,Objective,KPI,Actual,Target\nF,O,Sales,95,100\n",
    );
    await run(
      process.execPath,
      ["-r", forbid, bin, "refresh", "export.csv", "-o", "export.xlsx"],
      without("exceljs"),
    );
    // The stored definition is read and written by the add-in's own validator: zod is a test
    // oracle only (test/model/definitionSchema.test.ts). The check can fail: ExcelJS is forbidden
    // above where a command would load it, and a command that loaded zod would stop here.
    await run(
      process.execPath,
      ["-r", forbid, bin, "refresh", "demo.xlsx", "-o", "again.xlsx"],
      without("exceljs,zod"),
    );
    await expect(
      run(
        process.execPath,
        ["-r", forbid, bin, "refresh", "demo.xlsx", "-o", "again.xlsx"],
        without("saxes"),
      ),
    ).rejects.toThrow(/saxes was loaded/);
    const { stdout } = await run(process.execPath, [bin, "check", "demo.xlsx", "--json"], { cwd: dir });
    expect(JSON.parse(stdout).period).toBe("2026-12");
  }, 60000);
});

describe("bsc names files as the user typed them", () => {
  it("says which file it cannot write, and leaves no temporary file behind", async () => {
    await bsc(dir, "sample", "demo.xlsx");
    const r = await bsc(dir, "refresh", "demo.xlsx", "-o", "no/such/folder/out.xlsx");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("Cannot write no/such/folder/out.xlsx: its folder does not exist.");
    expect((await fs.readdir(dir)).sort()).toEqual(["demo.xlsx"]);
  });
  it("says which file it cannot read", async () => {
    expect((await bsc(dir, "check", "nope.xlsx")).stderr).toBe(
      "Cannot read nope.xlsx: there is no such file.",
    );
  });
});

describe("bsc's text output", () => {
  it("keeps a KPI named with a line break on one line, showing the break as \\n", async () => {
    const bytes = await workbookBytes([
      {
        name: "Data",
        rows: [HEADER, ["Financial", "Grow", "Revenue\nnet of returns", "n/a", 100]],
        table: "Kpis",
      },
    ]);
    writeFileSync(path.join(dir, "breaks.xlsx"), bytes);
    const r = await bsc(dir, "check", "breaks.xlsx");
    const lines = r.stdout.split("\n");
    expect(lines.filter((l) => l.includes("Revenue"))).toEqual([
      expect.stringMatching(/ Revenue\\nnet of returns$/),
      expect.stringContaining('"Revenue\\nnet of returns"'),
    ]);
    expect(lines.some((l) => l.startsWith("net of returns"))).toBe(false);
  });
});

describe("bsc check says what it understood", () => {
  const messy = [
    ["Monthly KPI pack"],
    [],
    ["Metric_Name", "Metric_Group", "value_rounded", "Budget"],
    ["Financial"],
    ["Revenue", "Grow", 105, 100],
    ["Margin", "Grow", 0.3, 0.4],
    [],
    ["Customer"],
    ["NPS", "Loyalty", 41, 40],
    ["Total", null, 146.3, 140.4],
  ];

  it("names the block, the rows it became, the rows it left out and where the groups came from", async () => {
    writeFileSync(path.join(dir, "messy.xlsx"), await workbookBytes([{ name: "Pack", rows: messy }]));
    const text = await bsc(dir, "check", "messy.xlsx");
    expect(text.code).toBe(0);
    expect(text.stdout.split("\n")[0]).toBe(
      "Read Pack!A3:D10: 6 rows → 3 KPIs; 2 heading rows, 1 total row left out; perspectives from heading rows, objectives from their column.",
    );
    expect(text.stdout).toContain('Pack!A10: "Total" is a total row; it is left out of the scorecard.');
    const json = JSON.parse((await bsc(dir, "check", "messy.xlsx", "--json")).stdout);
    expect(json.read).toEqual({
      shape: "long",
      inferred: [],
      address: "Pack!A3:D10",
      entities: 0,
      perspectiveFrom: "headings",
      objectiveFrom: "column",
      rows: 6,
      scored: 3,
      headings: 2,
      totals: 1,
      leftOut: 0,
      kpis: 3,
      periods: 1,
    });
    expect(json.perspectives.map((p: { name: string }) => p.name)).toEqual(["Financial", "Customer"]);
  });
});

describe("bsc --map: the user names the columns bsc does not know", () => {
  // Two columns of numbers beside the goal: which one is the actual, the reader leaves to the user.
  const rows = [
    ["Line", "Amount (EUR)", "Prior (EUR)", "Goal", "Area"],
    ["Revenue", 105, 98, 100, "Financial"],
    ["Churn", 0.2, 0.25, 0.1, "Customer"],
  ];

  it("names the nearest table and what it lacks when nothing fits", async () => {
    writeFileSync(path.join(dir, "odd.xlsx"), await workbookBytes([{ name: "Export", rows }]));
    const r = await bsc(dir, "check", "odd.xlsx");
    expect(r.code).toBe(1);
    oneSentence(r.stderr);
    expect(r.stderr).toContain(
      'Nearest: Export!A1:E3 has Target (Goal) and Entity (Area), but no KPI and Actual. Name the missing column\'s header (bsc --map kpi="its header"',
    );
  });

  it("scores with the columns mapped, and a refresh stores the mapping for the next run", async () => {
    writeFileSync(path.join(dir, "odd.xlsx"), await workbookBytes([{ name: "Export", rows }]));
    const mapped = ["--map", "kpi=Line", "--map=actual=Amount (EUR)", "--map", "perspective=Area"];
    const checked = await bsc(dir, "check", "odd.xlsx", ...mapped, "--json");
    expect(checked.code).toBe(0);
    const report = JSON.parse(checked.stdout);
    expect(report.perspectives.map((p: { name: string }) => p.name)).toEqual(["Financial", "Customer"]);
    expect(report.read).toMatchObject({ address: "Export!A1:E3", perspectiveFrom: "column", kpis: 2 });

    expect((await bsc(dir, "refresh", "odd.xlsx", ...mapped, "-o", "out.xlsx")).code).toBe(0);
    const again = await bsc(dir, "check", "out.xlsx", "--json");
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).perspectives).toEqual(report.perspectives);
  });

  it("refuses a role it does not know, listing the roles", async () => {
    const r = await bsc(dir, "check", "odd.xlsx", "--map", "amount=Amount");
    expect(r.code).toBe(2);
    oneSentence(r.stderr);
    expect(r.stderr).toContain(
      "--map takes ROLE=HEADER with a role among perspective, objective, kpi, actual",
    );
  });
});

describe("bsc --range and the layout switches: the user says where the scorecard is and how it runs", () => {
  const rows = [
    ["Board pack, March", null, null, null, null],
    [],
    ["Line", "Value", "Goal", "Jan-26", "Feb-26"],
    ["Revenue", "see note", 100, 80, 90],
    ["Churn", null, 0.1, 0.12, 0.2],
  ];

  it("reads the block named, with periods across, and a refresh stores both for the next run", async () => {
    writeFileSync(path.join(dir, "pack.xlsx"), await workbookBytes([{ name: "Financial", rows }]));
    const chosen = [
      "--range",
      "Financial!A3:E3",
      "--map",
      "kpi=Line",
      "--periods-across",
      "--sheet-as-perspective",
    ];
    const checked = await bsc(dir, "check", "pack.xlsx", ...chosen, "--json");
    expect(checked.code).toBe(0);
    const report = JSON.parse(checked.stdout);
    expect(report.read).toMatchObject({
      shape: "wide",
      address: "Financial!A3:E5",
      perspectiveFrom: "sheet",
      periods: 2,
    });
    expect(report.period).toBe("2026-02");

    expect((await bsc(dir, "refresh", "pack.xlsx", ...chosen, "-o", "out.xlsx")).code).toBe(0);
    const again = await bsc(dir, "check", "out.xlsx", "--json");
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).read).toEqual(report.read);
  });

  it("says what the range lacks, naming its first cell, with exit 1", async () => {
    writeFileSync(path.join(dir, "pack.xlsx"), await workbookBytes([{ name: "Financial", rows }]));
    const r = await bsc(dir, "check", "pack.xlsx", "--range", "Financial!A3:E5");
    expect(r.code).toBe(1);
    oneSentence(r.stderr);
    expect(r.stderr).toContain(
      "The chosen range Financial!A3:E5 has no KPI column in its first row, which is read as the header row: choose the header that holds each.",
    );
  });

  it("takes --table or --range, not both", async () => {
    const r = await bsc(dir, "check", "pack.xlsx", "--table", "Scores", "--range", "Financial!A3:E5");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Use either --table or --range, not both.");
  });
});

describe("bsc on a CSV export and a macro-enabled workbook", () => {
  const csv = [
    "Reporting_Month;Metric_Group;Metric_Name;value_rounded;Target;Polarity",
    "2026-01;Grow;Revenue;1.050,5;1.000;higher",
    "2026-02;Grow;Revenue;980;1.000;higher",
    "2026-02;Keep;Churn;0,12;0,10;lower",
    "",
    "Total;;;2.030,62;;",
  ].join("\r\n");

  it("checks a CSV export: delimiter, decimal comma and layout found, the total row named", async () => {
    writeFileSync(path.join(dir, "kpi-export.csv"), csv);
    const r = await bsc(dir, "check", "kpi-export.csv", "--json");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.period).toBe("2026-02");
    expect(report.read).toMatchObject({
      address: "'kpi-export'!A1:F6",
      rows: 4,
      scored: 3,
      totals: 1,
      kpis: 2,
    });
    const kpis = report.perspectives[0].objectives.flatMap((o: { kpis: unknown[] }) => o.kpis);
    expect(kpis).toEqual([
      expect.objectContaining({ name: "Revenue", actual: 980, target: 1000, status: "amber" }),
      expect.objectContaining({
        name: "Churn",
        actual: 0.12,
        target: 0.1,
        threshold: 0.11000000000000001,
        status: "red",
      }),
    ]);
  });

  it("refreshes a CSV export into a new workbook beside it, and never writes into the CSV", async () => {
    writeFileSync(path.join(dir, "kpi-export.csv"), csv);
    const refreshed = await bsc(dir, "refresh", "kpi-export.csv");
    expect(refreshed.code).toBe(0);
    expect(refreshed.stderr).toContain("Wrote kpi-export.scorecard.xlsx.");
    const again = await bsc(dir, "check", "kpi-export.scorecard.xlsx", "--json");
    expect(JSON.parse(again.stdout).scorecard).toEqual(
      JSON.parse((await bsc(dir, "check", "kpi-export.csv", "--json")).stdout).scorecard,
    );
    const inPlace = await bsc(dir, "refresh", "kpi-export.csv", "--in-place");
    expect(inPlace.code).toBe(2);
    oneSentence(inPlace.stderr);
    expect(readFileSync(path.join(dir, "kpi-export.csv"), "utf8")).toBe(csv);
  });

  it("shows a CSV's percentages and thousands as written, and names a number that reads two ways", async () => {
    writeFileSync(
      path.join(dir, "kpis.csv"),
      'Perspective,Objective,KPI,Actual,Target\nCustomer,Delight,NPS,42%,45%\nFinancial,Grow,Revenue,"1,050",900\nFinancial,Grow,Orders,119000000,125000000\n',
    );
    const r = await bsc(dir, "refresh", "kpis.csv", "--json");
    expect(r.code).toBe(0);
    const wb = await loadWorkbook(readFileSync(path.join(dir, "kpis.scorecard.xlsx")));
    const summary = wb.getWorksheet("Scorecard")!;
    const shown = (kpi: string) => {
      const row = summary.getColumn(1).values.findIndex((v) => typeof v === "string" && v.trim() === kpi);
      const actual = summary.getRow(row).getCell(2);
      // A live Scorecard sheet's actual is a formula over the source cell, its value cached.
      return [actual.formula ? actual.result : actual.value, actual.numFmt];
    };
    expect(shown("NPS")).toEqual([0.42, "0%"]);
    expect(shown("Revenue")).toEqual([1050, "#,##0"]);
    // A number written plainly gets thousands separators, in the data sheet and so on the Scorecard sheet.
    expect(shown("Orders")).toEqual([119000000, "#,##0"]);
    expect(JSON.parse(r.stdout).issues).toEqual([
      expect.objectContaining({ severity: "warning", code: "csv-number-ambiguous", cell: "kpis!D3" }),
    ]);
  });

  it("checks a macro-enabled .xlsm like an .xlsx", async () => {
    const bytes = await workbookBytes([
      { name: "Data", rows: [HEADER, ["Financial", "Grow", "Revenue", 105, 100]] },
    ]);
    writeFileSync(path.join(dir, "book.xlsm"), await withExtraParts(bytes, ["xl/vbaProject.bin"]));
    const r = await bsc(dir, "check", "book.xlsm", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).scorecard.status).toBe("green");
  });

  it("refreshes a macro-enabled .xlsm into an .xlsm, its macros kept byte for byte", async () => {
    const bytes = await workbookBytes([
      { name: "Data", rows: [HEADER, ["Financial", "Grow", "Revenue", 105, 100]] },
    ]);
    writeFileSync(path.join(dir, "book.xlsm"), await withExtraParts(bytes, ["xl/vbaProject.bin"]));
    expect((await bsc(dir, "refresh", "book.xlsm")).code).toBe(0);
    const [before, after] = ["book.xlsm", "book.scorecard.xlsm"].map(
      (f) => new Uint8Array(readFileSync(path.join(dir, f))),
    );
    const [was, is] = [before!, after!].map((zip) =>
      listZipEntries(zip).find((e) => e.name === "xl/vbaProject.bin"),
    );
    expect(Buffer.from(rawZipEntry(after!, is!)).equals(Buffer.from(rawZipEntry(before!, was!)))).toBe(true);

    const wrong = await bsc(dir, "refresh", "book.xlsm", "-o", "out.xlsx");
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(
      "book.xlsm holds macros, so the refreshed workbook must be an .xlsm file too; name it out.xlsm.",
    );
  });
});

describe("bsc on a table kept for many sites", () => {
  it("prints the entities side by side and reports each entity's scorecard in the JSON", async () => {
    const rows = [
      ["Site", "KPI", "Actual", "Target", "Polarity"],
      ["North", "Beds", 90, 100, "higher"],
      ["North", "Waits", 12, 10, "lower"],
      ["South", "Beds", 101, 100, "higher"],
    ];
    writeFileSync(path.join(dir, "sites.xlsx"), await workbookBytes([{ name: "Export", rows }]));
    const text = await bsc(dir, "check", "sites.xlsx");
    expect(text.code).toBe(0);
    const matrix = text.stdout.split("\n");
    const at = matrix.indexOf("By entity:");
    expect(matrix.slice(at, at + 5)).toEqual([
      "By entity:",
      "            North    South",
      "  Overall   red      green",
      "  Beds      amber    green",
      "  Waits     red      –",
    ]);
    const json = JSON.parse((await bsc(dir, "check", "sites.xlsx", "--json")).stdout);
    expect(json.entities.map((e: { name: string; scorecard: unknown }) => [e.name, e.scorecard])).toEqual([
      ["North", { score: expect.any(Number), status: "red" }],
      ["South", { score: expect.any(Number), status: "green" }],
    ]);
    // An entity with one KPI scores as that KPI does.
    expect(json.entities[1].scorecard.score).toBe(
      json.entities[1].perspectives[0].objectives[0].kpis[0].score,
    );
    expect(json.perspectives[0].objectives.map((o: { name: string }) => o.name)).toEqual(["Beds", "Waits"]);
  });
});
