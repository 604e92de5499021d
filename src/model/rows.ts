import { approxEqual } from "../engine/kpi";
import { issue, type Issue } from "../engine/issues";
import { sheetCell } from "./address";
import type { DetectedTable } from "./detect";
import type { ColumnRole } from "./headers";
import { isBareTotal, MAY_BE_TOTAL, TOTAL_PATTERN, totalWords } from "./headers";
import type { CellValue, SheetSnapshot } from "./snapshot";
import { cellAt, formatAt } from "./snapshot";
import { cellText, isBlankCell, readNumber } from "./values";

/** A character outside printable ASCII: only a label holding one may change under NFKC. */
const BEYOND_PRINTABLE_ASCII = /[^ -~]/;

/** Reads a block's cells by the role of their column. */
export class TableReader {
  /**
   * @param sheetAsPerspective the user said each KPI's perspective is its sheet's name: heading
   *   rows then name objectives.
   */
  constructor(
    readonly sheet: SheetSnapshot,
    readonly table: DetectedTable,
    readonly sheetAsPerspective = false,
  ) {}
  has(role: ColumnRole): boolean {
    return this.table.columns[role] !== undefined;
  }
  value(row: number, role: ColumnRole): CellValue {
    const col = this.table.columns[role];
    // One KPI's series has no KPI column: every row is that KPI's.
    if (col === undefined && role === "kpi") return this.table.kpiName ?? null;
    return col === undefined ? null : cellAt(this.sheet, row, col);
  }
  text(row: number, role: ColumnRole): string {
    return cellText(this.value(row, role));
  }
  cell(row: number, role: ColumnRole): string | null {
    const col = this.table.columns[role];
    if (col === undefined) return null;
    // "'Monthly KPIs'!F" made once a column: a long table asks for five addresses a row.
    let prefix = this.columnPrefixes[col];
    if (prefix === undefined)
      prefix = this.columnPrefixes[col] = sheetCell(this.sheet.name, 1, col).slice(0, -1);
    return prefix + row;
  }
  private readonly columnPrefixes: string[] = [];
  format(row: number, role: ColumnRole): string | null {
    const col = this.table.columns[role];
    return col === undefined ? null : formatAt(this.sheet, row, col);
  }
  /**
   * How many columns of the block hold something in this row, and the first of them (0 when
   * none): what reading a row needs, without a list made for each of a large table's rows.
   */
  filledCount(row: number): { count: number; first: number } {
    let count = 0;
    let first = 0;
    for (let col = this.table.left; col <= this.table.right; col++) {
      if (isBlankCell(cellAt(this.sheet, row, col))) continue;
      if (count++ === 0) first = col;
    }
    this.filledOfRow.count = count;
    this.filledOfRow.first = first;
    return this.filledOfRow;
  }
  /** filledCount's answer, one object for every row (read at once by its caller). */
  private readonly filledOfRow = { count: 0, first: 0 };

  /** The columns of the block that hold something in this row. */
  filled(row: number): number[] {
    const cols: number[] = [];
    for (let col = this.table.left; col <= this.table.right; col++) {
      if (!isBlankCell(cellAt(this.sheet, row, col))) cols.push(col);
    }
    return cols;
  }
}

/** Where the KPIs' perspectives and objectives come from, for "what was understood". */
export type PerspectiveSource = "column" | "headings" | "sheet" | "corner";
export type ObjectiveSource = "column" | "headings" | "kpi";

export type RowReading =
  | { readonly kind: "blank" }
  | { readonly kind: "heading" }
  | { readonly kind: "total"; readonly issue: Issue }
  | { readonly kind: "left-out"; readonly issue: Issue }
  | { readonly kind: "kpi"; readonly perspective: string; readonly objective: string; readonly name: string };

