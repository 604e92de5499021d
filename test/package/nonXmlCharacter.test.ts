/** The check for characters XML forbids, read four bytes at a time, against a byte-by-byte reading. */
import fc from "fast-check";
import { nonXmlCharacter } from "../../src/workbook/package/read/xml";
import { propertyRuns } from "../helpers/runs";

/** The first forbidden character, byte by byte: the rule stated plainly. */
function byteByByte(bytes: Uint8Array): string | null {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)
      return `U+${b.toString(16).padStart(4, "0").toUpperCase()}`;
    if (b === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbe) return "U+FFFE";
    if (b === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbf) return "U+FFFF";
    if (b === 0xed && bytes[i + 1]! >= 0xa0 && bytes[i + 1]! <= 0xbf) return "a lone surrogate";
  }
  return null;
}

const PIECES = [
  [0x3c, 0x63, 0x3e],
  [0x41],
  [0x20],
  [0x0a],
  [0x09],
  [0x0d],
  [0x00],
  [0x01],
  [0x1f],
  [0x7f],
  [0x80],
  [0xc3, 0xa9],
  [0xef, 0xbf, 0xbe],
  [0xef, 0xbf, 0xbf],
  [0xef, 0xbf, 0xbd],
  [0xed, 0xa0, 0x80],
  [0xed, 0x9f, 0xbf],
].map((p) => Uint8Array.from(p));

it("finds what a byte-by-byte reading finds, at every offset in the buffer", () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), fc.nat(7), (pieces, offset) => {
      const length = pieces.reduce((n, p) => n + p.length, 0);
      // Placed at an offset in a larger buffer: the check reads whole words from aligned places.
      const buffer = new Uint8Array(offset + length + 3).fill(0x41);
      let at = offset;
      for (const p of pieces) {
        buffer.set(p, at);
        at += p.length;
      }
      const bytes = buffer.subarray(offset, offset + length);
      expect(nonXmlCharacter(bytes)).toBe(byteByByte(bytes));
    }),
    { numRuns: propertyRuns(5000) },
  );
});
