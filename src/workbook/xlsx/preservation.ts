import type { Inflate } from "./zip";
import { listZipEntries, zipText } from "./zip";

/**
 * ExcelJS rewrites a workbook from its own model and silently drops what it does not model.
 * Before the product writes a workbook back, it lists what would be lost, so that it can refuse
 * instead of losing a user's work.
 */

const PARTS: readonly { readonly pattern: RegExp; readonly one: string; readonly many: string }[] = [
  { pattern: /^xl\/charts\/chart\d*\.xml$/i, one: "a chart", many: "charts" },
  { pattern: /^xl\/chartsheets\/[^/]+\.xml$/i, one: "a chart sheet", many: "chart sheets" },
  { pattern: /^xl\/pivotTables\/[^/]+\.xml$/i, one: "a pivot table", many: "pivot tables" },
  { pattern: /^xl\/slicers\/[^/]+\.xml$/i, one: "a slicer", many: "slicers" },
  { pattern: /^xl\/timelines\/[^/]+\.xml$/i, one: "a timeline", many: "timelines" },
  { pattern: /^xl\/vbaProject\.bin$/i, one: "macros (VBA)", many: "macros (VBA)" },
  { pattern: /^xl\/activeX\/[^/]+\.xml$/i, one: "an ActiveX control", many: "ActiveX controls" },
  { pattern: /^xl\/ctrlProps\/[^/]+\.xml$/i, one: "a form control", many: "form controls" },
  { pattern: /^xl\/embeddings\/[^/]+$/i, one: "an embedded object", many: "embedded objects" },
  { pattern: /^xl\/model\/[^/]+$/i, one: "a Power Pivot data model", many: "a Power Pivot data model" },
  { pattern: /^xl\/connections\.xml$/i, one: "data connections", many: "data connections" },
  { pattern: /^xl\/queryTables\/[^/]+\.xml$/i, one: "a query table", many: "query tables" },
  { pattern: /^xl\/threadedComments\/[^/]+\.xml$/i, one: "threaded comments", many: "threaded comments" },
  {
    pattern: /^xl\/externalLinks\/[^/]+\.xml$/i,
    one: "a link to another workbook",
    many: "links to other workbooks",
  },
];

function describe(counts: Map<string, { one: string; many: string; n: number }>): string[] {
  return [...counts.values()].map(({ one, many, n }) => (n === 1 || one === many ? one : `${n} ${many}`));
}

const count = (counts: Map<string, { one: string; many: string; n: number }>, one: string, many: string) => {
  const c = counts.get(one) ?? { one, many, n: 0 };
  c.n++;
  counts.set(one, c);
};

/** Defined names ExcelJS keeps: absolute ranges, workbook-scoped (or Excel's own _xlnm names). */
function namesThatWouldBeLost(workbookXml: string): string[] {
  const lost: string[] = [];
  for (const m of workbookXml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
    const attributes = m[1] as string;
    const name = /\bname="([^"]*)"/.exec(attributes)?.[1] ?? "";
    if (name.startsWith("_xlnm.")) continue;
    const refersTo = (m[2] as string).trim();
    const plainRanges = refersTo
      .split(",")
      .every((r) => /^(?:'(?:[^']|'')+'|[^'!,]+)!\$[A-Z]+\$\d+(?::\$[A-Z]+\$\d+)?$/.test(r.trim()));
    if (!plainRanges || /\blocalSheetId=/.test(attributes)) lost.push(name);
  }
  return lost;
}

/** What rewriting this .xlsx package with ExcelJS would lose, in words; empty when nothing. */
export async function contentExcelJsWouldDrop(zip: Uint8Array, inflate: Inflate): Promise<string[]> {
  const entries = listZipEntries(zip);
  const counts = new Map<string, { one: string; many: string; n: number }>();
  for (const entry of entries) {
    const kind = PARTS.find((p) => p.pattern.test(entry.name));
    if (kind) {
      count(counts, kind.one, kind.many);
      continue;
    }
    if (/^xl\/drawings\/drawing\d*\.xml$/i.test(entry.name)) {
      const xml = await zipText(zip, entry, inflate);
      const shapes = (xml.match(/<xdr:(?:sp|cxnSp)\b/g) ?? []).length;
      for (let i = 0; i < shapes; i++) count(counts, "a shape or text box", "shapes and text boxes");
    } else if (/^xl\/worksheets\/sheet\d*\.xml$/i.test(entry.name)) {
      const xml = await zipText(zip, entry, inflate);
      if (xml.includes("<x14:sparklineGroup")) count(counts, "sparklines", "sparklines");
      if (xml.includes("<x14:conditionalFormatting")) {
        const words = "extended conditional formats (data bars or icon sets)";
        count(counts, words, words);
      }
    }
  }
  const lost = describe(counts);
  const book = entries.find((e) => e.name === "xl/workbook.xml");
  const names = book ? namesThatWouldBeLost(await zipText(zip, book, inflate)) : [];
  if (names.length) lost.push(`the defined name${names.length > 1 ? "s" : ""} ${names.join(", ")}`);
  return lost;
}
