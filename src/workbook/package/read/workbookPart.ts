import { parseReference } from "../../../model/address";
import type { NameSnapshot, SheetVisibility } from "../../../model/snapshot";
import { PackageLimitError } from "./limits";
import { parseXmlPart, relationshipId } from "./xml";

/** A sheet as xl/workbook.xml lists it, in tab order. */
export interface WorkbookSheet {
  readonly name: string;
  readonly visibility: SheetVisibility;
  readonly relationshipId: string | undefined;
}

export interface WorkbookPart {
  readonly sheets: readonly WorkbookSheet[];
  readonly names: readonly NameSnapshot[];
  /** Serials count days from 1904-01-01 (old Mac workbooks) instead of 1899-12-30. */
  readonly date1904: boolean;
}

/** Names Excel keeps for print settings; ExcelJS turns them into page setup, never into names. */
const PRINT_NAMES = new Set(["_xlnm.Print_Area", "_xlnm.Print_Titles"]);

/** The references of a name's formula, split at commas outside quoted sheet names. */
function references(formula: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === "'") quoted = !quoted;
    else if (ch === "," && !quoted) {
      out.push(formula.slice(start, i));
      start = i + 1;
    }
  }
  out.push(formula.slice(start));
  return out.map((r) => r.trim()).filter((r) => r !== "");
}

/**
 * A name the snapshot keeps: workbook-scoped (sheet-scoped names are what Office.js's
 * workbook.names leaves out too) and one range on a named sheet.
 */
function nameSnapshot(name: string, formula: string): NameSnapshot | null {
  const refs = references(formula.startsWith("=") ? formula.slice(1) : formula);
  if (refs.length !== 1) return null;
  const ref = parseReference(refs[0] as string);
  return ref?.sheet ? { name, sheet: ref.sheet, box: ref.box } : null;
}

/** A name longer than the reader takes: one sentence, exit 2. */
function checkNameLength(kind: string, name: string, maxNameChars: number): void {
  if (name.length <= maxNameChars) return;
  throw new PackageLimitError(
    `The workbook has a ${kind} name of ${name.length.toLocaleString("en-US")} characters ("${name.slice(0, 20)}…"), more than the ${maxNameChars} bsc accepts; rename it in Excel and save the workbook.`,
    "maxNameChars",
  );
}

export function parseWorkbook(part: string, bytes: Uint8Array, maxNameChars = Infinity): WorkbookPart {
  const sheets: WorkbookSheet[] = [];
  // A name defined twice keeps its first place and its last definition, as in ExcelJS.
  const names = new Map<string, NameSnapshot | null>();
  let date1904 = false;
  let depth = 0;
  let definedName: { name: string; workbookScoped: boolean } | null = null;
  let formula = "";

  parseXmlPart(
    part,
    bytes,
    {
      open(name, attributes) {
        depth++;
        if (depth === 2 && name === "workbookPr") {
          date1904 = attributes.date1904 === "1" || attributes.date1904 === "true";
        } else if (depth === 3 && name === "sheet") {
          const state = attributes.state;
          checkNameLength("sheet", attributes.name ?? "", maxNameChars);
          sheets.push({
            name: attributes.name ?? "",
            visibility: state === "veryHidden" ? "veryHidden" : state === "hidden" ? "hidden" : "visible",
            relationshipId: relationshipId(attributes),
          });
        } else if (depth === 3 && name === "definedName") {
          checkNameLength("defined", attributes.name ?? "", maxNameChars);
          definedName = {
            name: attributes.name ?? "",
            workbookScoped: attributes.localSheetId === undefined,
          };
          formula = "";
        }
      },
      text(text) {
        if (definedName) formula += text;
      },
      close() {
        if (depth === 3 && definedName) {
          const { name, workbookScoped } = definedName;
          if (workbookScoped && !PRINT_NAMES.has(name)) names.set(name, nameSnapshot(name, formula));
          definedName = null;
        }
        depth--;
      },
    },
    "part",
  );
  return {
    sheets,
    names: [...names.values()].filter((n): n is NameSnapshot => n !== null),
    date1904,
  };
}
