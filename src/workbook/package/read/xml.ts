import { SaxesParser } from "saxes";
import { PackageFormatError } from "./limits";
import { scanXml, XmlSyntaxError, type XmlAttributes, type XmlVisitor } from "../../ooxml/xmlScanner";
import { countScan, ElementIndexBuilder, rememberIndex } from "../../ooxml/elementIndex";

/**
 * Parts are parsed as a stream of events, never as a tree: a sheet of a million rows costs its
 * cells, not a DOM of them. The five XML entities are the only ones there are, since saxes does
 * not read DTDs and a part declaring one is refused outright (no Excel part has one).
 */

export type { XmlAttributes, XmlVisitor } from "../../ooxml/xmlScanner";

/** Thrown by a visitor that has what it came for: the rest of the part is skipped. */
export class StopParsing extends Error {
  override readonly name = "StopParsing";
}

/** Decoded and parsed a mebibyte at a time, so that no string of the whole part is ever made. */
const CHUNK = 1024 * 1024;

const localName = (name: string): string => {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
};

/** The relationship id attribute: `r:id` by convention, but the prefix is the writer's choice. */
export function relationshipId(attributes: XmlAttributes): string | undefined {
  const conventional = attributes["r:id"];
  if (conventional !== undefined) return conventional;
  for (const key in attributes) if (key.endsWith(":id")) return attributes[key];
  return undefined;
}

function decoderFor(bytes: Uint8Array): TextDecoder {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be");
  return new TextDecoder("utf-8");
}

const doctypeRefused = (part: string): PackageFormatError =>
  new PackageFormatError(
    `${part} declares a DTD (<!DOCTYPE>), which no workbook part has; bsc expands no entities and will not read it.`,
    part,
  );

const notWellFormed = (part: string, reason: string): PackageFormatError =>
  new PackageFormatError(`${part} is not well-formed XML (${reason}); bsc will not read it.`, part);

const NO_WORDS = new Uint32Array(0);

/**
 * Where bytes[] holds, in UTF-8, a character XML 1.0 does not allow: a C0 control other than tab,
 * line feed and carriage return, U+FFFE, U+FFFF, or a surrogate (ED A0–BF). -1 when none; the code
 * point's name otherwise. The scanner reads names and text without looking at every byte, so a
 * part that holds one would otherwise be read, and copied or edited into a part no XML reader
 * (Excel, LibreOffice) takes.
 */
export function nonXmlCharacter(bytes: Uint8Array): string | null {
  // Four bytes at a time where they are all printable ASCII (most of any part), byte by byte
  // around anything else: a part of tens of megabytes is checked in a few milliseconds.
  const head = Math.min(bytes.length, (4 - (bytes.byteOffset % 4)) % 4);
  const wordCount = (bytes.length - head) >>> 2;
  // Only an aligned start holds words: a part shorter than its alignment has none.
  const words = wordCount > 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset + head, wordCount) : NO_WORDS;
  for (let i = 0; i < head; i++) {
    const found = nonXmlAt(bytes, i);
    if (found) return found;
  }
  for (let w = 0; w < words.length; w++) {
    const word = words[w] as number;
    // A byte below 0x20 or from 0x80 up in the word (for bytes below 0x80: subtracting 0x20
    // borrows into the top bit exactly when the byte is below 0x20).
    if (((word - 0x20202020) | word) & 0x80808080) {
      const at = head + w * 4;
      for (let i = at; i < at + 4; i++) {
        const found = nonXmlAt(bytes, i);
        if (found) return found;
      }
    }
  }
  for (let i = head + words.length * 4; i < bytes.length; i++) {
    const found = nonXmlAt(bytes, i);
    if (found) return found;
  }
  return null;
}

/** The character XML forbids that starts at bytes[i], by name, or null. */
function nonXmlAt(bytes: Uint8Array, i: number): string | null {
  const b = bytes[i] as number;
  if (b < 0x20) {
    return b === 0x09 || b === 0x0a || b === 0x0d
      ? null
      : `U+${b.toString(16).padStart(4, "0").toUpperCase()}`;
  }
  if (b === 0xef && bytes[i + 1] === 0xbf && (bytes[i + 2] === 0xbe || bytes[i + 2] === 0xbf))
    return bytes[i + 2] === 0xbe ? "U+FFFE" : "U+FFFF";
  if (b === 0xed && (bytes[i + 1] as number) >= 0xa0 && (bytes[i + 1] as number) <= 0xbf)
    return "a lone surrogate";
  return null;
}

/**
 * Parses one part, giving the visitor local names. UTF-8 parts (every part Excel, LibreOffice and
 * Google Sheets write) go through the fast scanner; a UTF-16 part through saxes.
 */
export function parseXmlPart(
  part: string,
  bytes: Uint8Array,
  visitor: XmlVisitor,
  /**
   * For a part the patcher may edit: where its elements lie is kept beside its bytes
   * (ooxml/elementIndex.ts), so that the patch that follows does not scan it again. "worksheet":
   * its cells are not listed.
   */
  index?: "part" | "worksheet",
): void {
  countScan(part, bytes);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    parseWithSaxes(part, bytes, visitor);
    return;
  }
  const forbidden = nonXmlCharacter(bytes);
  if (forbidden !== null) throw notWellFormed(part, `it holds ${forbidden}, a character XML does not allow`);
  const locals = new Map<string, string>();
  const local = (name: string): string => {
    // Most names have no prefix: no lookup for them.
    if (name.indexOf(":") < 0) return name;
    let found = locals.get(name);
    if (found === undefined) locals.set(name, (found = localName(name)));
    return found;
  };
  const elements = index && new ElementIndexBuilder(index === "worksheet" ? "sheetData" : undefined);
  try {
    scanXml(
      bytes,
      elements
        ? {
            open: (name, attributes, contentStart, tagStart) => {
              elements.opened(name, contentStart, tagStart);
              return visitor.open(local(name), attributes, contentStart, tagStart);
            },
            close: (name, after) => {
              elements.closed(after);
              return visitor.close(local(name), after);
            },
            text: (text) => visitor.text(text),
          }
        : {
            open: (name, attributes, contentStart, tagStart) =>
              visitor.open(local(name), attributes, contentStart, tagStart),
            close: (name, after) => visitor.close(local(name), after),
            text: (text) => visitor.text(text),
          },
    );
    if (elements) rememberIndex(bytes, elements.elements);
  } catch (e) {
    if (e instanceof StopParsing) return;
    if (e instanceof XmlSyntaxError) throw e.doctype ? doctypeRefused(part) : notWellFormed(part, e.message);
    throw e;
  }
}

/** The general parser: for UTF-16 parts, and the reference the scanner is tested against. */
export function parseWithSaxes(part: string, bytes: Uint8Array, visitor: XmlVisitor): void {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  parser.on("doctype", () => {
    throw doctypeRefused(part);
  });
  parser.on("error", (e) => {
    throw notWellFormed(part, e.message);
  });
  parser.on("opentag", (tag) => visitor.open(localName(tag.name), tag.attributes));
  parser.on("closetag", (tag) => visitor.close(localName(tag.name)));
  parser.on("text", (text) => visitor.text(text));
  parser.on("cdata", (text) => visitor.text(text));

  const decoder = decoderFor(bytes);
  try {
    for (let at = 0; at < bytes.length; at += CHUNK) {
      parser.write(decoder.decode(bytes.subarray(at, at + CHUNK), { stream: at + CHUNK < bytes.length }));
    }
    parser.close();
  } catch (e) {
    if (e instanceof StopParsing) return;
    throw e;
  }
}
