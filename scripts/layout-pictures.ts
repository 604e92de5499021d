/**
 * Draws the pictures of the table layouts the reader understands (README "Layouts it reads",
 * docs/WORKBOOK.md "Layouts"): the same small scorecard kept seven ways, each built as an .xlsx
 * the way a finance team would keep it, printed by LibreOffice and trimmed to the table.
 *
 *   npx tsx scripts/layout-pictures.ts
 *
 * Needs `soffice` (LibreOffice) and `pdftoppm` (poppler) on the PATH; writes docs/layouts/*.png,
 * which are committed. Each workbook is also read by the product first, so a picture never shows
 * a layout the reader does not take: the script stops if one reads as anything but the scorecard.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { PNG } from "pngjs";
import { layoutText } from "../src/app/outcomeText";
import { runScorecard } from "../src/app/scorecard";
import { nodeCodec } from "../src/workbook/package/nodeCodec";
import { PackageWorkbook } from "../src/workbook/package/packageWorkbook";
import { nodeBoundedInflate } from "../src/workbook/package/readInflateNode";
import { readPackageSnapshot } from "../src/workbook/package/readSnapshot";

const OUT = path.join(__dirname, "..", "docs", "layouts");
const PROFILE = "file:///tmp/lo-pictures-profile";
const DPI = 110;
const MARGIN = 8;

/** The scorecard every picture shows: two perspectives, three objectives, five KPIs, three months. */
interface Kpi {
  readonly perspective: string;
  readonly objective: string;
  readonly kpi: string;
  readonly target: number;
  /** Jan-26, Feb-26, Mar-26; the last is "the" actual of a one-period table. */
  readonly actuals: readonly [number, number, number];
  /** Last year's same months, for the wide table's PY rows. */
  readonly py: readonly [number, number, number];
  readonly format: string;
}

const KPIS: readonly Kpi[] = [
  {
    perspective: "Financial",
    objective: "Grow revenue",
    kpi: "Revenue",
    target: 1000,
    actuals: [980, 1020, 1050],
    py: [910, 950, 940],
    format: "#,##0",
  },
  {
    perspective: "Financial",
    objective: "Grow revenue",
    kpi: "New accounts",
    target: 20,
    actuals: [15, 9, 12],
    py: [14, 16, 11],
    format: "0",
  },
  {
    perspective: "Financial",
    objective: "Control cost",
    kpi: "Gross margin",
    target: 0.4,
    actuals: [0.39, 0.41, 0.38],
    py: [0.37, 0.38, 0.38],
    format: "0%",
  },
  {
    perspective: "Customer",
    objective: "Delight customers",
    kpi: "NPS",
    target: 40,
    actuals: [38, 40, 41],
    py: [35, 36, 36],
    format: "0",
  },
  {
    perspective: "Customer",
    objective: "Delight customers",
    kpi: "Retention",
    target: 0.95,
    actuals: [0.93, 0.94, 0.92],
    py: [0.9, 0.91, 0.92],
    format: "0%",
  },
];
const PERSPECTIVES = ["Financial", "Customer"] as const;
const MONTHS = [0, 1, 2].map((m) => new Date(Date.UTC(2026, m, 1)));
const latest = (k: Kpi): number => k.actuals[2];

const FONT: Partial<ExcelJS.Font> = { name: "Arial", size: 10 };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };

type Cell = string | number | Date | ExcelJS.CellFormulaValue | null;

/** A sheet as a person sets one up: Arial 10, gridlines printed, the given column widths. */
function newSheet(wb: ExcelJS.Workbook, name: string, widths: readonly number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.columns = widths.map((width) => ({ width }));
  // Printed with its gridlines and its row numbers and column letters, so it reads as a sheet.
  ws.pageSetup.showGridLines = true;
  ws.pageSetup.showRowColHeaders = true;
  ws.pageSetup.orientation = "landscape";
  return ws;
}

/** Writes a row of values at `row` (1-based), every cell in the sheet's font. */
function put(ws: ExcelJS.Worksheet, row: number, values: readonly Cell[]): ExcelJS.Row {
  const r = ws.getRow(row);
  values.forEach((v, i) => {
    const cell = r.getCell(i + 1);
    cell.value = v;
    cell.font = FONT;
  });
  return r;
}

