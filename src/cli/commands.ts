import { suggestedCommand } from "../app/suggestion";
import { promises as fs } from "node:fs";
import path from "node:path";
import { reportJson, type ScorecardReport } from "../app/report";
import { fatalSentence } from "../app/outcomeText";
import { runScorecard, type RunOutcome } from "../app/scorecard";
import type { ColumnMapping, SourceLayout } from "../model/detect";
import { issue, type Issue } from "../engine/issues";
import { sheetCell } from "../model/address";
import { csvSheetName, CsvLimitError, CsvReader, type CsvSheet } from "../workbook/csv";
import { CSV_SHEET_PART, csvSheetSnapshot } from "../workbook/xlsx/csvWorkbook";
import type { SheetSnapshot, WorkbookSnapshot } from "../model/snapshot";
import type { WorkbookPort } from "../workbook/port";
import { nodeCodec } from "../workbook/package/nodeCodec";
import { PackageWorkbook, type SnapshotReader } from "../workbook/package/packageWorkbook";
import { nodeBoundedInflate } from "../workbook/package/readInflateNode";
import { readPackageSnapshot } from "../workbook/package/readSnapshot";
import {
  BSC_WORDS,
  emptyFileRefusal,
  fileSizeRefusal,
  isFileFailure,
  openFailureReason,
  openFailureSentence,
} from "../workbook/package/openFailure";
import { byteSize, DEFAULT_READ_LIMITS, PackageLimitError } from "../workbook/package/read/limits";
import type { Command } from "./args";
import { CliFailure, EXIT_OK, EXIT_USAGE, EXIT_WORKBOOK, type CliIo } from "./failure";
import { WriteNotes } from "../workbook/ooxml/escape";
import { LockHeld, withFileLock } from "./lock";
import { writeWholeFile } from "./safeWrite";
import { reportText } from "./text";

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

/** ExcelJS, for the workbooks bsc builds, loaded only when one is built (see builtWorkbooks.ts). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const builtWorkbooks = () => require("./builtWorkbooks") as typeof import("./builtWorkbooks");

/** The consolidation of units' workbooks (src/cli/consolidate.ts), which reads them as check does. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const consolidation = () => require("./consolidate") as typeof import("./consolidate");

/** The snapshot of a package, streamed part by part within the reader's limits. */
const readSnapshot: SnapshotReader = (bytes, keepSheet) =>
  readPackageSnapshot(bytes, nodeBoundedInflate, undefined, keepSheet);

/** `file` is resolved for reading; the user is told about `shown`, the path as they typed it. */
const isCsv = (file: string): boolean => /\.csv$/i.test(file);

/** A workbook read to be written: its port, the bytes to write and what the write had to cut. */
interface WrittenWorkbook extends WorkbookPort {
  toBytes(): Promise<Uint8Array>;
  readonly writeNotes: readonly string[];
}

/** A workbook read for a command, with what reading its file found (a CSV's ambiguous numbers). */
interface ReadWorkbook<Port extends WorkbookPort = WrittenWorkbook> {
  readonly port: Port;
  readonly fileIssues: readonly Issue[];
  /** What building a CSV's workbook had to cut (fields over a cell's 32,767 characters). */
  readonly buildNotes: readonly string[];
  /**
   * How the file writes dates such as 01/02/2024, where its numbers say: a CSV written with a
   * decimal comma comes from where dates are day-first.
   */
  readonly dayOrder?: "dmy";
}

const DELIMITER_NAMES: Readonly<Record<string, string>> = {
  ",": "commas",
  ";": "semicolons",
  "\t": "tabs",
  "|": "pipes",
};

/** The warning for each column whose "1,050"s nothing settled (src/workbook/csv.ts). */
function csvIssues(file: string, csv: CsvSheet): Issue[] {
  return csv.ambiguities.map((a) => {
    const separator = /\d([.,])\d/.exec(a.text)?.[1] === "," ? "comma" : "point";
    return issue("csv-number-ambiguous", sheetCell(csvSheetName(file), a.row, a.col), {
      value: a.text,
      more: a.more,
      readAs: a.readAs,
      other: a.otherReading,
      separator,
      delimiter: DELIMITER_NAMES[csv.delimiter] ?? csv.delimiter,
      examples:
        separator === "comma"
          ? '"1,050.00" for thousands, "1,05" for decimals'
          : '"1.050,00" for thousands, "1.05" for decimals',
    });
  });
}

type CsvEncoding = "utf-16le" | "utf-16be" | "utf-8" | "windows-1252";

