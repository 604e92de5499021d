import type { Status } from "../engine/types";
import type { ChartPlan } from "./chart";
import type { ConnectorPlan, ShapePlan } from "./shapes";

/**
 * A declarative description of every change a refresh makes. Adapters (the package patcher,
 * Office.js, memory) turn it into their own calls; tests read it directly. Strings are always
 * written as text, never as formulas: a cell is a formula only where the plan's own `formula`
 * field says so (the Scorecard sheet's live cells), never because of what a text holds.
 */

export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  /** RRGGBB. */
  readonly fill?: string;
  /** RRGGBB. */
  readonly color?: string;
  readonly indent?: number;
  readonly align?: "left" | "center" | "right";
  readonly borderBottom?: boolean;
  readonly wrap?: boolean;
  /** A single underline: how a hyperlink looks. */
  readonly underline?: boolean;
}

export interface PlanCell {
  readonly row: number;
  readonly col: number;
  /** With a formula, the value it gives at this refresh: what a viewer that does not recalculate shows. */
  readonly value: string | number | null;
  /**
   * A formula the product built (without its "="), in Excel's invariant (en-US) syntax, using only
   * functions Excel 2016 and LibreOffice share. Never made from a user's text.
   */
  readonly formula?: string;
  readonly style?: string;
  readonly numberFormat?: string;
}

/** Adds a cell to a sheet's plan: its value, and its style, number format and formula where given. */
export type PutCell = (
  row: number,
  col: number,
  value: string | number | null,
  style?: string,
  numberFormat?: string,
  formula?: string,
) => void;

/** A plan cell with only the fields given. */
export const planCell: (...args: Parameters<PutCell>) => PlanCell = (
  row,
  col,
  value,
  style,
  numberFormat,
  formula,
) => ({
  row,
  col,
  value,
  ...(formula !== undefined ? { formula } : {}),
  ...(style ? { style } : {}),
  ...(numberFormat ? { numberFormat } : {}),
});

export type SheetRole = "summary" | "definition" | "dashboard" | "strategyMap" | "history";

/** A link from a cell to a place in the same workbook ("'KPI Data'!H12"): no file, no relationship. */
export interface PlanHyperlink {
  readonly row: number;
  readonly col: number;
  /** A sheet-qualified reference, as written in a formula. */
  readonly location: string;
}

/** A row's outline level (1–7): grouped under the nearest row above with a lower level. */
export interface RowOutline {
  readonly row: number;
  readonly level: number;
}

/**
 * The left, centre and right parts of a printed header or footer, in Excel's header codes
 * ("&P" the page, "&N" the pages); a literal ampersand is written "&&".
 */
export interface HeaderFooterText {
  readonly left?: string;
  readonly center?: string;
  readonly right?: string;
}

export interface PrintSetup {
  readonly orientation: "landscape" | "portrait";
  /** Pages across; as many pages down as the rows need. */
  readonly fitToPagesWide: number;
  /** The printed block (1-based, inclusive); columns outside it stay on screen only. */
  readonly area: {
    readonly top: number;
    readonly left: number;
    readonly bottom: number;
    readonly right: number;
  };
  /** Rows repeated at the top of every printed page (1-based, inclusive). */
  readonly titleRows: { readonly first: number; readonly last: number };
  readonly header: HeaderFooterText;
  readonly footer: HeaderFooterText;
}

/** A header or footer's own text: an ampersand would start one of Excel's codes. */
const headerFooterLiteral = (text: string): string => text.replace(/&/g, "&&");

/** Every product sheet's printed header and footer: its title and period, the refresh time and the page. */
export function productPageText(
  title: string,
  period: string | null,
  refreshedAt: string,
): Pick<PrintSetup, "header" | "footer"> {
  return {
    header: {
      left: headerFooterLiteral(title),
      ...(period === null ? {} : { right: headerFooterLiteral(`Period ${period}`) }),
    },
    footer: { left: headerFooterLiteral(`Refreshed ${refreshedAt}`), right: "Page &P of &N" },
  };
}

export interface SheetPlan {
  readonly role: SheetRole;
  readonly name: string;
  /** The product-owned sheet this one replaces (by its current name), if any. */
  readonly replaces: string | null;
  readonly visibility: "visible" | "veryHidden";
  readonly cells: readonly PlanCell[];
  readonly columnWidths: readonly number[];
  readonly frozenRows: number;
  /** Workbook-scoped name that marks the sheet as the product's (points at A1). */
  readonly markerName: string;
  /** Native charts drawn over the sheet, each plotting cells of the sheet; kept by name on refresh. */
  readonly charts?: readonly ChartPlan[];
  /** Native shapes drawn over the sheet (the strategy map); the product's are replaced by name on refresh. */
  readonly shapes?: readonly ShapePlan[];
  /** Arrows glued to two of the sheet's shapes. */
  readonly connectors?: readonly ConnectorPlan[];
  /** Rows grouped in an outline, each summary row above its details. */
  readonly rowOutline?: readonly RowOutline[];
  readonly hyperlinks?: readonly PlanHyperlink[];
  readonly print?: PrintSetup;
  /** Rows (1-based) after which a printed page breaks, in ascending order: no block is cut in two. */
  readonly rowBreaks?: readonly number[];
}

export interface ConditionalRule {
  /** The status the rule paints: "none" only on the Scorecard sheet's live status cells ("No data" turns grey). */
  readonly status: Status;
  /** A formula relative to the top-left cell of the first range; carries the product marker. */
  readonly formula: string;
  readonly fill: string;
  readonly color: string;
}

export interface ConditionalFormatPlan {
  readonly sheet: string;
  /** A1 ranges the rules cover (areas of one sqref). */
  readonly ranges: readonly string[];
  readonly rules: readonly ConditionalRule[];
}

export interface WritePlan {
  readonly styles: Readonly<Record<string, CellStyle>>;
  readonly sheets: readonly SheetPlan[];
  /** Sheets whose product-marked conditional formats are removed before the new ones are added. */
  readonly clearConditionalFormatsOn: readonly string[];
  readonly conditionalFormats: readonly ConditionalFormatPlan[];
}

/** Every rule the product adds carries this text, so a refresh finds and replaces only its own. */
export const CONDITIONAL_FORMAT_MARKER = "bsc-traffic-light";

/** How every product rule's formula begins: a term that is always true and names the product. */
export const PRODUCT_RULE_PREFIX = `AND(N("${CONDITIONAL_FORMAT_MARKER}")=0,`;

/**
 * Whether a rule is the product's: its formula begins with the product's term. A user's own rule
 * that merely mentions the marker text elsewhere is not, and is never replaced.
 */
export const isProductRule = (formula: string): boolean =>
  formula.replace(/^=/, "").replace(/^\s+/, "").startsWith(PRODUCT_RULE_PREFIX);
