/**
 * An .xlsx (or .xlsm) package opened for patching: parts are inflated only when asked for, and
 * written back only when changed; every other part is copied as its compressed bytes.
 */
import { listZipEntries, readZipEntry, type Inflate, type ZipEntry } from "../xlsx/zip";
import { relationshipsPartOf as relsPartOf, resolveTarget } from "./read/relationships";
import { writeZip, type Deflate, type ZipPart } from "./zipWriter";
import { InflateLimitError } from "./read/inflate";
import { byteSize, DEFAULT_READ_LIMITS, PackageLimitError } from "./read/limits";

export { relsPartOf };
import { attribute, findElements, PackageXmlError } from "./xmlText";

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

export class OpenPackage {
  private readonly changed = new Map<string, string>();
  private readonly cache = new Map<string, string>();
  private readonly added: string[] = [];
  private readonly removed = new Set<string>();
  private readonly byLowerName: Map<string, ZipEntry>;

  private constructor(
    readonly bytes: Uint8Array,
    readonly entries: readonly ZipEntry[],
    private readonly inflate: Inflate,
  ) {
    this.byLowerName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  }

  static open(bytes: Uint8Array, inflate: Inflate): OpenPackage {
    return new OpenPackage(bytes, listZipEntries(bytes), inflate);
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
    const changed = this.changed.get(name);
    if (changed !== undefined) return changed;
    const cached = this.cache.get(name);
    if (cached !== undefined) return cached;
    let bytes: Uint8Array;
    try {
      bytes = await readZipEntry(
        this.bytes,
        this.byLowerName.get(name.toLowerCase()) as ZipEntry,
        this.inflate,
      );
    } catch (e) {
      if (!(e instanceof InflateLimitError)) throw e;
      throw new PackageLimitError(
        `${name} inflates to more than ${byteSize(e.maxBytes)}; bsc will not edit it.`,
        "maxSheetBytes",
        name,
      );
    }
    const text = utf8.decode(bytes);
    this.cache.set(name, text);
    return text;
  }

  setText(part: string, text: string): void {
    const name = this.entryName(part);
    if (name === null) this.added.push(part);
    this.changed.set(name ?? part, text);
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
    const root = (await this.relationships("")).find((r) => r.type === RELATIONSHIP_TYPES.officeDocument);
    if (!root || !this.has(root.part)) throw new PackageXmlError("the package names no workbook part");
    return this.entryName(root.part) as string;
  }

  /** The package: changed parts written afresh, new ones after them, the rest copied as they were. */
  /** Leaves a part out of the package (a cache the spreadsheet rebuilds, such as calcChain.xml). */
  remove(part: string): void {
    const name = this.entryName(part);
    if (name !== null) this.removed.add(name);
  }

  /** `checksum`: the platform's CRC-32 where it has one (Node's zlib), ten times the JavaScript one. */
  async toBytes(deflate: Deflate, checksum?: (data: Uint8Array) => number): Promise<Uint8Array> {
    const parts: ZipPart[] = this.entries
      .filter((entry) => !this.removed.has(entry.name))
      .map((entry) => {
        const text = this.changed.get(entry.name);
        return text === undefined
          ? { name: entry.name, copyOf: entry }
          : { name: entry.name, content: encoder.encode(text) };
      });
    for (const name of this.added)
      parts.push({ name, content: encoder.encode(this.changed.get(name) as string) });
    return writeZip(this.bytes, parts, deflate, new Date(), checksum);
  }
}
