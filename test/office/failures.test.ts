import { addCommentary, editKpi, editSettings } from "../../src/app/definitionEdits";
import { readWorkbookState, runScorecard, saveDefinition, type RunOptions } from "../../src/app/scorecard";
import type { Definition } from "../../src/model/definition";
import { emptyDefinition } from "../../src/model/definition";
import { isProductChart } from "../../src/plan/chart";
import { isProductRule } from "../../src/plan/plan";
import type { OfficeWorkbook } from "../../src/workbook/office/officeWorkbook";
import { monthlyBook, scorecardBook } from "./books";
import type { FakeExcel } from "./fakeExcel";

/**
 * Office.js batches are not transactions: a request that fails keeps what was queued before it.
 * Each test here makes the n-th operation of an action fail, for every n, and checks that the
 * user's cells, rules and names are as they were, and that the next refresh repairs the product's
 * sheets completely (as if the failed action had never run, or had finished).
 */

const NOW = new Date("2026-07-01T00:00:00Z");
const PRODUCT_SHEETS = ["Scorecard", "BSC Definition", "Dashboard", "Scorecard History"];

/** A user's workbook: the scorecard table, a sheet of notes whose formula reads the summary, a rule and a name. */
function usersWorkbook(monthly = false): FakeExcel {
  // Monthly: a table of two months, whose refreshes record each month in the History sheet.
  const fake = monthly ? monthlyBook(2, 2) : scorecardBook(3);
  fake.addSheet("Notes", [["Overall", "=Scorecard!B3"], [41]]);
  fake.sheet("Data").rules.push({
    type: "Custom",
    address: "E2:E4",
    formula: "$E2>100",
    fill: "#000000",
    color: "#FFFFFF",
  });
  fake.addName("MyNotes", "Notes", "$A$1");
  return fake;
}

const refresh = async (port: OfficeWorkbook, definition?: Definition, options: RunOptions = {}) => {
  const outcome = await runScorecard(
    port,
    { now: NOW, ...options, ...(definition ? { definition } : {}) },
    true,
  );
  if (!outcome.ok) throw new Error(outcome.fatal.message);
};

const storedDefinition = async (port: OfficeWorkbook): Promise<Definition> => {
  const state = await readWorkbookState(port);
  if ("code" in state) throw new Error(state.message);
  return state.stored ?? emptyDefinition();
};

/** Everything the product writes: its sheets, their marker names, and its traffic lights. */
function productState(fake: FakeExcel) {
  return {
    sheets: fake.sheets
      .filter((s) => PRODUCT_SHEETS.includes(s.name))
      .map((s) => ({
        name: s.name,
        visibility: s.visibility,
        cells: [...s.cells.entries()].sort(),
        styled: [...s.styled.entries()].sort(),
        widths: [...s.columnWidths.entries()].sort(),
        frozenRows: s.frozenRows,
        // The product's charts, as drawn (which chart object holds them is the keeping tests' matter).
        charts: s.charts.filter((c) => isProductChart(c.name)).map(({ serial: _, ...chart }) => chart),
      })),
    names: fake.names
      .filter((n) => n.name.startsWith("_bsc_"))
      .map((n) => [n.name, n.target.name, fake.sheets.includes(n.target)]),
    rules: fake
      .sheet("Data")
      .rules.filter((r) => isProductRule(r.formula))
      .map((r) => ({ ...r })),
  };
}

interface Action {
  /** The workbook has a Period column (its refreshes write the History sheet). */
  readonly monthly?: boolean;
  /** What the workbook has been through before the action. */
  readonly before: (fake: FakeExcel) => Promise<void>;
  readonly act: (port: OfficeWorkbook) => Promise<unknown>;
}

const refreshed = async (fake: FakeExcel) => refresh(fake.port());

