/**
 * The add-in's pages and its build: a Content-Security-Policy on every page, a release build
 * that will not guess its host, a development server for this machine only.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

const root = path.join(__dirname, "..", "..");
/* eslint-disable @typescript-eslint/no-require-imports -- the build's own CommonJS modules */
const { contentSecurityPolicy, OFFICE_JS_ORIGIN, withContentSecurityPolicy } = require(
  path.join(root, "scripts", "content-security-policy.js"),
) as {
  contentSecurityPolicy: (o?: { dev?: boolean }) => string;
  OFFICE_JS_ORIGIN: string;
  withContentSecurityPolicy: (html: string, policy: string) => string;
};
const { MISSING_PRODUCTION_URL, productionUrl } = require(path.join(root, "scripts", "manifest-urls.js")) as {
  MISSING_PRODUCTION_URL: string;
  productionUrl: (env: Record<string, string | undefined>) => string;
};
type Config = {
  plugins: { userOptions?: { filename?: string; template?: string; contentSecurityPolicy?: string } }[];
  devServer: { host?: string; headers?: unknown; port?: number };
};
const webpackConfig = require(path.join(root, "webpack.config.js")) as ((
  env: Record<string, unknown>,
  options: { mode: string },
) => Config) & { PAGES: { filename: string; template: string }[] };
const { devServerHeaders } = require(path.join(root, "scripts", "dev-server-headers.js")) as {
  devServerHeaders: (req: { url?: string; headers?: Record<string, string> }) => Record<string, string>;
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** The policy as directive → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

const remote = (source: string) => /^(https?|wss?):/.test(source) || source === "*" || source.includes("*.");

describe("the Content-Security-Policy", () => {
  it.each([false, true])("allows office.js from Microsoft's CDN and nothing else remote (dev %s)", (dev) => {
    const policy = directives(contentSecurityPolicy({ dev }));
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(policy.get("script-src")).toEqual(["'self'", OFFICE_JS_ORIGIN]);
    expect(OFFICE_JS_ORIGIN).toBe("https://appsforoffice.microsoft.com");
    for (const [name, sources] of policy) {
      expect(sources).not.toContain("'unsafe-eval'");
      if (name !== "style-src") expect(sources).not.toContain("'unsafe-inline'");
      const away = sources.filter(remote).filter((s) => s !== OFFICE_JS_ORIGIN);
      // Only the development server's own socket, on this machine, in a development build.
      expect(away).toEqual(dev && name === "connect-src" ? ["wss://localhost:3000"] : []);
    }
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
  });

  it.each([false, true])("lets a page start workers from the add-in's own scripts only (dev %s)", (dev) => {
    // The preview reads and writes its workbook in a worker; none from blob:, data: or elsewhere.
    expect(directives(contentSecurityPolicy({ dev })).get("worker-src")).toEqual(["'self'"]);
  });

  it.each(webpackConfig.PAGES.map((p) => p.template))(
    "stands in %s before any script or style",
    (template) => {
      const html = readFileSync(path.join(root, template), "utf8");
      const meta = html.search(/<meta\s+http-equiv="Content-Security-Policy"/);
      expect(meta).toBeGreaterThan(0);
      expect(html.slice(meta)).toMatch(
        /^<meta\s+http-equiv="Content-Security-Policy"\s+content="<%= htmlWebpackPlugin\.options\.contentSecurityPolicy %>"/,
      );
      const firstLoad = html.search(/<(script|style|link)\b/);
      expect(firstLoad).toBeGreaterThan(meta);
    },
  );

  it.each([
    ["production", { local: true }],
    ["development", {}],
  ])("is handed to every page of a %s build", (mode, env) => {
    const config = webpackConfig(env, { mode });
    const pages = config.plugins.filter((p) => p.userOptions?.template?.endsWith(".html"));
    expect(pages.map((p) => p.userOptions?.filename).sort()).toEqual(["notice.html", "taskpane.html"].sort());
    for (const page of pages)
      expect(page.userOptions?.contentSecurityPolicy).toBe(
        contentSecurityPolicy({ dev: mode === "development" }),
      );
  });
});

describe("a page copied among the assets", () => {
  const policy = contentSecurityPolicy();

  it("gets the policy before anything it loads", () => {
    const page = withContentSecurityPolicy(
      '<!doctype html><html><head><meta charset="utf-8"><style>p{}</style><script src="x.js"></script></head></html>',
      policy,
    );
    const meta = page.indexOf(`<meta http-equiv="Content-Security-Policy" content="${policy}" />`);
    expect(meta).toBeGreaterThan(page.indexOf("charset"));
    expect(meta).toBeLessThan(page.indexOf("<style>"));
    const bare = withContentSecurityPolicy("<html><head><title>Help</title></head></html>", policy);
    expect(bare.indexOf("Content-Security-Policy")).toBeLessThan(bare.indexOf("<title>"));
  });

  it("keeps a policy of its own, and must have a head", () => {
    const own = `<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head>`;
    expect(withContentSecurityPolicy(own, policy)).toBe(own);
    expect(() => withContentSecurityPolicy("<p>no head</p>", policy)).toThrow("no <head>");
  });

  it("is every HTML file in assets/, which the build copies with the policy", () => {
    const copy = webpackConfig({ local: true }, { mode: "production" }).plugins.find(
      (p) => (p as { patterns?: unknown }).patterns,
    ) as unknown as {
      patterns: { from: string; transform?: (c: Buffer, from: string) => Buffer | string }[];
    };
    const assets = copy.patterns.find((p) => p.from === "assets/*");
    const built = assets?.transform?.(Buffer.from("<html><head></head></html>"), "/x/assets/help.html");
    expect(String(built)).toContain(`content="${policy}"`);
    const icon = Buffer.from([1, 2, 3]);
    expect(assets?.transform?.(icon, "/x/assets/icon-32.png")).toBe(icon);
  });
});

describe("the release build", () => {
  it("refuses to guess where the add-in is hosted", () => {
    expect(() => productionUrl({})).toThrow(MISSING_PRODUCTION_URL);
    expect(() => productionUrl({ BSC_PRODUCTION_URL: "  " })).toThrow(MISSING_PRODUCTION_URL);
    expect(MISSING_PRODUCTION_URL).toContain("BSC_PRODUCTION_URL");
    expect(() => webpackConfig({}, { mode: "production" })).toThrow(MISSING_PRODUCTION_URL);
  });

  it("fails as npm run build runs it, with the sentence and no stack", () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.BSC_PRODUCTION_URL;
    const run = spawnSync(
      process.execPath,
      [path.join(root, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "production"],
      { cwd: root, env, encoding: "utf8" },
    );
    expect(run.status).not.toBe(0);
    expect(run.stderr + run.stdout).toContain(MISSING_PRODUCTION_URL);
    expect(run.stderr + run.stdout).not.toMatch(/\n\s+at /);
  });

  it("is addressed at this machine when built for the end-to-end tests", () => {
    const scripts = (
      JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(scripts["test:e2e"]).toMatch(/^npm run build:local && /);
    expect(scripts["build:local"]).toBe("webpack --mode production --env local");
    expect(() => webpackConfig({ local: true }, { mode: "production" })).not.toThrow();
  });
});

describe("the development server", () => {
  it("listens on this machine only, with the headers below", () => {
    const { devServer } = webpackConfig({}, { mode: "development" });
    expect(devServer.host).toBe("localhost");
    expect(devServer.headers).toBe(devServerHeaders);
    expect(readFileSync(path.join(root, "scripts", "start.ts"), "utf8")).not.toMatch(
      /Access-Control-Allow-Origin|host:\s*["'](0\.0\.0\.0|::|local-ip)/,
    );
  });

  it("sends no CORS header on a page or a script, whoever asks", () => {
    for (const url of [
      "/taskpane.html",
      "/taskpane.js",
      "/notice.html?notice=refreshed",
      "/manifest.xml",
      "/assets/help.html",
      "/assets/../taskpane.js",
    ])
      for (const origin of [undefined, "https://excel.officeapps.live.com", "https://evil.example"])
        expect(devServerHeaders({ url, headers: origin ? { origin } : {} })).toEqual({});
  });

  it("lets Excel on the web, and only it, read an icon with credentials", () => {
    const office = devServerHeaders({
      url: "/assets/icon-32.png",
      headers: { origin: "https://excel.officeapps.live.com" },
    });
    expect(office).toEqual({
      "Access-Control-Allow-Origin": "https://excel.officeapps.live.com",
      "Access-Control-Allow-Credentials": "true",
      Vary: "Origin",
      "Cross-Origin-Resource-Policy": "cross-origin",
    });
    for (const origin of [
      "https://evil.example",
      "https://officeapps.live.com.evil.example",
      "http://excel.officeapps.live.com",
      "https://excel.officeapps.live.com:8443",
    ]) {
      const other = devServerHeaders({ url: "/assets/icon-32.png", headers: { origin } });
      expect(other["Access-Control-Allow-Origin"]).toBeUndefined();
      expect(other["Access-Control-Allow-Credentials"]).toBeUndefined();
    }
    // An <img> without CORS sends no origin: the icon may still be shown by another site.
    expect(devServerHeaders({ url: "/assets/icon-16.png" })["Cross-Origin-Resource-Policy"]).toBe(
      "cross-origin",
    );
  });
});
