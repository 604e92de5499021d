/**
 * A small validator of JSON documents, for the stored scorecard definition (model/definition.ts):
 * types, checks, defaults and the paths of problems, and nothing else. It replaced zod (ADR 20):
 * the definition is a few dozen fields, and zod's mini build was 9.5 KB gzipped of the pane's
 * first load for it. Its sentences are zod's English ones ("Invalid input: expected string,
 * received undefined"), word for word, so that a user reads what they read before; a property
 * test (test/model/definitionSchema.test.ts) holds it to zod's results on random documents.
 */

export type PathKey = string | number;

/** One problem of a document: where (the keys down to the value) and what, as a sentence. */
export interface SchemaIssue {
  readonly path: readonly PathKey[];
  readonly message: string;
}

/** Reads a value at `path`: the value it gives (defaults applied, text trimmed), problems pushed. */
type Reader<T> = (value: unknown, path: readonly PathKey[], issues: SchemaIssue[]) => T;

export interface Schema<T> {
  readonly read: Reader<T>;
  /** A field that may be absent from its object (its key then left out of what is read). */
  readonly optional?: true;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = {
  [K in keyof S]: S[K] extends { optional: true } ? K : never;
}[keyof S];
type Flat<T> = { [K in keyof T]: T[K] };
type ObjectOf<S extends Shape> = Flat<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & {
    [K in OptionalKeys<S>]?: Infer<S[K]>;
  }
>;

export type SafeParse<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly issues: readonly SchemaIssue[] };

/** Reads a whole document: its value, or every problem found, in the order of the fields. */
export function safeParse<T>(schema: Schema<T>, value: unknown): SafeParse<T> {
  const issues: SchemaIssue[] = [];
  const data = schema.read(value, [], issues);
  return issues.length === 0 ? { success: true, data } : { success: false, issues };
}

/** Reads a document that must be valid (one the add-in built itself); throws where it is not. */
export function parse<T>(schema: Schema<T>, value: unknown): T {
  const read = safeParse(schema, value);
  if (!read.success) throw new Error(read.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  return read.data;
}

/** What a value is, as the sentences name it: "undefined", "null", "array", "NaN", "number". */
function received(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number" && Number.isNaN(value)) return "NaN";
  if (typeof value === "number" && !Number.isFinite(value)) return "Infinity";
  return typeof value;
}

const wrongType = (expected: string, value: unknown): string =>
  `Invalid input: expected ${expected}, received ${received(value)}`;

/** A check on a value of the right type: the value it passes on (trimmed text), problems pushed. */
export type Check<T> = (value: T, path: readonly PathKey[], issues: SchemaIssue[]) => T;

function withChecks<T>(
  checks: readonly Check<T>[],
  value: T,
  path: readonly PathKey[],
  issues: SchemaIssue[],
): T {
  // Every check runs, on what the one before passed on, as zod's do: a name is trimmed, then measured.
  return checks.reduce((current, check) => check(current, path, issues), value);
}

export function string(...checks: Check<string>[]): Schema<string> {
  return {
    read: (value, path, issues) => {
      if (typeof value !== "string") {
        issues.push({ path, message: wrongType("string", value) });
        return value as string;
      }
      return withChecks(checks, value, path, issues);
    },
  };
}

export const trim: Check<string> = (value) => value.trim();

export const minLength =
  (least: number): Check<string> =>
  (value, path, issues) => {
    if (value.length < least) {
      issues.push({ path, message: `Too small: expected string to have >=${least} characters` });
    }
    return value;
  };

export const pattern =
  (regex: RegExp, message: string): Check<string> =>
  (value, path, issues) => {
    if (!regex.test(value)) issues.push({ path, message });
    return value;
  };

/** A check stated by a rule that gives its reason, or null where the value keeps it. */
export const rule =
  <T>(problem: (value: T) => string | null): Check<T> =>
  (value, path, issues) => {
    const why = problem(value);
    if (why) issues.push({ path, message: why });
    return value;
  };

export function number(...checks: Check<number>[]): Schema<number> {
  return {
    read: (value, path, issues) => {
      if (typeof value !== "number" || !Number.isFinite(value)) {
        issues.push({ path, message: wrongType("number", value) });
        return value as number;
      }
      return withChecks(checks, value, path, issues);
    },
  };
}

/** A whole number, within JavaScript's safe integers (beyond them, each bound is said). */
export function int(...checks: Check<number>[]): Schema<number> {
  return {
    read: (value, path, issues) => {
      // Not a number at all is said as zod says it: "expected number"; a fraction, "expected int".
      if (typeof value !== "number" || Number.isNaN(value)) {
        issues.push({ path, message: wrongType("number", value) });
        return value as number;
      }
      if (!Number.isInteger(value)) {
        issues.push({ path, message: wrongType("int", value) });
        return value;
      }
      if (value > Number.MAX_SAFE_INTEGER) {
        issues.push({ path, message: `Too big: expected int to be <=${Number.MAX_SAFE_INTEGER}` });
      } else if (value < Number.MIN_SAFE_INTEGER) {
        issues.push({ path, message: `Too small: expected int to be >=${Number.MIN_SAFE_INTEGER}` });
      }
      return withChecks(checks, value, path, issues);
    },
  };
}

export const minimum =
  (least: number): Check<number> =>
  (value, path, issues) => {
    if (value < least) issues.push({ path, message: `Too small: expected number to be >=${least}` });
    return value;
  };

export const maximum =
  (most: number): Check<number> =>
  (value, path, issues) => {
    if (value > most) issues.push({ path, message: `Too big: expected number to be <=${most}` });
    return value;
  };

export function boolean(): Schema<boolean> {
  return {
    read: (value, path, issues) => {
      if (typeof value !== "boolean") issues.push({ path, message: wrongType("boolean", value) });
      return value as boolean;
    },
  };
}

export function literal<const T extends number>(expected: T): Schema<T> {
  return {
    read: (value, path, issues) => {
      if (value !== expected) issues.push({ path, message: `Invalid input: expected ${expected}` });
      return value as T;
    },
  };
}

export function oneOf<const T extends readonly string[]>(options: T): Schema<T[number]> {
  const allowed: ReadonlySet<unknown> = new Set(options);
  const listed = options.map((o) => JSON.stringify(o)).join("|");
  return {
    read: (value, path, issues) => {
      if (!allowed.has(value)) issues.push({ path, message: `Invalid option: expected one of ${listed}` });
      return value as T[number];
    },
  };
}

/** A field that may be absent: undefined then. */
export function optional<T>(schema: Schema<T>): Schema<T | undefined> & { readonly optional: true } {
  return {
    optional: true,
    read: (value, path, issues) => (value === undefined ? undefined : schema.read(value, path, issues)),
  };
}

export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  return { read: (value, path, issues) => (value === null ? null : schema.read(value, path, issues)) };
}

