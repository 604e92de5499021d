/**
 * @jest-environment jsdom
 */
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The manifest against the order the add-in manifest's XSDs impose, offline. `npm run validate`
 * sends the manifest to Microsoft's validation service, which this network cannot reach, and
 * office-addin-manifest ships no XSD (it has none to check against locally). Office refuses a
 * manifest whose elements stand under the right parent but in the wrong order ("not a valid child"),
 * the commonest schema failure: so each parent's children are checked against the sequence of its
 * schema type, as Microsoft's "How to find the proper order of manifest elements" lists them for
 * a task pane add-in. A child this table does not know fails too: add it from that page.
 */
const SEQUENCES: Readonly<Record<string, readonly string[]>> = {
  OfficeApp: [
    "Id",
    "AlternateId",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "SupportUrl",
    "AppDomains",
    "Hosts",
    "Requirements",
    "DefaultSettings",
    "Permissions",
    "Dictionary",
    "VersionOverrides",
    "ExtendedOverrides",
  ],
  AppDomains: ["AppDomain"],
  "OfficeApp/Hosts": ["Host"],
  "OfficeApp/Requirements": ["Sets", "Methods"],
  Sets: ["Set"],
  DefaultSettings: ["SourceLocation"],
  VersionOverrides: [
    "Description",
    "Requirements",
    "Hosts",
    "Resources",
    "WebApplicationInfo",
    "EquivalentAddins",
  ],
  "VersionOverrides/Hosts": ["Host"],
  "VersionOverrides/Hosts/Host": ["Runtimes", "AllFormFactors", "DesktopFormFactor", "MobileFormFactor"],
  Runtimes: ["Runtime"],
  AllFormFactors: ["ExtensionPoint"],
  "AllFormFactors/ExtensionPoint": ["Script", "Page", "Metadata", "Namespace"],
  Script: ["SourceLocation"],
  Page: ["SourceLocation"],
  Metadata: ["SourceLocation"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint", "SupportsSharedFolders"],
  GetStarted: ["Title", "Description", "LearnMoreUrl"],
  "DesktopFormFactor/ExtensionPoint": ["OfficeTab"],
  OfficeTab: ["Group"],
  Group: ["Label", "Icon", "Control"],
  Control: ["Label", "Supertip", "Icon", "Action", "Enabled"],
  Supertip: ["Title", "Description"],
  Icon: ["Image"],
  Action: ["FunctionName", "TaskpaneId", "SourceLocation", "Title", "SupportsPinning"],
  Resources: ["Images", "Urls", "ShortStrings", "LongStrings"],
  Images: ["Image"],
  Urls: ["Url"],
  ShortStrings: ["String"],
  LongStrings: ["String"],
};

/** The sequence that governs `el`'s children: the most specific path of parents the table names. */
function sequenceOf(el: Element): readonly string[] | undefined {
  const names: string[] = [];
  for (let e: Element | null = el; e; e = e.parentElement) names.unshift(e.localName);
  for (let from = 0; from < names.length; from++) {
    const key = names.slice(from).join("/");
    if (SEQUENCES[key]) return SEQUENCES[key];
  }
  return undefined;
}

/** Every child out of its schema order or unknown to its parent, as "Parent > Child: why". */
function orderProblems(xml: string): string[] {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  if (doc.getElementsByTagName("parsererror").length) return ["the manifest is not well-formed XML"];
  const problems: string[] = [];
  const visit = (el: Element) => {
    const children = [...el.children];
    if (children.length === 0) return;
    const sequence = sequenceOf(el);
    if (!sequence) {
      problems.push(`${el.localName}: its children's order is not in the table`);
      return;
    }
    let last = -1;
    for (const child of children) {
      const at = sequence.indexOf(child.localName);
      if (at < 0) problems.push(`${el.localName} > ${child.localName}: not a child the schema allows here`);
      else if (at < last)
        problems.push(`${el.localName} > ${child.localName}: comes after ${sequence[last]}`);
      else last = at;
      visit(child);
    }
  };
  visit(doc.documentElement);
  return problems;
}

const manifest = readFileSync(path.join(__dirname, "..", "..", "manifest.xml"), "utf8");

describe("manifest.xml in the order its schema requires, checked offline", () => {
  it("has every element under its parent in the schema's order", () => {
    expect(orderProblems(manifest)).toEqual([]);
  });

  it("declares the task pane schemas: OfficeApp 1.1, VersionOverrides 1.0 for task panes", () => {
    const doc = new DOMParser().parseFromString(manifest, "application/xml");
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    const overrides = root.getElementsByTagName("VersionOverrides")[0]!;
    expect(overrides.namespaceURI).toBe("http://schemas.microsoft.com/office/taskpaneappversionoverrides");
    expect(overrides.getAttribute("xsi:type")).toBe("VersionOverridesV1_0");
    for (const resource of [...overrides.getElementsByTagName("Resources")[0]!.children])
      expect(resource.namespaceURI).toBe("http://schemas.microsoft.com/office/officeappbasictypes/1.0");
  });

  it("names an element out of order, one under the wrong parent, and one it does not know", () => {
    const swapped = manifest.replace(
      /(<Version>[^<]*<\/Version>)(\s*)(<ProviderName>[^<]*<\/ProviderName>)/,
      "$3$2$1",
    );
    expect(orderProblems(swapped)).toEqual(["OfficeApp > Version: comes after ProviderName"]);
    const supportUrl = /<SupportUrl [^>]*\/>/.exec(manifest)![0];
    const late = manifest.replace(supportUrl, "").replace("<Permissions>", `${supportUrl}<Permissions>`);
    expect(orderProblems(late)).toEqual(["OfficeApp > SupportUrl: comes after DefaultSettings"]);
    const underSettings = manifest
      .replace(supportUrl, "")
      .replace("</DefaultSettings>", `${supportUrl}</DefaultSettings>`);
    expect(orderProblems(underSettings)).toEqual([
      "DefaultSettings > SupportUrl: not a child the schema allows here",
    ]);
    const unknown = manifest.replace("<Permissions>", "<Colour>blue</Colour><Permissions>");
    expect(orderProblems(unknown)).toEqual(["OfficeApp > Colour: not a child the schema allows here"]);
  });
});