/**
 * Windows-1252's characters at 0x80–0x9F (€, ‚, ƒ, „, …, –, —, ™…), where ISO-8859-1 has C1
 * controls; the rest of its bytes are the code points of the same number. Node's TextDecoder takes
 * the label "windows-1252" but decodes ISO-8859-1, so the dashes and quotes are put in here.
 */
const WINDOWS_1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";
const latin1 = new TextDecoder("latin1");

/** Decodes a CSV's pieces in its encoding; a piece may end inside a character of UTF-8 or UTF-16. */
export function csvDecoder(encoding: CsvEncoding): {
  decode(bytes?: Uint8Array, options?: { stream: boolean }): string;
} {
  if (encoding !== "windows-1252") return new TextDecoder(encoding);
  return {
    decode: (bytes) =>
      bytes
        ? latin1.decode(bytes).replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c)
        : "",
  };
}

/** Whether bytes are UTF-8, a character cut at their end aside (the next piece holds its rest). */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * The encoding of a CSV file, from its first piece: UTF-16 where its byte-order mark says so; UTF-8
 * as most exports write it; else Windows-1252, as Excel's "CSV" and older Windows tools save in
 * Western European languages (a no-break space, an en dash, "é" as one byte each, which UTF-8
 * would show as U+FFFD and so change a KPI's name).
 */
export function csvEncoding(bytes: Uint8Array): CsvEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return isUtf8(bytes) ? "utf-8" : "windows-1252";
}

/** About this many bytes of a CSV file are read and decoded at a time. */
const CSV_PIECE_BYTES = 1 << 20;

/**
 * A CSV file's rows, read a piece at a time: neither the file's bytes nor its text are ever held
 * whole (a million-row export is 75 MB of bytes and up to twice that of text).
 */
async function csvRows(file: string): Promise<CsvSheet> {
  const reader = new CsvReader();
  const handle = await fs.open(file, "r");
  try {
    const buffer = Buffer.allocUnsafe(CSV_PIECE_BYTES);
    let decoder: ReturnType<typeof csvDecoder> | null = null;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      const piece = buffer.subarray(0, bytesRead);
      decoder ??= csvDecoder(csvEncoding(piece));
      reader.push(decoder.decode(piece, { stream: true }));
    }
    if (decoder) reader.push(decoder.decode());
    return reader.end();
  } finally {
    await handle.close();
  }
}

/** Why a file could not be read, in one sentence (exit 2). */
function unreadable(e: unknown, shown: string): CliFailure {
  if (e instanceof CliFailure) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === "ENOENT"
      ? "there is no such file"
      : code === "EISDIR"
        ? "it is a folder"
        : code === "EACCES"
          ? "permission denied"
          : "it cannot be read";
  return new CliFailure(`Cannot read ${shown}: ${why}.`, EXIT_USAGE);
}

/** A workbook read only to be checked: its snapshot, which nothing writes to. */
const readOnlyPort = (snapshot: WorkbookSnapshot): WorkbookPort => ({
  readSnapshot: async () => snapshot,
  applyPlan: async () => {
    throw new Error("a workbook read to be checked is not written");
  },
});

/**
 * A CSV export as a workbook with one sheet, and what reading it found. Its sheet is made straight
 * from the rows (csvSheetSnapshot: the cells the package reader would read back), so that a
 * million rows are never written as XML only to be parsed again; a refresh also builds the
 * workbook's package, which the scorecard is written into, its rows deflated apart and put in
 * their sheet only when the package is written (csvWorkbookApart). Past a limit of the reader's
 * (its cells), one sentence in the export's terms and exit 2, never a fault of bsc's (exit 3).
 */
