/**
 * The whole journey by keyboard only, in Excel's 320 px pane: open the sample, create, open a
 * KPI, edit and save it, tag a range, refresh, ask to publish, change a setting, open Add
 * commentary, close the details. After each step focus is on what the step produced (never on
 * <body>) and the live regions said what happened.
 */
import type { Page } from "playwright-core";
import { openPreview, paneBench, tabTo, type PaneBench } from "./pane";

let bench: PaneBench;

beforeAll(async () => {
  bench = await paneBench("bsc-keys-");
});

afterAll(() => bench?.close());

/** The focused element as a user would name it: its role and its name (or label). */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return "body";
    const role = el.getAttribute("role") ?? el.tagName.toLowerCase();
    const labelled = el.getAttribute("aria-labelledby");
    const label =
      el.getAttribute("aria-label") ??
      (labelled ? document.getElementById(labelled)?.textContent : null) ??
      (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ??
      el.textContent;
    return `${role}: ${(label ?? "").trim()}`;
  });
}

/** What the live regions hold now: the polite status line and the assertive alert. */
async function announced(page: Page): Promise<{ status: string; alert: string }> {
  return page.evaluate(() => ({
    status: [...document.querySelectorAll('main [role="status"]')].map((r) => r.textContent).join(" "),
    alert: [...document.querySelectorAll('[role="alert"]')].map((r) => r.textContent).join(" "),
  }));
}

const settled = (page: Page) => page.waitForFunction(() => !document.querySelector('[role="progressbar"]'));

/** Waits until the focused element matches, and returns it. */
async function focusMatches(page: Page, expected: RegExp): Promise<string> {
  await page
    .waitForFunction(
      (source) => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return false;
        return new RegExp(source).test(
          `${el.getAttribute("role") ?? el.tagName.toLowerCase()}: ${el.getAttribute("aria-label") ?? ""} ${el.textContent ?? ""}`,
        );
      },
      expected.source,
      { timeout: 20000 },
    )
    .catch(() => undefined);
  return focused(page);
}

/** Presses Tab (or Shift+Tab) until the focused element, as `focused` names it, matches. */
async function moveTo(page: Page, name: RegExp, key = "Tab", limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    if (name.test(await focused(page))) return;
  }
  throw new Error(`${key} never reached ${name}`);
}
const shiftTabTo = (page: Page, name: RegExp) => moveTo(page, name, "Shift+Tab");

