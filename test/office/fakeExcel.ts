/**
 * A small Excel for the Office.js adapter's tests, as strict as the Office.js reference
 * (@types/office-js) documents Excel to be. Each rule it models cites the reference's words.
 *
 * - Every method call, property write and load() is queued and takes effect at context.sync(), in
 *   order. A failing operation rejects the sync; the operations queued before it stay applied and
 *   those after it are dropped: "a batch is not a transaction" (Excel add-ins docs, "Call Excel
 *   JavaScript APIs": context.sync() "synchronizes the state between JavaScript proxy objects and
 *   objects in Excel"; a rejected sync does not roll back earlier operations).
 * - Reading a property that was not loaded and synced throws PropertyNotLoaded
 *   (OfficeExtension.ErrorCodes.propertyNotLoaded), not a placeholder string.
 * - Every member the product touches carries its requirement set, read from the reference's
 *   `[Api set: …]` tags (apiSets.ts); one above the host's ExcelApi version fails at sync with
 *   ApiNotFound (OfficeExtension.ErrorCodes.apiNotFound). The fake runs at ExcelApi 1.9, the
 *   manifest's set, unless a test says otherwise. Members are recorded in `apiCalls`.
 * - A failure can be injected at any queued operation (`failAtOperation`) or sync (`failAtSync`).
 */
import { boxA1, columnNumber, parseReference } from "../../src/model/address";
import { isProductRule } from "../../src/plan/plan";
import { OfficeWorkbook, PAYLOAD_LIMIT, type ExcelRunner } from "../../src/workbook/office/officeWorkbook";
import { apiSetOf, supportedBy } from "./apiSets";
import { fakeChartCollection, type FakeChart, type FakeKit } from "./fakeCharts";
import { fakeShapeCollection, type FakeShape } from "./fakeShapes";

export interface FakeCell {
  value: string | number | boolean;
  type: "String" | "Double" | "Boolean" | "Error";
  format: string;
}
export interface FakeRule {
  type: string;
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
  /** Formats written, by the address they were written to. */
  styled: Map<string, Record<string, unknown>>;
  /** Column widths in points, by column number. */
  columnWidths: Map<number, number>;
  frozenRows: number;
  activated: boolean;
  /** Charts over the sheet, in the order they were added (fakeCharts.ts). */
  charts: FakeChart[];
  /** Shapes and lines over the sheet, in the order they were added (fakeShapes.ts). */
  shapes: FakeShape[];
  /** Rows' outline levels (1-based row → level), as Range.group and Range.ungroup leave them. */
  rowOutline: Map<number, number>;
  /** Rows hidden (1-based). */
  hiddenRows: Set<number>;
  /** Hyperlinks by cell address ("N12"). */
  hyperlinks: Map<string, FakeHyperlink>;
  /** What Worksheet.pageLayout was given. */
  pageLayout: {
    orientation?: string;
    zoom?: Record<string, unknown>;
    printArea?: string;
    printTitleRows?: string;
    headersFooters: Record<string, string>;
  };
  /** Manual page breaks, each the 1-based row just below it (Worksheet.horizontalPageBreaks). */
  horizontalPageBreaks: number[];
}
/** Excel.RangeHyperlink's members the product sets. */
export interface FakeHyperlink {
  address?: string;
  documentReference?: string;
  textToDisplay?: string;
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

/** The error Office.js rejects a sync with: an OfficeExtension.Error carries a code. */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

interface Operation {
  readonly what: string;
  readonly bytes: number;
  readonly write: boolean;
  readonly apply: () => void;
}

const key = (row: number, col: number) => `${row},${col}`;
const size = (v: unknown) => JSON.stringify(v)?.length ?? 0;
const lower = (s: string) => s.toLowerCase();

/**
 * Worksheet.name: "The name must be fewer than 32 characters." The characters Excel refuses in a
 * sheet name (\ / ? * [ ] :) and its case-insensitive uniqueness are Excel's own rules, which the
 * add-in's users meet when they rename a sheet by hand.
 */
function sheetNameProblem(name: string, others: readonly FakeSheet[]): FakeOfficeError | null {
  if (name.length === 0 || name.length > 31 || /[\\/?*[\]:]/.test(name) || /^'|'$/.test(name))
    return new FakeOfficeError("InvalidArgument", `"${name}" is not a valid sheet name.`);
  if (others.some((s) => lower(s.name) === lower(name)))
    return new FakeOfficeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
  return null;
}

/**
 * A defined name starts with a letter, underscore or backslash, holds letters, digits, periods and
 * underscores, is not a cell reference, and is unique ignoring case (NamedItemCollection.add:
 * "Adds a new name to the collection of the given scope"; Excel's naming rules for names).
 */
function definedNameProblem(name: string, names: readonly FakeName[]): FakeOfficeError | null {
  const valid =
    /^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[RrCc]$/.test(name) &&
    name.length <= 255;
  if (!valid) return new FakeOfficeError("InvalidArgument", `"${name}" is not a valid name.`);
  if (names.some((n) => lower(n.name) === lower(name)))
    return new FakeOfficeError("ItemAlreadyExists", `A name "${name}" already exists.`);
  return null;
}

function newSheet(name: string, visibility: FakeSheet["visibility"] = "Visible"): FakeSheet {
  return {
    name,
    visibility,
    cells: new Map(),
    rules: [],
    styled: new Map(),
    columnWidths: new Map(),
    frozenRows: 0,
    activated: false,
    charts: [],
    shapes: [],
    rowOutline: new Map(),
    hiddenRows: new Set(),
    hyperlinks: new Map(),
    pageLayout: { headersFooters: {} },
    horizontalPageBreaks: [],
  };
}

/** Members every client object has (OfficeExtension.ClientObject), whatever its class. */
// A collection's `items` ("Gets the loaded child items in this collection") comes with the collection.
const CLIENT_OBJECT_MEMBERS = new Set([
  "load",
  "isNullObject",
  "context",
  "toJSON",
  "track",
  "untrack",
  "items",
]);

/** Names that test tools and JavaScript itself probe on any object. */
const INTROSPECTION = new Set([
  "constructor",
  "$$typeof",
  "nodeType",
  "tagName",
  "toJSON",
  "@@__IMMUTABLE_ITERABLE__@@",
]);

interface ObjectSpec {
  /** Loadable scalar properties: read from the workbook when a load is applied. */
  readonly props?: Record<string, { read: () => unknown; write?: (value: unknown) => void }>;
  readonly methods?: Record<string, (...args: never[]) => unknown>;
  /** Navigation properties: other client objects, made once. */
  readonly children?: Record<string, () => object>;
  /** For a collection: the items a load sees, as client objects. */
  readonly items?: () => object[];
  /** For an …OrNullObject: whether the object exists, known after the next sync. */
  readonly exists?: () => boolean;
  /** Checked when an operation on this object is applied (ItemNotFound for a missing sheet…). */
  readonly check?: () => void;
  /** Its property writes change how Excel runs, not the workbook (RequestContext.runtime). */
  readonly settingsOnly?: boolean;
}

export class FakeExcel {
  sheets: FakeSheet[] = [];
  tables: FakeTable[] = [];
  names: FakeName[] = [];
  enableEvents = true;
  /** The host's ExcelApi version. */
  excelApi = "1.9";
  syncs = 0;
  requestBytes: number[] = [];
  responseBytes: number[] = [];
  /** Syncs in which something was written while events were on. */
  writesWithEventsOn = 0;
  /** Every Excel API member the code under test touched, as "Class.member". */
  apiCalls = new Set<string>();
  /** The user's selection, and what the add-in selected. */
  selection: { sheet: string; address: string } = { sheet: "", address: "A1" };
  selected: string[] = [];
  /** Make the n-th sync (1-based, counted from the fake's start) fail before it applies anything. */
  failAtSync: number | null = null;
  /** Make the operation with this index (0-based, counted from the fake's start) fail at its sync. */
  failAtOperation: number | null = null;
  /** How many operations have been queued so far. */
  operationsQueued = 0;
  /** What each queued operation was, in order ("Worksheet.delete Scorecard", …). */
  operationLog: string[] = [];

