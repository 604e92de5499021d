/**
 * A write plan applied to an .xlsx package as text edits: the product's own sheets written whole
 * (in the same part and place as before), its traffic lights replacing its earlier ones on the
 * user's sheets, its formats appended to the stylesheet, its marker names set. Every other part,
 * and every other byte of the parts touched, stays as it was.
 */
import { quoteSheetName } from "../../model/address";
import type { ConditionalFormatPlan, WritePlan } from "../../plan/plan";
import { isProductRule } from "../../plan/plan";
import { writeSheetCharts } from "./charts";
import { addContentType } from "./drawing";
import { writeSheetShapes } from "./shapes";
import { OpenPackage, RELATIONSHIP_TYPES, relsPartOf, type Relationship } from "./openPackage";
import { printNames, productSheetXml } from "./productSheet";
import { StylesEditor } from "./styles";
import type { WriteNotes } from "../ooxml/escape";
import { sameRelationshipType } from "../ooxml/namespaces";
import { relationshipId } from "./read/xml";
import {
  worksheetChildrenAfter,
  attribute,
  attributesOf,
  escapeXmlAttribute,
  escapeXmlText,
  findElement,
  findElements,
  innerText,
  insertBefore,
  PackageXmlError,
  relationshipBinding,
  replaceSpan,
  rootPrefix,
  unescapeXml,
  withAttribute,
} from "./xmlText";

const WORKSHEET_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/** CT_Workbook's children after definedNames. */
const AFTER_DEFINED_NAMES = [
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];
/** CT_Worksheet's children after conditionalFormatting. */
const AFTER_CONDITIONAL_FORMATTING = worksheetChildrenAfter("conditionalFormatting");

export interface PackageSheet {
  readonly name: string;
  readonly part: string;
}

/** The workbook part, its text's parts, and where each sheet lives. */
export class WorkbookParts {
  private constructor(
    readonly pkg: OpenPackage,
    readonly workbookPart: string,
    public workbookXml: string,
    public relsXml: string,
    readonly relationships: readonly Relationship[],
  ) {}

  static async open(pkg: OpenPackage): Promise<WorkbookParts> {
    const part = await pkg.workbookPart();
    const rels = relsPartOf(part);
    return new WorkbookParts(
      pkg,
      part,
      await pkg.text(part),
      await pkg.text(rels),
      await pkg.relationships(part),
    );
  }

  get prefix(): string {
    return rootPrefix(this.workbookXml, "workbook");
  }

  sheetElements() {
    return findElements(this.workbookXml, `${this.prefix}sheet`);
  }

  /** Each sheet and its part, its relationship id read as the reader reads it (relationshipId). */
  sheets(): PackageSheet[] {
    return this.sheetElements().map((el) => {
      const id = relationshipId(attributesOf(el.text));
      const rel = this.relationships.find((x) => x.id === id);
      return { name: attribute(el.text, "name") ?? "", part: rel?.part ?? "" };
    });
  }

