/**
 * Every built page carries the Content-Security-Policy before anything it loads, and the pane
 * works under it: the sample opens, refreshes and downloads with no violation reported.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { DIST, launchChromium, serveDist } from "./harness";
import { openPreview } from "./pane";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build's own CommonJS module
const { contentSecurityPolicy } = require("../../scripts/content-security-policy.js") as {
  contentSecurityPolicy: (o?: { dev?: boolean }) => string;
};

let browser: Browser;
let server: Awaited<ReturnType<typeof serveDist>>;

beforeAll(async () => {
  server = await serveDist();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Violations the page reports, and the console's CSP complaints. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  await page.exposeFunction("reportViolation", (text: string) => seen.push(text));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { reportViolation: (t: string) => void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
      ),
    ),
  );
  return seen;
}

describe("the Content-Security-Policy of the built add-in", () => {
  // Every page in dist/, the copied ones among the assets included.
  const pages = (readdirSync(DIST, { recursive: true }) as string[]).filter((f) => f.endsWith(".html"));

  it("stands on every built page, before any script or style", () => {
    expect(pages).toEqual(expect.arrayContaining(["notice.html", "taskpane.html"]));
    for (const file of pages) {
      const html = readFileSync(path.join(DIST, file), "utf8");
      const meta = /<meta http-equiv="?Content-Security-Policy"? content="([^"]*)"/.exec(html);
      expect({ file, policy: meta?.[1] ?? "none" }).toEqual({
        file,
        policy: expect.stringContaining("default-src 'none'"),
      });
      // The built pages carry the add-in's policy; a static page copied with its own may be stricter.
      if (!file.includes(path.sep)) expect(meta?.[1]).toBe(contentSecurityPolicy());
      else expect(meta?.[1]).not.toMatch(/https?:|\*|'unsafe-eval'/);
      expect(html.search(/<(script|style|link)\b/)).toBeGreaterThan(meta?.index ?? Infinity);
    }
  });

  it("lets the pane open the sample without a violation", async () => {
    const page = await browser.newPage({ viewport: { width: 420, height: 1000 } });
    const violations = await watchViolations(page);
    await openPreview(page, server.url);
    await page.getByRole("button", { name: "Open the sample workbook" }).click();
    await page.getByRole("heading", { name: "Create the scorecard" }).waitFor();
    // The office.js request the test itself aborts (no network here) is not a violation.
    expect(violations).toEqual([]);
    await page.close();
  });

  it("refuses a script the policy does not name", async () => {
    const page = await browser.newPage();
    const violations = await watchViolations(page);
    await page.goto(`${server.url}/notice.html?notice=refreshed`);
    await page.evaluate(() => {
      const script = document.createElement("script");
      script.src = "https://evil.example/x.js";
      document.head.append(script);
    });
    for (let i = 0; i < 200 && violations.length === 0; i++) await page.waitForTimeout(25);
    expect(violations.join("\n")).toMatch(/script-src/);
    await page.close();
  });

  it("shows the notice of a key, not words from the address", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/notice.html?notice=refreshed&title=Account+locked&message=Call+us`);
    await expect(page.locator("#title").textContent()).resolves.toBe("Scorecard refreshed");
    await expect(page.locator("body").textContent()).resolves.not.toContain("Account locked");
    await page.close();
  });
});
