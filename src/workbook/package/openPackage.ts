/**
 * An .xlsx (or .xlsm) package opened for patching: parts are inflated only when asked for, and
 * written back only when changed; every other part is copied as its compressed bytes.
 */
import { readZipEntry, type Inflate, type ZipEntry } from "../xlsx/zip";
import { readCentralDirectory } from "../ooxml/zip";
import { relationshipsPartOf as relsPartOf, resolveTarget } from "./read/relationships";
import {
  crc32,
  writeZip,
  type Checksum,
  type Deflate,
  type DeflateAhead,
  type PartBytes,
  type ZipPart,
} from "./zipWriter";
import { InflateLimitError } from "./read/inflate";
import { byteSize, DEFAULT_READ_LIMITS, PackageFormatError, PackageLimitError } from "./read/limits";
import { OPEN_FAILURES } from "./openFailure";

export { relsPartOf };
import { attribute, findElements, PackageXmlError, seedIndex } from "./xmlText";
import { parseXmlPart, type XmlVisitor } from "./read/xml";
import { inTextOffsets, rememberedIndex, withoutContentOf, type IndexedElement } from "../ooxml/elementIndex";
import {
  chooseWorkbookPart,
  isStrictType,
  sameRelationshipType,
  toStrict,
  WORKBOOK_CONTENT_TYPES,
} from "../ooxml/namespaces";

const utf8 = new TextDecoder("utf-8");

/**
 * The largest part the product inflates to edit: the reader's limit for a sheet, the largest part
 * it reads. Every front door reads the workbook (within its limits) before editing it; this keeps
 * the editor bounded even for a caller that does not.
 */
export const MAX_EDITED_PART_BYTES = DEFAULT_READ_LIMITS.maxSheetBytes;
const encoder = new TextEncoder();

export const RELATIONSHIP_TYPES = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
} as const;

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The part it points at, as a package path without a leading slash. */
  readonly part: string;
  readonly external: boolean;
}

/**
 * A worksheet whose cells are held aside as bytes: the ones read, or the ones a product sheet was
 * written as. Its text without them ends with `head` (everything before <sheetData>, then
 * <sheetData/>); `prefix` is its bytes up to the end of its cells (everything before them, and
 * their <sheetData> element), `cells` their text, made only if the part is asked for whole.
 */
interface CellsAside {
  readonly prefix: readonly Uint8Array[];
  readonly cells: () => string;
  readonly head: string;
  /** The part's text without its cells, as it was. */
  readonly text: string;
}

/** A visitor that wants nothing: the part is only checked for being well-formed. */
const IGNORE_EVERYTHING: XmlVisitor = { open() {}, close() {}, text() {} };

/**
 * A visitor that steps from a worksheet's <sheetData> straight to its close tag, the last one in
 * the part (a sheet has one, and only its page set-up, drawings and extensions come after it).
 */
const PAST_THE_CELLS = (bytes: Uint8Array): XmlVisitor => ({
  open(name, _attributes, contentStart) {
    if (name !== "sheetData" || contentStart === undefined) return undefined;
    const closeName = lastEndOf(bytes, ascii("sheetData>"), contentStart, bytes.length);
    // The "<" of that close tag: searched from before its end, where the next tag's "<" may stand.
    const close = closeName < 0 ? -1 : bytes.lastIndexOf(0x3c, closeName - 1);
    return close > contentStart && bytes[close + 1] === 0x2f ? close : undefined;
  },
  close() {},
  text() {},
});

/** The UTF-16 encoding a part's byte-order mark names, or null for UTF-8. */
const utf16Encoding = (bytes: Uint8Array): "utf-16le" | "utf-16be" | null =>
  bytes[0] === 0xff && bytes[1] === 0xfe
    ? "utf-16le"
    : bytes[0] === 0xfe && bytes[1] === 0xff
      ? "utf-16be"
      : null;

/** The ZIP compression methods the product reads. */
const STORED = 0;
const DEFLATED = 8;

