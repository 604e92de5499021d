/**
 * Where the scanner says each element lies (src/workbook/ooxml/elementIndex.ts), in a part's bytes
 * and in the text they decode to: the offsets the patcher's edits splice at.
 */
import fc from "fast-check";
import {
  ElementIndexBuilder,
  indexXmlBytes,
  inTextOffsets,
  withoutContentOf,
  type IndexedElement,
} from "../../src/workbook/ooxml/elementIndex";
import { scanXml } from "../../src/workbook/ooxml/xmlScanner";
import { propertyRuns } from "../helpers/runs";

interface Node {
  readonly name: string;
  readonly attribute: string;
  readonly before: string;
  readonly children: readonly Node[];
}

/** Text XML allows, with accents, CJK, astral characters and markup escaped. */
const textArb = fc
  .array(fc.constantFrom("a", "é", "中", "😀", "&amp;", "&lt;", "\u200f", "\ufeff", " ", "x"), {
    maxLength: 6,
  })
  .map((parts) => parts.join(""));

/** Markup that holds what looks like tags and is none: a comment, a CDATA section, a PI. */
const decoyArb = fc.constantFrom("", "<!-- <sheet/> é -->", "<![CDATA[<c r='A1'>中</c>]]>", "<?pi <row/> ?>");

const nodeArb: fc.Memo<Node> = fc.memo((depth) =>
  fc.record({
    name: fc.constantFrom("sheet", "x:row", "c", "definedName", "ñame"),
    attribute: textArb,
    before: fc.tuple(textArb, decoyArb).map(([t, d]) => t + d),
    children: depth > 1 ? fc.array(nodeArb(depth - 1), { maxLength: 3 }) : fc.constant([]),
  }),
);

function serialize(node: Node, out: string[]): string {
  const at = out.length;
  out.push("");
  const inner = node.before + node.children.map((c) => serialize(c, out)).join("");
  const head = `<${node.name} v="${node.attribute}"`;
  const text = inner === "" ? `${head}/>` : `${head}>${inner}</${node.name}>`;
  out[at] = text;
  return text;
}

const indexOf = (xml: string): IndexedElement[] => {
  const bytes = new TextEncoder().encode(xml);
  return inTextOffsets(indexXmlBytes(bytes), bytes, xml.length);
};

describe("the element index", () => {
  it("gives each element's place in the text, whatever its characters and the markup around it", () => {
    fc.assert(
      fc.property(nodeArb(4), (root) => {
        const expected: string[] = [];
        const xml = `<?xml version="1.0"?>${serialize(root, expected)}`;
        const elements = indexOf(xml);
        expect(elements.map((e) => xml.slice(e.start, e.end))).toEqual(expected);
        for (const e of elements) {
          expect(xml.slice(e.start, e.headEnd)).toMatch(new RegExp(`^<${e.name} v="[^"]*"/?>$`));
          if (e.parent >= 0) {
            const parent = elements[e.parent]!;
            expect(e.start >= parent.headEnd && e.end <= parent.end).toBe(true);
          }
        }
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it("counts a byte-order mark out, and a byte that is not UTF-8 as the one character it decodes to", () => {
    const bytes = Uint8Array.from([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode("<a>"),
      0x80,
      0xe9,
      ...new TextEncoder().encode("<b/>😀<c/></a>"),
    ]);
    const text = new TextDecoder().decode(bytes);
    const elements = inTextOffsets(indexXmlBytes(bytes), bytes, text.length);
    expect(elements.map((e) => text.slice(e.start, e.end))).toEqual([text, "<b/>", "<c/>"]);
  });

  it("lists none of the elements inside the one it skips, however deep they nest", () => {
    const depth = 20_000;
    const xml = `<worksheet><sheetData>${"<row>".repeat(depth)}${"</row>".repeat(depth)}</sheetData><drawing/></worksheet>`;
    const builder = new ElementIndexBuilder("sheetData");
    scanXml(new TextEncoder().encode(xml), builder.visitor());
    expect(builder.elements.map((e) => e.name)).toEqual(["worksheet", "sheetData", "drawing"]);
    expect(builder.elements[2]!.parent).toBe(0);
  });

  it("of a sheet without its cells: what follows them moved back, <sheetData/> in their place", () => {
    const xml = `<worksheet><dimension/><sheetData><row><c/></row></sheetData><pageMargins/></worksheet>`;
    const elements = indexOf(xml);
    const cells = elements.find((e) => e.name === "sheetData")!;
    const outside = `<worksheet><dimension/><sheetData/><pageMargins/></worksheet>`;
    const cut = withoutContentOf(elements, cells, "<sheetData/>".length);
    expect(cut).toEqual(indexOf(outside));
  });
});
