import { crc32 } from "node:zlib";
import { nodeCodec } from "../../src/workbook/package/nodeCodec";
import { listZipEntries, readZipEntry } from "../../src/workbook/xlsx/zip";

/** Writes a ZIP package with stored (uncompressed) entries: enough to build test workbooks. */
export function writeZip(entries: readonly { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The package's entries, to change and write back. */
export async function zipEntries(zip: Buffer): Promise<{ name: string; data: Buffer }[]> {
  return Promise.all(
    listZipEntries(zip).map(async (e) => ({
      name: e.name,
      data: Buffer.from(await readZipEntry(zip, e, nodeCodec.inflate)),
    })),
  );
}

/** Adds parts a workbook may hold that ExcelJS does not keep (a chart, a pivot table). */
export async function withExtraParts(zip: Buffer, names: readonly string[]): Promise<Buffer> {
  const extra = names.map((name) => ({ name, data: Buffer.from('<?xml version="1.0"?><part/>') }));
  return writeZip([...(await zipEntries(zip)), ...extra]);
}

/** A package with one cell of a sheet part set to another number, as a user's edit would leave it. */
export async function withNumberIn(zip: Buffer, part: string, cell: string, value: number): Promise<Buffer> {
  const entries = await zipEntries(zip);
  const sheet = entries.find((e) => e.name === part);
  if (!sheet) throw new Error(`no part ${part}`);
  const xml = sheet.data.toString("utf8");
  const changed = xml.replace(new RegExp(`(<c r="${cell}"[^>]*><v>)[^<]*(</v>)`), `$1${value}$2`);
  if (changed === xml) throw new Error(`no number in ${cell} of ${part}`);
  sheet.data = Buffer.from(changed, "utf8");
  return writeZip(entries);
}
