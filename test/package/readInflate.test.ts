import { readFileSync } from "node:fs";
import path from "node:path";
import { deflateRawSync } from "node:zlib";
import { browserBoundedInflate } from "../../src/workbook/package/readInflateBrowser";
import { nodeBoundedInflate } from "../../src/workbook/package/readInflateNode";
import { listZipEntries } from "../../src/workbook/xlsx/zip";
import { InflateLimitError, readPackageSnapshot } from "../../src/workbook/package/readSnapshot";

/**
 * Both inflates keep to the contract the reader counts on: the bytes when they fit, an
 * InflateLimitError as soon as they would not, and any other error for damaged data.
 */
describe.each([
  ["Node (zlib)", nodeBoundedInflate],
  ["browser (DecompressionStream)", browserBoundedInflate],
])("%s bounded inflate", (_, inflate) => {
  const text = Buffer.from("<row>".repeat(20_000));
  const deflated = deflateRawSync(text);

  it("gives the bytes when they fit, to the exact limit", async () => {
    expect(Buffer.from(await inflate(deflated, text.length)).equals(text)).toBe(true);
    expect((await inflate(deflateRawSync(Buffer.alloc(0)), 1)).length).toBe(0);
  });

  it("rejects with InflateLimitError one byte over the limit", async () => {
    await expect(inflate(deflated, text.length - 1)).rejects.toBeInstanceOf(InflateLimitError);
  });

  it("stops a bomb early: 256 MiB of zeros against a 1 MiB limit", async () => {
    const bomb = deflateRawSync(Buffer.alloc(256 * 1024 * 1024));
    const started = Date.now();
    await expect(inflate(bomb, 1024 * 1024)).rejects.toBeInstanceOf(InflateLimitError);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("rejects damaged data with another error", async () => {
    const error = await inflate(Buffer.from([0xff, 0xff, 0xff, 0xff]), 1000).catch((e: unknown) => e);
    // zlib's and the stream's errors come from Node's own realm: not instances of this one's Error.
    expect((error as Error).message).toEqual(expect.any(String));
    expect(error).not.toBeInstanceOf(InflateLimitError);
  });

  it("takes the size the ZIP states as a hint only: a wrong one changes nothing", async () => {
    for (const hint of [0, 1, text.length - 1, text.length, text.length + 1, 10 * text.length]) {
      expect(Buffer.from(await inflate(deflated, 20 * text.length, hint)).equals(text)).toBe(true);
      await expect(inflate(deflated, text.length - 1, hint)).rejects.toBeInstanceOf(InflateLimitError);
    }
  });

  it("reads a workbook to the same snapshot as the other", async () => {
    const bytes = readFileSync(path.join(__dirname, "..", "fixtures", "examples", "series-1-dates.xlsx"));
    expect(await readPackageSnapshot(bytes, inflate)).toEqual(
      await readPackageSnapshot(bytes, nodeBoundedInflate),
    );
  });
});

describe("Node's bounded inflate sizes its output", () => {
  const text = Buffer.from('<c r="A1"><v>1</v></c>'.repeat(100_000));
  const deflated = deflateRawSync(text);

  it("to the stated size: one buffer of the part's size, not pieces joined into a copy", async () => {
    const out = await nodeBoundedInflate(deflated, 10 * text.length, text.length);
    expect(Buffer.from(out).equals(text)).toBe(true);
    expect(out.buffer.byteLength).toBe(text.length + 1);
  });

  it("so that a small part holds no mebibyte buffer, whatever size is stated", async () => {
    const small = deflateRawSync(Buffer.from("<sst/>"));
    for (const hint of [undefined, 6, 200 * 1024 * 1024]) {
      const out = await nodeBoundedInflate(small, 256 * 1024 * 1024, hint);
      expect(Buffer.from(out).toString()).toBe("<sst/>");
      expect(out.buffer.byteLength).toBeLessThan(1024);
    }
  });

  it("the reader hands it each part's size as the ZIP states it", async () => {
    const bytes = readFileSync(path.join(__dirname, "..", "fixtures", "examples", "series-1-dates.xlsx"));
    const sizes = listZipEntries(bytes).map((e) => e.uncompressedSize);
    const hints: { hint: number | undefined; inflated: number }[] = [];
    await readPackageSnapshot(bytes, async (data, maxBytes, sizeHint) => {
      const out = await nodeBoundedInflate(data, maxBytes, sizeHint);
      hints.push({ hint: sizeHint, inflated: out.length });
      return out;
    });
    expect(hints.length).toBeGreaterThan(2);
    for (const { hint, inflated } of hints) {
      expect(hint).toBe(inflated);
      expect(sizes).toContain(hint);
    }
  });
});