const localNameOf = (qualified: string): string => qualified.slice(qualified.indexOf(":") + 1);
const prefixOf = (qualified: string): string => qualified.slice(0, qualified.indexOf(":") + 1);

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** Where `needle` ends last in bytes[from, to), or -1: a search from the end, for a part's short tail. */
function lastEndOf(bytes: Uint8Array, needle: Uint8Array, from: number, to: number): number {
  for (let i = to - needle.length; i >= from; i--) {
    let j = 0;
    while (j < needle.length && bytes[i + j] === needle[j]) j++;
    if (j === needle.length) return i + needle.length;
  }
  return -1;
}

export class OpenPackage {
  private readonly changed = new Map<string, string>();
  /** Worksheets read without their cells; a changed one's text in `changed` is without them too. */
  private readonly cellsAside = new Map<string, CellsAside>();
  private readonly cache = new Map<string, string>();
  private readonly added: string[] = [];
  private readonly removed = new Set<string>();
  private readonly byLowerName: Map<string, ZipEntry>;
  /** A Strict Open XML package (found when its workbook part is): what is written into it is strict too. */
  private strict = false;

  private constructor(
    readonly bytes: Uint8Array,
    readonly entries: readonly ZipEntry[],
    private readonly inflate: Inflate,
    private readonly inflated: ReadonlyMap<string, Uint8Array>,
    /** Parts the reader parsed whole (kept or not): known well-formed, not scanned again. */
    private readonly parsed: ReadonlySet<string>,
    /** The archive's comment, kept. */
    private readonly comment: Uint8Array,
    /** Starts compressing the cells of a sheet to be written while the patch goes on. */
    private readonly deflateAhead: DeflateAhead,
  ) {
    this.byLowerName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  }

  /**
   * `inflated`: parts of these very bytes already inflated (by a read), by name in lower case;
   * `parsed`: every part the read parsed whole, its bytes kept or not; `deflateAhead`: where the
   * platform compresses off the main thread, the start of the compression of a sheet's cells
   * (held aside as bytes) as soon as they are known to be written, long before toBytes.
   */
  static open(
    bytes: Uint8Array,
    inflate: Inflate,
    inflated: ReadonlyMap<string, Uint8Array> = new Map(),
    parsed: ReadonlySet<string> = new Set(inflated.keys()),
    deflateAhead: DeflateAhead = () => undefined,
  ): OpenPackage {
    const directory = readCentralDirectory(bytes);
    return new OpenPackage(
      bytes,
      directory.entries,
      inflate,
      inflated,
      parsed,
      directory.comment,
      deflateAhead,
    );
  }

  /** Whether the reader parsed this part whole: it is well-formed and need not be scanned again. */
  private wasParsed(name: string): boolean {
    return this.parsed.has(name.toLowerCase());
  }

  /** Part names are case-insensitive (OPC): the name as the package spells it. */
  private entryName(part: string): string | null {
    if (this.changed.has(part)) return part;
    const entry = this.byLowerName.get(part.toLowerCase());
    if (entry) return entry.name;
    return this.added.find((a) => a.toLowerCase() === part.toLowerCase()) ?? null;
  }

  has(part: string): boolean {
    return this.entryName(part) !== null;
  }

  async text(part: string): Promise<string> {
    const name = this.entryName(part);
    if (name === null) throw new PackageXmlError(`the package has no ${part}`);
    const aside = this.cellsAside.get(name);
    const changedOutside = aside && this.changed.get(name);
    if (aside && changedOutside) this.setText(name, this.withCells(changedOutside, aside));
    const changed = this.changed.get(name);
    if (changed !== undefined) return changed;
    const cached = this.cache.get(name);
    if (cached !== undefined) return cached;
    const text = this.checkedText(name, await this.originalBytes(name));
    this.cache.set(name, text);
    return text;
  }