/** Moves to the tab list (back, or on with `forward`), along it with the arrows, and opens the named tab. */
async function openTab(page: Page, name: RegExp, forward = false): Promise<void> {
  await moveTo(page, /^tab: /, forward ? "Tab" : "Shift+Tab");
  for (let i = 0; i < 5 && !name.test(await focused(page)); i++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
}

describe("the pane by keyboard only, at 320 × 700", () => {
  it("leaves focus on what each action produced and says what happened", async () => {
    const page = await bench.browser.newPage({ viewport: { width: 320, height: 700 } });
    // Nothing in the console but the CDN this network cannot reach: office.js missing is the
    // browser preview, not an error.
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && !m.location().url.includes("appsforoffice.microsoft.com"))
        errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    await openPreview(page, bench.server.url);

    // Open the sample: focus goes to the set-up's first field, and Create scorecard is in sight.
    await tabTo(page, /Open the sample workbook/);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Create the scorecard" }).waitFor();
    expect(await focusMatches(page, /combobox|select/)).toMatch(/^select: .*Scorecard table/);
    const create = await page.getByRole("button", { name: "Create scorecard" }).boundingBox();
    expect(create!.y + create!.height).toBeLessThanOrEqual(700);
    // A handful of Tabs, not 21, from the first field to the main action.
    let tabs = 0;
    for (; tabs < 12 && !/Create scorecard/.test(await focused(page)); tabs++)
      await page.keyboard.press("Tab");
    expect({ tabs, focus: await focused(page) }).toEqual({ tabs, focus: "button: Create scorecard" });

    // Create: focus on the tree, the outcome said.
    await page.keyboard.press("Enter");
    await page.getByRole("tree").waitFor();
    await settled(page);
    expect(await focusMatches(page, /^treeitem/)).toMatch(/^treeitem: /);
    expect((await announced(page)).status).toMatch(/Scorecard for 2026-12: .* 15 KPIs/);

    // Open a KPI with Enter; Escape on the row closes it; Space opens it again.
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const row = await focused(page);
    expect(row).toMatch(/^treeitem: /);
    await page.keyboard.press("Enter");
    const details = page.getByRole("region", { name: /^KPI / });
    await details.waitFor();
    const kpi = ((await details.getAttribute("aria-label")) ?? "").replace(/^KPI /, "");
    expect(await focused(page)).toBe(row);
    await page.keyboard.press("Escape");
    await details.waitFor({ state: "detached" });
    expect(await focused(page)).toBe(row);
    await page.keyboard.press(" ");
    await details.waitFor();

    // Edit KPI: the form opens with focus on its first field, in sight.
    await tabTo(page, /Edit KPI/);
    await page.keyboard.press("Enter");
    expect(await focusMatches(page, /Polarity/)).toMatch(/^select: .*Polarity/);
    await tabTo(page, /^input: .*Weight|Weight/);
    await page.keyboard.press("Control+A");
    // A weight no KPI of the sample has, so that the save changes it.
    await page.keyboard.type("7");
    await page.keyboard.press("Enter");
    await page.getByText(new RegExp(`^Weight of ${kpi} saved · scorecard refreshed`)).waitFor();
    await settled(page);
    // Back on the row saved, the confirmation kept after the refresh; Escape closes the details.
    expect(await focusMatches(page, new RegExp(`^treeitem: .*${kpi}`))).toMatch(
      new RegExp(`^treeitem: .*${kpi}`),
    );
    expect((await announced(page)).status).toContain(`Weight of ${kpi} saved · scorecard refreshed.`);
    await page.keyboard.press("Escape");
    await details.waitFor({ state: "detached" });
    expect(await focused(page)).toMatch(new RegExp(`^treeitem: .*${kpi}`));

    // Tag a range: the new KPI's row takes the focus, and the tag is said.
    await openTab(page, /Tag KPI/);
    // The view loads on demand: its form is there before the keys go on.
    await page.getByRole("form", { name: "Tag a KPI" }).waitFor();
    await tabTo(page, /Actual/);
    await page.keyboard.type("Treasury!B2:M2");
    await tabTo(page, /Target value/);
    await page.keyboard.type("560");
    await tabTo(page, /Objective/);
    await page.keyboard.type("Keep cash");
    await tabTo(page, /KPI name/);
    await page.keyboard.type("Cash on hand");
    await page.keyboard.press("Enter");
    await page.getByText(/^KPI Cash on hand tagged and saved · scorecard refreshed/).waitFor();
    await settled(page);
    expect(await focusMatches(page, /^treeitem: .*Cash on hand/)).toMatch(/^treeitem: .*Cash on hand/);

    // Refresh: focus stays on the button, the outcome is said.
    await shiftTabTo(page, /^button: Refresh/);
    await page.keyboard.press("Enter");
    await settled(page);
    await page.getByText(/^Scorecard for 2026-12: .* 16 KPIs/).waitFor();
    expect(await focused(page)).toBe("button: Refresh");

    // Publish…: the question takes the keyboard; Escape answers No and gives it back.
    await tabTo(page, /^Publish 2026-12…$/);
    await page.keyboard.press("Enter");
    expect(await focusMatches(page, /Publish 2026-12$/)).toBe("button: Publish 2026-12");
    await page.keyboard.press("Escape");
    expect(await focusMatches(page, /Publish 2026-12…$/)).toBe("button: Publish 2026-12…");

    // Settings: saved and said, focus on Save settings.
    await openTab(page, /Settings/, true);
    await page.getByRole("form", { name: "Settings" }).waitFor();
    await tabTo(page, /Roll-up method/);
    await page.keyboard.press("ArrowDown");
    await tabTo(page, /Save settings/);
    await page.keyboard.press("Enter");
    await page.getByText(/^Settings saved · scorecard refreshed/).waitFor();
    await settled(page);
    expect(await focused(page)).toBe("button: Save settings");

    // Close: a KPI's details closed with their Close button give the keyboard back to its row.
    await openTab(page, /Scorecard/);
    await moveTo(page, /^treeitem: /);
    // From the first perspective down to its first objective's first KPI.
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await details.waitFor();
    const chosen = await focused(page);
    // Add commentary: its form takes the keyboard on Analysis; Cancel gives it back to the button.
    await tabTo(page, /^Add commentary$/);
    await page.keyboard.press("Enter");
    expect(await focusMatches(page, /^textarea/)).toBe("textarea: Analysis");
    await tabTo(page, /^Cancel$/);
    await page.keyboard.press("Enter");
    expect(await focusMatches(page, /Add commentary/)).toBe("button: Add commentary");
    await shiftTabTo(page, /Close the details/);
    await page.keyboard.press("Enter");
    await details.waitFor({ state: "detached" });
    expect(await focused(page)).toBe(chosen);

    // The message bar is dismissed by keyboard, and focus goes to the pane's heading, not <body>.
    await shiftTabTo(page, /Dismiss the message/);
    await page.keyboard.press("Enter");
    expect(await focused(page)).toBe("h1: Balanced Scorecard");
    expect(errors).toEqual([]);
    await page.close();
  });
});
