/** LibreOffice's view of a workbook: converted to PDF, then to PNG pages, then read as pixels. */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PNG } from "pngjs";

export interface RenderedPage {
  readonly file: string;
  readonly text: string;
  readonly png: PNG;
}

/** A copy of the workbook converted by LibreOffice (book.pdf or book.html) in a new folder. */
function convertWithLibreOffice(workbook: string, format: "pdf" | "html"): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `bsc-${format}-`));
  const copy = path.join(dir, "book.xlsx");
  copyFileSync(workbook, copy);
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${path.join(dir, "profile")}`,
      "--headless",
      "--convert-to",
      format,
      "--outdir",
      dir,
      copy,
    ],
    { stdio: "ignore", timeout: 120000 },
  );
  return dir;
}

/**
 * The workbook as LibreOffice Calc saves it back to .xlsx: a file "saved by LibreOffice". With
 * `recalculate`, Calc recalculates every formula on load first, so the saved cached values are its
 * own results: it does so for an .xlsx only where its profile says "always" (Formula/Load/
 * OOXMLRecalcMode 0), which the fresh profile here is told.
 */
export function savedByLibreOffice(workbook: string, recalculate = false): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bsc-saved-"));
  const copy = path.join(dir, "book.xlsx");
  copyFileSync(workbook, copy);
  if (recalculate) {
    mkdirSync(path.join(dir, "profile", "user"), { recursive: true });
    writeFileSync(
      path.join(dir, "profile", "user", "registrymodifications.xcu"),
      `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>\n`,
    );
  }
  const out = path.join(dir, "saved");
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${path.join(dir, "profile")}`,
      "--headless",
      "--convert-to",
      "xlsx:Calc MS Excel 2007 XML",
      "--outdir",
      out,
      copy,
    ],
    { stdio: "ignore", timeout: 120000 },
  );
  return path.join(out, "book.xlsx");
}

/** The workbook after LibreOffice Calc opened it, recalculated every formula and saved it. */
export const recalculatedByLibreOffice = (workbook: string): string => savedByLibreOffice(workbook, true);

/** Renders every visible sheet of the workbook, page by page, as LibreOffice Calc prints it. */
export function renderWithLibreOffice(workbook: string, dpi = 60): RenderedPage[] {
  const dir = convertWithLibreOffice(workbook, "pdf");
  const pdf = path.join(dir, "book.pdf");
  execFileSync("pdftoppm", ["-r", String(dpi), "-png", pdf, path.join(dir, "page")], { timeout: 60000 });
  return readdirSync(dir)
    .filter((f) => /^page-\d+\.png$/.test(f))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]))
    .map((f, i) => ({
      file: path.join(dir, f),
      text: execFileSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), "-layout", pdf, "-"], {
        encoding: "utf8",
      }),
      png: PNG.sync.read(readFileSync(path.join(dir, f))),
    }));
}

/** How many pixels of the page have this colour (RRGGBB), within a small tolerance for anti-aliasing. */
export function pixelsOf(png: PNG, rgb: string, tolerance = 6): number {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16)) as [number, number, number];
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (
      Math.abs(png.data[i]! - r) <= tolerance &&
      Math.abs(png.data[i + 1]! - g) <= tolerance &&
      Math.abs(png.data[i + 2]! - b) <= tolerance
    )
      n++;
  }
  return n;
}

/**
 * The fill colour LibreOffice gives each cell of a sheet, conditional formats applied: its HTML
 * export writes each cell's final background as bgcolor. Rows and columns are 1-based, as in the
 * sheet; a cell without a fill is absent.
 */
export function libreOfficeFills(workbook: string, sheet: string): Map<string, string> {
  const dir = convertWithLibreOffice(workbook, "html");
  const html = readFileSync(path.join(dir, "book.html"), "utf8");
  const decode = (t: string) =>
    t
      .replace(/&amp;/g, "&")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'");
  const heads = [...html.matchAll(/<h1>Sheet \d+: <em>(.*?)<\/em><\/h1>/g)];
  const at = heads.findIndex((h) => decode(h[1]!) === sheet);
  if (at < 0) throw new Error(`LibreOffice exported no sheet ${sheet}`);
  const start = heads[at]!.index!;
  const end = heads[at + 1]?.index ?? html.length;
  const table = html.slice(start, end);
  const fills = new Map<string, string>();
  table
    .split(/<tr\b/)
    .slice(1)
    .forEach((tr, r) => {
      let col = 1;
      for (const td of tr.split(/<td\b/).slice(1)) {
        const attrs = td.slice(0, td.indexOf(">"));
        const fill = /bgcolor="#([0-9A-Fa-f]{6})"/.exec(attrs);
        if (fill) fills.set(`${r + 1},${col}`, fill[1]!.toUpperCase());
        col += Number(/colspan=(\d+)/.exec(attrs)?.[1] ?? 1);
      }
    });
  return fills;
}
