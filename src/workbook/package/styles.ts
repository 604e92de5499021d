/**
 * The product's additions to xl/styles.xml: the cell formats of its own sheets and the
 * differential formats of its traffic lights, appended to their lists. A format the part already
 * holds, written the same way, is used again, so refreshing a workbook many times does not grow
 * its styles. Nothing already in the part changes but the lists' counts.
 */
import type { CellStyle } from "../../plan/plan";
import {
  attribute,
  escapeXmlAttribute,
  findElement,
  findElements,
  innerText,
  insertBefore,
  PackageXmlError,
  replaceSpan,
  rootPrefix,
  withAttribute,
} from "./xmlText";

/** The stylesheet's lists, in the schema's order (CT_Stylesheet). */
const LIST_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
] as const;
type ListName = "numFmts" | "fonts" | "fills" | "borders" | "cellXfs" | "dxfs";
const ITEM: Record<ListName, string> = {
  numFmts: "numFmt",
  fonts: "font",
  fills: "fill",
  borders: "border",
  cellXfs: "xf",
  dxfs: "dxf",
};

/** Number formats every spreadsheet knows by id (ECMA-376 §18.8.30), so none is added for them. */
const BUILT_IN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
};
/** The first id a workbook's own number formats may take. */
const FIRST_CUSTOM_FORMAT = 164;

const argb = (rgb: string): string => `FF${rgb.toUpperCase()}`;

interface List {
  /** The items already in the part, as written. */
  readonly existing: readonly string[];
  readonly added: string[];
}

export class StylesEditor {
  private readonly prefix: string;
  private readonly lists = new Map<ListName, List>();
  private readonly formatIds = new Map<string, number>();
  private nextFormatId = FIRST_CUSTOM_FORMAT;
  private readonly cellFormats = new Map<string, number>();

  constructor(private readonly xml: string) {
    this.prefix = rootPrefix(xml, "styleSheet");
    for (const numFmt of this.list("numFmts").existing) {
      const id = Number(attribute(numFmt, "numFmtId"));
      const code = attribute(numFmt, "formatCode");
      if (code !== null && !this.formatIds.has(code)) this.formatIds.set(code, id);
      if (id >= this.nextFormatId) this.nextFormatId = id + 1;
    }
  }

  private list(name: ListName): List {
    let list = this.lists.get(name);
    if (!list) {
      const span = findElement(this.xml, this.prefix + name);
      const existing = span
        ? findElements(span.text, this.prefix + ITEM[name], 1).map((s) => s.text.trim())
        : [];
      list = { existing, added: [] };
      this.lists.set(name, list);
    }
    return list;
  }

  /** The index of this item in its list: an identical one already there, or one appended. */
  private indexOf(name: ListName, item: string): number {
    const list = this.list(name);
    const found = list.existing.indexOf(item);
    if (found >= 0) return found;
    const added = list.added.indexOf(item);
    if (added >= 0) return list.existing.length + added;
    list.added.push(item);
    return list.existing.length + list.added.length - 1;
  }

