/**
 * @jest-environment jsdom
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.join(__dirname, "..", "..");
const xml = readFileSync(path.join(root, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "application/xml");
const all = (tag: string) => [...doc.getElementsByTagName(tag)];
const first = (tag: string) => all(tag)[0]!;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { productionUrl, rewriteManifest } = require(path.join(root, "scripts", "manifest-urls.js"));

/** Width and height of a PNG file, from its IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe("manifest.xml, checked offline", () => {
  it("is well-formed XML", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  });

  it("is a task pane add-in for workbooks that reads and writes the document", () => {
    const app = doc.documentElement;
    expect(app.localName).toBe("OfficeApp");
    expect(app.getAttribute("xsi:type")).toBe("TaskPaneApp");
    expect(first("Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(first("Version").textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(all("Host").map((h) => h.getAttribute("Name") ?? h.getAttribute("xsi:type"))).toEqual([
      "Workbook",
      "Workbook",
    ]);
    expect(first("Permissions").textContent).toBe("ReadWriteDocument");
  });

  it("requires the ExcelApi set the core needs, the DialogApi the ribbon's notice uses and the shared runtime", () => {
    const sets = all("Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]);
    expect(sets).toEqual([
      ["ExcelApi", "1.9"],
      ["DialogApi", "1.1"],
      ["SharedRuntime", "1.1"],
    ]);
  });

  /** The URL a resid names. */
  const urlOf = (resid: string | null) =>
    all("bt:Url")
      .find((u) => u.getAttribute("id") === resid)
      ?.getAttribute("DefaultValue");

  it("runs pane, ribbon and custom functions in one long-lived shared runtime: the task pane's page", () => {
    const host = all("Host").find((h) => h.getAttribute("xsi:type") === "Workbook")!;
    // Microsoft's rule: Runtimes first in the Host, then AllFormFactors, then DesktopFormFactor.
    expect([...host.children].map((c) => c.localName)).toEqual([
      "Runtimes",
      "AllFormFactors",
      "DesktopFormFactor",
    ]);
    const runtimes = all("Runtime");
    expect(runtimes.map((r) => [r.getAttribute("resid"), r.getAttribute("lifetime")])).toEqual([
      ["Taskpane.Url", "long"],
    ]);
    // The same resid everywhere, or the shared runtime does not load.
    expect(first("FunctionFile").getAttribute("resid")).toBe("Taskpane.Url");
    const page = first("Page").getElementsByTagName("SourceLocation")[0]!;
    expect(page.getAttribute("resid")).toBe("Taskpane.Url");
    const panes = all("Action")
      .filter((a) => a.getAttribute("xsi:type") === "ShowTaskpane")
      .map((a) => a.getElementsByTagName("SourceLocation")[0]!.getAttribute("resid"));
    expect(panes).toEqual(["Taskpane.Url"]);
    expect(urlOf("Taskpane.Url")).toBe("https://localhost:3000/taskpane.html");
  });

  it("declares the custom functions: their script, their metadata and the BSC namespace", () => {
    const point = all("ExtensionPoint").find((e) => e.getAttribute("xsi:type") === "CustomFunctions")!;
    expect(point.parentElement!.localName).toBe("AllFormFactors");
    expect([...point.children].map((c) => c.localName)).toEqual(["Script", "Page", "Metadata", "Namespace"]);
    const resid = (tag: string) =>
      point.getElementsByTagName(tag)[0]!.getElementsByTagName("SourceLocation")[0]!.getAttribute("resid");
    expect(urlOf(resid("Script"))).toBe("https://localhost:3000/functions.js");
    expect(urlOf(resid("Metadata"))).toBe("https://localhost:3000/functions.json");
    const namespace = point.getElementsByTagName("Namespace")[0]!.getAttribute("resid");
    const word = all("bt:String").find((s) => s.getAttribute("id") === namespace)!;
    expect(word.parentElement!.localName).toBe("ShortStrings");
    expect(word.getAttribute("DefaultValue")).toBe("BSC");
  });

  it("resolves every resid to a resource", () => {
    const ids = new Set(
      ["bt:Image", "bt:Url", "bt:String"].flatMap((t) =>
        all(t)
          .map((e) => e.getAttribute("id"))
          .filter(Boolean),
      ),
    );
    const used = [...doc.getElementsByTagName("*")]
      .map((e) => e.getAttribute("resid"))
      .filter((r): r is string => r !== null);
    expect(used.length).toBeGreaterThan(10);
    for (const resid of used) expect(ids).toContain(resid);
  });

  it("uses https for every URL", () => {
    const urls = [...doc.getElementsByTagName("*")].flatMap((e) => [
      ...(e.getAttribute("DefaultValue")?.startsWith("http") ? [e.getAttribute("DefaultValue")!] : []),
      ...(e.localName === "AppDomain" ? [e.textContent!] : []),
    ]);
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  it("has icons in assets/ at the sizes it names (16, 32, 64, 80, 128 px)", () => {
    const images = all("bt:Image").filter((i) => i.hasAttribute("DefaultValue"));
    expect(images.length).toBe(6);
    for (const image of [...images, first("IconUrl"), first("HighResolutionIconUrl")]) {
      const url = image.getAttribute("DefaultValue")!;
      const file = path.join(root, "assets", url.split("/assets/")[1]!);
      expect(existsSync(file)).toBe(true);
      const px = Number(/-(\d+)\.png$/.exec(file)![1]);
      expect(pngSize(file)).toEqual([px, px]);
    }
    for (const px of [16, 32, 64, 80, 128])
      expect(existsSync(path.join(root, "assets", `icon-${px}.png`))).toBe(true);
  });

  it("puts a Scorecard group on the Home tab with a pane button and a Refresh command", () => {
    const tab = first("OfficeTab");
    expect(tab.getAttribute("id")).toBe("TabHome");
    const controls = all("Control").map((c) => [
      c.getAttribute("id"),
      c.getElementsByTagName("Action")[0]!.getAttribute("xsi:type"),
    ]);
    expect(controls).toEqual([
      ["Bsc.ShowTaskpane", "ShowTaskpane"],
      ["Bsc.Refresh", "ExecuteFunction"],
    ]);
    const functionName = first("FunctionName").textContent!;
    expect(readFileSync(path.join(root, "src", "commands", "commands.ts"), "utf8")).toContain(
      `associate("${functionName}"`,
    );
  });

  it("is the one way into every page built but the dialog the Refresh command opens", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { PAGES } = require(path.join(root, "webpack.config.js")) as { PAGES: { filename: string }[] };
    const urls = all("bt:Url").map((u) => u.getAttribute("DefaultValue") ?? "");
    const code = (readdirSync(path.join(root, "src"), { recursive: true }) as string[])
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => readFileSync(path.join(root, "src", f), "utf8"))
      .join("\n");
    // A page that nothing opens is only one more page to keep safe: it is not built.
    const opener = (page: string) =>
      urls.some((u) => u.endsWith(`/${page}`)) ? "manifest" : code.includes(`"${page}"`) ? "code" : "nothing";
    expect(Object.fromEntries(PAGES.map((p) => [p.filename, opener(p.filename)]))).toEqual({
      "taskpane.html": "manifest",
      "notice.html": "code",
    });
  });

  it("is pointed at the production host by a production build", () => {
    const url = productionUrl({ BSC_PRODUCTION_URL: "https://scorecard.example.com/addin" });
    const rewritten = rewriteManifest(xml, url);
    expect(rewritten).not.toContain("localhost");
    expect(rewritten).toContain("https://scorecard.example.com/addin/taskpane.html");
    expect(rewritten).toContain("<AppDomain>https://scorecard.example.com</AppDomain>");
    expect(rewritten).toContain("https://scorecard.example.com/addin/functions.js");
    expect(rewritten).toContain("https://scorecard.example.com/addin/functions.json");
    expect(() => productionUrl({ BSC_PRODUCTION_URL: "http://insecure.example.com/" })).toThrow("https");
  });
});