async function csvWorkbook(
  file: string,
  shown: string,
  forPatch: boolean,
): Promise<ReadWorkbook<WorkbookPort>> {
  let csv: CsvSheet;
  try {
    csv = await csvRows(file);
  } catch (e) {
    if (e instanceof CsvLimitError) throw new CliFailure(`Cannot read ${shown}: ${e.message}.`, EXIT_USAGE);
    throw unreadable(e, shown);
  }
  const notes = new WriteNotes();
  const fileIssues = csvIssues(file, csv);
  const dayOrder = csv.decimalComma ? { dayOrder: "dmy" as const } : {};
  let sheet: SheetSnapshot;
  try {
    sheet = csvSheetSnapshot(csvSheetName(file), csv, notes);
  } catch (e) {
    if (e instanceof PackageLimitError) throw new CliFailure(csvTooLargeSentence(shown, e), EXIT_USAGE);
    throw e;
  }
  const snapshot: WorkbookSnapshot = { sheets: [sheet], names: [] };
  if (!forPatch) return { port: readOnlyPort(snapshot), fileIssues, buildNotes: notes.notes, ...dayOrder };
  const built = await builtWorkbooks().csvWorkbookApart(file, csv, notes);
  const pkg = await PackageWorkbook.load(
    built.bytes,
    nodeCodec,
    async (read, keepPart) => {
      // The sheet is read from the rows (the snapshot's already), not parsed again.
      if (read === built.bytes) {
        keepPart(CSV_SHEET_PART, null);
        return snapshot;
      }
      // Patched, the package still has the rows apart; a patch never changes the cells of a
      // sheet of the user's (its traffic lights go after them), so they are the rows read.
      const patched = await readSnapshot(read, keepPart);
      return { ...patched, sheets: patched.sheets.map((s) => (s.name === sheet.name ? sheet : s)) };
    },
    true,
  );
  const port: WrittenWorkbook = {
    readSnapshot: () => pkg.readSnapshot(),
    applyPlan: (plan) => pkg.applyPlan(plan),
    get writeNotes() {
      return pkg.writeNotes;
    },
    toBytes: async () => builtWorkbooks().withCsvRows(await pkg.toBytes(), built.rows),
  };
  return { port, fileIssues, buildNotes: notes.notes, ...dayOrder };
}

/** A CSV export too large for the reader once it is a sheet: which limit, and what to do. */
export function csvTooLargeSentence(shown: string, e: PackageLimitError): string {
  const limit =
    e.limit === "maxCells"
      ? `${DEFAULT_READ_LIMITS.maxCells.toLocaleString("en-US")} cells`
      : e.limit === "maxSharedStringsBytes"
        ? `${byteSize(DEFAULT_READ_LIMITS.maxSharedStringsBytes)} of text`
        : `${byteSize(DEFAULT_READ_LIMITS.maxSheetBytes)} in one sheet`;
  return `Cannot read ${shown}: it holds more than bsc reads from one file (${limit}, the ${e.limit} limit); split the export, by year or by unit, and read each part.`;
}

/** `forPatch`: the workbook will be refreshed, and the parts read are kept for the patch. */
export async function readWorkbook(file: string, shown: string, forPatch: true): Promise<ReadWorkbook>;
export async function readWorkbook(
  file: string,
  shown: string,
  forPatch: boolean,
): Promise<ReadWorkbook<WorkbookPort>>;
export async function readWorkbook(
  file: string,
  shown: string,
  forPatch: boolean,
): Promise<ReadWorkbook<WorkbookPort>> {
  let bytes: Buffer;
  try {
    // A FIFO or a device (/dev/zero) would be read until memory runs out: only regular files are.
    const stat = await fs.stat(file);
    const refused = stat.isFile() ? (fileSizeRefusal(stat.size) ?? emptyFileRefusal(stat.size)) : null;
    if (refused) throw new CliFailure(openFailureSentence(refused, shown, "bsc"), EXIT_USAGE);
    if (!stat.isFile() && !stat.isDirectory()) {
      throw new CliFailure(`Cannot read ${shown}: it is not a regular file.`, EXIT_USAGE);
    }
    if (isCsv(file) && stat.isFile()) return await csvWorkbook(file, shown, forPatch);
    bytes = await fs.readFile(file);
  } catch (e) {
    throw unreadable(e, shown);
  }
  try {
    const port = await PackageWorkbook.load(bytes, nodeCodec, readSnapshot, forPatch);
    // Read here (and kept), so that a file that is no workbook, or a bomb, is said to be one at once.
    await port.readSnapshot();
    return { port, fileIssues: [], buildNotes: [] };
  } catch (e) {
    // Anything else is a fault of bsc's own, and says so (exit 3).
    if (isFileFailure(e)) throw new CliFailure(openFailureSentence(e, shown, "bsc"), EXIT_USAGE);
    throw e;
  }
}

/**
 * Runs the patch of a workbook read whole: a part only the patch inflates or edits (over a limit,
 * markup it cannot edit) is the file's problem, one sentence and exit 2, not a fault of bsc's.
 */
export async function patching<T>(shown: string, patch: () => Promise<T>): Promise<T> {
  try {
    return await patch();
  } catch (e) {
    if (!isFileFailure(e)) throw e;
    throw new CliFailure(`Cannot refresh ${shown}: ${openFailureReason(e, BSC_WORDS)}`, EXIT_USAGE);
  }
}