  private queued: Operation[] = [];

  addSheet(
    name: string,
    rows: (string | number | boolean | null)[][] = [],
    visibility: FakeSheet["visibility"] = "Visible",
  ): FakeSheet {
    const sheet = newSheet(name, visibility);
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
        // As typed: "=…" is a formula, "'…" is text without its apostrophe.
        const stored =
          typeof value !== "string"
            ? value
            : value.startsWith("=")
              ? `FORMULA ${value}`
              : value.startsWith("'")
                ? value.slice(1)
                : value;
        sheet.cells.set(key(r, c), { value: stored, type, format: "General" });
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

  /**
   * What belongs to the user, for comparing a workbook before and after: every sheet but the
   * product's (by name), its cells, its rules but the product's traffic lights, and the names
   * that do not mark a product sheet.
   */
  userState(productSheets: readonly string[]) {
    const users = this.sheets.filter((s) => !productSheets.includes(s.name));
    return {
      sheets: users.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        cells: [...s.cells.entries()].sort(),
        // A custom rule without a formula is the product's, caught between add() and its formula.
        rules: s.rules.filter((r) => !isProductRule(r.formula) && r.formula !== "").map((r) => ({ ...r })),
      })),
      names: this.names
        .filter((n) => users.includes(n.target))
        .map((n) => [n.name, n.target.name, n.address]),
    };
  }

  run: ExcelRunner = async (batch) => batch(this.context() as unknown as Excel.RequestContext);

  /** The product's Office.js adapter, talking to this Excel. */
  port(payloadLimit = PAYLOAD_LIMIT): OfficeWorkbook {
    return new OfficeWorkbook(this.run, payloadLimit, this.supports);
  }

  /** What Office.context.requirements.isSetSupported("ExcelApi", version) answers in this Excel. */
  supports = (version: string): boolean =>
    supportedBy({ name: "ExcelApi", version: version.split(".").map(Number) }, this.excelApi);

  // ---- the batch -------------------------------------------------------------------------------

  private queue(what: string, bytes: number, write: boolean, apply: () => void): void {
    this.queued.push({ what, bytes, write, apply });
  }

  private async sync(): Promise<void> {
    this.syncs++;
    const ops = this.queued;
    this.queued = [];
    const first = this.operationsQueued;
    this.operationsQueued += ops.length;
    for (const op of ops) this.operationLog.push(op.what);
    if (this.failAtSync === this.syncs)
      throw new FakeOfficeError("GeneralException", "The request failed (simulated).");
    let request = 0;
    let wrote = false;
    this.responseNow = 0;
    try {
      ops.forEach((op, i) => {
        if (this.failAtOperation === first + i)
          throw new FakeOfficeError("GeneralException", `The request failed at "${op.what}" (simulated).`);
        request += op.bytes + 20;
        wrote ||= op.write && this.enableEvents;
        op.apply();
      });
    } finally {
      if (wrote) this.writesWithEventsOn++;
      this.requestBytes.push(request);
      this.responseBytes.push(this.responseNow);
    }
    await new Promise((r) => setImmediate(r));
  }

  private responseNow = 0;

  private context() {
    const runtime = this.object("Runtime", {
      settingsOnly: true,
      props: {
        enableEvents: {
          read: () => this.enableEvents,
          write: (v) => (this.enableEvents = Boolean(v)),
        },
      },
    });
    const workbook = this.object("Workbook", {
      methods: {
        getSelectedRange: () => {
          const ref = parseReference(this.selection.address)!;
          return this.range(() => this.sheet(this.selection.sheet), ref.box);
        },
      },
      children: {
        worksheets: () => this.worksheets(),
        tables: () => this.tableCollection(),
        names: () => this.nameCollection(),
      },
    });
    return this.object("RequestContext", {
      methods: { sync: () => this.sync() },
      children: { workbook: () => workbook, runtime: () => runtime },
    });
  }

  // ---- client objects --------------------------------------------------------------------------

  /**
   * A client object: loadable properties throw PropertyNotLoaded until loaded and synced; writes
   * and calls are queued; every member is checked against the host's requirement sets.
   */
  private object(className: string, spec: ObjectSpec): Record<string, unknown> {
    const loaded = new Map<string, unknown>();
    const written = new Map<string, unknown>();
    const children = new Map<string, object>();
    let exists: boolean | undefined;
    let items: object[] | undefined;
    const target: Record<string, unknown> = {};

    const applyLoad = (path: string[]): void => {
      const [head, ...rest] = path;
      if (!head) return;
      if (head === "items" && spec.items) {
        items ??= spec.items();
        for (const item of items) (item as { __load: (p: string[]) => void }).__load(rest);
        return;
      }
      if (spec.children?.[head]) {
        (childOf(head) as { __load: (p: string[]) => void }).__load(rest);
        return;
      }
      const prop = spec.props?.[head];
      if (!prop) throw new Error(`the fake cannot load ${className}.${head}`);
      const value = prop.read();
      this.responseNow += size(value);
      loaded.set(head, value);
    };
    const childOf = (name: string): object => {
      let child = children.get(name);
      if (!child) {
        child = spec.children![name]!();
        children.set(name, child);
      }
      return child;
    };

    Object.defineProperty(target, "__load", { value: applyLoad });
    Object.defineProperty(target, "load", {
      value: (props?: string | string[]) => {
        const list = (Array.isArray(props) ? props : (props ?? "").split(","))
          .map((p) => p.trim())
          .filter((p) => p !== "");
        this.queue(`${className}.load ${list.join(",")}`, 0, false, () => {
          // A null object loads nothing: its properties stay unavailable.
          if (spec.exists && !spec.exists()) return;
          spec.check?.();
          if (spec.items) items = spec.items();
          for (const p of list) applyLoad(p.split("/"));
        });
        return proxy;
      },
    });
    if (spec.exists) {
      this.queue(`${className} lookup`, 0, false, () => (exists = spec.exists!()));
      Object.defineProperty(target, "isNullObject", {
        get: () => {
          if (exists === undefined) throw notLoaded("isNullObject");
          return !exists;
        },
      });
    } else {
      Object.defineProperty(target, "isNullObject", { value: false });
    }
    if (spec.items) {
      Object.defineProperty(target, "items", {
        get: () => {
          if (items === undefined) throw notLoaded("items");
          return items;
        },
      });
    }
    for (const [name, prop] of Object.entries(spec.props ?? {})) {
      Object.defineProperty(target, name, {
        enumerable: true,
        get: () => {
          if (written.has(name)) return written.get(name);
          if (loaded.has(name)) return loaded.get(name);
          throw notLoaded(name);
        },
        set: (value: unknown) => {
          if (!prop.write) throw new Error(`${className}.${name} is read-only`);
          written.set(name, value);
          this.queue(
            `${className}.${name} = ${JSON.stringify(value)?.slice(0, 60)}`,
            size(value),
            !spec.settingsOnly,
            () => {
              spec.check?.();
              prop.write!(value);
            },
          );
        },
      });
    }
    for (const [name, method] of Object.entries(spec.methods ?? {})) {
      Object.defineProperty(target, name, { value: method });
    }
    for (const name of Object.keys(spec.children ?? {})) {
      Object.defineProperty(target, name, { enumerable: true, get: () => childOf(name) });
    }

    const notLoaded = (name: string) =>
      new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );

    const proxy: Record<string, unknown> = new Proxy(target, {
      get: (obj, prop, receiver) => {
        if (
          typeof prop !== "string" ||
          prop === "then" ||
          prop.startsWith("__") ||
          prop === "asymmetricMatch"
        )
          return Reflect.get(obj, prop, receiver);
        this.touch(className, prop);
        if (!(prop in obj)) {
          if (INTROSPECTION.has(prop)) return undefined;
          throw new Error(`the fake Excel does not model ${className}.${prop}`);
        }
        return Reflect.get(obj, prop, receiver);
      },
      set: (obj, prop, value, receiver) => {
        if (typeof prop === "string") {
          this.touch(className, prop);
          if (!(prop in obj)) throw new Error(`the fake Excel does not model ${className}.${prop}`);
        }
        return Reflect.set(obj, prop, value, receiver);
      },
    });
    return proxy;
  }

  /** Records a member and, where the host lacks its requirement set, makes the next sync fail. */
  private touch(className: string, member: string): void {
    if (CLIENT_OBJECT_MEMBERS.has(member)) return;
    if (className === "RequestContext" && member !== "runtime") return;
    const name = `${className}.${member}`;
    this.apiCalls.add(name);
    const set = apiSetOf(name);
    if (set && !supportedBy(set, this.excelApi)) {
      this.queue(`${name} (needs ${set.name} ${set.version.join(".")})`, 0, false, () => {
        throw new FakeOfficeError(
          "ApiNotFound",
          `${name} needs ${set.name} ${set.version.join(".")}; this Excel has ExcelApi ${this.excelApi}.`,
        );
      });
    }
  }

  /** What the fake lends the modules that model more of Excel (fakeCharts.ts). */
  private readonly kit: FakeKit = {
    object: (className, spec) => this.object(className, spec as ObjectSpec),
    call: (what, bytes, write, apply) => this.call(what, bytes, write, apply),
    error: (code, message) => new FakeOfficeError(code, message),
  };

  private call(what: string, bytes: number, write: boolean, apply: () => void): void {
    this.queue(what, bytes, write, apply);
  }

  // ---- collections ----------------------------------------------------------------------------

  private worksheets() {
    return this.object("WorksheetCollection", {
      items: () => this.sheets.map((s) => this.worksheet(() => s)),
      methods: {
        getItem: (name: string) => this.worksheet(() => this.findSheet(name)),
        getItemOrNullObject: (name: string) =>
          this.worksheet(
            () => this.findSheet(name),
            () => this.sheets.some((s) => lower(s.name) === lower(name)),
          ),
        add: (name: string) => {
          const sheet = newSheet(name);
          this.call(`WorksheetCollection.add ${name}`, name.length, true, () => {
            const problem = sheetNameProblem(name, this.sheets);
            if (problem) throw problem;
            this.sheets.push(sheet);
          });
          return this.worksheet(() => {
            if (!this.sheets.includes(sheet)) throw new FakeOfficeError("ItemNotFound", `No sheet ${name}.`);
            return sheet;
          });
        },
      },
    });
  }

  private findSheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => lower(x.name) === lower(name));
    if (!s)
      throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist (sheet "${name}").`);
    return s;
  }

  private tableCollection() {
    return this.object("TableCollection", {
      items: () =>
        this.tables.map((t) =>
          this.object("Table", {
            props: {
              name: { read: () => t.name },
              showHeaders: { read: () => true },
              showTotals: { read: () => false },
            },
            methods: {
              getRange: () => this.range(() => this.findSheet(t.sheet), parseReference(t.address)!.box),
            },
          }),
        ),
    });
  }

  private nameCollection() {
    return this.object("NamedItemCollection", {
      items: () => this.names.map((n) => this.namedItem(() => n)),
      methods: {
        add: (name: string, reference: { __where?: () => { sheet: FakeSheet; address: string } }) => {
          this.call(`NamedItemCollection.add ${name}`, name.length + 30, true, () => {
            const problem = definedNameProblem(name, this.names);
            if (problem) throw problem;
            const w = reference.__where!();
            this.names.push({ name, target: w.sheet, address: w.address });
          });
        },
        getItemOrNullObject: (name: string) => {
          const find = () => this.names.find((n) => lower(n.name) === lower(name));
          return this.namedItem(
            () => {
              const found = find();
              if (!found) throw new FakeOfficeError("ItemNotFound", `No name ${name}.`);
              return found;
            },
            () => find() !== undefined,
          );
        },
      },
    });
  }

  private namedItem(resolve: () => FakeName, exists?: () => boolean) {
    return this.object("NamedItem", {
      ...(exists ? { exists } : {}),
      props: {
        name: { read: () => resolve().name },
        type: { read: () => (this.sheets.includes(resolve().target) ? "Range" : "Error") },
        formula: {
          read: () => {
            const n = resolve();
            if (!this.sheets.includes(n.target)) return `=#REF!${n.address}`;
            return `='${n.target.name.replace(/'/g, "''")}'!${n.address}`;
          },
          write: (v) => {
            const ref = parseReference(String(v).replace(/^=/, ""));
            if (!ref?.sheet)
              throw new FakeOfficeError("InvalidArgument", `"${String(v)}" is not a reference.`);
            const n = resolve();
            n.target = this.findSheet(ref.sheet);
            n.address = boxA1(ref.box, true);
          },
        },
      },
      methods: {
        delete: () =>
          this.call("NamedItem.delete", 10, true, () => {
            const n = resolve();
            this.names = this.names.filter((x) => x !== n);
          }),
      },
    });
  }

  // ---- worksheets and ranges --------------------------------------------------------------------

  private worksheet(lookup: () => FakeSheet, exists?: () => boolean) {
    // A proxy stands for the sheet it found, not for a name: it follows the sheet through renames.
    let found: FakeSheet | undefined;
    const resolve = () => (found ??= lookup());
    const sheetRange = (box: { top: number; left: number; bottom: number; right: number }) =>
      this.range(resolve, box);
    // Calls on a null object give null objects.
    const present = exists ?? (() => true);
    return this.object("Worksheet", {
      ...(exists ? { exists } : {}),
      check: () => void resolve(),
      props: {
        name: {
          read: () => resolve().name,
          write: (v) => {
            const sheet = resolve();
            const name = String(v);
            if (name === sheet.name) return;
            const problem = sheetNameProblem(
              name,
              this.sheets.filter((s) => s !== sheet),
            );
            if (problem) throw problem;
            sheet.name = name;
          },
        },
        visibility: {
          read: () => resolve().visibility,
          write: (v) => (resolve().visibility = v as FakeSheet["visibility"]),
        },
        position: {
          read: () => this.sheets.indexOf(resolve()),
          write: (v) => {
            const sheet = resolve();
            this.sheets.splice(this.sheets.indexOf(sheet), 1);
            this.sheets.splice(Math.min(Number(v), this.sheets.length), 0, sheet);
          },
        },
      },
      methods: {
        /**
         * Worksheet.delete: "Note that if the worksheet's visibility is set to "VeryHidden", the
         * delete operation will fail with an `InvalidOperation` exception. You should first change
         * its visibility to hidden or visible before deleting it."
         */
        delete: () =>
          this.call("Worksheet.delete", 10, true, () => {
            const sheet = resolve();
            if (sheet.visibility === "VeryHidden")
              throw new FakeOfficeError(
                "InvalidOperation",
                `The very hidden sheet "${sheet.name}" cannot be deleted.`,
              );
            // Names that pointed at it stay, as #REF! names (as Excel keeps them).
            this.sheets = this.sheets.filter((s) => s !== sheet);
          }),
        activate: () =>
          this.call("Worksheet.activate", 10, false, () => {
            const sheet = resolve();
            this.sheets.forEach((s) => (s.activated = s === sheet));
          }),
        getUsedRangeOrNullObject: () => {
          const used = () => {
            const keys = [...resolve().cells.keys()].map((k) => k.split(",").map(Number) as [number, number]);
            if (keys.length === 0) return null;
            return {
              top: Math.min(...keys.map((k) => k[0])) + 1,
              left: Math.min(...keys.map((k) => k[1])) + 1,
              bottom: Math.max(...keys.map((k) => k[0])) + 1,
              right: Math.max(...keys.map((k) => k[1])) + 1,
            };
          };
          return this.range(
            resolve,
            () => used() ?? { top: 1, left: 1, bottom: 1, right: 1 },
            () => present() && used() !== null,
          );
        },
        getRangeByIndexes: (top: number, left: number, rows: number, cols: number) =>
          sheetRange({ top: top + 1, left: left + 1, bottom: top + rows, right: left + cols }),
        getRange: (address?: string) => {
          if (address === undefined) return sheetRange({ top: 1, left: 1, bottom: 1048576, right: 16384 });
          const rows = /^\$?(\d+):\$?(\d+)$/.exec(address);
          if (rows)
            return sheetRange({ top: Number(rows[1]), bottom: Number(rows[2]), left: 1, right: 16384 });
          const column = /^([A-Z]+):([A-Z]+)$/.exec(address);
          if (column)
            return sheetRange({
              top: 1,
              bottom: 1048576,
              left: columnNumber(column[1]!),
              right: columnNumber(column[2]!),
            });
          const ref = parseReference(address);
          if (!ref) throw new FakeOfficeError("InvalidArgument", `"${address}" is not an address.`);
          return sheetRange(ref.box);
        },
        getRanges: (address: string) => this.areas(resolve, address),
        getCell: (row: number, col: number) =>
          sheetRange({ top: row + 1, left: col + 1, bottom: row + 1, right: col + 1 }),
      },
      children: {
        charts: () => fakeChartCollection(this.kit, resolve),
        shapes: () => fakeShapeCollection(this.kit, resolve),
        pageLayout: () => this.pageLayout(resolve),
        /** Worksheet.horizontalPageBreaks (ExcelApi 1.9): "This collection only contains manual page breaks." */
        horizontalPageBreaks: () =>
          this.object("PageBreakCollection", {
            methods: {
              /** PageBreakCollection.add: "Adds a page break before the top-left cell of the range specified." */
              add: (pageBreakRange: unknown) =>
                this.call(`PageBreakCollection.add ${String(pageBreakRange)}`, 40, true, () => {
                  const ref = typeof pageBreakRange === "string" ? parseReference(pageBreakRange) : null;
                  if (!ref)
                    throw new FakeOfficeError("InvalidArgument", `"${String(pageBreakRange)}" is no range.`);
                  const breaks = resolve().horizontalPageBreaks;
                  if (!breaks.includes(ref.box.top)) breaks.push(ref.box.top);
                }),
              /** PageBreakCollection.removePageBreaks: "Resets all manual page breaks in the collection." */
              removePageBreaks: () =>
                this.call("PageBreakCollection.removePageBreaks", 10, true, () => {
                  resolve().horizontalPageBreaks = [];
                }),
            },
          }),
        freezePanes: () =>
          this.object("WorksheetFreezePanes", {
            methods: {
              freezeRows: (n: number) =>
                this.call("WorksheetFreezePanes.freezeRows", 10, true, () => (resolve().frozenRows = n)),
              unfreeze: () =>
                this.call("WorksheetFreezePanes.unfreeze", 10, true, () => (resolve().frozenRows = 0)),
            },
          }),
      },
    });
  }

  private range(
    resolveSheet: () => FakeSheet,
    boxOrFn:
      | { top: number; left: number; bottom: number; right: number }
      | (() => { top: number; left: number; bottom: number; right: number }),
    exists?: () => boolean,
  ) {
    const box = typeof boxOrFn === "function" ? boxOrFn : () => boxOrFn;
    const grid = <T>(f: (cell: FakeCell | undefined) => T) => {
      const b = box();
      const sheet = resolveSheet();
      return Array.from({ length: b.bottom - b.top + 1 }, (_, r) =>
        Array.from({ length: b.right - b.left + 1 }, (_, c) =>
          f(sheet.cells.get(key(b.top - 1 + r, b.left - 1 + c))),
        ),
      );
    };
    const address = () => `'${resolveSheet().name.replace(/'/g, "''")}'!${boxA1(box())}`;
    const shapeOf = (v: unknown): string =>
      Array.isArray(v)
        ? `${v.length}x${Array.isArray(v[0]) ? (v[0] as unknown[]).length : "?"}`
        : "not a 2-D array";
    const checkShape = (v: unknown) => {
      const b = box();
      const want = `${b.bottom - b.top + 1}x${b.right - b.left + 1}`;
      if (shapeOf(v) !== want)
        throw new FakeOfficeError(
          "InvalidArgument",
          `A ${shapeOf(v)} array does not fit the ${want} range ${address()}.`,
        );
    };
    const write = (rows: unknown[][], f: (k: string, v: unknown) => void) => {
      const b = box();
      rows.forEach((row, r) => row.forEach((v, c) => f(key(b.top - 1 + r, b.left - 1 + c), v)));
    };
    /** A link on one cell: its `textToDisplay` becomes the cell's value. */
    const setHyperlink = (row: number, col: number, link: FakeHyperlink) => {
      if (typeof link !== "object" || link === null || (!link.address && !link.documentReference))
        throw new FakeOfficeError("InvalidArgument", "A hyperlink needs an address or a document reference.");
      const sheet = resolveSheet();
      sheet.hyperlinks.set(boxA1({ top: row, left: col, bottom: row, right: col }), { ...link });
      if (link.textToDisplay !== undefined) {
        const k = key(row - 1, col - 1);
        const format = sheet.cells.get(k)?.format ?? "General";
        sheet.cells.set(k, { value: link.textToDisplay, type: "String", format });
      }
    };
    /** What typing each value into its cell does (Range.values and Range.formulas alike). */
    const writeTyped = (v: unknown) => {
      checkShape(v);
      const sheet = resolveSheet();
      write(v as unknown[][], (k, value) => {
        if (value === null) return;
        const format = sheet.cells.get(k)?.format ?? "General";
        if (value === "") {
          if (format === "General") sheet.cells.delete(k);
          else sheet.cells.set(k, { value: "", type: "String", format });
        } else if (typeof value === "string" && value.startsWith("'"))
          sheet.cells.set(k, { value: value.slice(1), type: "String", format });
        else if (
          typeof value === "string" &&
          /^[=+-]/.test(value) &&
          value.length > 1 &&
          Number.isNaN(Number(value))
        )
          sheet.cells.set(k, { value: `FORMULA ${value}`, type: "String", format });
        else if (typeof value === "number") sheet.cells.set(k, { value, type: "Double", format });
        else if (typeof value === "boolean") sheet.cells.set(k, { value, type: "Boolean", format });
        else sheet.cells.set(k, { value: String(value), type: "String", format });
      });
    };
    return this.object("Range", {
      ...(exists ? { exists } : {}),
      check: () => void resolveSheet(),
      props: {
        address: { read: address },
        rowIndex: { read: () => box().top - 1 },
        columnIndex: { read: () => box().left - 1 },
        rowCount: { read: () => box().bottom - box().top + 1 },
        columnCount: { read: () => box().right - box().left + 1 },
        valueTypes: { read: () => grid((c) => c?.type ?? "Empty") },
        /** Range.formulas: written as typed, like Range.values (a constant stays a constant). */
        formulas: {
          read: () =>
            grid((c) =>
              typeof c?.value === "string" && c.value.startsWith("FORMULA ")
                ? c.value.slice(8)
                : (c?.value ?? ""),
            ),
          write: (v) => writeTyped(v),
        },
        /**
         * Range.values: "If the returned value starts with a plus ("+"), minus ("-"), or equal
         * sign ("="), Excel interprets this value as a formula." A leading apostrophe keeps text.
         * A null leaves a cell as it is; "" empties it.
         */
        values: {
          read: () =>
            grid((c) =>
              typeof c?.value === "string" && c.value.startsWith("FORMULA ") ? 0 : (c?.value ?? ""),
            ),
          write: (v) => writeTyped(v),
        },
        /** Range.rowHidden: "Represents if all rows in the current range are hidden." */
        rowHidden: {
          read: () => {
            const b = box();
            for (let r = b.top; r <= b.bottom; r++) if (!resolveSheet().hiddenRows.has(r)) return false;
            return true;
          },
          write: (v) => {
            const b = box();
            const hidden = resolveSheet().hiddenRows;
            for (const r of [...hidden]) if (r >= b.top && r <= b.bottom && !v) hidden.delete(r);
            if (v) for (let r = b.top; r <= Math.min(b.bottom, b.top + 10000); r++) hidden.add(r);
          },
        },
        /**
         * Range.hyperlink (RangeHyperlink): `address` "the URL target", `documentReference` "the
         * document reference target", `textToDisplay` "the string that is displayed in the top left
         * most cell in the range", which becomes the cell's value.
         */
        hyperlink: {
          read: () => resolveSheet().hyperlinks.get(boxA1(box())) ?? null,
          write: (v) => setHyperlink(box().top, box().left, v as FakeHyperlink),
        },
        numberFormat: {
          read: () => grid((c) => c?.format ?? "General"),
          write: (v) => {
            checkShape(v);
            const sheet = resolveSheet();
            write(v as unknown[][], (k, f) => {
              if (f === null) return;
              sheet.cells.set(k, {
                ...(sheet.cells.get(k) ?? { value: "", type: "String" }),
                format: String(f),
              });
            });
          },
        },
      },
      methods: {
        /**
         * Range.group: "An `InvalidArgument` error is thrown when the group option differs from the
         * range's `isEntireRow` or `isEntireColumn` property". Each call deepens its rows by one
         * level; Excel's outline has eight levels at most.
         */
        group: (option: string) =>
          this.call(`Range.group ${option} ${boxA1(box())}`, 20, true, () => {
            const b = box();
            const entireRow = b.left === 1 && b.right === 16384;
            if (option !== "ByRows" || !entireRow)
              throw new FakeOfficeError("InvalidArgument", `${boxA1(b)} cannot be grouped ${option}.`);
            const outline = resolveSheet().rowOutline;
            for (let r = b.top; r <= b.bottom; r++) {
              const level = (outline.get(r) ?? 0) + 1;
              if (level > 8)
                throw new FakeOfficeError("InvalidOperation", "Outlines have at most eight levels.");
              outline.set(r, level);
            }
          }),
        /**
         * Range.ungroup "removes the outermost level from the outline". Where no row of the range is
         * grouped the reference says nothing; the fake fails there, as Excel's Range.Ungroup does in
         * VBA ("Ungroup method of Range class failed"), the stricter of the two possibilities.
         */
        ungroup: (option: string) =>
          this.call(`Range.ungroup ${option} ${boxA1(box())}`, 20, true, () => {
            const b = box();
            const outline = resolveSheet().rowOutline;
            const grouped = [...outline.keys()].filter((r) => r >= b.top && r <= b.bottom);
            if (option !== "ByRows" || grouped.length === 0)
              throw new FakeOfficeError("InvalidArgument", `Nothing in ${boxA1(b)} is grouped ${option}.`);
            for (const r of grouped) {
              const level = outline.get(r)! - 1;
              if (level === 0) outline.delete(r);
              else outline.set(r, level);
            }
          }),
        select: () => this.call("Range.select", 10, false, () => this.selected.push(address())),
        /**
         * Range.setCellProperties: "Updates the range based on a 2D array of cell properties"; the
         * array is the range's shape. The fake models the hyperlink property (as Range.hyperlink);
         * a cell given no property is left as it is.
         */
        setCellProperties: (properties: { hyperlink?: FakeHyperlink }[][]) =>
          this.call("Range.setCellProperties", size(properties), true, () => {
            checkShape(properties);
            const b = box();
            properties.forEach((row, r) =>
              row.forEach((cell, c) => {
                const unknown = Object.keys(cell).filter((k) => k !== "hyperlink");
                if (unknown.length)
                  throw new Error(`the fake does not model cell properties ${unknown.join(", ")}`);
                if (cell.hyperlink) setHyperlink(b.top + r, b.left + c, cell.hyperlink);
              }),
            );
          }),
        /** Range.clear(applyTo): "All" (the default) or "Formats", which leaves the values. */
        clear: (applyTo: "All" | "Formats" = "All") =>
          this.call("Range.clear", 10, true, () => {
            const b = box();
            const sheet = resolveSheet();
            for (const [k, cell] of [...sheet.cells.entries()]) {
              const [r, c] = k.split(",").map(Number) as [number, number];
              if (r + 1 < b.top || r + 1 > b.bottom || c + 1 < b.left || c + 1 > b.right) continue;
              if (applyTo === "Formats") cell.format = "General";
              else sheet.cells.delete(k);
            }
            if (b.top === 1 && b.left === 1 && b.bottom === 1048576 && b.right === 16384) {
              sheet.styled.clear();
              if (applyTo === "Formats") return;
              sheet.rules = [];
              sheet.hyperlinks.clear();
            }
          }),
        /**
         * Range.getDirectPrecedents: "Throws an `ItemNotFound` error if no precedents are found."
         */
        getDirectPrecedents: () => {
          const precedents = () => {
            const formula = resolveSheet().cells.get(key(box().top - 1, box().left - 1))?.value;
            if (typeof formula !== "string" || !formula.startsWith("FORMULA ") || !/[A-Z]+\d+/.test(formula))
              throw new FakeOfficeError("ItemNotFound", "No precedents were found.");
          };
          this.call("Range.getDirectPrecedents", 10, false, precedents);
          return this.object("WorkbookRangeAreas", {
            children: {
              areas: () =>
                this.object("RangeAreasCollection", {
                  methods: {
                    getItemAt: () =>
                      this.object("RangeAreas", {
                        methods: {
                          select: () =>
                            this.call("RangeAreas.select", 10, false, () =>
                              this.selected.push(`inputs of ${address()}`),
                            ),
                        },
                        children: {
                          areas: () =>
                            this.object("RangeCollection", {
                              methods: {
                                getItemAt: () =>
                                  this.object("Range", {
                                    methods: {
                                      select: () =>
                                        this.call("Range.select", 10, false, () =>
                                          this.selected.push(`first input area of ${address()}`),
                                        ),
                                    },
                                  }),
                              },
                            }),
                        },
                      }),
                  },
                }),
            },
          });
        },
        __where: () => ({ sheet: resolveSheet(), address: boxA1(box(), true) }),
      },
      children: {
        format: () => this.rangeFormat(resolveSheet, () => boxA1(box())),
        conditionalFormats: () => this.conditionalFormats(resolveSheet, () => boxA1(box())),
      },
    });
  }

  private areas(resolveSheet: () => FakeSheet, address: string) {
    return this.object("RangeAreas", {
      methods: {
        select: () => this.call("RangeAreas.select", 10, false, () => this.selected.push(address)),
      },
      children: {
        format: () => this.rangeFormat(resolveSheet, () => address),
        conditionalFormats: () => this.conditionalFormats(resolveSheet, () => address),
      },
    });
  }

  private rangeFormat(resolveSheet: () => FakeSheet, address: () => string) {
    const style = (name: string) => ({
      read: () => resolveSheet().styled.get(address())?.[name],
      write: (v: unknown) => {
        const sheet = resolveSheet();
        sheet.styled.set(address(), { ...(sheet.styled.get(address()) ?? {}), [name]: v });
      },
    });
    return this.object("RangeFormat", {
      props: {
        columnWidth: {
          read: () => 0,
          write: (v) => {
            const [from, to] = address()
              .split(":")
              .map((a) => columnNumber(a.replace(/[^A-Z]/g, "")));
            for (let c = from!; c <= (to ?? from)!; c++) resolveSheet().columnWidths.set(c, Number(v));
          },
        },
        indentLevel: style("indent"),
        horizontalAlignment: style("align"),
        wrapText: style("wrap"),
      },
      children: {
        font: () =>
          this.object("RangeFont", {
            props: {
              bold: style("bold"),
              italic: style("italic"),
              underline: style("underline"),
              color: style("color"),
              size: style("size"),
            },
          }),
        fill: () => this.object("RangeFill", { props: { color: style("fill") } }),
        borders: () =>
          this.object("RangeBorderCollection", {
            methods: {
              getItem: (edge: string) =>
                this.object("RangeBorder", { props: { style: style(`border${edge}`) } }),
            },
          }),
      },
    });
  }

  /** Worksheet.pageLayout (ExcelApi 1.9): what a test can read back of the print setup. */
  private pageLayout(resolveSheet: () => FakeSheet) {
    const layout = () => resolveSheet().pageLayout;
    const rowsOnly = /^\$?\d+:\$?\d+$/;
    const part = (name: string) => ({
      read: () => layout().headersFooters[name] ?? "",
      write: (v: unknown) => (layout().headersFooters[name] = String(v)),
    });
    return this.object("PageLayout", {
      props: {
        orientation: {
          read: () => layout().orientation ?? "Portrait",
          write: (v) => {
            if (v !== "Portrait" && v !== "Landscape")
              throw new FakeOfficeError("InvalidArgument", `"${String(v)}" is no page orientation.`);
            layout().orientation = v;
          },
        },
        /**
         * PageLayout.zoom: "The `PageLayoutZoomOptions` object must be set as a JSON object (use
         * `x.zoom = {...}` instead of `x.zoom.scale = ...`)."
         */
        zoom: {
          read: () => layout().zoom ?? { scale: 100 },
          write: (v) => {
            if (typeof v !== "object" || v === null)
              throw new FakeOfficeError("InvalidArgument", "zoom must be set as a JSON object.");
            layout().zoom = { ...(v as Record<string, unknown>) };
          },
        },
      },
      methods: {
        setPrintArea: (area: string) =>
          this.call(`PageLayout.setPrintArea ${area}`, area.length, true, () => {
            if (!parseReference(area)) throw new FakeOfficeError("InvalidArgument", `"${area}" is no range.`);
            layout().printArea = area;
          }),
        /** PageLayout.setPrintTitleRows: "The range must span the entire row to be valid." */
        setPrintTitleRows: (rows: string) =>
          this.call(`PageLayout.setPrintTitleRows ${rows}`, rows.length, true, () => {
            if (!rowsOnly.test(rows))
              throw new FakeOfficeError("InvalidArgument", `"${rows}" does not span entire rows.`);
            layout().printTitleRows = rows;
          }),
      },
      children: {
        headersFooters: () =>
          this.object("HeaderFooterGroup", {
            children: {
              defaultForAllPages: () =>
                this.object("HeaderFooter", {
                  props: {
                    leftHeader: part("leftHeader"),
                    centerHeader: part("centerHeader"),
                    rightHeader: part("rightHeader"),
                    leftFooter: part("leftFooter"),
                    centerFooter: part("centerFooter"),
                    rightFooter: part("rightFooter"),
                  },
                }),
            },
          }),
      },
    });
  }

  private conditionalFormats(resolveSheet: () => FakeSheet, address: () => string) {
    return this.object("ConditionalFormatCollection", {
      items: () =>
        resolveSheet()
          .rules.filter((rule) => rangesMeet(rule.address, address()))
          .map((rule) => this.conditionalFormat(resolveSheet, () => rule)),
      methods: {
        add: (type: string) => {
          const rule: FakeRule = { type, address: address(), formula: "", fill: "", color: "" };
          this.call(`ConditionalFormatCollection.add ${type}`, address().length, true, () =>
            resolveSheet().rules.push(rule),
          );
          return this.conditionalFormat(resolveSheet, () => rule);
        },
      },
    });
  }

  private conditionalFormat(resolveSheet: () => FakeSheet, resolve: () => FakeRule) {
    const custom = () =>
      this.object("CustomConditionalFormat", {
        children: {
          rule: () =>
            this.object("ConditionalFormatRule", {
              props: {
                formula: {
                  read: () => `=${resolve().formula}`,
                  write: (v) => (resolve().formula = String(v).replace(/^=/, "")),
                },
              },
            }),
          format: () =>
            this.object("ConditionalRangeFormat", {
              children: {
                fill: () =>
                  this.object("ConditionalRangeFill", {
                    props: {
                      color: { read: () => resolve().fill, write: (v) => (resolve().fill = String(v)) },
                    },
                  }),
                font: () =>
                  this.object("ConditionalRangeFont", {
                    props: {
                      color: { read: () => resolve().color, write: (v) => (resolve().color = String(v)) },
                    },
                  }),
              },
            }),
        },
      });
    return this.object("ConditionalFormat", {
      props: { type: { read: () => resolve().type } },
      methods: {
        delete: () =>
          this.call("ConditionalFormat.delete", 10, true, () => {
            const sheet = resolveSheet();
            sheet.rules = sheet.rules.filter((r) => r !== resolve());
          }),
      },
      children: { custom, customOrNullObject: custom },
    });
  }
}

/** Whether two A1 addresses (areas separated by commas) share a cell. */
function rangesMeet(a: string, b: string): boolean {
  const boxes = (s: string) =>
    s.split(",").map((part) => {
      const whole = /^([A-Z]+):([A-Z]+)$/.exec(part);
      if (whole)
        return { top: 1, bottom: 1048576, left: columnNumber(whole[1]!), right: columnNumber(whole[2]!) };
      return parseReference(part)!.box;
    });
  return boxes(a).some((x) =>
    boxes(b).some((y) => x.top <= y.bottom && y.top <= x.bottom && x.left <= y.right && y.left <= x.right),
  );
}
