import { readFileSync } from "node:fs";

/**
 * The requirement set of every member of every Excel class, read from the `[Api set: …]` tags of
 * the Office.js reference (@types/office-js), so that the fake Excel can refuse a call the host
 * would not have.
 */
export interface ApiSet {
  readonly name: string;
  readonly version: number[];
}

const parseVersion = (text: string): number[] => text.split(".").map(Number);

function parse(): Map<string, ApiSet> {
  const text = readFileSync(require.resolve("@types/office-js/index.d.ts"), "utf8");
  const lines = text.split("\n");
  const sets = new Map<string, ApiSet>();
  const start = lines.findIndex((l) => l.startsWith("declare namespace Excel {"));
  let className: string | null = null;
  let pending: ApiSet | null = null;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith("}")) break;
    const cls = /^ {4}(?:abstract )?class (\w+)/.exec(line);
    if (cls) {
      className = cls[1]!;
      pending = null;
      continue;
    }
    if (/^ {4}\S/.test(line)) className = null;
    if (className === null) continue;
    const tag = /\[Api set: (\w+) ([\d.]+)/.exec(line);
    if (tag) pending = { name: tag[1]!, version: parseVersion(tag[2]!) };
    const member = /^ {8}(?:readonly )?(\w+)\??\s*[(:<]/.exec(line);
    if (member && pending) {
      const key = `${className}.${member[1]}`;
      // Overloads: the lowest set that offers the member.
      if (!sets.has(key)) sets.set(key, pending);
      pending = null;
    } else if (member) {
      pending = null;
    }
  }
  return sets;
}

let cache: Map<string, ApiSet> | null = null;
/** "Worksheet.delete" → ExcelApi 1.1; undefined where the reference names no set. */
export function apiSetOf(member: string): ApiSet | undefined {
  cache ??= parse();
  return cache.get(member);
}

/** Whether `set` is within the host's `ExcelApi` version (other sets, such as ExcelApiOnline, are not). */
export function supportedBy(set: ApiSet, excelApi: string): boolean {
  if (set.name !== "ExcelApi") return false;
  const host = parseVersion(excelApi);
  for (let i = 0; i < Math.max(host.length, set.version.length); i++) {
    const h = host[i] ?? 0;
    const s = set.version[i] ?? 0;
    if (h !== s) return h > s;
  }
  return true;
}