/** Runs `work` holding the workbook's lock; a lock held past the wait is one sentence, exit 2. */
export async function lockedWhile(
  file: string,
  shown: string,
  work: () => Promise<number>,
  waitMs: number | undefined,
): Promise<number> {
  try {
    return await withFileLock(file, work, waitMs);
  } catch (e) {
    if (!(e instanceof LockHeld)) throw e;
    const holder = e.holder === null ? "another refresh" : `another refresh (process ${e.holder})`;
    throw new CliFailure(
      `Cannot refresh ${shown}: ${holder} is writing it and holds its lock ${path.basename(e.lockFile)}; run again when it is done, or delete the lock file if no bsc is running.`,
      EXIT_USAGE,
    );
  }
}

/** Writes the whole file or nothing (src/cli/safeWrite.ts); a refusal is one sentence, exit 2. */
export async function writeAtomically(file: string, bytes: Uint8Array, shown: string): Promise<void> {
  try {
    await writeWholeFile(file, bytes);
  } catch (e) {
    throw new CliFailure(`Cannot write ${shown}: ${(e as Error).message}.`, EXIT_USAGE);
  }
}

/** Whether two paths name the same file (through links, or typed differently). */
async function sameFile(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([a, b].map((p) => fs.stat(p).catch(() => null)));
  return x !== null && y !== null && x.dev === y.dev && x.ino === y.ino;
}

/**
 * The sentence of a reading that stopped; where the reader has a guess that scores a KPI, it ends
 * with the command that reads the file so (the JSON error carries it as `suggestion`).
 */
export function outcomeFailure(
  outcome: Extract<RunOutcome, { ok: false }>,
  command: { kind: "check" | "refresh"; book: string; mapping?: ColumnMapping; table?: string },
): CliFailure {
  const suggestion = outcome.suggestion
    ? suggestedCommand(command.kind, command.book, outcome.suggestion, command)
    : undefined;
  const tail = suggestion ? ` Try: ${suggestion.text}` : "";
  return new CliFailure(`${fatalSentence(outcome.fatal)}${tail}`, EXIT_WORKBOOK, outcome.fatal, suggestion);
}

/**
 * Where a command that writes a workbook writes it (refresh, publish, consolidate): -o, next to
 * the input as <name>.scorecard.xlsx (.xlsm for an .xlsm), or the input itself with --in-place;
 * an existing output only with --force, and -o never naming the input.
 */
export async function outputOf(
  command: {
    readonly book: string;
    readonly out?: string;
    readonly inPlace: boolean;
    readonly force: boolean;
  },
  io: CliIo,
): Promise<{ input: string; out: string; shownOut: string }> {
  const input = path.resolve(io.cwd, command.book);
  // A macro-enabled workbook stays one: Excel opens an .xlsm package only under that name.
  const macros = /\.xlsm$/i.test(command.book);
  const extension = macros ? ".xlsm" : ".xlsx";
  if (macros && command.out !== undefined && !/\.xlsm$/i.test(command.out)) {
    throw new CliFailure(
      `${command.book} holds macros, so the refreshed workbook must be an .xlsm file too; name it ${path.basename(command.out).replace(/\.[^.]*$/, "")}.xlsm.`,
      EXIT_USAGE,
    );
  }
  // A workbook without macros written under another name: Excel opens it only as .xlsx.
  if (!macros && command.out !== undefined && !isCsv(command.out) && !/\.xlsx$/i.test(command.out)) {
    throw new CliFailure(
      `The refreshed workbook is an .xlsx file: name it ${path.basename(command.out).replace(/\.[^.]*$/, "")}.xlsx (Excel refuses a workbook whose name says another format).`,
      EXIT_USAGE,
    );
  }
  const out = command.inPlace
    ? input
    : path.resolve(
        io.cwd,
        command.out ?? command.book.replace(/(\.(xlsx|xlsm|csv))?$/i, `.scorecard${extension}`),
      );
  const relative = path.relative(io.cwd, out);
  const shownOut = command.inPlace
    ? command.book
    : (command.out ?? (relative.startsWith("..") ? out : relative));
  if (!command.inPlace && (await sameFile(input, out))) {
    throw new CliFailure(
      `-o names ${command.book} itself; use --in-place to refresh it where it is.`,
      EXIT_USAGE,
    );
  }
  if (!command.inPlace && !command.force && (await exists(out))) {
    throw new CliFailure(`${shownOut} already exists; use --force to overwrite it.`, EXIT_USAGE);
  }
  return { input, out, shownOut };
}

