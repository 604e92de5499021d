/**
 * `bsc consolidate <group.xlsx> [<unit.xlsx|folder> …]`: each unit's workbook read as `bsc check`
 * reads it (readWorkbook, then readUnit's scoreWorkbook), on up to one worker thread per core, a
 * unit at a time each; the group's scorecard (src/app/consolidate.ts) written into the group's
 * workbook as a refresh writes (-o, --in-place with its lock, --force).
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import {
  consolidateInto,
  readGroupWorkbook,
  readUnit,
  unitName,
  type ConsolidationReport,
  type UnitReading,
  type UnitSource,
} from "../app/consolidate";
import { fatalSentence, STATUS_WORDS } from "../app/outcomeText";
import { reportJson } from "../app/report";
import type { Command } from "./args";
import { heapLimit } from "./boundedHeap";
import { CliFailure, EXIT_OK, EXIT_USAGE, EXIT_WORKBOOK, type CliIo } from "./failure";
import { lockedWhile, outcomeFailure, outputOf, patching, readWorkbook, writeAtomically } from "./commands";
import { oneLine, reportText } from "./text";

type ConsolidateCommand = Extract<Command, { kind: "consolidate" }>;

/** The files a folder gives: its workbooks and CSV exports, not Excel's "~$" owner files. */
const UNIT_FILE = /^[^.~].*\.(xlsx|xlsm|csv)$/i;

/** A unit's file, resolved for reading, and the path shown to the user. */
interface UnitFile {
  readonly resolved: string;
  readonly shown: string;
}

/** The unit file in `names` that `name` is bsc's refreshed copy of ("east.scorecard.xlsx" of "east.csv"), or null. */
export function refreshedFrom(name: string, names: readonly string[]): string | null {
  const base = /^(.*)\.scorecard\.(xlsx|xlsm)$/i.exec(name)?.[1];
  if (base === undefined) return null;
  return names.find((n) => n !== name && unitName(n).toLowerCase() === base.toLowerCase()) ?? null;
}

/**
 * Each unit's file: a file given as it is, a folder's workbooks in name order. A folder's refreshed
 * copy of a unit beside the unit's own file is left out, with a sentence in `skipped`.
 */
async function unitFiles(
  given: readonly string[],
  cwd: string,
  skip: readonly string[],
  skipped: string[],
): Promise<UnitFile[]> {
  const files: UnitFile[] = [];
  for (const shown of given) {
    const resolved = path.resolve(cwd, shown);
    const stat = await fs.stat(resolved).catch(() => null);
    if (!stat?.isDirectory()) {
      files.push({ resolved, shown });
      continue;
    }
    const names = (await fs.readdir(resolved)).filter((n) => UNIT_FILE.test(n)).sort();
    for (const name of names) {
      // bsc refresh writes a unit's scorecard beside it as <name>.scorecard.xlsx: the same unit
      // twice, which would weigh double in the group's roll-up. The unit's own file is read.
      const source = refreshedFrom(name, names);
      if (source !== null) {
        skipped.push(
          `${path.join(shown, name)} is not read: it is the refreshed copy of ${path.join(shown, source)}, read instead.`,
        );
        continue;
      }
      const file = { resolved: path.join(resolved, name), shown: path.join(shown, name) };
      if (!skip.some((s) => path.resolve(s) === file.resolved)) files.push(file);
    }
  }
  return files;
}

/** Units named by their files; two files of one name are told apart by their paths. */
function unitsOf(files: readonly UnitFile[]): (UnitSource & UnitFile)[] {
  const count = new Map<string, number>();
  for (const f of files)
    count.set(unitName(f.shown).toLowerCase(), (count.get(unitName(f.shown).toLowerCase()) ?? 0) + 1);
  return files.map((f) => {
    const name = unitName(f.shown);
    const unique = (count.get(name.toLowerCase()) ?? 0) === 1;
    return { ...f, name: unique ? name : f.shown.replace(/\.(xlsx|xlsm|csv)$/i, ""), file: f.shown };
  });
}

