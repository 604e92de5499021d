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
import { readWorksheet, type SheetReading } from "./read/worksheet";
import { parseXmlPart } from "./read/xml";
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
): Promise<WorkbookSnapshot> {
  const effective: ReadLimits = { ...DEFAULT_READ_LIMITS, ...limits };
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
  const numberFormats = await readNumberFormats(parts, related("styles", "xl/styles.xml"));
  const strings = await readSharedStrings(parts, related("sharedStrings", "xl/sharedStrings.xml"));

  const context = {
    parts,
    strings,
    numberFormats,
    date1904: workbook.date1904,
    cellBudget: { remaining: effective.maxCells, limit: effective.maxCells },
  };
  const sheets: SheetSnapshot[] = [];
  for (const sheet of workbook.sheets) {
    // Chart sheets, dialog and macro sheets have no cells: ExcelJS leaves them out, and so does this.
    const rel = sheet.relationshipId === undefined ? undefined : relationships.get(sheet.relationshipId);
    if (!rel || !isRelationshipType(rel, "worksheet") || !parts.has(rel.part)) continue;
    sheets.push(await readSheet(sheet, rel.part, context));
  }
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
}

async function readNumberFormats(parts: PackageParts, name: string): Promise<NumberFormats> {
  const bytes = await parts.read(name, "other");
  return bytes ? NumberFormats.parse(name, bytes) : NumberFormats.none;
}

async function readSharedStrings(parts: PackageParts, name: string): Promise<SharedStrings | null> {
  const bytes = await parts.read(name, "sharedStrings");
  return bytes ? parseSharedStrings(name, bytes) : null;
}

/** A function of its own so that the sheet's bytes are garbage once its cells are read. */
async function readSheet(sheet: WorkbookSheet, part: string, context: ReadContext): Promise<SheetSnapshot> {
  const bytes = (await context.parts.read(part, "sheet")) as Uint8Array;
  const { values, formats, tableRelationships } = readWorksheet(bytes, { ...context, part });
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
