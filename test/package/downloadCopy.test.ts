/**
 * The preview's Download (README, "one writer at a time"): it takes no lock because the package it
 * copies is replaced whole when a refresh ends. A copy asked for while a refresh is under way is
 * the package before it, complete; one asked for after is the refreshed package.
 */
import { emptyDefinition } from "../../src/model/definition";
import { ownedSheets } from "../../src/model/ownership";
import { renderDefinitionPlan } from "../../src/plan/render";
import { tableBook } from "../cli/craftedInputs";
import { packagePort } from "../helpers/package";
import { partsOf } from "./readPackageHelpers";

it("a copy taken during a refresh is the whole package before it, never a half-written one", async () => {
  const input = await tableBook();
  const port = await packagePort(input);
  const snapshot = await port.readSnapshot();
  const plan = renderDefinitionPlan(
    snapshot.sheets.map((s) => s.name),
    ownedSheets(snapshot),
    emptyDefinition(),
  );
  const refreshing = port.applyPlan(plan);
  const during = Buffer.from(await port.toBytes());
  await refreshing;
  const after = Buffer.from(await port.toBytes());
  expect(during.equals(input)).toBe(true);
  expect(after.equals(input)).toBe(false);
  const [before, refreshed] = [await partsOf(during), await partsOf(after)];
  expect(refreshed.size).toBeGreaterThan(before.size);
  expect([...before.keys()].every((name) => refreshed.has(name))).toBe(true);
});
