/**
 * Strict Open XML (Excel's "Strict Open XML Spreadsheet", issue 20 item 6): read and patched, and
 * what the product writes into a strict package is strict too.
 */
import { mkdtempSync, promises as fs, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { toStrict } from "../../src/workbook/ooxml/namespaces";
import { packageProblems, runBsc, tableBook } from "../cli/craftedInputs";
import { partsOf, zipOf } from "./readPackageHelpers";

/**
 * A workbook as Excel saves it in strict form: every part's transitional namespaces and
 * relationship types under purl.oclc.org, the workbook declaring its conformance.
 */
export async function strictWorkbook(): Promise<Buffer> {
  const parts = await partsOf(await tableBook());
  return zipOf(
    [...parts].map(([name, xml]) => ({
      name,
      data: toStrict(
        name === "xl/workbook.xml" ? xml.replace("<workbook ", '<workbook conformance="strict" ') : xml,
      ),
    })),
  );
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bsc-strict-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("a Strict Open XML workbook", () => {
  it("is read by check as its transitional twin is", async () => {
    writeFileSync(path.join(dir, "strict.xlsx"), await strictWorkbook());
    writeFileSync(path.join(dir, "plain.xlsx"), await tableBook());
    const strict = await runBsc(dir, "check", "strict.xlsx", "--json");
    const plain = await runBsc(dir, "check", "plain.xlsx", "--json");
    expect(strict.code).toBe(0);
    expect(JSON.parse(strict.stdout).perspectives).toEqual(JSON.parse(plain.stdout).perspectives);
  });

  it("is refreshed, every part it writes strict and well-formed, and reads back", async () => {
    const input = await strictWorkbook();
    writeFileSync(path.join(dir, "strict.xlsx"), input);
    const run = await runBsc(dir, "refresh", "strict.xlsx", "-o", "out.xlsx", "--strategy-map");
    expect(run.stderr).not.toMatch(/names no workbook part|fault/);
    expect(run.code).toBe(0);
    const out = readFileSync(path.join(dir, "out.xlsx"));
    expect(await packageProblems(out, input)).toEqual([]);
    for (const [name, xml] of await partsOf(out)) {
      const transitional =
        /schemas\.openxmlformats\.org\/(spreadsheetml|officeDocument\/2006\/relationships|drawingml)/.test(
          xml,
        );
      expect({ name, transitional }).toEqual({ name, transitional: false });
    }
    const again = await runBsc(dir, "check", "out.xlsx", "--json");
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).perspectives[0].name).toBe("Financial");
    // The product's sheets are there on a second refresh: found by their strict relationships.
    const second = await runBsc(dir, "refresh", "out.xlsx", "-o", "out2.xlsx");
    expect(second.code).toBe(0);
    const names = (await partsOf(readFileSync(path.join(dir, "out2.xlsx")))).get("xl/workbook.xml")!;
    expect(names.match(/name="Scorecard"/g)).toHaveLength(1);
  });
});
