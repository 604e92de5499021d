/**
 * Namespace declarations are scoped to their element: a prefix the patcher writes must be bound
 * where it writes it. Writers such as openpyxl declare the relationships namespace on each
 * `<sheet>` of xl/workbook.xml, not on its root; a sheet added with that prefix and no declaration
 * of its own made a workbook.xml no XML parser (and not Excel, nor LibreOffice) would load.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { attributesOf, relationshipBinding } from "../../src/workbook/package/xmlText";
import { relationshipId } from "../../src/workbook/package/read/xml";
import { folderForEachTest, packageProblems, runBsc, tableBook } from "../cli/craftedInputs";
import { partsOf, zipOf } from "./readPackageHelpers";

const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT_R = "http://purl.oclc.org/ooxml/officeDocument/relationships";

/** The table workbook with its workbook part's relationships namespace declared on each <sheet>. */
async function perSheetDeclarations(): Promise<Buffer> {
  const parts = await partsOf(await tableBook());
  return zipOf(
    [...parts].map(([name, xml]) => ({
      name,
      data:
        name === "xl/workbook.xml"
          ? xml
              .replace(/(<workbook\b[^>]*?)\s+xmlns:r="[^"]*"/, "$1")
              .replace(/<sheet /g, `<sheet xmlns:r="${R}" `)
          : xml,
    })),
  );
}

const folder = folderForEachTest("bsc-ns-");

describe("the relationships namespace declared on each sheet, not on the workbook", () => {
  it("is refreshed into a workbook whose every part is namespace-well-formed, and reads back", async () => {
    const dir = folder();
    const input = await perSheetDeclarations();
    const workbookXml = (await partsOf(input)).get("xl/workbook.xml")!;
    expect(workbookXml).not.toMatch(/<workbook\b[^>]*xmlns:r=/);
    writeFileSync(path.join(dir, "in.xlsx"), input);
    const run = await runBsc(dir, "refresh", "in.xlsx", "-o", "out.xlsx");
    expect(run.code).toBe(0);
    const out = readFileSync(path.join(dir, "out.xlsx"));
    expect(await packageProblems(out, input)).toEqual([]);
    const again = await runBsc(dir, "check", "out.xlsx", "--json");
    expect(again.code).toBe(0);
    // A second refresh finds the product's sheets it added (their ids read as the reader reads them).
    const second = await runBsc(dir, "refresh", "out.xlsx", "-o", "out2.xlsx");
    expect(second.code).toBe(0);
    const out2 = readFileSync(path.join(dir, "out2.xlsx"));
    expect(await packageProblems(out2, out)).toEqual([]);
    expect((await partsOf(out2)).get("xl/workbook.xml")!.match(/name="Scorecard"/g)).toHaveLength(1);
  });
});

describe("relationshipBinding", () => {
  it("uses the root's prefix, whatever it is, when the root declares the namespace", () => {
    const xml = `<x:workbook xmlns:x="main" xmlns:rel="${R}"><x:sheets/></x:workbook>`;
    expect(relationshipBinding(xml, "workbook")).toEqual({ prefix: "rel:", declaration: "" });
  });

  it("declares the namespace on the new element when only another element declares it, in its flavour", () => {
    const xml = `<workbook xmlns="main"><sheets><sheet xmlns:q="${STRICT_R}" q:id="rId1"/></sheets></workbook>`;
    expect(relationshipBinding(xml, "workbook")).toEqual({
      prefix: "r:",
      declaration: ` xmlns:r="${STRICT_R}"`,
    });
  });

  it("declares the transitional namespace when nothing declares it", () => {
    expect(relationshipBinding(`<worksheet xmlns="main"><sheetData/></worksheet>`, "worksheet")).toEqual({
      prefix: "r:",
      declaration: ` xmlns:r="${R}"`,
    });
  });

  it("reads an element's relationship id by its own declaration's prefix, as the reader does", () => {
    const sheet = `<sheet xmlns:q="${R}" name="A" sheetId="1" q:id="rId7"/>`;
    expect(relationshipId(attributesOf(sheet))).toBe("rId7");
  });
});
