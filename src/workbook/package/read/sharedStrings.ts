import { parseXmlPart } from "./xml";

/**
 * The workbook's shared strings, each as the one piece of text a cell shows: rich-text runs are
 * joined, phonetic guides (<rPh>, the furigana over Japanese text) are not text of the cell.
 * null stands for an <si> with no text at all, which ExcelJS reads as an empty object and the
 * snapshot as an empty cell that still counts as written.
 */
export type SharedStrings = readonly (string | null)[];

/** Characters XML cannot hold are written _xHHHH_; ExcelJS decodes upper-case hex only. */
export const decodeEscapes = (text: string): string =>
  text.includes("_x")
    ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;

export function parseSharedStrings(part: string, bytes: Uint8Array): SharedStrings {
  const strings: (string | null)[] = [];
  let depth = 0;
  // Within one <si>: the text of its last direct <t>, and its runs.
  let plain: string | undefined;
  let runs: string[] | undefined;
  let runText: string | undefined;
  let inRun = false;
  let capturing = false;
  let captured = "";

  parseXmlPart(part, bytes, {
    open(name) {
      depth++;
      if (depth === 2 && name === "si") {
        plain = undefined;
        runs = undefined;
      } else if (depth === 3 && name === "r") {
        inRun = true;
        runText = undefined;
      } else if (name === "t" && (depth === 3 || (depth === 4 && inRun))) {
        capturing = true;
        captured = "";
      }
    },
    text(text) {
      if (capturing) captured += text;
    },
    close(name) {
      if (capturing && name === "t") {
        capturing = false;
        if (depth === 3) plain = decodeEscapes(captured);
        else runText = decodeEscapes(captured);
      } else if (depth === 3 && inRun && name === "r") {
        inRun = false;
        (runs ??= []).push(runText ?? "");
      } else if (depth === 2 && name === "si") {
        // A direct <t> after runs replaces them, as it does in ExcelJS.
        strings.push(plain ?? runs?.join("") ?? null);
      }
      depth--;
    },
  });
  return strings;
}
