/**
 * The Dashboard's manual page breaks as the package patcher writes them: a <rowBreaks> after
 * <headerFooter> (CT_Worksheet's order) and before the <drawing> of its charts, well-formed.
 */
import { SaxesParser } from "saxes";
import { runScorecard } from "../../src/app/scorecard";
import { listZipEntries, readZipEntry } from "../../src/workbook/xlsx/zip";
import { nodeCodec } from "../../src/workbook/package/nodeCodec";
import { packagePort } from "../helpers/package";
import { workbookBytes } from "../helpers/xlsx";

/** Six KPIs over four months: a status block and six chart blocks, more than one page. */
function rows(): (string | number)[][] {
  const out: (string | number)[][] = [["Period", "Perspective", "Objective", "KPI", "Actual", "Target"]];
  for (let k = 0; k < 6; k++)
    for (let m = 1; m <= 4; m++)
      out.push([`2026-0${m}`, k < 3 ? "Financial" : "Customer", "Grow", `KPI ${k}`, 90 + m + k, 95]);
  return out;
}

async function text(zip: Uint8Array, name: string): Promise<string> {
  const entry = listZipEntries(zip).find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name}`);
  return new TextDecoder().decode(await readZipEntry(zip, entry, nodeCodec.inflate));
}

async function dashboardXml(): Promise<string> {
  const port = await packagePort(
    new Uint8Array(await workbookBytes([{ name: "Data", rows: rows(), table: "Kpis" }])),
  );
  const outcome = await runScorecard(port, { now: new Date("2026-05-01T09:00:00Z") }, true);
  if (!outcome.ok) throw new Error(outcome.fatal.message);
  const zip = await port.toBytes();
  const workbook = await text(zip, "xl/workbook.xml");
  const id = /<sheet name="Dashboard"[^>]*r:id="(rId\d+)"/.exec(workbook)![1];
  const rels = await text(zip, "xl/_rels/workbook.xml.rels");
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
  return text(zip, `xl/${target.replace(/^\/?xl\//, "")}`);
}

describe("the Dashboard sheet's page breaks in the package", () => {
  it("writes manual row breaks after the header and footer and before the drawing, well-formed", async () => {
    const xml = await dashboardXml();
    const parser = new SaxesParser({ xmlns: false });
    const order: string[] = [];
    const breaks: Record<string, string>[] = [];
    parser.on("opentag", (tag) => {
      order.push(tag.name);
      if (tag.name === "brk") breaks.push(tag.attributes as Record<string, string>);
    });
    parser.write(xml).close();
    const at = ["pageMargins", "pageSetup", "headerFooter", "rowBreaks", "drawing"].map((t) =>
      order.indexOf(t),
    );
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(breaks.length).toBeGreaterThan(0);
    for (const b of breaks) expect({ max: b.max, man: b.man }).toEqual({ max: "16383", man: "1" });
    const ids = breaks.map((b) => Number(b.id));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(xml).toContain(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">`);
    expect(xml).toContain("&amp;LBalanced Scorecard dashboard&amp;RPeriod 2026-04</oddHeader>");
  });
});
