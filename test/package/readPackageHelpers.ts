import ExcelJS from "exceljs";
import { crc32, deflateRawSync } from "node:zlib";
import type { WorkbookSnapshot } from "../../src/model/snapshot";
import { snapshotOf } from "../helpers/excelJsSnapshot";
import { nodeCodec } from "../../src/workbook/package/nodeCodec";
import { listZipEntries, readZipEntry } from "../../src/workbook/xlsx/zip";

/** A part of a package to write: deflated, as Excel writes them, unless `stored`. */
export interface TestPart {
  readonly name: string;
  readonly data: string | Uint8Array;
  readonly stored?: boolean;
}

/** A ZIP package with sizes in the local headers, parts in the order given. */
export function zipOf(parts: readonly TestPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const raw = typeof part.data === "string" ? Buffer.from(part.data, "utf8") : Buffer.from(part.data);
    const body = part.stored ? raw : deflateRawSync(raw);
    const name = Buffer.from(part.name, "utf8");
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(part.stored ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Every part of a package, inflated, in directory order. */
export async function partsOf(zip: Uint8Array): Promise<Map<string, string>> {
  const parts = new Map<string, string>();
  for (const entry of listZipEntries(zip)) {
    parts.set(entry.name, Buffer.from(await readZipEntry(zip, entry, nodeCodec.inflate)).toString("utf8"));
  }
  return parts;
}

/** The package with parts replaced, added (a new name) or removed (null). */
export async function withParts(zip: Uint8Array, changes: Record<string, string | null>): Promise<Buffer> {
  const parts = await partsOf(zip);
  for (const [name, data] of Object.entries(changes)) {
    if (data === null) parts.delete(name);
    else parts.set(name, data);
  }
  return zipOf([...parts].map(([name, data]) => ({ name, data })));
}

export async function xlsxBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** What the command line reads today: ExcelJS's load, then snapshotOf. */
/**
 * A snapshot's number formats as ExcelJS gives them, every escaping backslash dropped
 * (0.0\ "x" as 0.0 "x"): the one thing the oracle cannot see as the file writes it, and the
 * product reads it as written.
 */
export function formatsAsExcelJSReads(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return {
    ...snapshot,
    sheets: snapshot.sheets.map((sheet) =>
      sheet.formats
        ? {
            ...sheet,
            formats: sheet.formats.map((row) => {
              const out = [...row];
              row.forEach((f, i) => {
                if (typeof f === "string") out[i] = f.replace(/\\(.)/g, "$1");
              });
              return out;
            }),
          }
        : sheet,
    ),
  };
}

export async function exceljsSnapshot(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return snapshotOf(wb);
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/**
 * A package written by hand, part by part, for what ExcelJS never writes (inline strings, a
 * missing headerRowCount, sheet-scoped names): one sheet per entry of `sheets`, its XML the
 * inside of <worksheet>.
 */
export function handMadeWorkbook(options: {
  sheets: readonly { name: string; body: string; state?: string; rels?: string }[];
  definedNames?: string;
  sharedStrings?: readonly string[];
  styles?: string;
  workbookPr?: string;
  extra?: readonly TestPart[];
}): Buffer {
  const { sheets } = options;
  const parts: TestPart[] = [
    {
      name: "[Content_Types].xml",
      data:
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    },
    {
      name: "xl/workbook.xml",
      data:
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${options.workbookPr ?? ""}<sheets>` +
        sheets
          .map(
            (s, i) =>
              `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`,
          )
          .join("") +
        `</sheets>${options.definedNames ? `<definedNames>${options.definedNames}</definedNames>` : ""}</workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data:
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        sheets
          .map(
            (_, i) =>
              `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join("") +
        `<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
    {
      name: "xl/styles.xml",
      data:
        options.styles ??
        `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>`,
    },
    {
      name: "xl/sharedStrings.xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">${(options.sharedStrings ?? []).join("")}</sst>`,
    },
    ...sheets.flatMap((s, i) => [
      {
        name: `xl/worksheets/sheet${i + 1}.xml`,
        data: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}">${s.body}</worksheet>`,
      },
      ...(s.rels
        ? [
            {
              name: `xl/worksheets/_rels/sheet${i + 1}.xml.rels`,
              data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${s.rels}</Relationships>`,
            },
          ]
        : []),
    ]),
    ...(options.extra ?? []),
  ];
  return zipOf(parts);
}