const ACTIONS: Record<string, Action> = {
  "the first refresh": { before: async () => undefined, act: (port) => refresh(port) },
  "a second refresh": { before: refreshed, act: (port) => refresh(port) },
  "a settings save": {
    before: refreshed,
    act: async (port) =>
      saveDefinition(port, editSettings(await storedDefinition(port), { palette: "colorblind" })),
  },
  "a KPI edit, refreshed at once": {
    before: refreshed,
    act: async (port) =>
      refresh(
        port,
        editKpi(
          await storedDefinition(port),
          { perspective: "Financial", objective: "Objective 0", name: "KPI 0" },
          {
            threshold: 50,
          },
        ),
      ),
  },
  "a refresh that records a month beside another in History": {
    monthly: true,
    before: async (fake) => refresh(fake.port(), undefined, { period: "2026-01" }),
    act: (port) => refresh(port),
  },
  "publishing a month": {
    monthly: true,
    before: refreshed,
    act: (port) => refresh(port, undefined, { publish: { period: "2026-01" } }),
  },
  "commentary saved in the pane beside the Commentary and Initiatives tables": {
    before: async (fake) => {
      fake.addSheet("Commentary", [
        ["KPI", "Analysis", "Action", "Due"],
        ["KPI 1", "From the table", "Call", "2020-01-31"],
      ]);
      fake.addSheet("Initiatives", [
        ["Objective", "Initiative", "Due", "Status"],
        ["Objective 0", "CRM", "2020-06-30", "Red"],
      ]);
      await refreshed(fake);
    },
    act: async (port) =>
      refresh(
        port,
        addCommentary(
          await storedDefinition(port),
          { perspective: "Financial", objective: "Objective 0", name: "KPI 0" },
          null,
          { analysis: "From the pane", action: { action: "Review", owner: "Ann", due: "2020-02-28" } },
        ),
      ),
  },
  "a new tag, refreshed at once": {
    before: refreshed,
    act: async (port) => {
      await port.defineName("BSC_Tag_1_Actual", { sheet: "Notes", address: "A2" });
      const definition = await storedDefinition(port);
      await refresh(port, {
        ...definition,
        tagged: [
          {
            perspective: "Customer",
            objective: "Listen",
            name: "Mentions",
            actualName: "BSC_Tag_1_Actual",
            targetName: null,
            target: 40,
          },
        ],
      });
    },
  },
};

/** The product's state once a refresh has followed, whether the action finished or not. */
async function outcomes(action: Action) {
  const without = usersWorkbook(action.monthly);
  await action.before(without);
  await refresh(without.port());
  const finished = usersWorkbook(action.monthly);
  await action.before(finished);
  const start = finished.operationsQueued;
  await action.act(finished.port());
  const operations = finished.operationsQueued - start;
  await refresh(finished.port());
  return { operations, expected: [productState(without), productState(finished)] };
}

describe.each(Object.entries(ACTIONS))("a failure at any operation of %s", (_, action) => {
  it("leaves the user's cells, rules and names as they were, and the next refresh repairs the rest", async () => {
    const { operations, expected } = await outcomes(action);
    expect(operations).toBeGreaterThan(5);
    for (let n = 0; n < operations; n++) {
      const fake = usersWorkbook(action.monthly);
      await action.before(fake);
      // The tag's own name is the action's result, not something of the user's.
      const userOnly = () => {
        const state = fake.userState(PRODUCT_SHEETS);
        return { ...state, names: state.names.filter(([name]) => !String(name).startsWith("BSC_Tag_")) };
      };
      const user = userOnly();
      const failing = fake.operationsQueued + n;
      fake.failAtOperation = failing;
      await expect(action.act(fake.port())).rejects.toThrow();
      expect({ n, user: userOnly() }).toEqual({ n, user });
      fake.failAtOperation = null;
      await refresh(fake.port());
      expect({
        n,
        repaired: expected.some((e) => JSON.stringify(e) === JSON.stringify(productState(fake))),
      }).toEqual({ n, repaired: true });
      // A request that fails between adding a chart and naming it (the very next operation)
      // leaves that chart under Excel's own name, which no refresh takes for the product's.
      const failedAt = fake.operationLog[failing] ?? "";
      const strays = fake.sheets.flatMap((s) => s.charts).filter((c) => !isProductChart(c.name));
      expect({ n, strays: strays.length }).toEqual({ n, strays: failedAt.startsWith("Chart.name") ? 1 : 0 });
    }
    // Every operation of the action failed in turn, each run followed by a whole refresh: minutes
    // on a machine busy with other work.
  }, 300_000);
});

