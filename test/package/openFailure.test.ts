/**
 * The sentences for a file that cannot be opened (issue 21, item 2): one module words them for bsc
 * and for the task pane, which never names bsc.
 */
import { mkdtempSync, promises as fs, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { deflateRawSync } from "node:zlib";
import { runCli } from "../../src/cli/main";
import {
  fileSizeRefusal,
  MAX_WORKBOOK_FILE_BYTES,
  openFailureSentence,
} from "../../src/workbook/package/openFailure";
import { nodeBoundedInflate } from "../../src/workbook/package/readInflateNode";
import { readPackageSnapshot } from "../../src/workbook/package/readSnapshot";
import { zipOf } from "./readPackageHelpers";
import { tableBook } from "../cli/craftedInputs";

const compoundFile = (extra: Buffer) =>
  Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024), extra]);

/** A package whose one sheet's compressed bytes are broken. */
async function damagedZip(): Promise<Buffer> {
  const zip = Buffer.from(await tableBook());
  const at = zip.indexOf(Buffer.from("xl/worksheets/sheet1.xml"));
  const start = at + "xl/worksheets/sheet1.xml".length;
  zip.fill(0xff, start + 2, start + 40);
  return zip;
}

const FILES: Record<string, () => Promise<Uint8Array>> = {
  "password-protected": async () => compoundFile(Buffer.from("EncryptedPackage", "utf16le")),
  ".xls": async () => compoundFile(Buffer.alloc(64)),
  ".ods": async () =>
    zipOf([
      { name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet", stored: true },
      { name: "content.xml", data: deflateRawSync("<office:document-content/>") },
    ]),
  "cut-off": async () => (await tableBook()).subarray(0, 2000),
  damaged: damagedZip,
  empty: async () => new Uint8Array(),
};

const WANTED: Record<string, RegExp> = {
  "password-protected": /protected by a password to open.*remove the password under File > Info/,
  ".xls": /Excel 97-2003 workbook \(\.xls\).*save it as an Excel Workbook \(\.xlsx\)/,
  ".ods": /OpenDocument spreadsheet \(\.ods\).*save it as an Excel Workbook \(\.xlsx\)/,
  "cut-off": /cut short.*copy or download it again/,
  damaged: /damaged: xl\/worksheets\/sheet1\.xml does not inflate/,
  empty: /empty \(0 bytes\)/,
};

async function failure(bytes: Uint8Array): Promise<unknown> {
  return readPackageSnapshot(bytes, nodeBoundedInflate).then(
    () => null,
    (e: unknown) => e,
  );
}

describe.each(Object.keys(FILES))("a %s file", (kind) => {
  it("gets its own sentence, for bsc and for the pane, the pane's never naming bsc", async () => {
    const error = await failure(await FILES[kind]!());
    const cli = openFailureSentence(error, "book.xlsx", "bsc");
    const pane = openFailureSentence(error, "book.xlsx", "pane");
    expect(cli).toMatch(/^Cannot read book\.xlsx: /);
    expect(cli).toMatch(WANTED[kind]!);
    expect(pane).toMatch(/^book\.xlsx could not be opened: /);
    expect(pane).toMatch(WANTED[kind]!);
    expect(pane).not.toMatch(/\bbsc\b/);
    expect(pane).not.toMatch(/not an \.xlsx or \.xlsm workbook, or it is damaged/);
  });

  it("ends bsc check and refresh in exit 2 with that one sentence", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bsc-open-"));
    try {
      writeFileSync(path.join(dir, "book.xlsx"), await FILES[kind]!());
      for (const command of ["check", "refresh"]) {
        const err: string[] = [];
        const code = await runCli([command, "book.xlsx"], {
          cwd: dir,
          stdout: () => undefined,
          stderr: (t) => err.push(t),
        });
        expect(code).toBe(2);
        expect(err).toHaveLength(1);
        expect(err[0]).toMatch(WANTED[kind]!);
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe("the pane's words", () => {
  it("say what to do next in the pane, and the bsc sentence says to run bsc again", async () => {
    const error = await failure(await FILES["password-protected"]!());
    expect(openFailureSentence(error, "b.xlsx", "pane")).toMatch(/open it here again\.$/);
    expect(openFailureSentence(error, "b.xlsx", "bsc")).toMatch(/run bsc again\.$/);
  });

  it("word a refusal written for bsc without naming it", async () => {
    const bomb = zipOf([{ name: "[Content_Types].xml", data: "<Types/>" }]);
    const error = await failure(bomb);
    expect(openFailureSentence(error, "b.xlsx", "pane")).not.toMatch(/\bbsc\b/);
  });
});

describe("a file over the size limit", () => {
  it("is refused before it is read, naming the limit", () => {
    expect(fileSizeRefusal(MAX_WORKBOOK_FILE_BYTES)).toBeNull();
    const refusal = fileSizeRefusal(3 * 2 ** 30);
    expect(openFailureSentence(refusal, "big.xlsx", "pane")).toBe(
      "big.xlsx could not be opened: this file is 3 GiB, more than the 2 GiB a workbook the add-in opens may be (the file size limit).",
    );
  });
});