/** One unit read as `bsc check` reads it; a file that cannot be read is left out with check's sentence. */
export async function readUnitFile(unit: UnitSource & UnitFile, now?: Date): Promise<UnitReading> {
  try {
    const { port, fileIssues, dayOrder } = await readWorkbook(unit.resolved, unit.shown, false);
    const reading = await readUnit({ name: unit.name, file: unit.file }, port, {
      fileIssues,
      ...(dayOrder ? { fileDayOrder: dayOrder } : {}),
      ...(now ? { now } : {}),
    });
    if (reading.ok || !reading.fatal) return reading;
    // A reading that stopped is said as check says it, with the command that would read the file.
    const failure = outcomeFailure(
      {
        ok: false,
        fatal: reading.fatal,
        issues: [],
        ...(reading.suggestion ? { suggestion: reading.suggestion } : {}),
      },
      { kind: "check", book: unit.shown },
    );
    return { ok: false, unit: reading.unit, reason: failure.message };
  } catch (e) {
    if (!(e instanceof CliFailure)) throw e;
    return { ok: false, unit: { name: unit.name, file: unit.file }, reason: e.message };
  }
}

/** Marks the worker threads bsc starts to read units; set in their workerData. */
const UNIT_WORKER = "bsc-unit-reader";

/** Whether this thread is one of bsc's unit readers (src/cli/main.ts starts it so). */
export const isUnitWorker = (): boolean =>
  !isMainThread && (workerData as Record<string, unknown> | null)?.[UNIT_WORKER] === true;

/** A unit reader's loop: a unit in, its reading out, until the main thread lets it go. */
export function runUnitWorker(): void {
  parentPort?.on("message", (message: { unit: UnitSource & UnitFile; now?: number }) => {
    readUnitFile(message.unit, message.now === undefined ? undefined : new Date(message.now)).then(
      (reading) => parentPort?.postMessage({ reading }),
      (e: unknown) => parentPort?.postMessage({ fault: e instanceof Error ? e.message : String(e) }),
    );
  });
}

/**
 * How many units are read at once: one per core (at most the units), where this file runs as the
 * built bsc a worker thread can start; in-process otherwise (the tests run the TypeScript).
 */
export function readersFor(units: number): number {
  const built = /\.c?js$/.test(__filename);
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  const asked = Number(process.env.BSC_UNIT_READERS);
  const most = Number.isInteger(asked) && asked >= 1 ? Math.min(asked, cores) : cores;
  return built ? Math.max(1, Math.min(most, units)) : 1;
}

/** One unit read on a reader thread: its reading, or the reader's failure (out of memory, a fault). */
function readOn(reader: Worker, unit: UnitSource & UnitFile, now?: Date): Promise<UnitReading> {
  return new Promise((resolve, reject) => {
    const done = () => {
      reader.off("message", onMessage);
      reader.off("error", onError);
    };
    const onMessage = (m: { reading?: UnitReading; fault?: string }) => {
      done();
      if (m.fault !== undefined) reject(new Error(m.fault));
      else resolve(m.reading as UnitReading);
    };
    const onError = (e: Error) => {
      done();
      reject(e);
    };
    reader.on("message", onMessage);
    reader.on("error", onError);
    reader.postMessage({ unit, ...(now ? { now: now.getTime() } : {}) });
  });
}

/**
 * Every unit read, in the order given: in worker threads when there is more than one reader, each
 * holding one unit's workbook at a time, so memory stays that of a few units whatever their count.
 */
export async function readUnits(
  units: readonly (UnitSource & UnitFile)[],
  now?: Date,
): Promise<UnitReading[]> {
  const readers = readersFor(units.length);
  const readings: UnitReading[] = new Array(units.length);
  if (readers <= 1) {
    for (let i = 0; i < units.length; i++)
      readings[i] = await readUnitFile(units[i] as UnitSource & UnitFile, now);
    return readings;
  }
  let next = 0;
  // Each reader's heap is capped as check's bounded child is (src/cli/boundedHeap.ts), so that
  // the memory of a consolidation stays that of a few units; a unit past the cap is left out.
  const startReader = () =>
    new Worker(__filename, {
      workerData: { [UNIT_WORKER]: true },
      resourceLimits: { maxOldGenerationSizeMb: heapLimit() },
    });
  /** One reader's lane: a unit at a time; after a unit that ran it out of memory, a fresh reader. */
  const lane = async (): Promise<void> => {
    let reader = startReader();
    try {
      while (next < units.length) {
        const at = next++;
        const unit = units[at] as UnitSource & UnitFile;
        try {
          readings[at] = await readOn(reader, unit, now);
        } catch (e) {
          if ((e as { code?: string }).code !== "ERR_WORKER_OUT_OF_MEMORY") throw e;
          const reason = `Cannot read ${unit.shown}: the workbook is too large for bsc's memory limit (${heapLimit()} MB of working memory). Split the table, or score fewer rows.`;
          readings[at] = { ok: false, unit: { name: unit.name, file: unit.file }, reason };
          await reader.terminate();
          reader = startReader();
        }
      }
    } finally {
      await reader.terminate();
    }
  };
  await Promise.all(Array.from({ length: readers }, lane));
  return readings;
}

