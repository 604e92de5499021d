/**
 * What ships: the production dependencies, as package-lock.json installs them (every package
 * not marked dev), each with a licence that lets the add-in be given to customers. ExcelJS
 * and the TypeScript runner are development tools only.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

const root = path.join(__dirname, "..", "..");

interface LockPackage {
  readonly version?: string;
  readonly license?: string;
  readonly dev?: boolean;
  readonly devOptional?: boolean;
  readonly link?: boolean;
}

/** The packages `npm ci --omit=dev` installs: name → its lock entry. */
function productionPackages(lock: { packages: Record<string, LockPackage> }): Map<string, LockPackage> {
  const out = new Map<string, LockPackage>();
  for (const [where, entry] of Object.entries(lock.packages)) {
    if (where === "" || entry.dev || entry.devOptional || entry.link) continue;
    out.set(where.slice(where.lastIndexOf("node_modules/") + "node_modules/".length), entry);
  }
  return out;
}

/** GNU's copyleft family: a product that bundles such a package must be offered under it. */
const COPYLEFT = /^(A|L)?GPL-/i;

/**
 * Why a licence (an SPDX expression as the lock file records it) will not do, or null when it
 * will: there must be one, and one of its alternatives (OR) must hold no GNU copyleft licence.
 */
function licenceProblem(licence: string | undefined): string | null {
  if (!licence || !licence.trim() || /^(UNLICENSED|SEE LICENSE IN)/i.test(licence.trim()))
    return "has no licence";
  const alternatives = licence
    .replace(/[()]/g, " ")
    .split(/\s+OR\s+/i)
    .map((alternative) => alternative.split(/\s+AND\s+/i).map((term) => term.trim()));
  const free = alternatives.some((terms) => terms.every((term) => !COPYLEFT.test(term)));
  return free ? null : `is only under GNU's copyleft (${licence})`;
}

const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")) as {
  packages: Record<string, LockPackage>;
};
const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe("the production dependencies", () => {
  const shipped = productionPackages(lock);

  it("each have a licence that is not GNU copyleft alone", () => {
    const problems = [...shipped]
      .map(([name, entry]) => [name, licenceProblem(entry.license)] as const)
      .filter(([, problem]) => problem !== null)
      .map(([name, problem]) => `${name} ${problem}`);
    expect(problems).toEqual([]);
    expect(shipped.size).toBeGreaterThan(10);
  });

  it("hold neither ExcelJS, its ZIP libraries, nor the build and run tools", () => {
    for (const tool of ["exceljs", "jszip", "unzipper", "buffers", "tsx", "esbuild", "webpack", "typescript"])
      expect(shipped.has(tool)).toBe(false);
    expect(Object.keys(manifest.dependencies)).not.toEqual(expect.arrayContaining(["exceljs"]));
    for (const tool of ["exceljs", "tsx", "esbuild"]) expect(manifest.devDependencies[tool]).toBeDefined();
  });

  it("are what package.json asks for, the lock file agreeing", () => {
    for (const name of Object.keys(manifest.dependencies)) expect(shipped.has(name)).toBe(true);
    const installedDev = Object.keys(manifest.devDependencies).filter(
      (name) =>
        !lock.packages[`node_modules/${name}`]?.dev && !lock.packages[`node_modules/${name}`]?.devOptional,
    );
    // A development tool that is also a production package's dependency ships all the same.
    expect(installedDev).toEqual([]);
  });
});

describe("the licence check", () => {
  it.each([
    [undefined, "has no licence"],
    ["", "has no licence"],
    ["UNLICENSED", "has no licence"],
    ["SEE LICENSE IN LICENSE.md", "has no licence"],
    ["GPL-3.0", "is only under GNU's copyleft (GPL-3.0)"],
    ["AGPL-3.0-only", "is only under GNU's copyleft (AGPL-3.0-only)"],
    ["LGPL-2.1-or-later", "is only under GNU's copyleft (LGPL-2.1-or-later)"],
    ["(MIT AND GPL-2.0)", "is only under GNU's copyleft ((MIT AND GPL-2.0))"],
    ["(GPL-2.0 OR LGPL-3.0)", "is only under GNU's copyleft ((GPL-2.0 OR LGPL-3.0))"],
  ])("refuses %p", (licence, problem) => {
    expect(licenceProblem(licence)).toBe(problem);
  });

  it.each(["MIT", "Apache-2.0", "0BSD", "(MIT OR GPL-3.0-or-later)", "BSD-3-Clause AND MIT", "ISC"])(
    "accepts %p",
    (licence) => {
      expect(licenceProblem(licence)).toBeNull();
    },
  );

  it("lists the packages a production install gets, not the development ones", () => {
    const shipped = productionPackages({
      packages: {
        "": { version: "1.0.0" },
        "node_modules/a": { license: "MIT" },
        "node_modules/a/node_modules/b": { license: "ISC" },
        "node_modules/c": { license: "MIT", dev: true },
        "node_modules/d": { license: "MIT", devOptional: true },
      },
    });
    expect([...shipped.keys()]).toEqual(["a", "b"]);
  });
});
