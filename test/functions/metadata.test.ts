/**
 * functions.json as the build writes it: the webpack config's CustomFunctionsMetadataPlugin run
 * through Microsoft's generator on the same file, so that what Excel registers is checked here
 * without a build. The manifest test checks that the manifest points at it.
 */
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { kpi, rollup, score, status } from "../../src/functions/functions";

const root = path.join(__dirname, "..", "..");
type Plugin = { constructor: { name: string }; options?: { input: string; output: string } };
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build's own CommonJS config
const webpackConfig = require(path.join(root, "webpack.config.js")) as (
  env: Record<string, unknown>,
  options: { mode: string },
) => { plugins: Plugin[]; entry: Record<string, string> };

interface Parameter {
  name: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: Parameter[];
  options?: { volatile?: boolean };
}

const config = webpackConfig({ local: true }, { mode: "production" });
const plugin = config.plugins.find((p) => p.constructor.name === "CustomFunctionsMetadataPlugin");

async function generated(): Promise<{ functions: FunctionMetadata[] }> {
  const result = await generateCustomFunctionsMetadata(path.join(root, plugin!.options!.input));
  expect(result.errors).toEqual([]);
  return JSON.parse(result.metadataJson) as { functions: FunctionMetadata[] };
}

/** A parameter as Excel reads it from the metadata. */
const shape = (p: Parameter) => [p.name, p.type, p.dimensionality ?? "scalar", p.optional ?? false];

describe("functions.json, generated from the functions' JSDoc", () => {
  it("is written into dist/ by the webpack build, from the file whose functions are registered", () => {
    expect(plugin?.options).toEqual({ output: "functions.json", input: "./src/functions/functions.ts" });
    expect(config.entry.functions).toBe("./src/functions/register.ts");
  });

  it("declares the four functions, each with its id, name and description", async () => {
    const { functions } = await generated();
    expect(functions.map((f) => [f.id, f.name])).toEqual([
      ["SCORE", "SCORE"],
      ["STATUS", "STATUS"],
      ["ROLLUP", "ROLLUP"],
      ["KPI", "KPI"],
    ]);
    for (const f of functions) expect(f.description.length).toBeGreaterThan(20);
  });

  it("gives each parameter its name, type and whether it may be left out", async () => {
    const byId = new Map((await generated()).functions.map((f) => [f.id, f]));
    const kpiLike = [
      ["actual", "any", "scalar", false],
      ["target", "any", "scalar", false],
      ["threshold", "any", "scalar", true],
      ["polarity", "any", "scalar", true],
      ["tolerance", "any", "scalar", true],
    ];
    expect(byId.get("SCORE")!.parameters.map(shape)).toEqual(kpiLike);
    expect(byId.get("STATUS")!.parameters.map(shape)).toEqual(kpiLike);
    expect(byId.get("ROLLUP")!.parameters.map(shape)).toEqual([
      ["scores", "any", "matrix", false],
      ["weights", "any", "matrix", true],
    ]);
    expect(byId.get("KPI")!.parameters.map(shape)).toEqual([
      ["name", "any", "scalar", false],
      ["field", "any", "scalar", true],
      ["period", "any", "scalar", true],
      ["entity", "any", "scalar", true],
    ]);
  });

  it("makes BSC.KPI volatile, so that it is recalculated after a refresh, and the arithmetic not", async () => {
    const byId = new Map((await generated()).functions.map((f) => [f.id, f]));
    expect(byId.get("KPI")!.options).toEqual({ volatile: true });
    for (const id of ["SCORE", "STATUS", "ROLLUP"]) expect(byId.get(id)!.options).toBeUndefined();
  });

  it("names the functions this file exports, with as many parameters as they take", async () => {
    const exported: Record<string, (...args: never[]) => unknown> = {
      SCORE: score,
      STATUS: status,
      ROLLUP: rollup,
      KPI: kpi,
    };
    for (const f of (await generated()).functions) expect(exported[f.id]!.length).toBe(f.parameters.length);
  });
});