/** Where the group's scorecard is written: a workbook, by the refresh's rules (-o, --in-place, --force). */
async function groupOutput(command: ConsolidateCommand, io: CliIo) {
  if (!/\.(xlsx|xlsm)$/i.test(command.book) || (command.out !== undefined && /\.csv$/i.test(command.out))) {
    throw new CliFailure(
      `The group's scorecard is written into a workbook (.xlsx or .xlsm), not ${/\.csv$/i.test(command.out ?? "") ? command.out : command.book}.`,
      EXIT_USAGE,
    );
  }
  return outputOf(command, io);
}

/** A remembered unit's file, kept relative to the group's workbook so the folder can move. */
const rememberedPath = (file: string, groupDir: string): string => {
  const relative = path.relative(groupDir, file);
  return (relative.startsWith("..") || path.isAbsolute(relative) ? file : relative).split(path.sep).join("/");
};

/** Runs `bsc consolidate`; 0 with every unit in, 1 with a unit left out (or none read), 2 a file error. */
export async function runConsolidate(command: ConsolidateCommand, io: CliIo): Promise<number> {
  const { input, out, shownOut } = await groupOutput(command, io);
  const work = async (): Promise<number> => {
    const { port } = await readWorkbook(input, command.book, true);
    const group = await readGroupWorkbook(port);
    if ("code" in group) {
      throw new CliFailure(fatalSentence(group), EXIT_WORKBOOK, group);
    }
    const groupDir = path.dirname(input);
    // With no unit given, those remembered, found again beside the group's workbook.
    const remembered = (group.definition.units ?? []).map((u) => path.resolve(groupDir, u.file));
    if (command.units.length === 0 && remembered.length === 0) {
      throw new CliFailure(
        `consolidate needs the units' workbooks (files or folders): ${command.book} remembers none yet.`,
        EXIT_USAGE,
      );
    }
    const given =
      command.units.length > 0 ? command.units : remembered.map((f) => path.relative(io.cwd, f) || f);
    const skipped: string[] = [];
    const files = await unitFiles(given, io.cwd, [input, out], skipped);
    for (const sentence of skipped) io.stderr(sentence);
    if (files.length === 0) {
      throw new CliFailure(`No unit's workbook (.xlsx, .xlsm or .csv) in ${given.join(", ")}.`, EXIT_USAGE);
    }
    const units = unitsOf(files);
    const readings = await readUnits(units, io.now);
    // Every unit given is remembered by its file as seen from the written workbook.
    const remember = units.map((u) => ({
      name: u.name,
      file: rememberedPath(u.resolved, path.dirname(out)),
    }));
    const consolidation = await patching(command.book, () =>
      consolidateInto(port, group, readings, { remember, now: io.now ?? new Date(), period: command.period }),
    );
    if (!consolidation.ok) {
      for (const r of readings) if (!r.ok) io.stderr(`${r.unit.file}: ${oneLine(r.reason)}`);
      throw new CliFailure(consolidation.fatal.message, EXIT_WORKBOOK, consolidation.fatal);
    }
    await writeAtomically(out, await port.toBytes(), shownOut);
    const { report } = consolidation;
    if (command.json) io.stdout(JSON.stringify({ ...reportJson(report), units: report.units }, null, 2));
    else io.stdout(consolidationText(report));
    const left = report.units.filter((u) => u.reason !== null).length;
    io.stderr(
      `Wrote ${shownOut}: ${report.units.length - left} of ${report.units.length} units consolidated${left ? `, ${left} left out (see above)` : ""}.`,
    );
    return consolidation.incomplete ? EXIT_WORKBOOK : EXIT_OK;
  };
  return command.inPlace ? lockedWhile(input, command.book, work, io.lockWaitMs) : work();
}

/** The group's scorecard as check prints one, then each unit: its file and status, or why it was left out. */
function consolidationText(report: ConsolidationReport): string {
  const lines = [reportText(report), "", "Units:"];
  for (const u of report.units) {
    const what =
      u.reason !== null
        ? `left out: ${u.reason}`
        : `${u.score === null ? "–" : u.score.toFixed(2)} (${STATUS_WORDS[u.status] ?? u.status}), read from ${u.read}`;
    lines.push(`  ${oneLine(u.name)}  ${oneLine(u.file)}  ${oneLine(what)}`);
  }
  return lines.join("\n");
}
