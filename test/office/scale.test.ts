import { FakeExcel } from "./fakeExcel";
import { scorecardBook, syncsToApply } from "./books";

/**
 * Large scorecards through Office.js: round trips and payloads stay within Excel's limits.
 * Kept apart so that mutation testing, which is about the rules, can leave these heavy runs out.
 */
describe("reading a large workbook through Office.js", () => {
  it("keeps every response under the payload limit by reading large sheets in blocks", async () => {
    const fake = scorecardBook(2000);
    await fake.port(100_000).readSnapshot();
    expect(fake.syncs).toBeGreaterThan(3);
    expect(Math.max(...fake.responseBytes)).toBeLessThan(100_000);
  });
});

describe("writing a large scorecard through Office.js", () => {
  it("takes the same number of round trips for 10, 1,000 and 10,000 KPIs", async () => {
    const counts = [];
    for (const kpis of [10, 1000, 10000]) counts.push((await syncsToApply(kpis)).syncs);
    // Five: the read of the product's sheets, the request that makes them (first refresh only),
    // the write, the rules, and events back on.
    expect(counts).toEqual([5, 5, 5]);
  }, 60000);

  it("writes the largest live Scorecard sheet, formulas and all, in the same round trips and under 5 MB", async () => {
    // Near the formula budget (LIVE_FORMULA_CHARS): each KPI row's formulas take some 650 characters.
    const { fake, syncs } = await syncsToApply(3000);
    expect(syncs).toBe(5);
    expect(Math.max(...fake.requestBytes)).toBeLessThan(5_000_000);
    const b3 = fake.value("Scorecard", "B3");
    expect(String(b3)).toMatch(/^FORMULA =/);
  }, 60000);

  it("keeps every request under Excel on the web's 5 MB limit, even for 10,000 KPIs", async () => {
    const { fake } = await syncsToApply(10000);
    expect(Math.max(...fake.requestBytes)).toBeLessThan(5_000_000);
    // Past the formula budget the Scorecard sheet holds values, and says so.
    expect(typeof fake.value("Scorecard", "B3")).toBe("number");
    expect(String(fake.value("Scorecard", "A7"))).toMatch(/too many KPIs for its figures to be formulas/);
  }, 60000);

  it("splits large writes into several requests under the limit, with the same result", async () => {
    const whole = await syncsToApply(600);
    const chunked = await syncsToApply(600, 20_000);
    expect(chunked.syncs).toBeGreaterThan(whole.syncs);
    expect(Math.max(...chunked.fake.requestBytes.slice(-chunked.syncs))).toBeLessThan(40_000);
    const cells = (f: FakeExcel) => [...f.sheet("Scorecard").cells.entries()].sort();
    expect(cells(chunked.fake)).toEqual(cells(whole.fake));
  }, 60000);
});

describe("the summary's number formats through Office.js", () => {
  it("are sent for the cells that have one, not as a grid over the whole sheet", async () => {
    const { fake } = await syncsToApply(2000);
    const sheet = fake.sheet("Scorecard");
    const cells = [...sheet.cells.values()];
    const formatted = cells.filter((c) => c.format !== "General");
    // Few cells carry a format; a grid of them all would cost a null or a code for every cell.
    expect(formatted.length).toBeLessThan(cells.length / 2);
    const written = fake.requestBytes.reduce((a, b) => a + b, 0);
    const values = JSON.stringify(cells.map((c) => c.value)).length;
    const formats = JSON.stringify(formatted.map((c) => c.format)).length;
    // Each KPI's source cell is also a link, its text sent again with the cell it points to.
    const links = [...sheet.hyperlinks.values()];
    expect(links.length).toBeGreaterThanOrEqual(2000);
    const linkBytes = JSON.stringify(links).length + links.length * 20;
    expect(written).toBeLessThan(values + formats * 2 + cells.length * 4 + linkBytes);
  }, 60000);
});