/** The header row: bold on a light fill, the headers of number columns (from `numbers`, 1-based) to the right. */
function header(ws: ExcelJS.Worksheet, row: number, names: readonly Cell[], numbers: number): void {
  const r = put(ws, row, names);
  names.forEach((_, i) => {
    const cell = r.getCell(i + 1);
    cell.font = { ...FONT, bold: true };
    cell.fill = HEADER_FILL;
    if (i + 1 >= numbers) cell.alignment = { horizontal: "right" };
    if (cell.value instanceof Date) cell.numFmt = "mmm-yy";
  });
}

/** The KPI's own number format on each of its value columns (1-based) in the row. */
function formats(ws: ExcelJS.Worksheet, row: number, columns: readonly number[], format: string): void {
  for (const c of columns) ws.getRow(row).getCell(c).numFmt = format;
}

const bold = (ws: ExcelJS.Worksheet, row: number, columns: number): void => {
  for (let c = 1; c <= columns; c++) ws.getRow(row).getCell(c).font = { ...FONT, bold: true };
};

/** (a) One row per KPI, every column filled. */
function longTidy(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = newSheet(wb, "Scorecard", [10, 14, 11, 7, 7]);
  header(ws, 1, ["Perspective", "Objective", "KPI", "Actual", "Target"], 4);
  KPIS.forEach((k, i) => {
    put(ws, i + 2, [k.perspective, k.objective, k.kpi, latest(k), k.target]);
    formats(ws, i + 2, [4, 5], k.format);
  });
  return wb;
}

/** (b) A titled report: group cells merged and written once, blank rows between groups, a Total. */
function longMessy(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = newSheet(wb, "Pack", [10, 14, 11, 7, 7]);
  put(ws, 1, ["Balanced scorecard, March 2026"]).getCell(1).font = { ...FONT, size: 12, bold: true };
  ws.mergeCells("A1:E1");
  put(ws, 2, ["Prepared by Finance"]).getCell(1).font = {
    ...FONT,
    italic: true,
    color: { argb: "FF595959" },
  };
  header(ws, 4, ["Perspective", "Objective", "KPI", "Actual", "Target"], 4);
  let row = 5;
  for (const p of PERSPECTIVES) {
    if (row > 5) row++; // a blank row between perspectives
    const kpis = KPIS.filter((k) => k.perspective === p);
    const first = row;
    kpis.forEach((k, i) => {
      const before = kpis[i - 1];
      put(ws, row, [
        i === 0 ? p : null,
        before?.objective === k.objective ? null : k.objective,
        k.kpi,
        latest(k),
        k.target,
      ]);
      formats(ws, row, [4, 5], k.format);
      row++;
    });
    ws.mergeCells(first, 1, row - 1, 1);
    // Each objective's cell merged over its KPIs.
    let start = first;
    for (let r = first + 1; r <= row; r++) {
      if (r === row || ws.getRow(r).getCell(2).value !== null) {
        if (r - 1 > start) ws.mergeCells(start, 2, r - 1, 2);
        start = r;
      }
    }
    for (let r = first; r < row; r++)
      for (const c of [1, 2]) ws.getRow(r).getCell(c).alignment = { vertical: "top" };
  }
  const last = row - 1;
  put(ws, row, [null, null, "Total", sumOf("D", last), sumOf("E", last)]);
  formats(ws, row, [4, 5], "#,##0");
  bold(ws, row, 5);
  for (let c = 1; c <= 5; c++)
    ws.getRow(row).getCell(c).border = { top: { style: "thin" }, bottom: { style: "double" } };
  return wb;
}

/** =SUM(D5:Dlast) with its value, as Excel saves it. */
function sumOf(column: "D" | "E", last: number): ExcelJS.CellFormulaValue {
  const total = KPIS.reduce((s, k) => s + (column === "D" ? latest(k) : k.target), 0);
  return { formula: `SUM(${column}5:${column}${last})`, result: total, date1904: false };
}

