/**
 * A suggested reading as the command line takes it: the arguments after the file's name, and the
 * whole command as a user pastes it into a shell (WORKBOOK.md: `suggestion.args`, `suggestion.text`).
 */
import type { ColumnMapping } from "../model/detect";
import type { ColumnRole } from "../model/headers";
import type { ReadSuggestion } from "../model/suggest";

export interface SuggestedCommand {
  /** The arguments after the file's name, each one argument as a shell passes it. */
  readonly args: readonly string[];
  /** The whole command, quoted for a POSIX shell. */
  readonly text: string;
}

/** A word a shell passes unchanged; anything else goes in double quotes, its specials escaped. */
const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;
export const shellQuoted = (word: string): string =>
  SAFE.test(word) ? word : `"${word.replace(/(["\\$`])/g, "\\$1")}"`;

/** `--map role="header"`: the role bare, the header quoted when it needs it. */
const mapFlag = (role: string, header: string): string =>
  `--map ${role}=${header === "" ? '""' : shellQuoted(header)}`;

export function suggestedCommand(
  command: "check" | "refresh",
  file: string,
  suggestion: ReadSuggestion,
  given: { readonly mapping?: ColumnMapping; readonly table?: string | undefined } = {},
): SuggestedCommand {
  const mapping = { ...(given.mapping ?? {}), ...suggestion.mapping } as Partial<Record<ColumnRole, string>>;
  const table = suggestion.table ?? given.table;
  const args: string[] = [];
  const words: string[] = [];
  if (table !== undefined) {
    args.push("--table", table);
    words.push("--table", shellQuoted(table));
  }
  if (suggestion.year !== undefined) {
    args.push("--year", String(suggestion.year));
    words.push("--year", String(suggestion.year));
  }
  for (const [role, header] of Object.entries(mapping)) {
    args.push("--map", `${role}=${header}`);
    words.push(mapFlag(role, header as string));
  }
  return { args, text: ["bsc", command, shellQuoted(file), ...words].join(" ") };
}