  /**
   * A part's text for editing, refused (PackageFormatError, naming it) when it is not well-formed:
   * an edit must not carry a bad character reference into a part it writes. A part the reader
   * already scanned (a sheet it kept) is not scanned again. A UTF-16 part (legal XML, if rare) is
   * decoded, its declaration made to say UTF-8, the encoding every changed part is written in.
   */
  private checkedText(name: string, bytes: Uint8Array): string {
    // The scan that checks the part is the one whose offsets the edits splice at (xmlText.ts).
    if (rememberedIndex(bytes) === undefined && !this.wasParsed(name))
      parseXmlPart(name, bytes, IGNORE_EVERYTHING, "part");
    const encoding = utf16Encoding(bytes);
    if (encoding === null) {
      const text = utf8.decode(bytes);
      const elements = rememberedIndex(bytes);
      if (elements) seedIndex(text, inTextOffsets(elements, bytes, text.length));
      return text;
    }
    return new TextDecoder(encoding)
      .decode(bytes)
      .replace(/^\uFEFF/, "")
      .replace(/^(<\?xml[^>]*?encoding\s*=\s*["'])UTF-16(?:LE|BE)?(["'])/i, "$1UTF-8$2");
  }

  /** What the untouched parts the reader did not read may inflate to in all, for their CRCs. */
  private copyBudget = DEFAULT_READ_LIMITS.maxTotalBytes;

  /**
   * An untouched part's inflated bytes, for its CRC: a part that does not inflate is the file's
   * damage, and parts nobody reads are held to the reader's limits (its ratio, its total), so
   * that a bomb among them costs seconds, not minutes.
   */
  private async copiedBytes(name: string): Promise<Uint8Array> {
    const bytes = await this.originalBytes(name);
    if (this.wasParsed(name)) return bytes;
    // Copied, it is part of the output: an XML part that is not well-formed is refused, not passed on.
    if (/\.(xml|rels)$/i.test(name)) parseXmlPart(name, bytes, IGNORE_EVERYTHING);
    const entry = this.byLowerName.get(name.toLowerCase()) as ZipEntry;
    const { maxCompressionRatio, ratioCheckedAbove, maxTotalBytes } = DEFAULT_READ_LIMITS;
    if (bytes.length > ratioCheckedAbove && bytes.length > entry.compressedSize * maxCompressionRatio) {
      throw new PackageLimitError(
        `${name} inflates to more than ${maxCompressionRatio} times its compressed size, which only a ZIP bomb does; bsc will not open this file.`,
        "maxCompressionRatio",
        name,
      );
    }
    this.copyBudget -= bytes.length;
    if (this.copyBudget < 0) {
      throw new PackageLimitError(
        `The parts of this file inflate beyond ${byteSize(maxTotalBytes)} in all (${name} passed it); bsc will not open it.`,
        "maxTotalBytes",
        name,
      );
    }
    return bytes;
  }

  private async originalBytes(name: string): Promise<Uint8Array> {
    const inflated = this.inflated.get(name.toLowerCase());
    if (inflated) return inflated;
    try {
      return await readZipEntry(
        this.bytes,
        this.byLowerName.get(name.toLowerCase()) as ZipEntry,
        this.inflate,
      );
    } catch (e) {
      // Compressed data that does not inflate (a damaged part), or an unknown method: the file's.
      if (!(e instanceof InflateLimitError))
        throw new PackageFormatError(OPEN_FAILURES.damagedEntry(name), name);
      throw new PackageLimitError(
        `${name} inflates to more than ${byteSize(e.maxBytes)}; bsc will not edit it.`,
        "maxSheetBytes",
        name,
      );
    }
  }

  /**
   * A worksheet's text with its cells left out (<sheetData/> in their place), for the edits that
   * go after them (conditional formats). A sheet of 100,000 rows is tens of megabytes of cells:
   * they are never decoded, searched or encoded again, and setText puts their bytes back as they
   * were. A sheet already changed, or one without cells, comes whole.
   */
  async worksheetOutsideCells(part: string): Promise<string> {
    const name = this.entryName(part);
    if (name === null) throw new PackageXmlError(`the package has no ${part}`);
    const aside = this.cellsAside.get(name);
    if (aside) return this.changed.get(name) ?? aside.text;
    if (this.changed.has(name) || this.cache.has(name) || !this.byLowerName.has(name.toLowerCase()))
      return this.text(name);
    const bytes = await this.originalBytes(name);
    // A UTF-16 sheet is read whole instead.
    if (utf16Encoding(bytes) !== null) return this.text(name);
    const elements = this.worksheetIndex(name, bytes);
    // The cells are the root's <sheetData>, where the scan found it: never a "<sheetData>" in a comment.
    const cells = elements.find(
      (e) => e.parent === 0 && localNameOf(e.name) === "sheetData" && !e.selfClosing,
    );
    if (!cells) {
      const text = utf8.decode(bytes);
      seedIndex(text, inTextOffsets(elements, bytes, text.length));
      this.cache.set(name, text);
      return text;
    }
    const [cellsStart, cellsEnd] = [cells.start, cells.end];
    const empty = ascii(`<${prefixOf(cells.name)}sheetData/>`);
    const head = `${utf8.decode(bytes.subarray(0, cellsStart))}<${prefixOf(cells.name)}sheetData/>`;
    const text = head + utf8.decode(bytes.subarray(cellsEnd));
    const outside = new Uint8Array(cellsStart + empty.length + bytes.length - cellsEnd);
    outside.set(bytes.subarray(0, cellsStart));
    outside.set(empty, cellsStart);
    outside.set(bytes.subarray(cellsEnd), cellsStart + empty.length);
    seedIndex(text, inTextOffsets(withoutContentOf(elements, cells, empty.length), outside, text.length));
    // Not marked changed: a sheet only looked at is copied as it was. Asked for to be edited after
    // its cells (its traffic lights), it is nearly always written: its cells compress from now on,
    // on another thread (a refresh's rules unchanged leave that work unused).
    const prefix = bytes.subarray(0, cellsEnd);
    this.deflateAhead(prefix);
    this.cellsAside.set(name, {
      prefix: [prefix],
      cells: () => utf8.decode(bytes.subarray(cellsStart, cellsEnd)),
      head,
      text,
    });
    return text;
  }

  /**
   * Where a worksheet's elements lie, its cells left out: from the reader's scan when it kept the
   * sheet, else from the patcher's own check. A sheet the reader parsed but did not keep (over the
   * kept budget) is known well-formed: only what stands outside its cells is scanned again, the
   * scan jumping from <sheetData> to its close tag.
   */
  private worksheetIndex(name: string, bytes: Uint8Array): IndexedElement[] {
    const remembered = rememberedIndex(bytes);
    if (remembered) return remembered;
    if (!this.wasParsed(name)) parseXmlPart(name, bytes, IGNORE_EVERYTHING, "worksheet");
    else parseXmlPart(name, bytes, PAST_THE_CELLS(bytes), "worksheet");
    return rememberedIndex(bytes) as IndexedElement[];
  }

  /** A text from worksheetOutsideCells with the cells back in their place. */
  private withCells(text: string, aside: CellsAside): string {
    const cells = aside.cells();
    const at = aside.head.lastIndexOf("<");
    return text.slice(0, at) + cells + text.slice(aside.head.length);
  }

  /**
   * A text from worksheetOutsideCells must keep everything up to its <sheetData/> as it was: the
   * edits it is for go after the cells. Any other text replaces the part whole.
   */
  setText(part: string, written: string): void {
    // Into a strict package, the product's parts and relationships go strict too.
    const text = this.strict ? toStrict(written) : written;
    const name = this.entryName(part);
    if (name === null) this.added.push(part);
    const aside = name === null ? undefined : this.cellsAside.get(name);
    if (aside && !text.startsWith(aside.head)) this.cellsAside.delete(name as string);
    this.changed.set(name ?? part, text);
  }

  /**
   * A changed part's bytes: a worksheet whose cells were held aside gets their original bytes
   * back, as the piece of the bytes read that they are (not copied), the edited tail after them.
   */
  private changedBytes(name: string): PartBytes {
    const text = this.changed.get(name) as string;
    const aside = this.cellsAside.get(name);
    if (!aside) return encoder.encode(text);
    return [...aside.prefix, encoder.encode(text.slice(aside.head.length))];
  }

  /**
   * Writes a worksheet whose cells come as bytes (`cells`: its whole <sheetData> element), between
   * the text before them and the text after them. Returns its text without the cells (<sheetData/>
   * in their place), which later edits of the part (a drawing, after the cells) are made to: its
   * cells are never a string of the whole sheet, nor decoded again.
   */
  setWorksheet(part: string, before: string, cells: readonly Uint8Array[], after: string): string {
    const cellsText = () => cells.map((piece) => utf8.decode(piece)).join("");
    // Into a strict package the text is made strict (setText): the head is compared as it was set.
    const head = `${this.strict ? toStrict(before) : before}<sheetData/>`;
    this.setText(part, `${before}<sheetData/>${after}`);
    const name = this.entryName(part) as string;
    const text = this.changed.get(name) as string;
    if (!text.startsWith(head)) {
      this.setText(part, before + cellsText() + after);
      return this.changed.get(name) as string;
    }
    const headBytes = encoder.encode(head.slice(0, -"<sheetData/>".length));
    for (const piece of cells) this.deflateAhead(piece);
    this.cellsAside.set(name, { prefix: [headBytes, ...cells], cells: cellsText, head, text });
    return text;
  }

  /** A new part's name that no part has yet: xl/worksheets/sheet7.xml. */
  freeName(prefix: string, suffix: string): string {
    for (let i = 1; ; i++) {
      const name = `${prefix}${i}${suffix}`;
      if (!this.has(name)) return name;
    }
  }

  async relationships(part: string): Promise<Relationship[]> {
    const rels = relsPartOf(part);
    if (!this.has(rels)) return [];
    return findElements(await this.text(rels), "Relationship").map((r) => {
      const external = attribute(r.text, "TargetMode") === "External";
      const target = attribute(r.text, "Target") ?? "";
      return {
        id: attribute(r.text, "Id") ?? "",
        type: attribute(r.text, "Type") ?? "",
        part: external ? target : resolveTarget(part, target),
        external,
      };
    });
  }

  /** The workbook part, as the package's root relationships name it. */
  async workbookPart(): Promise<string> {
    const root = (await this.relationships("")).find((r) =>
      sameRelationshipType(r.type, RELATIONSHIP_TYPES.officeDocument),
    );
    const part = chooseWorkbookPart(
      { rootRelationship: root?.part ?? null, declared: await this.declaredWorkbookParts() },
      (name) => this.has(name),
    );
    if (part === null) throw new PackageXmlError("the package names no workbook part");
    this.strict = root !== undefined && isStrictType(root.type);
    return this.entryName(part) as string;
  }

  /** The parts [Content_Types].xml declares workbooks (main parts), in its order. */
  private async declaredWorkbookParts(): Promise<string[]> {
    if (!this.has("[Content_Types].xml")) return [];
    const types = await this.text("[Content_Types].xml");
    const declared: string[] = [];
    for (const override of findElements(types, "Override")) {
      if (!WORKBOOK_CONTENT_TYPES.has(attribute(override.text, "ContentType") ?? "")) continue;
      const name = (attribute(override.text, "PartName") ?? "").replace(/^\//, "");
      try {
        declared.push(decodeURIComponent(name));
      } catch {
        declared.push(name);
      }
    }
    return declared;
  }

  /** Leaves a part out of the package (a cache the spreadsheet rebuilds, such as calcChain.xml). */
  remove(part: string): void {
    const name = this.entryName(part);
    if (name !== null) this.removed.add(name);
  }

  /**
   * The package: changed parts written afresh, new ones after them, the rest copied as they were.
   * `checksum`: the platform's CRC-32 where it has one (Node's zlib), ten times the JavaScript one.
   */
  async toBytes(deflate: Deflate, checksum?: Checksum): Promise<Uint8Array> {
    const parts: ZipPart[] = this.entries
      .filter((entry) => !this.removed.has(entry.name))
      .map((entry) => {
        return this.changed.has(entry.name)
          ? { name: entry.name, content: this.changedBytes(entry.name) }
          : { name: entry.name, copyOf: entry };
      });
    for (const name of this.added) parts.push({ name, content: this.changedBytes(name) });
    const crc = checksum ?? crc32;
    return writeZip(this.bytes, parts, deflate, new Date(), crc, {
      comment: this.comment,
      // Computed from the inflated bytes, never copied: a wrong CRC in the source's directory
      // would otherwise become the copy's, and the part unreadable to a checking reader. Only an
      // entry compressed some other way than stored or deflated (which no reader of the product
      // inflates) keeps the CRC it came with, its bytes copied as they are.
      crcOfCopy: async (entry) =>
        entry.method === STORED || entry.method === DEFLATED
          ? crc(await this.copiedBytes(entry.name))
          : entry.crc32,
    });
  }
}
