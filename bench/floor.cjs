// The benchmark's physical floor: what any refresh of the file must at least do, as a whole
// process of its own in plain JavaScript. It reads the file, inflates every part, scans the
// table sheet's cells once (a byte loop over the largest worksheet, counting its cells) and
// deflates that sheet again, as a refresh that rewrites it must (level 3, as the product writes).
const { readFileSync, writeFileSync } = require("node:fs");
const { inflateRawSync, deflateRawSync } = require("node:zlib");

function entries(zip) {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const list = [];
  for (let i = 0; i < count; i++) {
    const name = zip.toString("utf8", at + 46, at + 46 + zip.readUInt16LE(at + 28));
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    list.push({
      name,
      method: zip.readUInt16LE(at + 10),
      body: zip.subarray(start, start + zip.readUInt32LE(at + 20)),
    });
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return list;
}

const [input, output] = process.argv.slice(2);
const zip = readFileSync(input);
let sheet = null;
for (const e of entries(zip)) {
  const bytes = e.method === 8 ? inflateRawSync(e.body, { chunkSize: 1024 * 1024 }) : e.body;
  if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name) && (!sheet || bytes.length > sheet.length)) sheet = bytes;
}
let cells = 0;
for (let i = 0; i < sheet.length; i++) {
  // "<c " or "<c>": one cell.
  if (sheet[i] === 0x3c && sheet[i + 1] === 0x63 && (sheet[i + 2] === 0x20 || sheet[i + 2] === 0x3e)) cells++;
}
const deflated = deflateRawSync(sheet, { level: 3 });
writeFileSync(output, `${cells} cells, ${deflated.length} bytes\n`);
