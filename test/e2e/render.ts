/** LibreOffice's view of a workbook: converted to PDF, then to PNG pages, then read as pixels. */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PNG } from "pngjs";

export interface RenderedPage {
  readonly file: string;
  readonly text: string;
  readonly png: PNG;
}

/** Renders every visible sheet of the workbook, page by page, as LibreOffice Calc prints it. */
export function renderWithLibreOffice(workbook: string, dpi = 60): RenderedPage[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bsc-render-"));
  const copy = path.join(dir, "book.xlsx");
  copyFileSync(workbook, copy);
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${path.join(dir, "profile")}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      copy,
    ],
    { stdio: "ignore", timeout: 120000 },
  );
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
