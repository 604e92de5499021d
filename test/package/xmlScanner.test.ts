import fc from "fast-check";
import { parseWithSaxes, parseXmlPart, type XmlVisitor } from "../../src/workbook/package/read/xml";

/**
 * The fast scanner against saxes, the general parser it replaced: on any document saxes reads,
 * the scanner gives the same elements, attributes and text; what saxes refuses, it refuses too.
 */

type Event = readonly [kind: "open", name: string, attributes: string] | readonly ["close" | "text", string];

/**
 * The events of a parse, adjacent texts joined (parsers may split text where they like). White
 * space outside the root element, which saxes gives in some places and not others, is left out:
 * no visitor reads text outside the root.
 */
function eventsOf(parse: (visitor: XmlVisitor) => void): Event[] | { refused: string } {
  const events: Event[] = [];
  let depth = 0;
  try {
    parse({
      open: (name, attributes) => {
        depth++;
        events.push(["open", name, JSON.stringify(attributes)]);
      },
      close: (name) => {
        depth--;
        events.push(["close", name]);
      },
      text: (text) => {
        if (depth === 0) return;
        const last = events[events.length - 1];
        if (last?.[0] === "text") events[events.length - 1] = ["text", last[1] + text];
        else if (text !== "") events.push(["text", text]);
      },
    });
  } catch (e) {
    return { refused: (e as Error).message };
  }
  return events;
}

const bytesOf = (xml: string) => new TextEncoder().encode(xml);
const scanned = (xml: string | Uint8Array) =>
  eventsOf((v) => parseXmlPart("part.xml", typeof xml === "string" ? bytesOf(xml) : xml, v));
const bySaxes = (xml: string | Uint8Array) =>
  eventsOf((v) => parseWithSaxes("part.xml", typeof xml === "string" ? bytesOf(xml) : xml, v));

const NAMES = ["c", "v", "row", "x:c", "si", "t", "worksheet", "a:b", "é", "sheetData"];
const TEXT_PIECES = [
  "a",
  "Revenue",
  " ",
  "\t",
  "\n",
  "\r\n",
  "\r",
  "&amp;",
  "&lt;",
  "&gt;",
  "&quot;",
  "&apos;",
  "&#65;",
  "&#x1F600;",
  "é",
  "😀",
  "日本",
  "_x000D_",
  ">",
  "'",
  '"',
  "]",
];
const textArb = fc.array(fc.constantFrom(...TEXT_PIECES), { maxLength: 6 }).map((p) => p.join(""));
const attributeValueArb = textArb.map((t) => t.replace(/"/g, "&quot;"));

interface Node {
  readonly name: string;
  readonly attributes: readonly (readonly [string, string])[];
  readonly children: readonly (Node | string)[];
}

/**
 * Character data never holds "]]>" (XML 1.0, 2.4), not even across two adjacent text children:
 * removed until none is left, and a text never ends in "]" so the next child cannot complete one.
 */
const withoutCdataEnd = (text: string): string => {
  let clean = text;
  while (clean.includes("]]>")) clean = clean.replace(/]]>/g, "");
  return clean.endsWith("]") ? `${clean}.` : clean;
};

const contentArb = fc.oneof(
  textArb.map(withoutCdataEnd),
  textArb.map((t) => `<![CDATA[${t.replace(/&/g, "").replace(/]]>/g, "")}<&]]>`),
  fc.constant("<!-- a comment - with <tags> -->"),
  fc.constant("<?pi some data?>"),
);

const { node: nodeArb } = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.record({
    name: fc.constantFrom(...NAMES),
    attributes: fc.uniqueArray(
      fc.tuple(fc.constantFrom("r", "s", "t", "r:id", "xml:space", "ß"), attributeValueArb),
      {
        maxLength: 3,
        selector: ([name]) => name,
      },
    ),
    children: fc.array(fc.oneof({ maxDepth: 4, depthIdentifier: "element" }, contentArb, tie("node")), {
      maxLength: 4,
    }),
  }),
}));

function serialise(node: Node | string, quote: '"' | "'"): string {
  if (typeof node === "string") return node;
  const attributes = node.attributes
    .map(
      ([name, value]) =>
        ` ${name}\n=  ${quote}${quote === "'" ? value.replace(/'/g, "&apos;") : value}${quote}`,
    )
    .join("");
  if (node.children.length === 0) return `<${node.name}${attributes} />`;
  return `<${node.name}${attributes}>${node.children.map((c) => serialise(c, quote)).join("")}</${node.name} >`;
}

