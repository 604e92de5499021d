import { SaxesParser } from "saxes";
import { PackageFormatError } from "./limits";

/**
 * Parts are parsed as a stream of events, never as a tree: a sheet of a million rows costs its
 * cells, not a DOM of them. The five XML entities are the only ones there are, since saxes does
 * not read DTDs and a part declaring one is refused outright (no Excel part has one).
 */

export type XmlAttributes = Readonly<Record<string, string>>;

export interface XmlVisitor {
  /** `name` is the local name: some writers prefix SpreadsheetML elements (`x:c`). */
  open(name: string, attributes: XmlAttributes): void;
  close(name: string): void;
  /** Character data, in as many pieces as the parser likes. */
  text(text: string): void;
}

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

export function parseXmlPart(part: string, bytes: Uint8Array, visitor: XmlVisitor): void {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  parser.on("doctype", () => {
    throw new PackageFormatError(
      `${part} declares a DTD (<!DOCTYPE>), which no workbook part has; bsc expands no entities and will not read it.`,
      part,
    );
  });
  parser.on("error", (e) => {
    throw new PackageFormatError(
      `${part} is not well-formed XML (${e.message}); bsc will not read it.`,
      part,
    );
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
