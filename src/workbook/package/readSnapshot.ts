import type { SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../../model/snapshot";
import type { BoundedInflate } from "./read/inflate";
import { DEFAULT_READ_LIMITS, NotXlsxError, type ReadLimits } from "./read/limits";
import { chooseWorkbookPart, WORKBOOK_CONTENT_TYPES } from "../ooxml/namespaces";
import { OPEN_FAILURES } from "./openFailure";
import { NumberFormats } from "./read/numberFormats";
import {
  isRelationshipType,
  parseRelationships,
  relationshipsPartOf,
  type PartRelationship,
} from "./read/relationships";
import { parseSharedStrings, type SharedStrings } from "./read/sharedStrings";
import { parseTable } from "./read/tablePart";
import { parseWorkbook, type WorkbookSheet } from "./read/workbookPart";
import { readWorksheet, type SheetContent, type SheetReading } from "./read/worksheet";
import { parseXmlPart } from "./read/xml";
import { rememberedIndex, rememberIndex } from "../ooxml/elementIndex";
import { PackageParts } from "./read/zipParts";

export { InflateLimitError, type BoundedInflate } from "./read/inflate";
export {
  DEFAULT_READ_LIMITS,
  NotXlsxError,
  PackageFormatError,
  PackageLimitError,
  PackageReadError,
  type OtherFormat,
  type ReadLimits,
} from "./read/limits";

/**
 * The snapshot of an .xlsx file read straight from its package, part by part: the same
 * WorkbookSnapshot as snapshotOf(ExcelJS's workbook), at a fraction of the time and memory, and
 * within limits that turn a bomb or a damaged file into one sentence (a PackageReadError).
 *
 * Read: [Content_Types].xml, the workbook and its relationships, shared strings, the number formats
 * of styles.xml, each worksheet (one at a time: a sheet's XML is let go before the next is
 * inflated) and its tables. Nothing else is inflated: pictures, charts and pivot caches cost nothing.
 */
export async function readPackageSnapshot(
  zip: Uint8Array,
  inflate: BoundedInflate,
  limits?: Partial<ReadLimits>,
  /**
   * Given each part's inflated bytes as it is read (and parsed whole), for a caller that will patch
   * the same package: the patcher then neither inflates nor checks them again.
   */
  keepPart?: InflatedPartKeeper,
  /** The sheets the last read of the same workbook parsed, for one read after another (SheetMemo). */
  memo?: SheetMemo,
): Promise<WorkbookSnapshot> {
  const effective: ReadLimits = { ...DEFAULT_READ_LIMITS, ...limits };
  memo?.begin();
  const parts = await PackageParts.open(zip, inflate, effective, keepPart);

  const workbookName = await workbookPartName(parts);
  const workbook = parseWorkbook(
    workbookName,
    (await parts.read(workbookName, "other")) as Uint8Array,
    effective.maxNameChars,
  );
  const relationships = await relationshipsOf(parts, workbookName);
  const related = (kind: string, usual: string): string =>
    [...relationships.values()].find((r) => isRelationshipType(r, kind) && parts.has(r.part))?.part ?? usual;

  // Parsed by functions of their own, so that the parts' bytes are garbage before the sheets are read.
  const numberFormats = await readNumberFormats(parts, related("styles", "xl/styles.xml"), memo);
  const strings = await readSharedStrings(parts, related("sharedStrings", "xl/sharedStrings.xml"), memo);

  const context = {
    parts,
    strings,
    numberFormats,
    date1904: workbook.date1904,
    cellBudget: { remaining: effective.maxCells, limit: effective.maxCells },
    memo,
  };
  const sheets: SheetSnapshot[] = [];
  for (const sheet of workbook.sheets) {
    // Chart sheets, dialog and macro sheets have no cells: ExcelJS leaves them out, and so does this.
    const rel = sheet.relationshipId === undefined ? undefined : relationships.get(sheet.relationshipId);
    if (!rel || !isRelationshipType(rel, "worksheet") || !parts.has(rel.part)) continue;
    sheets.push(await readSheet(sheet, rel.part, context));
  }
  memo?.finish();
  return { sheets, names: workbook.names };
}

/** Receives a part's inflated bytes, by the part's name in the package. */
export type InflatedPartKeeper = (part: string, bytes: Uint8Array) => void;

interface ReadContext {
  readonly parts: PackageParts;
  readonly strings: SharedStrings | null;
  readonly numberFormats: NumberFormats;
  readonly date1904: boolean;
  readonly cellBudget: SheetReading["cellBudget"];
  readonly memo: SheetMemo | undefined;
}

async function readNumberFormats(
  parts: PackageParts,
  name: string,
  memo?: SheetMemo,
): Promise<NumberFormats> {
  const bytes = await parts.read(name, "other");
  const formats = bytes ? NumberFormats.parse(name, bytes) : NumberFormats.none;
  memo?.formats(formats);
  return formats;
}

async function readSharedStrings(
  parts: PackageParts,
  name: string,
  memo?: SheetMemo,
): Promise<SharedStrings | null> {
  const bytes = await parts.read(name, "sharedStrings");
  memo?.input("strings", bytes ?? null);
  return bytes ? parseSharedStrings(name, bytes) : null;
}

/** A function of its own so that the sheet's bytes are garbage once its cells are read. */
async function readSheet(sheet: WorkbookSheet, part: string, context: ReadContext): Promise<SheetSnapshot> {
  const bytes = (await context.parts.read(part, "sheet")) as Uint8Array;
  const { memo, cellBudget, date1904 } = context;
  const before = cellBudget.remaining;
  const content =
    memo?.reuse(part, bytes, date1904, cellBudget) ?? readWorksheet(bytes, { ...context, part });
  memo?.remember(part, bytes, date1904, content, before - cellBudget.remaining);
  const { values, formats, tableRelationships } = content;
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    origin: { row: 1, col: 1 },
    values,
    formats,
    tables: tableRelationships.length ? await readTables(context.parts, part, tableRelationships) : [],
  };
}

