/**
 * A file the pane cannot open gets its own sentence saying what to do (written once, in
 * src/workbook/package/openFailure.ts, worded for the pane: never naming bsc), announced in the
 * assertive live region and given the focus.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openPreview, paneBench, type PaneBench } from "./pane";

let bench: PaneBench;

beforeAll(async () => {
  bench = await paneBench("bsc-open-");
});

afterAll(() => bench?.close());

/** An OLE2 compound file: what an .xls is, and what Excel makes of an .xlsx with a password to open. */
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const FILES: [string, () => Buffer, RegExp][] = [
  [
    "locked.xlsx",
    () => Buffer.concat([OLE2, Buffer.alloc(1024), Buffer.from("EncryptedPackage", "utf16le")]),
    /^locked\.xlsx could not be opened: this workbook is protected by a password to open.*remove the password under File > Info/,
  ],
  [
    "old.xls",
    () => Buffer.concat([OLE2, Buffer.alloc(1088)]),
    /^old\.xls could not be opened: this is an Excel 97-2003 workbook \(\.xls\).*save it as an Excel Workbook \(\.xlsx\)/,
  ],
  [
    "cut.xlsx",
    () => readFileSync(path.join(bench.dir, "sample.xlsx")).subarray(0, 2000),
    /^cut\.xlsx could not be opened: this file is cut short.*copy or download it again/,
  ],
  ["empty.xlsx", () => Buffer.alloc(0), /^empty\.xlsx could not be opened: this file is empty \(0 bytes\)/],
];

describe("a file the pane cannot open", () => {
  it.each(FILES)(
    "%s: its own sentence, announced and focused, never naming bsc",
    async (name, bytes, wanted) => {
      const file = path.join(bench.dir, name);
      writeFileSync(file, bytes());
      const page = await bench.browser.newPage({ viewport: { width: 320, height: 700 } });
      await openPreview(page, bench.server.url);
      await page.getByLabel("Workbook to open").setInputFiles(file);
      const alert = page.getByRole("alert").filter({ hasText: "could not be opened" });
      await alert.waitFor();
      const text = (await alert.textContent()) ?? "";
      expect(text).toMatch(wanted);
      expect(text).not.toMatch(/\bbsc\b/);
      // The message has the keyboard, so a screen reader user is on it and can go on from there.
      expect(await page.evaluate(() => document.activeElement?.closest('[role="alert"]') !== null)).toBe(
        true,
      );
      await page.close();
    },
  );
});