/** (c) No Perspective column: a row holding only the perspective's name heads its KPIs. */
function headings(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = newSheet(wb, "Scorecard", [11, 14, 7, 7]);
  header(ws, 1, ["KPI", "Objective", "Actual", "Target"], 3);
  let row = 2;
  for (const p of PERSPECTIVES) {
    put(ws, row, [p]);
    bold(ws, row, 1);
    row++;
    for (const k of KPIS.filter((x) => x.perspective === p)) {
      put(ws, row, [k.kpi, k.objective, latest(k), k.target]);
      formats(ws, row, [3, 4], k.format);
      row++;
    }
  }
  return wb;
}

/** (d) Months across the columns, the target in its own column. */
function wideMonths(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = newSheet(wb, "Scorecard", [10, 14, 11, 6.3, 6.3, 6.3, 6.3]);
  header(ws, 1, ["Perspective", "Objective", "KPI", "Target", ...MONTHS], 4);
  KPIS.forEach((k, i) => {
    put(ws, i + 2, [k.perspective, k.objective, k.kpi, k.target, ...k.actuals]);
    formats(ws, i + 2, [4, 5, 6, 7], k.format);
  });
  return wb;
}

/** (e) Months across, each KPI on an Actual row, a Budget row (its target) and a PY row. */
function wideBudgetRows(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = newSheet(wb, "Scorecard", [10, 16, 7, 7, 7]);
  header(ws, 1, ["Perspective", "KPI", ...MONTHS], 3);
  let row = 2;
  for (const k of KPIS) {
    const rows: [string, readonly number[]][] = [
      ["Actual", k.actuals],
      ["Budget", MONTHS.map(() => k.target)],
      ["PY", k.py],
    ];
    for (const [kind, values] of rows) {
      put(ws, row, [k.perspective, `${k.kpi} ${kind}`, ...values]);
      formats(ws, row, [3, 4, 5], k.format);
      row++;
    }
  }
  return wb;
}

/** (f) A sheet per perspective, no Perspective column: each sheet's name is its perspective. */
function sheetPerPerspective(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const p of PERSPECTIVES) {
    const ws = newSheet(wb, p, [14, 11, 7, 7]);
    // The sheet's name printed above it, where the tab would be.
    ws.headerFooter.oddHeader = '&L&"Arial,Bold"&10Sheet: &A';
    ws.pageSetup.margins = { left: 0.7, right: 0.7, top: 0.55, bottom: 0.75, header: 0.3, footer: 0.3 };
    header(ws, 1, ["Objective", "KPI", "Actual", "Target"], 3);
    KPIS.filter((k) => k.perspective === p).forEach((k, i) => {
      put(ws, i + 2, [k.objective, k.kpi, latest(k), k.target]);
      formats(ws, i + 2, [3, 4], k.format);
    });
  }
  return wb;
}

/** (g) The same KPIs for two sites, an Entity column (Site) first. */
function entities(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = newSheet(wb, "Scorecard", [6, 10, 11, 7, 7]);
  header(ws, 1, ["Site", "Perspective", "KPI", "Actual", "Target"], 4);
  const sites: [string, number][] = [
    ["North", 1],
    ["South", 0.9],
  ];
  let row = 2;
  for (const [site, factor] of sites) {
    for (const k of KPIS) {
      const actual = k.format === "0%" ? latest(k) - (1 - factor) / 5 : Math.round(latest(k) * factor);
      put(ws, row, [site, k.perspective, k.kpi, Math.round(actual * 100) / 100, k.target]);
      formats(ws, row, [4, 5], k.format);
      row++;
    }
  }
  return wb;
}

const LAYOUTS: readonly {
  readonly name: string;
  readonly build: () => ExcelJS.Workbook;
  readonly pages: number;
}[] = [
  { name: "long-tidy", build: longTidy, pages: 1 },
  { name: "long-messy", build: longMessy, pages: 1 },
  { name: "headings", build: headings, pages: 1 },
  { name: "wide-months", build: wideMonths, pages: 1 },
  { name: "wide-budget-rows", build: wideBudgetRows, pages: 1 },
  { name: "sheet-per-perspective", build: sheetPerPerspective, pages: 2 },
  { name: "entities", build: entities, pages: 1 },
];