  private numberFormatId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    const known = this.formatIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.formatIds.set(code, id);
    this.list("numFmts").added.push(
      `<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeXmlAttribute(code)}"/>`,
    );
    return id;
  }

  /** The workbook's default font (the first), with the style's weight, slant, size and colour. */
  private fontId(style: CellStyle): number {
    if (!style.bold && !style.italic && !style.underline && !style.size && !style.color) return 0;
    const p = this.prefix;
    const base = this.list("fonts").existing[0];
    if (base === undefined) throw new PackageXmlError("the stylesheet has no font");
    const kept = innerText(base).replace(
      new RegExp(`<${p}(b|i|u|sz|color)(\\s[^>]*)?(/>|>[^<]*</${p}\\1>)`, "g"),
      "",
    );
    const size = style.size ?? Number(attribute(findElement(base, `${p}sz`)?.text ?? "<sz/>", "val") ?? 11);
    const colour = style.color
      ? `<${p}color rgb="${argb(style.color)}"/>`
      : (findElement(base, `${p}color`)?.text ?? "");
    const font =
      `<${p}font>${style.bold ? `<${p}b/>` : ""}${style.italic ? `<${p}i/>` : ""}${style.underline ? `<${p}u/>` : ""}` +
      `<${p}sz val="${size}"/>${colour}${kept.trim()}</${p}font>`;
    return this.indexOf("fonts", font);
  }

  private fillId(style: CellStyle): number {
    if (!style.fill) return 0;
    const p = this.prefix;
    return this.indexOf(
      "fills",
      `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(style.fill)}"/>` +
        `<${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
    );
  }

  private borderId(style: CellStyle): number {
    if (!style.borderBottom) return 0;
    const p = this.prefix;
    return this.indexOf(
      "borders",
      `<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom style="thin"><${p}color auto="1"/></${p}bottom>` +
        `<${p}diagonal/></${p}border>`,
    );
  }

  /** The cell format (an index into cellXfs) for a style and a number format. */
  cellFormat(style: CellStyle = {}, numberFormat?: string): number {
    const key = JSON.stringify([style, numberFormat ?? null]);
    const cached = this.cellFormats.get(key);
    if (cached !== undefined) return cached;
    const p = this.prefix;
    const numFmtId = numberFormat ? this.numberFormatId(numberFormat) : 0;
    const fontId = this.fontId(style);
    const fillId = this.fillId(style);
    const borderId = this.borderId(style);
    const alignment = [
      style.align ? ` horizontal="${style.align}"` : "",
      style.wrap ? ` vertical="top" wrapText="1"` : "",
      style.indent ? ` indent="${style.indent}"` : "",
    ].join("");
    const applied = [
      numFmtId ? ` applyNumberFormat="1"` : "",
      fontId ? ` applyFont="1"` : "",
      fillId ? ` applyFill="1"` : "",
      borderId ? ` applyBorder="1"` : "",
      alignment ? ` applyAlignment="1"` : "",
    ].join("");
    const head = `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applied}`;
    const xf = alignment ? `${head}><${p}alignment${alignment}/></${p}xf>` : `${head}/>`;
    // Nothing applied: the workbook's default cell format.
    const plain = numFmtId + fontId + fillId + borderId === 0 && !alignment;
    const index = plain ? 0 : this.indexOf("cellXfs", xf);
    this.cellFormats.set(key, index);
    return index;
  }

  /** The differential format (an index into dxfs) a traffic-light rule paints with. */
  differentialFormat(fill: string, color: string): number {
    const p = this.prefix;
    return this.indexOf(
      "dxfs",
      `<${p}dxf><${p}font><${p}color rgb="${argb(color)}"/></${p}font><${p}fill><${p}patternFill patternType="solid">` +
        `<${p}bgColor rgb="${argb(fill)}"/></${p}patternFill></${p}fill></${p}dxf>`,
    );
  }

  /** The part with the additions: each list's new items after its own, and its count updated. */
  toString(): string {
    let xml = this.xml;
    for (const [name, list] of this.lists) {
      if (list.added.length === 0) continue;
      const qualified = this.prefix + name;
      const count = list.existing.length + list.added.length;
      const span = findElement(xml, qualified);
      if (span) {
        const closing = `</${qualified}>`;
        const body = span.text.endsWith("/>")
          ? `${span.text.slice(0, -2)}>${list.added.join("")}${closing}`
          : span.text.slice(0, span.text.length - closing.length) + list.added.join("") + closing;
        xml = replaceSpan(xml, span, withAttribute(body, "count", String(count)));
      } else {
        const followers = LIST_ORDER.slice(LIST_ORDER.indexOf(name) + 1);
        xml = insertBefore(
          xml,
          "styleSheet",
          `<${qualified} count="${count}">${list.added.join("")}</${qualified}>`,
          followers,
        );
      }
    }
    return xml;
  }
}