/** Runs a command that reads or writes a workbook (loaded only when one is asked for). */
export async function runCommand(
  command: Exclude<Command, { kind: "help" } | { kind: "missing-command" } | { kind: "version" }>,
  io: CliIo,
): Promise<number> {
  const resolve = (p: string) => path.resolve(io.cwd, p);
  switch (command.kind) {
    case "sample": {
      const out = resolve(command.out);
      if (!command.force && (await exists(out)))
        throw new CliFailure(`${command.out} already exists; use --force to overwrite it.`, EXIT_USAGE);
      await writeAtomically(out, await builtWorkbooks().sampleWorkbookBytes(), command.out);
      io.stderr(`Wrote the sample workbook to ${command.out}. Next: bsc refresh ${command.out}`);
      return EXIT_OK;
    }
    case "consolidate":
      return consolidation().runConsolidate(command, io);
    case "check": {
      const { port, fileIssues, buildNotes, dayOrder } = await readWorkbook(
        resolve(command.book),
        command.book,
        false,
      );
      const outcome = await runScorecard(
        port,
        {
          table: command.table,
          period: command.period,
          ...mappingOf(command),
          fileIssues,
          ...(dayOrder ? { fileDayOrder: dayOrder } : {}),
        },
        false,
      );
      if (!outcome.ok) throw outcomeFailure(outcome, command);
      emitReport({ ...outcome, report: withWriteNotes(outcome.report, buildNotes) }, command.json, io);
      if (outcome.hasErrors) io.stderr(`${command.book} has KPIs with errors; see the issues above.`);
      return outcome.hasErrors ? EXIT_WORKBOOK : EXIT_OK;
    }
    case "refresh":
    case "publish": {
      // publish is a refresh that also freezes (or frees) a period's rows in the History sheet.
      const refreshing = command.kind === "refresh" ? command : null;
      if (isCsv(command.book) && (command.inPlace || isCsv(command.out ?? ""))) {
        throw new CliFailure(
          `A scorecard cannot be written into a CSV file; write a workbook with -o ${csvSheetName(command.book)}.xlsx.`,
          EXIT_USAGE,
        );
      }
      const { input, out, shownOut } = await outputOf(command, io);
      const refresh = async (): Promise<number> => {
        const { port, fileIssues, buildNotes, dayOrder } = await readWorkbook(input, command.book, true);
        const outcome = await patching(command.book, () =>
          runScorecard(
            port,
            {
              fileIssues,
              ...(dayOrder ? { fileDayOrder: dayOrder } : {}),
              table: refreshing?.table,
              period: refreshing?.period,
              ...(refreshing ? mappingOf(refreshing) : {}),
              ...(io.now ? { now: io.now } : {}),
              strategyMap: refreshing?.strategyMap ?? false,
              ...(refreshing?.values ? { summaryAsValues: true } : {}),
              ...(command.kind === "publish"
                ? { publish: { period: command.period, ...(command.unpublish ? { undo: true } : {}) } }
                : {}),
            },
            true,
          ),
        );
        if (!outcome.ok) throw outcomeFailure(outcome, refreshing ?? { kind: "refresh", book: command.book });
        await writeAtomically(out, await port.toBytes(), shownOut);
        const notes = [...buildNotes, ...port.writeNotes];
        emitReport({ ...outcome, report: withWriteNotes(outcome.report, notes) }, command.json, io);
        if (outcome.notice) io.stderr(outcome.notice);
        io.stderr(`Wrote ${shownOut}.`);
        return EXIT_OK;
      };
      // In place, one refresh at a time: a second one would read the file before the first
      // writes it, and undo its change (src/cli/lock.ts).
      return command.inPlace ? lockedWhile(input, command.book, refresh, io.lockWaitMs) : refresh();
    }
  }
}

/** What the write had to cut or clean, as notes after the report's own issues. */
const withWriteNotes = (report: ScorecardReport, notes: readonly string[]): ScorecardReport =>
  notes.length === 0
    ? report
    : {
        ...report,
        issues: [
          ...report.issues,
          ...notes.map((message) => ({ severity: "info" as const, code: "write-note", cell: null, message })),
        ],
      };

const mappingOf = (command: { mapping?: ColumnMapping; layout?: SourceLayout }) => ({
  ...(command.mapping ? { mapping: command.mapping } : {}),
  ...(command.layout ? { layout: command.layout } : {}),
});

function emitReport(outcome: Extract<RunOutcome, { ok: true }>, json: boolean, io: CliIo): void {
  if (json) io.stdout(JSON.stringify(reportJson(outcome.report), null, 2));
  else io.stdout(reportText(outcome.report));
}