/** A sheet's tables in the order the sheet lists them; two of one name are one, the later, as in ExcelJS. */
async function readTables(
  parts: PackageParts,
  sheetPart: string,
  ids: readonly string[],
): Promise<TableSnapshot[]> {
  const relationships = await relationshipsOf(parts, sheetPart);
  const tables = new Map<string, TableSnapshot>();
  for (const id of ids) {
    const rel = relationships.get(id);
    if (!rel) continue;
    const bytes = await parts.read(rel.part, "other");
    const table = bytes && parseTable(rel.part, bytes);
    if (table) tables.set(table.name, table);
  }
  return [...tables.values()];
}

async function relationshipsOf(parts: PackageParts, part: string): Promise<Map<string, PartRelationship>> {
  const relsName = relationshipsPartOf(part);
  const bytes = await parts.read(relsName, "other");
  return bytes ? parseRelationships(relsName, part, bytes) : new Map();
}

const BINARY_WORKBOOK_CONTENT_TYPE = "application/vnd.ms-excel.sheet.binary.macroEnabled.main";

/**
 * The workbook part as [Content_Types].xml names it, else where Excel puts it. A package without
 * one is another Office file, an .xlsb, or no workbook at all, and the user is told which.
 */
async function workbookPartName(parts: PackageParts): Promise<string> {
  const typesName = "[Content_Types].xml";
  const types = await parts.read(typesName, "other");
  const declared: string[] = [];
  let binary = false;
  if (types) {
    parseXmlPart(
      typesName,
      types,
      {
        open(name, attributes) {
          const { PartName: partName, ContentType: contentType } = attributes;
          if (name !== "Override" || partName === undefined || contentType === undefined) return;
          if (WORKBOOK_CONTENT_TYPES.has(contentType)) declared.push(decodePartName(partName));
          else if (contentType === BINARY_WORKBOOK_CONTENT_TYPE) binary = true;
        },
        close() {},
        text() {},
      },
      "part",
    );
  }
  const rootRelationships = await relationshipsOf(parts, "");
  const officeDocument = [...rootRelationships.values()].find((r) => isRelationshipType(r, "officeDocument"));
  const chosen = chooseWorkbookPart({ rootRelationship: officeDocument?.part ?? null, declared }, (part) =>
    parts.has(part),
  );
  if (chosen !== null) return chosen;
  if (binary || parts.has("xl/workbook.bin")) {
    throw new NotXlsxError(OPEN_FAILURES.xlsb, "xlsb");
  }
  const kind = parts.has("word/document.xml")
    ? "a Word document"
    : parts.has("ppt/presentation.xml")
      ? "a PowerPoint presentation"
      : "a ZIP file with no workbook in it";
  throw new NotXlsxError(`This is ${kind}, not an Excel workbook (.xlsx).`, "not-a-workbook");
}

