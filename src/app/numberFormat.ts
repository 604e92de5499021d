/**
 * Numbers shown as their source cell shows them: the cell's Excel number format code (percent,
 * currency, thousands separators, decimals, scaling by trailing commas, sections for negatives)
 * turned into text with Intl.NumberFormat. Each distinct format is compiled once and cached, so a
 * scorecard of thousands of KPIs builds a handful of formatters, not thousands. A time of day or
 * a duration (h:mm AM/PM, [h]:mm:ss, mm:ss.0) is drawn as Excel draws it; dates, fractions and
 * text fall back to the general style.
 */

import { generalNumberFormatter } from "../engine/numberText";
import { numberFormatKind } from "../model/numberFormat";

export type NumberFormatter = (value: number) => string;

/** One section of a format code, compiled. */
interface Section {
  readonly prefix: string;
  readonly suffix: string;
  /** Multiplies the value: 100 per "%", 1/1000 per trailing ",". */
  readonly scale: number;
  readonly format: Intl.NumberFormat;
  /** Digits of the exponent ("0.00E+00" has two); null without one. */
  readonly exponentDigits: number | null;
  readonly fractionDigits: number;
}

/** A section that shows text only, such as a zero section written "nil" or "-". */
type Shown = Section | { readonly constant: string } | TimeSection;

/** A time of day or a duration (h:mm, [h]:mm:ss, mm:ss.0): drawn from the number of days. */
interface TimeSection {
  readonly time: (days: number) => string;
}

type TimePart =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "h" | "m" | "s"; readonly width: number; readonly elapsed: boolean }
  | { readonly kind: "ampm"; readonly am: string; readonly pm: string }
  | { readonly kind: "fraction"; readonly digits: number };

const SECONDS_PER_DAY = 86400;

/** The parts of a time section, left to right: codes, and the literal text between them. */
function timeParts(section: string): TimePart[] {
  const parts: TimePart[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i] as string;
    const rest = section.slice(i);
    const run = /^(h+|m+|s+)/i.exec(rest)?.[0];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      parts.push({ kind: "text", text: section.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? section.length : end;
    } else if (ch === "\\") {
      parts.push({ kind: "text", text: section[i + 1] ?? "" });
      i++;
    } else if (ch === "_") {
      parts.push({ kind: "text", text: " " });
      i++;
    } else if (ch === "*") {
      i++;
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      const inside = section.slice(i + 1, end < 0 ? undefined : end);
      if (/^(h+|m+|s+)$/i.test(inside))
        parts.push({ kind: inside[0]!.toLowerCase() as "h", width: inside.length, elapsed: true });
      i = end < 0 ? section.length : end;
    } else if (/^am\/pm/i.test(rest)) {
      parts.push({ kind: "ampm", am: "AM", pm: "PM" });
      i += 4;
    } else if (/^a\/p/i.test(rest)) {
      // a/p shows a or p, A/P shows A or P.
      parts.push({ kind: "ampm", am: rest[0] as string, pm: rest[2] as string });
      i += 2;
    } else if (run) {
      parts.push({ kind: run[0]!.toLowerCase() as "h", width: run.length, elapsed: false });
      i += run.length - 1;
    } else if (ch === "." && parts.at(-1)?.kind === "s" && /^\.0+/.test(rest)) {
      const digits = (/^\.(0+)/.exec(rest)?.[1] ?? "").length;
      parts.push({ kind: "fraction", digits });
      i += digits;
    } else parts.push({ kind: "text", text: ch });
  }
  return parts;
}