  sheet(name: string): PackageSheet | undefined {
    return this.sheets().find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Renames a sheet and sets its visibility, in its <sheet> element alone. */
  setSheet(current: string, name: string, visibility: "visible" | "veryHidden"): void {
    const el = this.sheetElements().find(
      (s) => (attribute(s.text, "name") ?? "").toLowerCase() === current.toLowerCase(),
    );
    if (!el) throw new PackageXmlError(`no sheet ${current}`);
    let text = withAttribute(el.text, "name", name);
    const state = attribute(text, "state");
    if (visibility === "veryHidden" || (state !== null && state !== "visible"))
      text = withAttribute(text, "state", visibility);
    this.workbookXml = replaceSpan(this.workbookXml, el, text);
  }

  /**
   * Adds a worksheet part after the last sheet: its relationship, its <sheet> and its content type;
   * `write` puts the sheet's XML into the part. Returns the part.
   */
  async addSheet(
    name: string,
    visibility: "visible" | "veryHidden",
    write: (part: string) => void,
  ): Promise<string> {
    const part = this.pkg.freeName(
      `${this.workbookPart.slice(0, this.workbookPart.lastIndexOf("/") + 1)}worksheets/sheet`,
      ".xml",
    );
    write(part);
    const ids = new Set(findElements(this.relsXml, "Relationship").map((r) => attribute(r.text, "Id")));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const rId = `rId${n}`;
    const target = part.slice(this.workbookPart.lastIndexOf("/") + 1);
    this.relsXml = insertBefore(
      this.relsXml,
      "Relationships",
      `<Relationship Id="${rId}" Type="${RELATIONSHIP_TYPES.worksheet}" Target="${escapeXmlAttribute(target)}"/>`,
      [],
    );
    const r = relationshipBinding(this.workbookXml, "workbook");
    const sheetIds = this.sheetElements().map((s) => Number(attribute(s.text, "sheetId") ?? 0));
    const sheetId = Math.max(0, ...sheetIds) + 1;
    const p = this.prefix;
    const state = visibility === "veryHidden" ? ` state="veryHidden"` : "";
    const sheetsSpan = findElement(this.workbookXml, `${p}sheets`);
    if (!sheetsSpan) throw new PackageXmlError("the workbook lists no sheets");
    const close = `</${p}sheets>`;
    const element = `<${p}sheet${r.declaration} name="${escapeXmlAttribute(name)}" sheetId="${sheetId}"${state} ${r.prefix}id="${rId}"/>`;
    this.workbookXml = replaceSpan(
      this.workbookXml,
      sheetsSpan,
      sheetsSpan.text.slice(0, -close.length) + element + close,
    );
    await addContentType(this.pkg, part, WORKSHEET_CONTENT_TYPE);
    return part;
  }

  /**
   * Sets a name to one reference, replacing any earlier one of the same scope: the workbook's, or
   * with `sheet` the sheet of that name (localSheetId, its place among the sheets: print areas and titles).
   */
  defineName(name: string, reference: string, sheet?: string): void {
    const p = this.prefix;
    const names = findElement(this.workbookXml, `${p}definedNames`);
    let scope: string | null = null;
    if (sheet !== undefined) {
      const at = this.sheets().findIndex((s) => s.name.toLowerCase() === sheet.toLowerCase());
      if (at < 0) throw new PackageXmlError(`no sheet ${sheet}`);
      scope = String(at);
    }
    const local = scope === null ? "" : ` localSheetId="${scope}"`;
    const element = `<${p}definedName name="${escapeXmlAttribute(name)}"${local}>${escapeXmlText(reference)}</${p}definedName>`;
    if (!names) {
      this.workbookXml = insertBefore(
        this.workbookXml,
        "workbook",
        `<${p}definedNames>${element}</${p}definedNames>`,
        AFTER_DEFINED_NAMES,
      );
      return;
    }
    const same = findElements(names.text, `${p}definedName`, 1).find(
      (d) =>
        (attribute(d.text, "name") ?? "").toLowerCase() === name.toLowerCase() &&
        attribute(d.text, "localSheetId") === scope,
    );
    const text = same
      ? replaceSpan(names.text, same, element)
      : names.text.replace(new RegExp(`</${p}definedNames>$`), `${element}</${p}definedNames>`);
    this.workbookXml = replaceSpan(this.workbookXml, names, text);
  }

  async save(): Promise<void> {
    await setIfChanged(this.pkg, this.workbookPart, this.workbookXml);
    await setIfChanged(this.pkg, relsPartOf(this.workbookPart), this.relsXml);
  }

  async dropCalculationChain(): Promise<void> {
    const chain = this.relationships.find((r) => sameRelationshipType(r.type, RELATIONSHIP_TYPES.calcChain));
    if (!chain || !this.pkg.has(chain.part)) return;
    this.pkg.remove(chain.part);
    const rel = findElements(this.relsXml, "Relationship").find((r) => attribute(r.text, "Id") === chain.id);
    if (rel) this.relsXml = replaceSpan(this.relsXml, rel, "");
    const types = await this.pkg.text("[Content_Types].xml");
    const override = findElements(types, "Override").find(
      (o) => (attribute(o.text, "PartName") ?? "").toLowerCase() === `/${chain.part}`.toLowerCase(),
    );
    if (override) this.pkg.setText("[Content_Types].xml", replaceSpan(types, override, ""));
  }

  async stylesPart(): Promise<string> {
    const rel = this.relationships.find((r) => sameRelationshipType(r.type, RELATIONSHIP_TYPES.styles));
    if (!rel) throw new PackageXmlError("the workbook has no stylesheet");
    return rel.part;
  }
}

/** A part is written afresh only when its text changed; else its compressed bytes are copied. */
async function setIfChanged(pkg: OpenPackage, part: string, text: string): Promise<void> {
  if ((await pkg.text(part)) !== text) pkg.setText(part, text);
}

/** The highest rule priority on a sheet, x14 rules included: the product's rules come after it. */
function highestPriority(xml: string): number {
  let highest = 0;
  // indexOf, not one regular expression over the sheet: a 35 MB sheet of cells holds no rule.
  for (let at = xml.indexOf("cfRule"); at >= 0; at = xml.indexOf("cfRule", at + 6)) {
    const tag = xml.slice(at, xml.indexOf(">", at));
    const m = /\spriority="(\d+)"/.exec(tag);
    if (m && /[<:]$/.test(xml[at - 1] ?? "")) highest = Math.max(highest, Number(m[1]));
  }
  return highest;
}
/** A sheet's XML without the product's earlier rules; other rules, and their blocks, as they were. */
function withoutProductRules(xml: string, prefix: string): string {
  let out = xml;
  for (const block of findElements(xml, `${prefix}conditionalFormatting`).reverse()) {
    const rules = findElements(block.text, `${prefix}cfRule`);
    const product = rules.filter((rule) => {
      const formula = findElement(rule.text, `${prefix}formula`);
      return formula !== null && isProductRule(unescapeXml(innerText(formula)));
    });
    if (product.length === 0) continue;
    let replacement = "";
    if (product.length < rules.length) {
      replacement = block.text;
      for (const rule of [...product].reverse()) replacement = replaceSpan(replacement, rule, "");
    }
    out = replaceSpan(out, block, replacement);
  }
  return out;
}

function conditionalFormattingXml(
  plan: ConditionalFormatPlan,
  prefix: string,
  styles: StylesEditor,
  priority: () => number,
): string {
  const rules = plan.rules
    .map(
      (rule) =>
        `<${prefix}cfRule type="expression" dxfId="${styles.differentialFormat(rule.fill, rule.color)}" priority="${priority()}">` +
        `<${prefix}formula>${escapeXmlText(rule.formula.replace(/^=/, ""))}</${prefix}formula></${prefix}cfRule>`,
    )
    .join("");
  return `<${prefix}conditionalFormatting sqref="${escapeXmlAttribute(plan.ranges.join(" "))}">${rules}</${prefix}conditionalFormatting>`;
}

/**
 * Sets aside the cells of sheets a plan edits after them (their traffic lights): their text
 * without cells is made, and where the package was opened with a DeflateAhead their cells start
 * compressing on another thread (OpenPackage.worksheetOutsideCells). A sheet set aside already, or
 * one the package does not have, is passed over.
 */
export async function setAsideCellsOf(
  pkg: OpenPackage,
  sheets: readonly string[],
  workbook?: WorkbookParts,
): Promise<void> {
  const parts = workbook ?? (await WorkbookParts.open(pkg));
  for (const name of sheets) {
    const part = parts.sheet(name)?.part;
    if (part) await pkg.worksheetOutsideCells(part);
  }
}

/** `notes` is told of any text the write had to cut or clean (src/workbook/ooxml/escape.ts). */
export async function applyPlanToPackage(
  pkg: OpenPackage,
  plan: WritePlan,
  notes?: WriteNotes,
): Promise<void> {
  const workbook = await WorkbookParts.open(pkg);
  const stylesPart = await workbook.stylesPart();
  const styles = new StylesEditor(await pkg.text(stylesPart));

  const written = new Set(plan.sheets.map((s) => s.name.toLowerCase()));
  const touched = new Set([
    ...plan.clearConditionalFormatsOn,
    ...plan.conditionalFormats.map((c) => c.sheet),
  ]);
  // Their cells set aside first: where the package compresses off the main thread, a data sheet's
  // tens of megabytes compress while the product's sheets are written.
  await setAsideCellsOf(
    pkg,
    [...touched].filter((name) => !written.has(name.toLowerCase())),
    workbook,
  );

  // A product sheet's own rules (the live status colours) go into the XML written for it.
  const rulesOf = (name: string) =>
    plan.conditionalFormats.filter((c) => c.sheet.toLowerCase() === name.toLowerCase());
  for (const sheet of plan.sheets) {
    let priority = 0;
    const own = rulesOf(sheet.name)
      .map((c) => conditionalFormattingXml(c, "", styles, () => ++priority))
      .join("");
    const { before, cells, after } = productSheetXml(sheet, plan.styles, styles, notes, own);
    // The sheet's text without its cells, which go into the part as the bytes they were written as.
    let xml = "";
    const write = (into: string) => {
      xml = pkg.setWorksheet(into, before, cells, after);
    };
    const old = sheet.replaces === null ? undefined : workbook.sheet(sheet.replaces);
    let part: string;
    if (old && old.part) {
      part = old.part;
      // A formula a user typed on the product's sheet goes with the sheet's contents; the
      // calculation chain, which would still list its cell, is a cache Excel rebuilds when absent.
      if (/<(?:\w+:)?f[\s>]/.test(await pkg.text(old.part))) await workbook.dropCalculationChain();
      write(old.part);
      workbook.setSheet(old.name, sheet.name, sheet.visibility);
    } else part = await workbook.addSheet(sheet.name, sheet.visibility, write);
    // The sheet's charts, kept in the same drawing and chart parts; a drawing of the user's stays tied.
    const charted = await writeSheetCharts(pkg, part, xml, sheet, notes);
    // Then its shapes (the strategy map), in the same drawing.
    const drawn = await writeSheetShapes(pkg, part, charted, sheet, notes);
    if (drawn !== xml) pkg.setText(part, drawn);
    workbook.defineName(sheet.markerName, `${quoteSheetName(sheet.name)}!$A$1`);
    if (sheet.print)
      for (const n of printNames(sheet.name, sheet.print))
        workbook.defineName(n.name, n.reference, sheet.name);
  }

  for (const name of touched) {
    if (written.has(name.toLowerCase())) continue;
    const sheet = workbook.sheet(name);
    if (!sheet?.part) continue;
    const original = await pkg.worksheetOutsideCells(sheet.part);
    const prefix = rootPrefix(original, "worksheet");
    let xml = withoutProductRules(original, prefix);
    let next = highestPriority(xml);
    const blocks = plan.conditionalFormats
      .filter((c) => c.sheet.toLowerCase() === name.toLowerCase())
      .map((c) => conditionalFormattingXml(c, prefix, styles, () => ++next))
      .join("");
    if (blocks) xml = insertBefore(xml, "worksheet", blocks, AFTER_CONDITIONAL_FORMATTING);
    if (xml !== original) pkg.setText(sheet.part, xml);
  }

  await setIfChanged(pkg, stylesPart, styles.toString());
  await workbook.save();
}

/** Sets a workbook-scoped name (a tagged KPI's range) in the package's workbook part. */
export async function defineNameInPackage(pkg: OpenPackage, name: string, reference: string): Promise<void> {
  const workbook = await WorkbookParts.open(pkg);
  workbook.defineName(name, reference);
  await workbook.save();
}
