/**
 * A small evaluator for the subset of Excel formulas the traffic-light rules use, with Excel's
 * semantics for blanks, text comparison (case-insensitive), error propagation and lazy IF. It
 * lets tests check that a rule colours a row exactly as the engine scores it.
 */
import type { CellValue } from "../../src/model/snapshot";
import { columnNumber } from "../../src/model/address";

type Value = number | string | boolean | null | { error: string };
const isError = (v: Value): v is { error: string } => typeof v === "object" && v !== null;

type Node =
  | { kind: "num"; value: number }
  | { kind: "str"; value: string }
  | { kind: "ref"; col: number; row: number }
  | { kind: "call"; name: string; args: Node[] }
  | { kind: "unary"; op: string; arg: Node }
  | { kind: "binary"; op: string; left: Node; right: Node };

function tokenize(src: string): string[] {
  const tokens: string[] = [];
  const re =
    /\s*("(?:[^"]|"")*"|\$?[A-Z]{1,3}\$?\d+|[A-Z][A-Z0-9.]*(?=\()|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|<=|>=|<>|[-+*/=<>(),])/gy;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < src.length && (m = re.exec(src))) {
    tokens.push(m[1]!);
    at = re.lastIndex;
  }
  if (at !== src.length) throw new Error(`cannot read formula at ${at}: ${src.slice(at, at + 20)}`);
  return tokens;
}

export function parseFormula(src: string): Node {
  const tokens = tokenize(src);
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++]!;
  const expect = (t: string) => {
    if (next() !== t) throw new Error(`expected ${t}`);
  };
  const comparison = (): Node => {
    let left = additive();
    while (["=", "<>", "<", "<=", ">", ">="].includes(peek() ?? ""))
      left = { kind: "binary", op: next(), left, right: additive() };
    return left;
  };
  const additive = (): Node => {
    let left = multiplicative();
    while (peek() === "+" || peek() === "-")
      left = { kind: "binary", op: next(), left, right: multiplicative() };
    return left;
  };
  const multiplicative = (): Node => {
    let left = unary();
    while (peek() === "*" || peek() === "/") left = { kind: "binary", op: next(), left, right: unary() };
    return left;
  };
  const unary = (): Node => (peek() === "-" ? (next(), { kind: "unary", op: "-", arg: unary() }) : primary());
  const primary = (): Node => {
    const t = next();
    if (t === "(") {
      const e = comparison();
      expect(")");
      return e;
    }
    if (t.startsWith('"')) return { kind: "str", value: t.slice(1, -1).replace(/""/g, '"') };
    if (/^\d/.test(t)) return { kind: "num", value: Number(t) };
    const ref = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(t);
    if (ref && peek() !== "(") return { kind: "ref", col: columnNumber(ref[1]!), row: Number(ref[2]) };
    expect("(");
    const args: Node[] = [];
    if (peek() !== ")") {
      args.push(comparison());
      while (peek() === ",") {
        next();
        args.push(comparison());
      }
    }
    expect(")");
    return { kind: "call", name: t, args };
  };
  const node = comparison();
  if (i !== tokens.length) throw new Error("trailing tokens");
  return node;
}

const typeRank = (v: Value): number =>
  typeof v === "number" || v === null ? 0 : typeof v === "string" ? 1 : 2;

/**
 * Numbers equal to about 15 digits are equal in a spreadsheet (LibreOffice's rtl::math::approxEqual,
 * as SCORING.md "Comparisons" states it): |x − y| ≤ 2⁻⁴⁸ · max(|x|, |y|).
 */
const spreadsheetEqual = (x: number, y: number): boolean =>
  x === y || Math.abs(x - y) <= 2 ** -48 * Math.max(Math.abs(x), Math.abs(y));

function compare(a: Value, b: Value): number {
  const x = a === null ? (typeof b === "string" ? "" : 0) : a;
  const y = b === null ? (typeof a === "string" ? "" : 0) : b;
  if (typeRank(x) !== typeRank(y)) return typeRank(x) - typeRank(y);
  if (typeof x === "string") return x.toLowerCase().localeCompare((y as string).toLowerCase());
  return spreadsheetEqual(Number(x), Number(y)) ? 0 : Number(x) - Number(y);
}

const toNumber = (v: Value): number | { error: string } => {
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (isError(v)) return v;
  return { error: "#VALUE!" };
};

/** Evaluates a parsed formula for the row `row`, where the formula was written for `anchorRow`. */
export function evaluateFormula(
  node: Node,
  cell: (row: number, col: number) => CellValue,
  row: number,
  anchorRow: number,
): Value {
  const ev = (n: Node): Value => {
    switch (n.kind) {
      case "num":
        return n.value;
      case "str":
        return n.value;
      case "ref": {
        const v = cell(n.row - anchorRow + row, n.col);
        if (typeof v === "object" && v !== null) return "error" in v ? { error: v.error } : v.date;
        return v;
      }
      case "unary": {
        const x = toNumber(ev(n.arg));
        return isError(x as Value) ? (x as Value) : -(x as number);
      }
      case "binary": {
        const a = ev(n.left);
        const b = ev(n.right);
        if (isError(a)) return a;
        if (isError(b)) return b;
        if (["+", "-", "*", "/"].includes(n.op)) {
          const x = toNumber(a);
          const y = toNumber(b);
          if (typeof x !== "number") return x;
          if (typeof y !== "number") return y;
          if (n.op === "/" && y === 0) return { error: "#DIV/0!" };
          // LibreOffice's approxAdd / approxSub: a sum of two numbers that cancel to 15 digits is 0.
          if (n.op === "+") return spreadsheetEqual(x, -y) ? 0 : x + y;
          if (n.op === "-") return spreadsheetEqual(x, y) ? 0 : x - y;
          return n.op === "*" ? x * y : x / y;
        }
        const c = compare(a, b);
        return { "=": c === 0, "<>": c !== 0, "<": c < 0, "<=": c <= 0, ">": c > 0, ">=": c >= 0 }[n.op]!;
      }
      case "call": {
        const args = n.args;
        switch (n.name) {
          case "IF": {
            const test = ev(args[0]!);
            if (isError(test)) return test;
            return test ? ev(args[1]!) : ev(args[2]!);
          }
          case "AND":
          case "OR": {
            const values = args.map(ev);
            const error = values.find(isError);
            if (error) return error;
            const truth = values
              .map((v) => (typeof v === "string" ? null : Boolean(v)))
              .filter((v) => v !== null);
            return n.name === "AND" ? truth.every(Boolean) : truth.some(Boolean);
          }
          case "ISNUMBER":
            return typeof ev(args[0]!) === "number";
          case "ISBLANK":
            return ev(args[0]!) === null;
          case "ABS": {
            const x = toNumber(ev(args[0]!));
            return typeof x === "number" ? Math.abs(x) : x;
          }
          case "TRIM": {
            const v = ev(args[0]!);
            if (isError(v)) return v;
            return String(v ?? "")
              .trim()
              .replace(/ +/g, " ");
          }
          case "N": {
            const v = ev(args[0]!);
            return typeof v === "number" ? v : v === true ? 1 : isError(v) ? v : 0;
          }
          default:
            throw new Error(`function ${n.name} is not known to the test evaluator`);
        }
      }
    }
  };
  return ev(node);
}

/** What a conditional-format rule does with its formula's result: only TRUE (or a non-zero number) applies. */
export const ruleApplies = (v: Value): boolean => v === true || (typeof v === "number" && v !== 0);