/** A time section as Excel draws it: the day's clock (or the whole duration, for [h], [mm], [ss]), rounded to its last digit. */
function compileTime(section: string): TimeSection {
  const parts = timeParts(section);
  const digits = Math.min(3, Math.max(0, ...parts.map((p) => (p.kind === "fraction" ? p.digits : 0))));
  const twelveHour = parts.some((p) => p.kind === "ampm");
  const elapsed = parts.find((p) => (p.kind === "h" || p.kind === "m" || p.kind === "s") && p.elapsed);
  return {
    time: (days) => {
      const total = Math.round(days * SECONDS_PER_DAY * 10 ** digits) / 10 ** digits;
      const whole = Math.floor(total);
      const fraction = total.toFixed(digits).split(".")[1] ?? "";
      const hours = Math.floor(whole / 3600);
      const value = {
        h: elapsed?.kind === "h" ? hours : hours % 24,
        m: elapsed?.kind === "m" ? Math.floor(whole / 60) : Math.floor(whole / 60) % 60,
        s: elapsed?.kind === "s" ? whole : whole % 60,
      };
      if (twelveHour) value.h = value.h % 12 || 12;
      return parts
        .map((p) => {
          if (p.kind === "text") return p.text;
          if (p.kind === "ampm") return hours % 24 < 12 ? p.am : p.pm;
          if (p.kind === "fraction") return `.${fraction.slice(0, p.digits).padEnd(p.digits, "0")}`;
          const n = value[p.kind];
          return p.elapsed
            ? String(n).padStart(p.width, "0")
            : p.width >= 2
              ? String(n).padStart(2, "0")
              : String(n);
        })
        .join("");
    },
  };
}

const CACHE_LIMIT = 500;
const cache = new Map<string, NumberFormatter>();

/** A section's characters with literals unwrapped: each character marked as literal text or code. */
function tokens(section: string): { ch: string; literal: boolean }[] {
  const out: { ch: string; literal: boolean }[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i] as string;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const text = section.slice(i + 1, end < 0 ? undefined : end);
      for (const c of text) out.push({ ch: c, literal: true });
      i = end < 0 ? section.length : end;
    } else if (ch === "\\") {
      out.push({ ch: section[i + 1] ?? "", literal: true });
      i++;
    } else if (ch === "_") {
      // "_)" leaves the width of ")" blank, to line positives up with bracketed negatives.
      out.push({ ch: " ", literal: true });
      i++;
    } else if (ch === "*") {
      i++; // Repeats the next character to fill the cell: nothing to show in a line of text.
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      const inside = section.slice(i + 1, end < 0 ? undefined : end);
      // [$€-407] names a currency symbol; [Red], [>=100] and [$-409] only colour or choose.
      const currency = /^\$([^-]*)/.exec(inside)?.[1];
      if (currency) for (const c of currency) out.push({ ch: c, literal: true });
      i = end < 0 ? section.length : end;
    } else out.push({ ch, literal: false });
  }
  return out;
}