/** Perspective names that a heading row is taken for even where an objective could be meant. */
const PERSPECTIVE_WORDS = new Set(
  [
    "financial",
    "finance",
    "customer",
    "customers",
    "customer and market",
    "internal",
    "internal process",
    "internal processes",
    "internal business process",
    "internal business processes",
    "process",
    "processes",
    "operations",
    "learning and growth",
    "learning growth",
    "people",
    "employees",
    "organisational capacity",
    "organizational capacity",
    "stakeholder",
    "stakeholders",
    "innovation",
  ].map((w) => words(w)),
);

function words(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** A total of a group, its word before or after the group's name ("Total Financial", "Finanzen gesamt"). */
const GROUP_TOTAL = new RegExp(
  `^(?:${TOTAL_PATTERN} (?:of |for |de |del |da |do |des |du |di |der |van )?(.+)|(.+?) ${TOTAL_PATTERN})$`,
);
/**
 * A subtotal as a budget's statement writes it, its label opened by an equals sign ("= Erträge",
 * "= Ordentliches Ergebnis", after "+ Steuern" and "- Personalaufwendungen"): the sum of the lines
 * above, or a result worked out from them, which may say from which in brackets opened by "=" too
 * ("= Ordentliches Ergebnis (=Zeilen 10 und 17)", "= Net result (= rows 10 + 17)"). A name written
 * as a formula ("=HYPERLINK(…)") is no such label.
 */
const EQUALS_SUBTOTAL = /^=\s*\p{L}[^()]*(?:\(\s*=[^()]*\)\s*)?$/u;

/**
 * "Total", "Subtotal", "Grand total" (or a total word of the six other languages), a subtotal
 * opened by "=", or a total of the group the row closes ("Financial total", "Total Financial").
 * "Total revenue" under Financial is a KPI, not a total.
 */
function isTotalLabel(label: string, groups: readonly string[], addsUp: boolean): boolean {
  if (EQUALS_SUBTOTAL.test(label.trim())) return true;
  if (isBareTotal(label)) return true;
  const named = GROUP_TOTAL.exec(totalWords(label));
  if (named === null) return false;
  // "Total Income" under a heading written in another language ("Penghasilan:"), or under none,
  // is a total when its actual is the sum of the rows above it; else it is a KPI ("Total revenue").
  if (addsUp) return true;
  const group = named[1] ?? named[2];
  return group !== undefined && groups.some((g) => g !== "" && totalWords(g) === group);
}

/**
 * Understands the rows of a long table one by one, as a reader of the sheet would: group cells
 * written once (merged, or left blank) stand for the rows below them; a row holding only a
 * perspective or objective name heads the rows below; a total row is left out and said so.
 */
export class RowContext {
  private perspective = "";
  private objective = "";
  private headingPerspective = "";
  private headingObjective = "";
  private twoLevelHeadings = false;
  private runningActuals: number[] = [];
  readonly perspectiveFrom: PerspectiveSource;
  readonly objectiveFrom: ObjectiveSource;
  private usedHeadings = { perspective: false, objective: false };

  private lastKpi = "";
  /** Each heading row's name and its cell, the first row of that name. */
  private readonly headingCells = new Map<string, string>();

  /**
   * @param fillKpiDown a wide table whose rows come in pairs (Actual, Budget) often writes the
   *   KPI's name once, on its first row: a blank name then stands for the one above.
   */
  constructor(
    private readonly reader: TableReader,
    private readonly fillKpiDown = false,
  ) {
    this.perspectiveFrom = reader.has("perspective")
      ? "column"
      : reader.table.cornerPerspective !== undefined
        ? "corner"
        : "sheet";
    this.objectiveFrom = reader.has("objective") ? "column" : "kpi";
  }

  /**
   * The heading row a KPI's group names came from, objective first: null when neither was taken
   * from a heading row (a Perspective column's value, the sheet's name).
   */
  sectionOf(draft: {
    perspective: string;
    objective: string;
    name: string;
  }): { text: string; cell: string } | null {
    for (const text of [draft.objective === draft.name ? "" : draft.objective, draft.perspective]) {
      const cell = text === "" ? undefined : this.headingCells.get(text);
      if (cell !== undefined) return { text, cell };
    }
    return null;
  }

  /** Where perspectives and objectives came from, once every row has been read. */
  sources(): { perspective: PerspectiveSource; objective: ObjectiveSource } {
    return {
      perspective: this.usedHeadings.perspective ? "headings" : this.perspectiveFrom,
      objective: this.usedHeadings.objective ? "headings" : this.objectiveFrom,
    };
  }

  read(row: number): RowReading {
    const r = this.reader;
    const { count: filledCount, first: firstFilled } = r.filledCount(row);
    if (filledCount === 0) {
      this.runningActuals = [];
      this.lastKpi = "";
      return { kind: "blank" };
    }
    const own = {
      perspective: r.text(row, "perspective"),
      objective: r.text(row, "objective"),
      kpi: r.text(row, "kpi") || (this.fillKpiDown ? this.lastKpi : ""),
    };
    const actual = readNumber(r.value(row, "actual"));
    const target = readNumber(r.value(row, "target"));
    const label = own.kpi || own.objective || own.perspective || cellText(cellAt(r.sheet, row, firstFilled));
    // Most rows are no total: the groups and the cell are worked out only for those that may be
    // (compared as words() compares, so that a full-width "Ｔｏｔａｌ" is one too).
    // NFKC changes nothing of printable ASCII: such a label is not normalised (one string a row).
    const maybeTotal = BEYOND_PRINTABLE_ASCII.test(label) ? label.normalize("NFKC") : label;
    if (MAY_BE_TOTAL.test(maybeTotal) || EQUALS_SUBTOTAL.test(maybeTotal.trim())) {
      const groups = [
        this.currentPerspective(),
        this.currentObjective(),
        own.perspective,
        own.objective,
        r.table.cornerPerspective ?? "",
        r.sheet.name,
      ];
      if (isTotalLabel(label, groups, this.addsUp(actual))) {
        const role = own.kpi ? "kpi" : own.objective ? "objective" : own.perspective ? "perspective" : "kpi";
        return this.total(r.cell(row, role) ?? sheetCell(r.sheet.name, row, firstFilled), label);
      }
    }

    const onlyName = filledCount === 1 && firstFilled === r.table.columns.kpi;
    if ((own.kpi === "" || onlyName) && actual.kind === "blank" && target.kind === "blank") {
      const heading = this.heading(row, r.filled(row), own);
      if (heading) return heading;
    }
    if (own.kpi === "") {
      if (this.addsUp(actual)) {
        return this.total(r.cell(row, "actual") as string, "");
      }
      const detail = this.lastKpi === "" ? "" : this.detailLabel(row);
      if (detail !== "")
        return this.leftOut(issue("detail-row", r.cell(row, "kpi"), { label: detail, kpi: this.lastKpi }));
      return this.leftOut(issue("missing-name", r.cell(row, "kpi"), { column: "KPI name" }));
    }

    this.fillDown(own);
    const perspective = r.has("perspective")
      ? this.perspective
      : this.headingPerspective || (r.table.cornerPerspective ?? r.sheet.name);
    if (perspective === "") {
      return this.leftOut(issue("missing-name", r.cell(row, "perspective"), { column: "perspective" }));
    }
    const objective = r.has("objective") ? this.objective : this.headingObjective || own.kpi;
    if (objective === "") {
      return this.leftOut(issue("missing-name", r.cell(row, "objective"), { column: "objective" }));
    }
    if (!r.has("perspective") && this.headingPerspective !== "") this.usedHeadings.perspective = true;
    if (!r.has("objective") && this.headingObjective !== "") this.usedHeadings.objective = true;
    if (actual.kind === "number") this.runningActuals.push(actual.value);
    this.lastKpi = own.kpi;
    return { kind: "kpi", perspective, objective, name: own.kpi };
  }

  /**
   * The label of a row with no KPI name under a KPI's line, written in a column no role reads (a
   * budget's deduction sub-rows: "Renúncia", "Restituições" under a revenue line, in a "subitem"
   * column): such a row details the line above; empty where the row has no such label.
   */
  private detailLabel(row: number): string {
    const r = this.reader;
    const roles = new Set(Object.values(r.table.columns));
    for (const col of r.filled(row)) {
      const value = cellAt(r.sheet, row, col);
      if (!roles.has(col) && typeof value === "string" && readNumber(value).kind === "text")
        return value.trim();
    }
    return "";
  }

  /** Whether a row's actual is the sum of the two or more rows above it in its group. */
  private addsUp(actual: ReturnType<typeof readNumber>): boolean {
    if (actual.kind !== "number" || this.runningActuals.length < 2) return false;
    return approxEqual(
      actual.value,
      this.runningActuals.reduce((a, b) => a + b, 0),
    );
  }

  private currentPerspective(): string {
    return this.reader.has("perspective") ? this.perspective : this.headingPerspective;
  }
  private currentObjective(): string {
    return this.reader.has("objective") ? this.objective : this.headingObjective;
  }

  private total(cell: string, label: string): RowReading {
    this.runningActuals = [];
    this.lastKpi = "";
    return { kind: "total", issue: issue("total-row", cell, { label }) };
  }

  private leftOut(found: Issue): RowReading {
    return { kind: "left-out", issue: found };
  }

  /** A group cell left blank (or merged) stands for the one above it, within its own group. */
  private fillDown(own: { perspective: string; objective: string }): void {
    if (own.perspective !== "" && own.perspective !== this.perspective) {
      this.perspective = own.perspective;
      this.objective = "";
      this.runningActuals = [];
    }
    if (own.objective !== "" && own.objective !== this.objective) {
      this.objective = own.objective;
      this.runningActuals = [];
    }
  }

  /** A row with names and no KPI or numbers: the group it names heads the rows below it. */
  private heading(
    row: number,
    filled: readonly number[],
    own: { perspective: string; objective: string },
  ): RowReading | null {
    const r = this.reader;
    const groupColumns = [r.table.columns.perspective, r.table.columns.objective];
    if ((own.perspective !== "" || own.objective !== "") && filled.every((c) => groupColumns.includes(c))) {
      this.fillDown(own);
      return { kind: "heading" };
    }
    // A block's corner names its perspective as a Perspective column would: its headings are objectives.
    const perspectiveKnown =
      r.has("perspective") || r.sheetAsPerspective || r.table.cornerPerspective !== undefined;
    if (!this.isHeadingShaped(row, filled) || (perspectiveKnown && r.has("objective"))) return null;
    // A heading introduces the rows below it as a label does ("Penghasilan:", "Income :"): the
    // colon is punctuation, not part of the group's name.
    const name = cellText(cellAt(r.sheet, row, filled[0] as number)).replace(/\s*[:：]\s*$/u, "");
    if (!this.headingCells.has(name))
      this.headingCells.set(name, sheetCell(r.sheet.name, row, filled[0] as number));
    this.runningActuals = [];
    if (perspectiveKnown) {
      this.headingObjective = name;
      return { kind: "heading" };
    }
    if (r.has("objective")) {
      this.headingPerspective = name;
      return { kind: "heading" };
    }
    const next = this.nextFilledRow(row);
    const followedByHeading = next !== null && this.isHeadingShaped(next, r.filled(next));
    const isPerspective = followedByHeading || !this.twoLevelHeadings || PERSPECTIVE_WORDS.has(words(name));
    if (followedByHeading) this.twoLevelHeadings = true;
    if (isPerspective) {
      this.headingPerspective = name;
      this.headingObjective = "";
    } else this.headingObjective = name;
    return { kind: "heading" };
  }

  /** One text cell and nothing else in the row. */
  private isHeadingShaped(row: number, filled: readonly number[]): boolean {
    if (filled.length !== 1) return false;
    const value = cellAt(this.reader.sheet, row, filled[0] as number);
    return typeof value === "string" && readNumber(value).kind === "text";
  }

  private nextFilledRow(row: number): number | null {
    for (let next = row + 1; next <= this.reader.table.lastDataRow; next++) {
      if (this.reader.filledCount(next).count > 0) return next;
    }
    return null;
  }
}
