/**
 * A small Excel for the Office.js adapter's tests, built from office-addin-mock objects so that
 * reading a property before load() and context.sync() fails as it does in Excel. Queued calls
 * and property writes take effect at sync, in order; every sync is counted and its request and
 * response sizes are measured.
 */
import { OfficeMockObject } from "office-addin-mock";
import { boxA1, columnNumber, parseReference } from "../../src/model/address";
import type { ExcelRunner } from "../../src/workbook/office/officeWorkbook";

export interface FakeCell {
  value: string | number | boolean;
  type: "String" | "Double" | "Boolean" | "Error";
  format: string;
}
export interface FakeRule {
  address: string;
  formula: string;
  fill: string;
  color: string;
}
export interface FakeSheet {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: Map<string, FakeCell>;
  rules: FakeRule[];
  styled: Map<string, Record<string, unknown>>;
  frozenRows: number;
  activated: boolean;
}
export interface FakeTable {
  name: string;
  sheet: string;
  address: string;
}
/** A defined name points at a sheet, not at its name: renaming the sheet carries the name along. */
export interface FakeName {
  name: string;
  target: FakeSheet;
  address: string;
}

const key = (row: number, col: number) => `${row},${col}`;
const isMockError = (v: unknown) => typeof v === "string" && v.startsWith("Error, ");
const size = (v: unknown) => JSON.stringify(v)?.length ?? 0;

export class FakeExcel {
  sheets: FakeSheet[] = [];
  tables: FakeTable[] = [];
  names: FakeName[] = [];
  enableEvents = true;
  syncs = 0;
  requestBytes: number[] = [];
  responseBytes: number[] = [];
  /** Syncs in which something was written while events were on. */
  writesWithEventsOn = 0;
  /** The user's selection, and what the add-in selected. */
  selection: { sheet: string; address: string } = { sheet: "", address: "A1" };
  selected: string[] = [];
  /** Make the n-th sync (1-based) fail, as a lost connection or a rejected request would. */
  failAtSync: number | null = null;

  private ops: { bytes: number; write: boolean; apply: () => void }[] = [];
  private watched: { bytes: () => number; apply: () => boolean }[] = [];
  private mocks: OfficeMockObject[] = [];
  private loadedBytes = 0;

