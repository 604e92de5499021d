/**
 * Excel's rules for the names the product gives: a sheet's name and a defined name. A name that
 * breaks them makes a file Excel repairs or refuses, so they are checked where a name enters the
 * product (the stored definition, a tag), each broken rule said in words.
 */

/** Characters no sheet name may hold: Excel refuses them when typed, and in a file. */
const NOT_IN_SHEET_NAME = /[[\]:*?/\\]/;
const CONTROL =
  // eslint-disable-next-line no-control-regex -- controls are what a name may not hold
  /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Excel's longest sheet name, in characters. */
export const MAX_SHEET_NAME_CHARS = 31;

/** Why `name` cannot be a sheet's name, or null when it can. */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0) return "a sheet name cannot be empty";
  if (name.length > MAX_SHEET_NAME_CHARS)
    return `a sheet name has at most ${MAX_SHEET_NAME_CHARS} characters, and this one has ${name.length}`;
  if (NOT_IN_SHEET_NAME.test(name)) return "a sheet name cannot hold [ ] : * ? / \\";
  if (CONTROL.test(name)) return "a sheet name cannot hold control characters";
  if (name.startsWith("'") || name.endsWith("'"))
    return "a sheet name cannot begin or end with an apostrophe (')";
  if (name.toLowerCase() === "history")
    return 'a sheet cannot be named "History", which Excel keeps for itself';
  return null;
}

/** Excel's longest defined name, in characters. */
export const MAX_DEFINED_NAME_CHARS = 255;

/** Why `name` cannot be a defined name, or null when it can. */
export function definedNameProblem(name: string): string | null {
  if (name.length === 0) return "a defined name cannot be empty";
  if (name.length > MAX_DEFINED_NAME_CHARS)
    return `a defined name has at most ${MAX_DEFINED_NAME_CHARS} characters, and this one has ${name.length}`;
  // A letter, "_" or "\" first, then letters, digits, "_", "." and "\" (any script's letters).
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name))
    return 'a defined name begins with a letter, "_" or "\\" and holds only letters, digits, "_", "." and "\\"';
  // A name that reads as a cell (A1, XFD1048576) or in R1C1 (R, C, R1C1) would be taken for one.
  if (/^[a-z]{1,3}\d+$/i.test(name) || /^(r|c|r\d*c\d*|r\d+|c\d+)$/i.test(name))
    return "a defined name cannot read as a cell reference";
  return null;
}