/** A field that may be absent: `fallback()` then, a new value each time (never a shared array). */
export function withDefault<T>(schema: Schema<T>, fallback: () => NoInfer<T>): Schema<T> {
  return {
    read: (value, path, issues) => (value === undefined ? fallback() : schema.read(value, path, issues)),
  };
}

export function array<T>(item: Schema<T>): Schema<T[]> {
  return {
    read: (value, path, issues) => {
      if (!Array.isArray(value)) {
        issues.push({ path, message: wrongType("array", value) });
        return value as T[];
      }
      return value.map((element: unknown, i) => item.read(element, [...path, i], issues));
    },
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** An object of known fields, in their order; fields it does not know are left out of what is read. */
export function object<S extends Shape>(shape: S): Schema<ObjectOf<S>> {
  const keys = Object.keys(shape);
  return {
    read: (value, path, issues) => {
      if (!isRecord(value)) {
        issues.push({ path, message: wrongType("object", value) });
        return value as ObjectOf<S>;
      }
      const read: Record<string, unknown> = {};
      for (const key of keys) {
        const field = shape[key]!.read(value[key], [...path, key], issues);
        if (field !== undefined || Object.hasOwn(value, key)) read[key] = field;
      }
      return read as ObjectOf<S>;
    },
  };
}

/** An object whose keys are some of `keys`, each with a value of one schema; another key is a problem. */
export function someOf<const K extends readonly string[], V>(
  keys: K,
  item: Schema<V>,
): Schema<Partial<Record<K[number], V>>> {
  const known: ReadonlySet<string> = new Set(keys);
  return {
    read: (value, path, issues) => {
      if (!isRecord(value)) {
        issues.push({ path, message: wrongType("record", value) });
        return value as Partial<Record<K[number], V>>;
      }
      const read: Record<string, V> = {};
      for (const key of keys) {
        if (Object.hasOwn(value, key)) read[key] = item.read(value[key], [...path, key], issues);
      }
      // JSON.parse makes "__proto__" an own key; zod leaves it unsaid, and so does this.
      const unknown = Object.keys(value).filter((k) => !known.has(k) && k !== "__proto__");
      if (unknown.length > 0) {
        const listed = unknown.map((k) => JSON.stringify(k)).join(", ");
        issues.push({ path, message: `Unrecognized key${unknown.length > 1 ? "s" : ""}: ${listed}` });
      }
      return read as Partial<Record<K[number], V>>;
    },
  };
}