  addSheet(
    name: string,
    rows: (string | number | boolean | null)[][] = [],
    visibility: FakeSheet["visibility"] = "Visible",
  ): FakeSheet {
    const sheet: FakeSheet = {
      name,
      visibility,
      cells: new Map(),
      rules: [],
      styled: new Map(),
      frozenRows: 0,
      activated: false,
    };
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null) return;
        const type =
          typeof value === "number"
            ? "Double"
            : typeof value === "boolean"
              ? "Boolean"
              : value.startsWith("#")
                ? "Error"
                : "String";
        sheet.cells.set(key(r, c), { value, type, format: "General" });
      }),
    );
    this.sheets.push(sheet);
    return sheet;
  }

  addName(name: string, sheet: string, address: string): void {
    this.names.push({ name, target: this.sheet(sheet), address });
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** The cell's value as Excel would hold it: a leading apostrophe marks text and is not kept. */
  value(sheet: string, a1: string): unknown {
    const ref = parseReference(a1)!;
    return this.sheet(sheet).cells.get(key(ref.box.top - 1, ref.box.left - 1))?.value ?? null;
  }

  run: ExcelRunner = async (batch) => batch(this.context() as unknown as Excel.RequestContext);

  private mock<T extends object>(data: T, after?: (m: OfficeMockObject & T) => void): OfficeMockObject & T {
    const m = new OfficeMockObject(data) as OfficeMockObject & T;
    after?.(m);
    this.mocks.push(m);
    return m;
  }

  private queue(bytes: number, write: boolean, apply: () => void) {
    this.ops.push({ bytes, write, apply });
  }

  private async sync(): Promise<void> {
    this.syncs++;
    if (this.failAtSync === this.syncs) {
      this.ops = [];
      this.watched = [];
      throw new Error("The request failed (simulated).");
    }
    const ops = this.ops;
    this.ops = [];
    let request = 0;
    let wrote = false;
    for (const op of ops) {
      request += op.bytes + 20;
      op.apply();
      wrote ||= op.write;
    }
    for (const w of this.watched) {
      request += w.bytes();
      wrote = w.apply() || wrote;
    }
    if (wrote && this.enableEvents) this.writesWithEventsOn++;
    this.requestBytes.push(request);
    this.responseBytes.push(this.loadedBytes);
    this.loadedBytes = 0;
    for (const m of this.mocks) await OfficeMockObject.prototype.sync.call(m);
    await new Promise((r) => setImmediate(r));
  }

  private context() {
    const runtime = this.mock({ enableEvents: true });
    this.watched.push({
      bytes: () => 0,
      apply: () => {
        if (typeof runtime.enableEvents === "boolean") this.enableEvents = runtime.enableEvents;
        return false;
      },
    });
    const collection = <T>(items: () => T[], itemLoad: (item: T, props: string) => void) => {
      const c = this.mock({ items: [] as T[] });
      c.load = ((props?: string) => {
        const list = items();
        (c as { items: T[] }).items = list;
        const inner = (props ?? "")
          .split(",")
          .map((p) => p.trim().replace(/^items\//, ""))
          .join(",");
        for (const item of list) itemLoad(item, inner);
        return c;
      }) as never;
      return c;
    };
    const workbook = {
      getSelectedRange: () => {
        const ref = parseReference(this.selection.address)!;
        const b = ref.box;
        return this.range(
          this.sheet(this.selection.sheet),
          b.top - 1,
          b.left - 1,
          b.bottom - b.top + 1,
          b.right - b.left + 1,
        );
      },
      worksheets: Object.assign(
        collection(
          () => this.sheets.map((s) => this.worksheet(s)),
          (ws, props) => ws.load(props),
        ),
        {
          getItem: (name: string) => this.worksheet(this.sheet(name)),
          getItemOrNullObject: (name: string) => {
            const s = this.sheets.find((x) => x.name === name);
            return s
              ? this.worksheet(s, false)
              : Object.assign(this.mock({ position: 0 }), { isNullObject: true });
          },
          add: (name: string) => {
            const s: FakeSheet = {
              name,
              visibility: "Visible",
              cells: new Map(),
              rules: [],
              styled: new Map(),
              frozenRows: 0,
              activated: false,
            };
            this.queue(name.length, true, () => this.sheets.push(s));
            return this.worksheet(s);
          },
        },
      ),
      tables: collection(
        () =>
          this.tables.map((t) => {
            const m = this.mock({ name: t.name, showHeaders: true, showTotals: false });
            return Object.assign(m, { getRange: () => this.mock({ address: `'${t.sheet}'!${t.address}` }) });
          }),
        (t, props) => t.load(props),
      ),
      names: Object.assign(
        collection(
          () =>
            this.names.map((n) =>
              this.mock({ name: n.name, type: "Range", formula: `='${n.target.name}'!${n.address}` }),
            ),
          (n, props) => n.load(props),
        ),
        {
          add: (name: string, range: { __where: () => { sheet: FakeSheet; address: string } }) =>
            this.queue(name.length + 30, true, () => {
              const w = range.__where();
              this.names.push({ name, target: w.sheet, address: w.address });
            }),
          getItemOrNullObject: (name: string) => {
            const found = this.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
            return Object.assign(this.mock({ name }), {
              isNullObject: !found,
              delete: () => this.queue(10, true, () => (this.names = this.names.filter((n) => n !== found))),
            });
          },
        },
      ),
    };
    // Assigned, not populated: office-addin-mock would otherwise put its own empty mocks back at each sync.
    const context = this.mock({});
    Object.assign(context, { workbook, runtime, sync: () => this.sync() });
    return context;
  }

  /** A worksheet proxy; `exists` false is how getItemOrNullObject hands back a real one. */
  private worksheet(sheet: FakeSheet, _exists = true) {
    const ws = this.mock({
      name: sheet.name,
      visibility: sheet.visibility,
      position: this.sheets.indexOf(sheet),
    });
    const initial: { name: string; visibility: string; position: number } = {
      name: sheet.name,
      visibility: sheet.visibility,
      position: this.sheets.indexOf(sheet),
    };
    this.watched.push({
      bytes: () => 0,
      apply: () => {
        let wrote = false;
        if (typeof ws.name === "string" && !isMockError(ws.name) && ws.name !== initial.name) {
          if (
            this.sheets.some((s) => s !== sheet && s.name.toLowerCase() === (ws.name as string).toLowerCase())
          ) {
            throw new Error(`A sheet named ${ws.name} already exists.`);
          }
          sheet.name = ws.name as string;
          initial.name = sheet.name;
          wrote = true;
        }
        if (
          typeof ws.visibility === "string" &&
          !isMockError(ws.visibility) &&
          ws.visibility !== initial.visibility
        ) {
          sheet.visibility = ws.visibility as FakeSheet["visibility"];
          initial.visibility = sheet.visibility;
          wrote = true;
        }
        if (
          typeof ws.position === "number" &&
          ws.position !== initial.position &&
          this.sheets.includes(sheet)
        ) {
          this.sheets.splice(this.sheets.indexOf(sheet), 1);
          this.sheets.splice(ws.position as number, 0, sheet);
          initial.position = ws.position as number;
          wrote = true;
        }
        return wrote;
      },
    });
    const rangeAt = (top: number, left: number, rows: number, cols: number) =>
      this.range(sheet, top, left, rows, cols);
    return Object.assign(ws, {
      isNullObject: false,
      getUsedRangeOrNullObject: () => {
        const keys = [...sheet.cells.keys()].map((k) => k.split(",").map(Number) as [number, number]);
        if (keys.length === 0) return Object.assign(this.mock({}), { isNullObject: true });
        const top = Math.min(...keys.map((k) => k[0]));
        const left = Math.min(...keys.map((k) => k[1]));
        const bottom = Math.max(...keys.map((k) => k[0]));
        const right = Math.max(...keys.map((k) => k[1]));
        return Object.assign(
          this.mock({
            rowIndex: top,
            columnIndex: left,
            rowCount: bottom - top + 1,
            columnCount: right - left + 1,
          }),
          { isNullObject: false },
        );
      },
      getRangeByIndexes: rangeAt,
      getRange: (address?: string) => {
        if (address === undefined) return this.wholeSheet(sheet);
        const column = /^([A-Z]+):\1$/.exec(address);
        if (column) return this.column(sheet, columnNumber(column[1]!));
        const ref = parseReference(address)!;
        return rangeAt(
          ref.box.top - 1,
          ref.box.left - 1,
          ref.box.bottom - ref.box.top + 1,
          ref.box.right - ref.box.left + 1,
        );
      },
      getRanges: (address: string) => this.areas(sheet, address),
      delete: () => this.queue(10, true, () => (this.sheets = this.sheets.filter((s) => s !== sheet))),
      activate: () => this.queue(10, false, () => this.sheets.forEach((s) => (s.activated = s === sheet))),
      freezePanes: { freezeRows: (n: number) => this.queue(10, true, () => (sheet.frozenRows = n)) },
    });
  }

  private range(sheet: FakeSheet, top: number, left: number, rows: number, cols: number) {
    const grid = <T>(f: (cell: FakeCell | undefined) => T) =>
      Array.from({ length: rows }, (_, r) =>
        Array.from({ length: cols }, (_, c) => f(sheet.cells.get(key(top + r, left + c)))),
      );
    const data = {
      values: grid((c) => c?.value ?? ""),
      formulas: grid((c) => c?.value ?? ""),
      valueTypes: grid((c) => c?.type ?? "Empty"),
      numberFormat: grid((c) => c?.format ?? "General"),
      address: `'${sheet.name}'!${boxA1({ top: top + 1, left: left + 1, bottom: top + rows, right: left + cols })}`,
    };
    const m = this.mock({ ...data });
    const load = m.load.bind(m);
    m.load = ((props: string) => {
      for (const p of props.split(","))
        if (p in data && p !== "address") this.loadedBytes += size(data[p as keyof typeof data]);
      return load(props);
    }) as never;
    // After load() and sync(), the mock hands back these very arrays: anything else was written.
    let initialValues: unknown = data.values;
    let initialFormats: unknown = data.numberFormat;
    this.watched.push({
      bytes: () =>
        (Array.isArray(m.values) && m.values !== initialValues ? size(m.values) : 0) +
        (Array.isArray(m.numberFormat) && m.numberFormat !== initialFormats ? size(m.numberFormat) : 0),
      apply: () => {
        let wrote = false;
        if (Array.isArray(m.numberFormat) && m.numberFormat !== initialFormats) {
          (m.numberFormat as (string | null)[][]).forEach((row, r) =>
            row.forEach((f, c) => {
              if (f === null) return;
              const k = key(top + r, left + c);
              sheet.cells.set(k, { ...(sheet.cells.get(k) ?? { value: "", type: "String" }), format: f });
            }),
          );
          initialFormats = m.numberFormat;
          wrote = true;
        }
        if (Array.isArray(m.values) && m.values !== initialValues) {
          (m.values as unknown[][]).forEach((row, r) =>
            row.forEach((v, c) => {
              const k = key(top + r, left + c);
              if (v === "" || v === null) return;
              const format = sheet.cells.get(k)?.format ?? "General";
              if (typeof v === "string" && v.startsWith("'"))
                sheet.cells.set(k, { value: v.slice(1), type: "String", format });
              else if (typeof v === "string" && v.startsWith("="))
                sheet.cells.set(k, { value: `FORMULA ${v}`, type: "String", format });
              else
                sheet.cells.set(k, {
                  value: v as number,
                  type: typeof v === "number" ? "Double" : "String",
                  format,
                });
            }),
          );
          initialValues = m.values;
          wrote = true;
        }
        return wrote;
      },
    });
    return Object.assign(m, {
      __where: () => ({ sheet, address: data.address.split("!")[1]!.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2") }),
      select: () => this.queue(10, false, () => this.selected.push(data.address)),
      getDirectPrecedents: () => ({
        areas: {
          getItemAt: () => ({
            select: () => this.queue(10, false, () => this.selected.push(`inputs of ${data.address}`)),
          }),
        },
      }),
    });
  }

  private column(sheet: FakeSheet, col: number) {
    const format = this.mock({ columnWidth: 0 });
    let applied: unknown;
    this.watched.push({
      bytes: () => (typeof format.columnWidth === "number" && format.columnWidth !== applied ? 20 : 0),
      apply: () => {
        if (typeof format.columnWidth !== "number" || format.columnWidth === applied) return false;
        applied = format.columnWidth;
        sheet.styled.set(`col${col}`, { columnWidth: applied });
        return true;
      },
    });
    return { format };
  }

  private wholeSheet(sheet: FakeSheet) {
    const conditionalFormats = this.mock({ items: [] as unknown[] });
    conditionalFormats.load = (() => {
      (conditionalFormats as { items: unknown[] }).items = sheet.rules.map((rule) =>
        Object.assign(
          this.mock({ type: "Custom", customOrNullObject: { rule: { formula: `=${rule.formula}` } } }),
          {
            delete: () => this.queue(10, true, () => (sheet.rules = sheet.rules.filter((r) => r !== rule))),
          },
        ),
      );
      for (const item of (conditionalFormats as { items: OfficeMockObject[] }).items)
        item.load("type,customOrNullObject/rule/formula");
      return conditionalFormats;
    }) as never;
    return { conditionalFormats };
  }

  private areas(sheet: FakeSheet, address: string) {
    const format = this.mock({
      font: {},
      fill: {},
      indentLevel: 0,
      horizontalAlignment: "",
      wrapText: false,
    });
    const borders = { getItem: () => this.mock({ style: "" }) };
    Object.assign(format, { borders });
    let applied = "";
    const styleNow = () => {
      const f = format as unknown as Record<string, unknown> & {
        font: Record<string, unknown>;
        fill: Record<string, unknown>;
      };
      const style = {
        bold: f.font.bold,
        italic: f.font.italic,
        color: f.font.color,
        fill: f.fill.color,
        indent: f.indentLevel,
      };
      const set = Object.entries(style).filter(([, v]) => v !== undefined && v !== 0 && !isMockError(v));
      return set.length ? JSON.stringify(Object.fromEntries(set)) : "";
    };
    this.watched.push({
      bytes: () => (styleNow() !== applied ? address.length + styleNow().length : 0),
      apply: () => {
        const now = styleNow();
        if (now === applied) return false;
        applied = now;
        sheet.styled.set(address, JSON.parse(now) as Record<string, unknown>);
        return true;
      },
    });
    const conditionalFormats = {
      add: (type: string) => {
        const cf = this.mock({
          custom: { rule: { formula: "" }, format: { fill: { color: "" }, font: { color: "" } } },
        });
        this.queue(address.length, true, () => {
          if (type !== "Custom") throw new Error("only custom rules are faked");
          const c = cf.custom as unknown as {
            rule: { formula: string };
            format: { fill: { color: string }; font: { color: string } };
          };
          sheet.rules.push({
            address,
            formula: c.rule.formula.replace(/^=/, ""),
            fill: c.format.fill.color,
            color: c.format.font.color,
          });
        });
        // The rule's formula and colours are set after add(); the sync reads them when it applies it.
        this.queue(size((cf.custom as { rule: unknown }).rule), false, () => undefined);
        return cf;
      },
    };
    return { format, conditionalFormats };
  }
}
