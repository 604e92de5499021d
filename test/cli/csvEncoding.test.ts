import { csvDecoder, csvEncoding } from "../../src/cli/commands";

/**
 * A CSV's encoding, from its first piece (found by a new user on an unseen public export saved by a
 * Windows tool: its no-break spaces and en dashes, one byte each, read as U+FFFD).
 */
describe("a CSV file's encoding", () => {
  it("is UTF-16 where its byte-order mark says so", () => {
    expect(csvEncoding(Uint8Array.from([0xff, 0xfe, 0x41, 0x00]))).toBe("utf-16le");
    expect(csvEncoding(Uint8Array.from([0xfe, 0xff, 0x00, 0x41]))).toBe("utf-16be");
  });

  it("is UTF-8 where the bytes are, a character cut at the piece's end included", () => {
    expect(csvEncoding(Buffer.from("KPI,Réalisé\nCA,1\n", "utf8"))).toBe("utf-8");
    const cut = Buffer.from("KPI,é", "utf8").subarray(0, -1);
    expect(csvEncoding(cut)).toBe("utf-8");
  });

  it("is Windows-1252 where the bytes are not UTF-8, and then reads its characters", () => {
    const bytes = Uint8Array.from([...Buffer.from("kpi,Market parcels "), 0x96, 0xa0, 0x41]);
    const encoding = csvEncoding(bytes);
    expect(encoding).toBe("windows-1252");
    expect(csvDecoder(encoding).decode(bytes)).toBe("kpi,Market parcels \u2013\u00a0A");
    expect(csvDecoder(encoding).decode(Uint8Array.from([0x80, 0x93, 0x94, 0xe9, 0x81]))).toBe(
      "\u20ac\u201c\u201d\u00e9\u0081",
    );
  });
});
