/**
 * Where each element of a part lies, as the XML scanner (xmlScanner.ts) reports it: the patcher's
 * edits splice at these offsets, so a "<sheet" inside a comment, a CDATA section or a processing
 * instruction is never taken for an element, and finding one costs the same whatever the nesting.
 *
 * An index is made by the one scan that reads or checks a part: the reader's (which keeps it
 * beside the part's bytes for the patch that follows) or, for a part the reader did not parse, the
 * patcher's own well-formedness check. Only a text the patcher itself changed is scanned again.
 */
import { scanXml, XmlSyntaxError, type XmlVisitor } from "./xmlScanner";

/** One element: its qualified name (prefix kept) and where it lies. */
export interface IndexedElement {
  readonly name: string;
  /** Where its open tag's "<" stands. */
  readonly start: number;
  /** Just after its open tag's ">". */
  headEnd: number;
  /** Just after its close tag (or its self-closing tag). */
  end: number;
  readonly selfClosing: boolean;
  /** The index of its parent element, or -1 for the root. */
  readonly parent: number;
}

// A U+FEFF after a tag is text, kept: only the part's first bytes are a byte-order mark (inTextOffsets starts after it).
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

const localName = (qualified: string): string => qualified.slice(qualified.indexOf(":") + 1);

/**
 * Collects the elements of a scan, in document order. Elements inside one whose local name is
 * `skipInside` are not listed: a worksheet's cells (<sheetData>) are millions of elements the
 * patcher never edits as text (it holds them aside as bytes).
 */
export class ElementIndexBuilder {
  readonly elements: IndexedElement[] = [];
  private readonly open: number[] = [];
  /** Depth inside the skipped element (0: not inside one). */
  private skipped = 0;

  constructor(private readonly skipInside?: string) {}

  /** Called with the scanner's qualified name and offsets. */
  opened(name: string, contentStart: number | undefined, tagStart: number | undefined): void {
    if (this.skipped > 0) {
      this.skipped++;
      return;
    }
    const selfClosing = contentStart === undefined;
    this.elements.push({
      name,
      start: tagStart ?? -1,
      headEnd: contentStart ?? -1,
      end: -1,
      selfClosing,
      parent: this.open.length ? (this.open[this.open.length - 1] as number) : -1,
    });
    this.open.push(this.elements.length - 1);
    if (!selfClosing && this.skipInside !== undefined && localName(name) === this.skipInside)
      this.skipped = 1;
  }

  closed(after: number | undefined): void {
    if (this.skipped > 1) {
      this.skipped--;
      return;
    }
    this.skipped = 0;
    const element = this.elements[this.open.pop() as number] as IndexedElement;
    element.end = after ?? -1;
    if (element.selfClosing) element.headEnd = element.end;
  }

  /** A visitor for scanXml that only indexes. */
  visitor(): XmlVisitor {
    return {
      open: (name, _attributes, contentStart, tagStart) => this.opened(name, contentStart, tagStart),
      close: (_name, after) => this.closed(after),
      text() {},
    };
  }
}

/** Every element of a part's UTF-8 bytes, offsets in bytes; XmlSyntaxError when it is not well-formed. */
export function indexXmlBytes(bytes: Uint8Array): IndexedElement[] {
  const builder = new ElementIndexBuilder();
  countScan("text", bytes);
  scanXml(bytes, builder.visitor());
  return builder.elements;
}

/**
 * The index with its byte offsets turned into offsets in the text the bytes decode to (UTF-16
 * code units, as JavaScript strings count): the same numbers for an ASCII part, the usual case.
 */
export function inTextOffsets(
  elements: readonly IndexedElement[],
  bytes: Uint8Array,
  textLength: number,
): IndexedElement[] {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (bytes.length - bom === textLength) {
    if (bom === 0) return elements.map((e) => ({ ...e }));
    return elements.map((e) => ({ ...e, start: e.start - 3, headEnd: e.headEnd - 3, end: e.end - 3 }));
  }
  const offsets = new Set<number>();
  for (const e of elements) offsets.add(e.start).add(e.headEnd).add(e.end);
  const sorted = [...offsets].sort((a, b) => a - b);
  const units = new Map<number, number>();
  let at = bom;
  let unit = 0;
  // Every offset is at a "<" or just after a ">", never inside a character: the text between two
  // decodes alone as it does in the whole (a byte that is not UTF-8 included, as U+FFFD).
  for (const offset of sorted) {
    if (offset > at) unit += utf8.decode(bytes.subarray(at, offset)).length;
    at = Math.max(at, offset);
    units.set(offset, unit);
  }
  const of = (offset: number): number => units.get(offset) as number;
  return elements.map((e) => ({ ...e, start: of(e.start), headEnd: of(e.headEnd), end: of(e.end) }));
}

/**
 * The index of a worksheet's bytes with its cells left out, `<sheetData/>` (with the root's
 * prefix, `replacement`) in place of `sheetData`: the elements before it unchanged, those after
 * it moved by what the cut took away, the ones inside it gone.
 */
export function withoutContentOf(
  elements: readonly IndexedElement[],
  cut: IndexedElement,
  replacementLength: number,
): IndexedElement[] {
  const shift = replacementLength - (cut.end - cut.start);
  const kept: IndexedElement[] = [];
  const newIndex = new Map<number, number>();
  elements.forEach((e, i) => {
    if (e.start > cut.start && e.start < cut.end) return;
    newIndex.set(i, kept.length);
    const parent = e.parent < 0 ? -1 : (newIndex.get(e.parent) as number);
    if (e === cut) {
      const end = e.start + replacementLength;
      kept.push({ ...e, headEnd: end, end, selfClosing: true, parent });
      return;
    }
    const moved = (offset: number): number => (offset >= cut.end ? offset + shift : offset);
    kept.push({ ...e, headEnd: moved(e.headEnd), end: moved(e.end), start: moved(e.start), parent });
  });
  return kept;
}

/**
 * Indexes kept beside the bytes they were made from, for the patch that follows a read: the
 * reader's scan of a part is the patcher's too. Weakly held: the index goes with the bytes.
 */
const indexOfBytes = new WeakMap<Uint8Array, IndexedElement[]>();

export const rememberIndex = (bytes: Uint8Array, elements: IndexedElement[]): void => {
  indexOfBytes.set(bytes, elements);
};

export const rememberedIndex = (bytes: Uint8Array): IndexedElement[] | undefined => indexOfBytes.get(bytes);

/**
 * Told of every scan of XML: `what` is the part's name, or "text" for a text the patcher changed
 * (or made) and scans to edit again. Tests count with it that no part is scanned twice in a run.
 */
export type ScanCounter = (what: string, bytes: Uint8Array) => void;
let scanCounter: ScanCounter | null = null;

export function countScansWith(counter: ScanCounter | null): void {
  scanCounter = counter;
}

export function countScan(what: string, bytes: Uint8Array): void {
  scanCounter?.(what, bytes);
}

export { XmlSyntaxError };