const documentArb = fc
  .tuple(nodeArb, fc.constantFrom<'"' | "'">('"', "'"), fc.boolean(), fc.boolean())
  .map(
    ([root, quote, declaration, bom]) =>
      `${bom ? "\uFEFF" : ""}${declaration ? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' : ""}${serialise(root, quote)}\n`,
  );

/** Where the processing instructions and comments of a document are. */
const skippedSpans = (xml: string): [number, number][] =>
  [...xml.matchAll(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g)].map((m) => [m.index, m.index + m[0].length]);

describe("the XML scanner", () => {
  it("gives the same events as saxes on generated documents", () => {
    fc.assert(
      fc.property(documentArb, (xml) => {
        const reference = bySaxes(xml);
        expect(Array.isArray(reference)).toBe(true);
        expect(scanned(xml)).toEqual(reference);
      }),
      { numRuns: 400 },
    );
  });

  it("reads what saxes reads and refuses what it refuses, after a random edit of a document", () => {
    const edits = ["<", ">", "&", "/", '"', "'", "=", " ", "<!", "]]>", "&bad;", "&#0;", ""];
    fc.assert(
      fc.property(
        documentArb,
        fc.nat(),
        fc.constantFrom(...edits),
        fc.nat({ max: 3 }),
        (xml, where, edit, cut) => {
          const at = where % (xml.length + 1);
          // A damaged processing instruction or comment (the XML declaration is one), or white space
          // before the declaration, which saxes refuses, says nothing of the data: the scanner reads
          // past them.
          fc.pre(at > xml.indexOf("<") && !skippedSpans(xml).some(([start, end]) => at > start && at < end));
          const edited = xml.slice(0, at) + edit + xml.slice(at + cut);
          const reference = bySaxes(edited);
          const ours = scanned(edited);
          if (Array.isArray(reference)) expect(ours).toEqual(reference);
          else
            expect(ours).toEqual({
              refused: expect.stringMatching(/^part\.xml (is not well-formed XML|declares a DTD)/),
            });
        },
      ),
      { numRuns: 1500 },
    );
  });

  it.each([
    ["an unclosed element", "<a><b></b>", "<a> is not closed"],
    ["a mismatched close", "<a><b></a></b>", "</a> closes <b>"],
    ["an undefined entity", "<a>&nbsp;</a>", "undefined entity"],
    ["an unquoted attribute", "<a b=1/>", "is not quoted"],
    ["a repeated attribute", '<a b="1" b="2"/>', "the attribute b twice"],
    ["a second root", "<a/><b/>", "second root"],
    ["text outside the root", "<a/>x", "outside the root"],
    ["no root at all", "<?xml version='1.0'?>", "no root element"],
    ["a character reference to NUL", "<a>&#0;</a>", "not a character XML allows"],
  ])("refuses %s, saying why", (_, xml, reason) => {
    expect(scanned(xml)).toEqual({ refused: expect.stringContaining(reason) });
    expect(bySaxes(xml)).toHaveProperty("refused");
  });

  it("refuses a DTD as saxes does, before reading an entity it declares", () => {
    const xml = '<!DOCTYPE a [<!ENTITY x "boom">]><a>&x;</a>';
    expect(scanned(xml)).toEqual({ refused: expect.stringMatching(/^part\.xml declares a DTD/) });
    expect(scanned(xml)).toEqual(bySaxes(xml));
  });

  it("reads a byte that is not UTF-8 as U+FFFD, as saxes did", () => {
    const latin1 = new Uint8Array([0x3c, 0x61, 0x3e, 0x43, 0x61, 0x66, 0xe9, 0x3c, 0x2f, 0x61, 0x3e]);
    expect(scanned(latin1)).toEqual([
      ["open", "a", "{}"],
      ["text", "Caf\uFFFD"],
      ["close", "a"],
    ]);
    expect(scanned(latin1)).toEqual(bySaxes(latin1));
  });

  it("reads a UTF-16 part through saxes", () => {
    const xml = '<a b="é">日本</a>';
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++)
      utf16.set([xml.charCodeAt(i) & 0xff, xml.charCodeAt(i) >> 8], 2 + i * 2);
    expect(scanned(utf16)).toEqual([
      ["open", "a", '{"b":"é"}'],
      ["text", "日本"],
      ["close", "a"],
    ]);
  });

  it("gives local names and keeps attribute names whole", () => {
    expect(scanned('<x:worksheet r:id="rId1"><x:c/></x:worksheet>')).toEqual([
      ["open", "worksheet", '{"r:id":"rId1"}'],
      ["open", "c", "{}"],
      ["close", "c"],
      ["close", "worksheet"],
    ]);
  });
});