const PLACEHOLDER = /[0#?]/;
/** Characters Excel shows as they are, without quotes. */
const PLAIN_LITERAL = /[$€£¥+\-()/:!^&'~{}<>= %A-Za-z]/;

function compileSection(section: string, locale: string | undefined): Shown | null {
  // Which sections show a date or a time is decided once, for every adapter (model/numberFormat.ts).
  const kind = numberFormatKind(section);
  if (kind === "time") return compileTime(section);
  if (kind === "date") return null;
  const all = tokens(section);
  const code = all.filter((t) => !t.literal).map((t) => t.ch);
  if (code.includes("/") || code.includes("@")) return null;
  const first = all.findIndex((t) => !t.literal && PLACEHOLDER.test(t.ch));
  if (first < 0) {
    const constant = all.map((t) => (t.literal || PLAIN_LITERAL.test(t.ch) ? t.ch : "")).join("");
    return constant.trim() === "" ? null : { constant };
  }
  let last = first;
  all.forEach((t, i) => {
    if (!t.literal && PLACEHOLDER.test(t.ch)) last = i;
  });
  const core = all.slice(first, last + 1).filter((t) => !t.literal);
  const exponent = core.findIndex((t) => t.ch === "E" || t.ch === "e");
  const mantissa = exponent < 0 ? core : core.slice(0, exponent);
  const point = mantissa.findIndex((t) => t.ch === ".");
  const integer = point < 0 ? mantissa : mantissa.slice(0, point);
  const fraction = point < 0 ? [] : mantissa.slice(point + 1);
  // Commas right after the last digit each divide by a thousand ("#,##0," shows thousands).
  let trailingCommas = 0;
  for (let i = last + 1; i < all.length && !all[i]?.literal && all[i]?.ch === ","; i++) trailingCommas++;
  // Around the digits, literals and the characters Excel shows unquoted; stray commas show nothing.
  const rest = (from: number, to: number) =>
    all
      .slice(from, to)
      .map((t) => (t.literal || PLAIN_LITERAL.test(t.ch) ? t.ch : ""))
      .join("");
  const prefix = rest(0, first);
  const suffix = rest(last + 1 + trailingCommas, all.length);
  const percents = code.filter((c) => c === "%").length;
  const minimumFractionDigits = fraction.filter((t) => t.ch === "0").length;
  const maximumFractionDigits = fraction.filter((t) => PLACEHOLDER.test(t.ch)).length;
  const minimumIntegerDigits = Math.max(1, integer.filter((t) => t.ch === "0").length);
  return {
    prefix,
    suffix,
    scale: 100 ** percents / 1000 ** trailingCommas,
    exponentDigits: exponent < 0 ? null : core.slice(exponent).filter((t) => PLACEHOLDER.test(t.ch)).length,
    fractionDigits: maximumFractionDigits,
    format: new Intl.NumberFormat(locale, {
      minimumFractionDigits,
      maximumFractionDigits,
      minimumIntegerDigits: Math.min(minimumIntegerDigits, 21),
      useGrouping: integer.some((t) => t.ch === ","),
    }),
  };
}

function showSection(section: Shown, value: number): string {
  if ("constant" in section) return section.constant;
  if ("time" in section) return section.time(value);
  const scaled = value * section.scale;
  const body =
    section.exponentDigits === null
      ? section.format.format(scaled)
      : scaled
          .toExponential(section.fractionDigits)
          .replace(
            /e([+-])(\d+)/,
            (_, sign: string, digits: string) =>
              `E${sign}${digits.padStart(section.exponentDigits ?? 1, "0")}`,
          );
  return `${section.prefix}${body}${section.suffix}`;
}

/** Splits a format code at the semicolons that are not inside quotes or brackets. */
function sections(code: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i] as string;
    if (ch === "\\" && !quoted) {
      current += ch + (code[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "[") bracket = true;
    else if (!quoted && ch === "]") bracket = false;
    if (ch === ";" && !quoted && !bracket) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

function compile(code: string | null, locale: string | undefined): NumberFormatter {
  // The general style is the engine's (its messages write amounts with it): one rule for both.
  const general = generalNumberFormatter(locale);
  if (code === null || code.trim() === "" || /^general$/i.test(code.trim())) return general;
  const [positive, negative, zero] = sections(code).map((s) =>
    /^general$/i.test(s.trim()) ? null : compileSection(s, locale),
  );
  if (!positive || "constant" in positive) return general;
  return (value) => {
    if (!Number.isFinite(value)) return general(value);
    if (value === 0 && zero) return showSection(zero, 0);
    if (value < 0 && negative) return showSection(negative, -value);
    if (value < 0) {
      // One section: Excel puts the minus sign before everything, currency symbol included;
      // a value that rounds to zero shows no sign.
      const shown = showSection(positive, -value);
      return /[1-9]/.test(shown) ? `-${shown}` : shown;
    }
    return showSection(positive, value);
  };
}

/** The formatter for an Excel number format code (null or "General" for the general style), cached. */
export function numberFormatter(code: string | null, locale?: string): NumberFormatter {
  const key = `${locale ?? ""}\u0000${code ?? ""}`;
  let formatter = cache.get(key);
  if (!formatter) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    formatter = compile(code, locale);
    cache.set(key, formatter);
  }
  return formatter;
}

/** A value as its source cell shows it; "–" for no value. */
export function formatByCell(value: number | null, code: string | null, locale?: string): string {
  return value === null ? "–" : numberFormatter(code, locale)(value);
}
