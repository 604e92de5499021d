/**
 * The built add-in's custom functions: dist/ holds functions.json with the four functions and a
 * manifest that declares them, and the task pane's page, loaded as Excel's shared runtime loads
 * it (office.js stood in for by a stub that records what the page registers), registers the four
 * functions and the ribbon's command, whose answers are the engine's.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { scoreKpi } from "../../src/engine/kpi";
import { DIST, launchChromium, serveDist } from "./harness";
import { OFFICE_STUB } from "./officeStub";

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

describe("the built add-in's custom functions", () => {
  it("ships functions.json with the four functions, as generated from their JSDoc", async () => {
    const built = JSON.parse(readFileSync(path.join(DIST, "functions.json"), "utf8")) as {
      functions: { id: string }[];
    };
    expect(built.functions.map((f) => f.id)).toEqual(["SCORE", "STATUS", "ROLLUP", "KPI"]);
    const source = await generateCustomFunctionsMetadata(
      path.join(__dirname, "../../src/functions/functions.ts"),
    );
    expect(built).toEqual(JSON.parse(source.metadataJson));
  });

  it("has a manifest whose custom functions' script and metadata are files of the build", () => {
    const manifest = readFileSync(path.join(DIST, "manifest.xml"), "utf8");
    for (const file of ["functions.js", "functions.json", "taskpane.html"]) {
      expect(manifest).toContain(`https://localhost:3000/${file}`);
      expect(existsSync(path.join(DIST, file))).toBe(true);
    }
    expect(manifest).toContain('<bt:String id="Functions.Namespace" DefaultValue="BSC"/>');
  });

  it("registers the functions and the ribbon's command on the task pane's page, answering as the engine", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.route("**/appsforoffice.microsoft.com/**", (route) =>
      route.fulfill({ contentType: "text/javascript", body: OFFICE_STUB }),
    );
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForFunction(
      () => Object.keys((window as unknown as { registered: object }).registered).length >= 5,
    );
    const answers = await page.evaluate(() => {
      const f = (window as unknown as { registered: Record<string, (...a: unknown[]) => unknown> })
        .registered;
      let refused: unknown = null;
      try {
        f.SCORE!(95, 100, null, "upwards");
      } catch (error) {
        refused = { code: (error as { code: string }).code, message: (error as Error).message };
      }
      return {
        names: Object.keys(f).sort(),
        score: f.SCORE!(600, 700, 500),
        status: f.STATUS!(0.33, 0.3, null, "lower", 0.1),
        rollup: f.ROLLUP!([[8], [""], [2]], [[3], [1], [1]]),
        refused,
      };
    });
    expect(answers.names).toEqual(["KPI", "ROLLUP", "SCORE", "STATUS", "action refreshScorecard"]);
    const engine = scoreKpi(600, 700, "higher", { kind: "absolute", value: 500 });
    expect(answers.score).toBe(engine.ok ? engine.score : NaN);
    expect(answers.status).toBe("Watch");
    expect(answers.rollup).toBeCloseTo((8 * 3 + 2) / 4, 12);
    expect(answers.refused).toEqual({ code: "#VALUE!", message: expect.stringContaining('"upwards"') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