describe("a refresh keeps the product's sheets", () => {
  it("rewrites the summary in place: the same sheet, never deleted, so links to it survive", async () => {
    const fake = usersWorkbook();
    await refresh(fake.port());
    const summary = fake.sheet("Scorecard");
    const definition = fake.sheet("BSC Definition");
    const log = fake.operationLog.length;
    await refresh(fake.port());
    expect(fake.sheet("Scorecard")).toBe(summary);
    expect(fake.sheet("BSC Definition")).toBe(definition);
    expect(fake.operationLog.slice(log).filter((op) => op.startsWith("Worksheet.delete"))).toEqual([]);
    expect(fake.value("Notes", "B1")).toBe("FORMULA =Scorecard!B3");
  });

  it("refreshes twice, three times, with the very hidden definition sheet in place", async () => {
    const fake = usersWorkbook();
    for (let i = 0; i < 3; i++) await refresh(fake.port());
    expect(fake.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Data", "Visible"],
      ["Notes", "Visible"],
      ["Scorecard", "Visible"],
      ["BSC Definition", "VeryHidden"],
      ["Dashboard", "Visible"],
    ]);
  });

  it("renames the summary in place when the user chooses another name", async () => {
    const fake = usersWorkbook();
    await refresh(fake.port());
    const summary = fake.sheet("Scorecard");
    const port = fake.port();
    await refresh(port, editSettings(await storedDefinition(port), { summarySheetName: "Board" }));
    expect(fake.sheet("Board")).toBe(summary);
    expect(fake.names.find((n) => n.name === "_bsc_summary")!.target).toBe(summary);
  });

  it("never clears a sheet its marker name points at when the product did not make it", async () => {
    const fake = usersWorkbook();
    await refresh(fake.port());
    // The user moved the product's name onto a sheet of their own.
    fake.names.find((n) => n.name === "_bsc_summary")!.target = fake.sheet("Notes");
    const outcome = await runScorecard(fake.port(), { now: NOW }, true);
    expect(fake.value("Notes", "A1")).toBe("Overall");
    expect(outcome.ok && outcome.report.issues.map((i) => i.code)).toContain("marker-not-ours");
    expect(fake.names.find((n) => n.name === "_bsc_summary")!.target.name).not.toBe("Notes");
  });
});

describe("moving a tag to other cells", () => {
  it("keeps the name, on the old cells or the new, whichever operation fails", async () => {
    const tagged = () => {
      const fake = usersWorkbook();
      fake.addName("BSC_Tag_1_Actual", "Notes", "$A$2");
      return fake;
    };
    const counting = tagged();
    const start = counting.operationsQueued;
    await counting.port().defineName("BSC_Tag_1_Actual", { sheet: "Notes", address: "B2" });
    const operations = counting.operationsQueued - start;
    expect(counting.names.find((n) => n.name === "BSC_Tag_1_Actual")!.address).toBe("$B$2");
    for (let n = 0; n < operations; n++) {
      const fake = tagged();
      fake.failAtOperation = fake.operationsQueued + n;
      await expect(
        fake.port().defineName("BSC_Tag_1_Actual", { sheet: "Notes", address: "B2" }),
      ).rejects.toThrow();
      const name = fake.names.find((x) => x.name === "BSC_Tag_1_Actual");
      expect({ n, address: name?.address }).toEqual({ n, address: expect.stringMatching(/^\$[AB]\$2$/) });
    }
  });
});
