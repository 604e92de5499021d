/**
 * The help page AppSource asks for (issue 21, item 9): shipped with the add-in, named by the
 * manifest as its support and learn-more address, and saying how to use it, that no data leaves
 * the workbook, and whom to contact.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.join(__dirname, "..", "..");
const manifest = readFileSync(path.join(root, "manifest.xml"), "utf8");
/** The page's text with its line breaks as spaces, as a browser lays it out. */
const help = readFileSync(path.join(root, "assets", "help.html"), "utf8").replace(/\s+/g, " ");

/** The DefaultValue of the manifest's element or resource with this name or id. */
const url = (pattern: RegExp) => pattern.exec(manifest)?.[1];

describe("the help page", () => {
  it("is in assets/, which the build ships, and is the manifest's support and learn-more address", () => {
    expect(existsSync(path.join(root, "assets", "help.html"))).toBe(true);
    expect(url(/<SupportUrl DefaultValue="([^"]+)"/)).toBe("https://localhost:3000/assets/help.html");
    expect(url(/<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="([^"]+)"/)).toBe(
      "https://localhost:3000/assets/help.html",
    );
  });

  it("says how to use the add-in, that no data leaves the workbook, and whom to contact", () => {
    for (const section of ["use", "privacy", "contact"]) expect(help).toContain(`id="${section}"`);
    expect(help).toMatch(/No data leaves your workbook/);
    expect(help).toMatch(/sends nothing to any server/);
  });

  it("names the ribbon's group and button and the pane's actions as they are labelled", () => {
    const label = (id: string) =>
      new RegExp(`<bt:String id="${id}" DefaultValue="([^"]+)"`).exec(manifest)?.[1];
    expect(label("Group.Label")).toBe("Scorecard");
    expect(help).toContain(`<strong>${label("Group.Label")}</strong> group`);
    expect(help).toContain(`choose <strong>${label("ShowTaskpane.Label")}</strong>`);
    expect(help).toContain(`<strong>${label("Refresh.Label")}</strong>`);
    // The pane's own words: its main button, its fold and its tabs.
    const pane = ["views/SetupView.tsx", "views/SetupColumns.tsx", "AppViews.tsx"]
      .map((file) => readFileSync(path.join(root, "src", "taskpane", file), "utf8"))
      .join("\n");
    for (const words of ["Create scorecard", "Tag KPI", "Settings", "More columns (optional)"]) {
      expect(help).toContain(words);
      expect(pane).toContain(words);
    }
  });

  it("runs no script and loads nothing from elsewhere", () => {
    expect(help).not.toMatch(/<script/i);
    expect(help).not.toMatch(/(?:src|href)="https?:/i);
  });
});