/** Reads the workbook as the product does and stops unless it is the five-KPI scorecard. */
async function check(name: string, bytes: Uint8Array): Promise<void> {
  const outcome = await runScorecard(
    await PackageWorkbook.load(bytes, nodeCodec, (b) => readPackageSnapshot(b, nodeBoundedInflate)),
    {},
    false,
  );
  if (!outcome.ok) throw new Error(`${name}: ${outcome.fatal.message}`);
  const { read, perspectives } = outcome.report;
  const kpis = perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis.map((k) => k.name)));
  const expected = KPIS.map((k) => k.kpi);
  if (
    !read ||
    kpis.join() !== expected.join() ||
    perspectives.map((p) => p.name).join() !== PERSPECTIVES.join()
  )
    throw new Error(`${name} does not read as the scorecard: ${JSON.stringify(outcome.report)}`);
  const warnings = outcome.report.issues.filter((i) => i.severity !== "info");
  if (warnings.length) throw new Error(`${name}: ${warnings.map((i) => i.message).join("; ")}`);
  console.log(`${name}: ${layoutText(read)}`);
}

/** The box of the page's non-white pixels, `MARGIN` pixels wider each side, cut out. */
function trim(page: PNG): PNG {
  let [left, top, right, bottom] = [page.width, page.height, -1, -1];
  for (let y = 0; y < page.height; y++)
    for (let x = 0; x < page.width; x++) {
      const i = (y * page.width + x) * 4;
      if (page.data[i]! < 245 || page.data[i + 1]! < 245 || page.data[i + 2]! < 245) {
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
    }
  if (right < 0) throw new Error("a blank page");
  left = Math.max(0, left - MARGIN);
  top = Math.max(0, top - MARGIN);
  right = Math.min(page.width - 1, right + MARGIN);
  bottom = Math.min(page.height - 1, bottom + MARGIN);
  const out = new PNG({ width: right - left + 1, height: bottom - top + 1 });
  PNG.bitblt(page, out, left, top, out.width, out.height, 0, 0);
  return out;
}

/**
 * Each channel rounded to one of 16 levels (near-white to white): the text's anti-aliasing keeps
 * its look and the PNG compresses to about half.
 */
function posterize(png: PNG): PNG {
  for (let i = 0; i < png.data.length; i++) {
    if (i % 4 === 3) continue;
    const v = png.data[i]!;
    png.data[i] = v >= 248 ? 255 : Math.round(v / 17) * 17;
  }
  return png;
}

/** Pages one above the other, a white gap between them, as wide as the widest. */
function stack(pages: readonly PNG[], gap = 12): PNG {
  const width = Math.max(...pages.map((p) => p.width));
  const height = pages.reduce((h, p) => h + p.height, 0) + gap * (pages.length - 1);
  const out = new PNG({ width, height });
  out.data.fill(255);
  let y = 0;
  for (const p of pages) {
    PNG.bitblt(p, out, 0, 0, p.width, p.height, 0, y);
    y += p.height + gap;
  }
  return out;
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), "bsc-layouts-"));
  mkdirSync(OUT, { recursive: true });
  try {
    const files: string[] = [];
    for (const layout of LAYOUTS) {
      const bytes = new Uint8Array(await layout.build().xlsx.writeBuffer());
      await check(layout.name, bytes);
      const file = path.join(work, `${layout.name}.xlsx`);
      writeFileSync(file, bytes);
      files.push(file);
    }
    execFileSync(
      "soffice",
      [`-env:UserInstallation=${PROFILE}`, "--headless", "--convert-to", "pdf", "--outdir", work, ...files],
      { stdio: "ignore", timeout: 300000 },
    );
    for (const layout of LAYOUTS) {
      const prefix = path.join(work, layout.name);
      execFileSync("pdftoppm", [
        "-png",
        "-r",
        String(DPI),
        "-l",
        String(layout.pages),
        `${prefix}.pdf`,
        prefix,
      ]);
      const pages = Array.from({ length: layout.pages }, (_, i) =>
        trim(PNG.sync.read(readFileSync(`${prefix}-${i + 1}.png`))),
      );
      const picture = pages.length > 1 ? stack(pages) : pages[0]!;
      const png = PNG.sync.write(posterize(picture), { colorType: 2, deflateLevel: 9 });
      writeFileSync(path.join(OUT, `${layout.name}.png`), png);
      console.log(
        `docs/layouts/${layout.name}.png: ${picture.width}×${picture.height}, ${Math.round(png.length / 1024)} KB`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
