/**
 * Package fidelity (issue 20 item 7): a refresh keeps every entry's name bytes, extra fields,
 * comment and attributes and the archive's comment; lists no part twice in [Content_Types].xml;
 * and computes the CRCs it writes, never copying a wrong one.
 */
import { crc32, deflateRawSync } from "node:zlib";
import { readCentralDirectory } from "../../src/workbook/ooxml/zip";
import { packagePort } from "../helpers/package";
import { renderDefinitionPlan } from "../../src/plan/render";
import { emptyDefinition } from "../../src/model/definition";
import { ownedSheets } from "../../src/model/ownership";
import { tableBook } from "../cli/craftedInputs";
import { partsOf } from "./readPackageHelpers";

interface RawEntry {
  readonly name: Uint8Array;
  readonly data: Uint8Array;
  readonly flags?: number;
  readonly localExtra?: Uint8Array;
  readonly extra?: Uint8Array;
  readonly comment?: Uint8Array;
  readonly externalAttributes?: number;
  readonly versionMadeBy?: number;
  /** A CRC to state instead of the right one. */
  readonly statedCrc?: number;
}

/** A ZIP written field by field, for what ordinary writers never write. */
function rawZip(entries: readonly RawEntry[], comment: Uint8Array = new Uint8Array()): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = deflateRawSync(e.data);
    const crc = e.statedCrc ?? crc32(e.data);
    const localExtra = Buffer.from(e.localExtra ?? []);
    const extra = Buffer.from(e.extra ?? []);
    const entryComment = Buffer.from(e.comment ?? []);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.flags ?? 0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(e.name.length, 26);
    local.writeUInt16LE(localExtra.length, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(e.versionMadeBy ?? 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.flags ?? 0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(e.name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt16LE(entryComment.length, 32);
    central.writeUInt32LE(e.externalAttributes ?? 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, Buffer.from(e.name), localExtra, body);
    centrals.push(central, Buffer.from(e.name), extra, entryComment);
    offset += 30 + e.name.length + localExtra.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...locals, directory, end, Buffer.from(comment)]);
}

/** The table workbook's parts as raw entries, with `extra` ones after them. */
async function bookWith(
  extra: readonly RawEntry[],
  comment?: Uint8Array,
  edit?: (name: string, xml: string) => string,
) {
  const parts = await partsOf(await tableBook());
  const entries: RawEntry[] = [...parts].map(([name, xml]) => ({
    name: Buffer.from(name),
    data: Buffer.from(edit ? edit(name, xml) : xml),
  }));
  return rawZip([...entries, ...extra], comment);
}

/** The package after writing the stored definition into it (a new product sheet and its Override). */
async function refreshedPackage(bytes: Uint8Array): Promise<Uint8Array> {
  const port = await packagePort(bytes);
  const snapshot = await port.readSnapshot();
  await port.applyPlan(
    renderDefinitionPlan(
      snapshot.sheets.map((s) => s.name),
      ownedSheets(snapshot),
      emptyDefinition(),
    ),
  );
  return port.toBytes();
}

describe("a refresh keeps the package's own bookkeeping", () => {
  it("an entry name in code page 437 keeps its bytes and stays unflagged", async () => {
    const cp437 = Uint8Array.from([...Buffer.from("xl/media/M"), 0x81, ...Buffer.from("nchen.bin")]);
    const out = await refreshedPackage(await bookWith([{ name: cp437, data: Buffer.from("picture") }]));
    const entry = readCentralDirectory(out).entries.find((e) => e.name === "xl/media/München.bin")!;
    expect(Buffer.from(entry.nameBytes)).toEqual(Buffer.from(cp437));
    expect(entry.flags & 0x0800).toBe(0);
  });

  it("extra fields, entry comments, attributes and the archive comment stay", async () => {
    const extra = Uint8Array.from([0x55, 0x54, 0x05, 0x00, 0x01, 0x11, 0x22, 0x33, 0x44]);
    const localExtra = Uint8Array.from([0x55, 0x54, 0x09, 0x00, 0x03, 1, 2, 3, 4, 5, 6, 7, 8]);
    const archiveComment = Buffer.from("made by a test");
    const out = await refreshedPackage(
      await bookWith(
        [
          {
            name: Buffer.from("customXml/item1.xml"),
            data: Buffer.from("<a/>"),
            extra,
            localExtra,
            comment: Buffer.from("entry comment"),
            externalAttributes: 0o100644 * 65536,
            versionMadeBy: 0x031e,
          },
        ],
        archiveComment,
      ),
    );
    const directory = readCentralDirectory(out);
    expect(Buffer.from(directory.comment).toString()).toBe("made by a test");
    const entry = directory.entries.find((e) => e.name === "customXml/item1.xml")!;
    expect(Buffer.from(entry.extra)).toEqual(Buffer.from(extra));
    expect(Buffer.from(entry.comment).toString()).toBe("entry comment");
    expect(entry.externalAttributes >>> 16).toBe(0o100644);
    expect(entry.versionMadeBy).toBe(0x031e);
    const at = entry.localHeaderOffset;
    const local = Buffer.from(
      out.subarray(at + 30 + entry.nameBytes.length, at + 30 + entry.nameBytes.length + localExtra.length),
    );
    expect(local).toEqual(Buffer.from(localExtra));
  });

  it("a wrong CRC in the source's directory is not copied: the written one is computed", async () => {
    const data = Buffer.from("<picture/>");
    const out = await refreshedPackage(
      await bookWith([{ name: Buffer.from("xl/media/image1.bin"), data, statedCrc: 0xdeadbeef }]),
    );
    const entry = readCentralDirectory(out).entries.find((e) => e.name === "xl/media/image1.bin")!;
    expect(entry.crc32).toBe(crc32(data));
    expect(Buffer.from(out).readUInt32LE(entry.localHeaderOffset + 14)).toBe(crc32(data));
  });

  it("a stale Override for the part a new sheet takes is replaced, not listed twice", async () => {
    const stale = '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/xml"/>';
    const out = await refreshedPackage(
      await bookWith([], undefined, (name, xml) =>
        name === "[Content_Types].xml" ? xml.replace("</Types>", `${stale}</Types>`) : xml,
      ),
    );
    const types = (await partsOf(out)).get("[Content_Types].xml")!;
    const names = [...types.matchAll(/PartName="([^"]+)"/g)].map((m) => m[1]!.toLowerCase());
    expect(names.length).toBe(new Set(names).size);
    expect(types).toMatch(
      /PartName="\/xl\/worksheets\/sheet2\.xml" ContentType="application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.worksheet\+xml"/,
    );
  });
});

describe("an entry compressed another way", () => {
  it("nobody reads is copied with its own CRC, as no reader of the product can inflate it", async () => {
    const parts = await partsOf(await tableBook());
    const entries: RawEntry[] = [...parts].map(([name, xml]) => ({
      name: Buffer.from(name),
      data: Buffer.from(xml),
    }));
    const zip = rawZip([
      ...entries,
      { name: Buffer.from("xl/media/image1.bin"), data: Buffer.from("bzip2ed"), statedCrc: 0x12345678 },
    ]);
    // Method 12 (bzip2) in its local and central headers.
    const central = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt16LE(12, central + 10);
    zip.writeUInt16LE(12, zip.readUInt32LE(central + 42) + 8);
    const out = await refreshedPackage(zip);
    const entry = readCentralDirectory(out).entries.find((e) => e.name === "xl/media/image1.bin")!;
    expect({ method: entry.method, crc: entry.crc32 }).toEqual({ method: 12, crc: 0x12345678 });
  });
});