function decodePartName(partName: string): string {
  const path = partName.startsWith("/") ? partName.slice(1) : partName;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** A sheet as one read parsed it, and what its cells were read with. */
interface RememberedSheet {
  readonly bytes: Uint8Array;
  readonly strings: Uint8Array | null;
  readonly formats: NumberFormats;
  readonly date1904: boolean;
  readonly content: SheetContent;
  /** The cells it counted against the read's limit. */
  readonly cells: number;
}

const sameBytes = (a: Uint8Array | null, b: Uint8Array | null): boolean => {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

const CELLS_CLOSE = new TextEncoder().encode("sheetData>");

/** Where a sheet's last "sheetData>" ends (its cells' close tag, `</sheetData>` or prefixed); -1 without one. */
function afterCells(bytes: Uint8Array): number {
  let at = bytes.length - CELLS_CLOSE.length;
  for (; at >= 0; at--) {
    let i = 0;
    while (i < CELLS_CLOSE.length && bytes[at + i] === CELLS_CLOSE[i]) i++;
    if (i === CELLS_CLOSE.length) break;
  }
  if (at < 0) return -1;
  // The close tag's "</" (or "</x:"): a self-closing <sheetData/> holds no cells to keep.
  const open = bytes.lastIndexOf(0x3c, at);
  return open >= 0 && bytes[open + 1] === 0x2f ? at + CELLS_CLOSE.length : -1;
}

/** A worksheet's conditional formats, which the reader does not read: a refresh rewrites the product's. */
const CONDITIONAL_FORMATTING = /<(\w+:)?conditionalFormatting[\s>][\s\S]*?<\/\1conditionalFormatting>/g;
const latin1 = new TextDecoder("latin1");

/**
 * Whether `bytes` holds the cells `known` held: the same bytes up to the end of its <sheetData>
 * (everything before the cells, the cells themselves), and after them the same but for the
 * conditional formats, which is what a refresh changes in a user's sheet (its traffic lights).
 * The merged cells and the tables after the cells, which the reader does read, must be the same.
 */
function sameCells(known: Uint8Array, bytes: Uint8Array): boolean {
  const end = afterCells(known);
  if (end < 0 || afterCells(bytes) !== end) return false;
  for (let i = 0; i < end; i++) if (known[i] !== bytes[i]) return false;
  // Byte for byte as text (latin1 maps each byte to one character): the tails are a few kilobytes.
  const rest = (b: Uint8Array) => latin1.decode(b.subarray(end)).replace(CONDITIONAL_FORMATTING, "");
  return rest(known) === rest(bytes);
}

/**
 * The sheets one read parsed, kept for the next read of the same workbook: the browser preview
 * reads its file again after each refresh, which rewrites the product's sheets and leaves the
 * user's as they were but for their traffic lights. A sheet whose cells, shared strings, number
 * formats and date system are those the last read parsed is not parsed again (at 24,000 rows,
 * half a second of the create's reading, and most of each refresh's); its cells still count
 * against the read's limit, and the patcher still finds where its elements lie. "The same cells":
 * the sheet's XML byte for byte, but for its conditional formats (sameCells); "the same number
 * formats": each style's as before, with the styles the refresh appended after them. (A cell
 * naming a style the workbook did not have, then has, would read otherwise: a damaged file that
 * Excel does not open.) Keeps the last read's bytes: for a workbook read more than once.
 */
export class SheetMemo {
  private last = new Map<string, RememberedSheet>();
  private next = new Map<string, RememberedSheet>();
  private inputs: { strings: Uint8Array | null; formats: NumberFormats } = {
    strings: null,
    formats: NumberFormats.none,
  };

  /** A read starts: what it remembers replaces the last read's only when it ends. */
  begin(): void {
    this.next = new Map();
    this.inputs = { strings: null, formats: NumberFormats.none };
  }

  /** The shared strings' bytes of the read under way (null: the package has none). */
  input(kind: "strings", bytes: Uint8Array | null): void {
    this.inputs[kind] = bytes;
  }

  /** The number formats of the read under way. */
  formats(formats: NumberFormats): void {
    this.inputs.formats = formats;
  }

  /** The cells the last read found in these bytes, counted against `budget`; undefined: parse them. */
  reuse(part: string, bytes: Uint8Array, date1904: boolean, budget: SheetReading["cellBudget"]) {
    const known = this.last.get(part);
    if (
      !known ||
      known.date1904 !== date1904 ||
      known.cells > budget.remaining ||
      !sameBytes(known.strings, this.inputs.strings) ||
      !this.inputs.formats.keeps(known.formats)
    )
      return undefined;
    const same = sameBytes(known.bytes, bytes);
    if (!same && !sameCells(known.bytes, bytes)) return undefined;
    budget.remaining -= known.cells;
    // The patcher splices at the elements' offsets the reader's scan found: the same for the same
    // bytes. Bytes whose conditional formats changed have no index: the patcher steps past their
    // cells to index the rest (OpenPackage's worksheetIndex), without reading them.
    const index = same ? rememberedIndex(known.bytes) : undefined;
    if (index) rememberIndex(bytes, index);
    return known.content;
  }

  remember(part: string, bytes: Uint8Array, date1904: boolean, content: SheetContent, cells: number): void {
    this.next.set(part, { bytes, ...this.inputs, date1904, content, cells });
  }

  /** The read ended whole: its sheets are the ones the next read may reuse. */
  finish(): void {
    this.last = this.next;
    this.next = new Map();
  }
}
