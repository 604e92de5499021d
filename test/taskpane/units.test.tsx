/**
 * @jest-environment jsdom
 */
import "./textCodecs";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { cellAt, type SheetSnapshot } from "../../src/model/snapshot";
import { App } from "../../src/taskpane/App";
import { consolidateFiles, readUnitFiles } from "../../src/taskpane/unitFiles";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { nodeCodec } from "../../src/workbook/package/nodeCodec";
import { PackageWorkbook } from "../../src/workbook/package/packageWorkbook";
import { nodeBoundedInflate } from "../../src/workbook/package/readInflateNode";
import { readPackageSnapshot } from "../../src/workbook/package/readSnapshot";
import { book, sheet } from "../helpers/book";
import { workbookBytes } from "../helpers/xlsx";
import { storedDefinition } from "./paneHelpers";

// jsdom has no DecompressionStream: the pane's package reader runs on Node's inflate here, the
// same reader (readPackageSnapshot) and limits as in the browser.
jest.mock("../../src/workbook/package/browserPackage", () => ({
  openBrowserPackage: (bytes: Uint8Array, keepParts = true) =>
    PackageWorkbook.load(
      bytes,
      nodeCodec,
      (b, keepSheet) => readPackageSnapshot(b, nodeBoundedInflate, undefined, keepSheet),
      keepParts,
    ),
}));

/** A picked file, as the browser gives it. */
const picked = (name: string, bytes: Uint8Array): File => {
  const file = new File([bytes as BlobPart], name);
  Object.defineProperty(file, "arrayBuffer", { value: () => Promise.resolve(bytes.slice().buffer) });
  return file;
};

const unit = (rows: (string | number)[][]) =>
  workbookBytes([
    { name: "Data", rows: [["Period", "Perspective", "Objective", "KPI", "Actual", "Target"], ...rows] },
  ]);

const texts = (s: SheetSnapshot | undefined): string[] =>
  (s?.values ?? []).flatMap((row) => row.filter((v) => typeof v === "string") as string[]);

describe("Add units' workbooks…", () => {
  it("consolidates the picked units into the open workbook, shows the group's scorecard and says who was left out", async () => {
    const north = await unit([
      ["2026-02", "Financial", "Grow", "Revenue", 120, 100],
      ["2026-02", "Customer", "Delight", "NPS", 20, 40],
    ]);
    const south = await unit([["2026-02", "Financial", "Grow", "Sales", 70, 100]]);
    const port = new MemoryWorkbook(
      book(
        sheet("KPI map", [
          ["Unit", "Unit's KPI name", "Group KPI name"],
          ["south", "Sales", "Revenue"],
        ]),
      ),
    );
    const user = userEvent.setup();
    render(<App port={port} />);
    await user.click(await screen.findByRole("tab", { name: "Settings" }));
    await user.upload(await screen.findByLabelText("Units' workbooks to add"), [
      picked("north.xlsx", north),
      picked("south.xlsx", south),
      picked("broken.xlsx", new TextEncoder().encode("no workbook")),
    ]);
    await screen.findByRole("tree", { name: "Perspectives, objectives and KPIs" });
    const notice = await screen.findByText(/2 of 3 units consolidated/);
    expect(notice.textContent).toMatch(/Left out: broken \(broken\.xlsx\): this file is/);
    const scorecard = texts(port.sheet("Scorecard"));
    expect(scorecard).toEqual(expect.arrayContaining(["By entity", "north", "south", "Source cells"]));
    expect(scorecard).toContain("[south.xlsx]Data!E2");
    expect(storedDefinition(port)?.units).toEqual([
      { name: "north", file: "north.xlsx" },
      { name: "south", file: "south.xlsx" },
      { name: "broken", file: "broken.xlsx" },
    ]);
    expect(cellAt(port.sheet("KPI map") as SheetSnapshot, 2, 2)).toBe("Sales");
  });

  it("reads the picked files one by one as check does, a CSV and a file too large refused with a reason", async () => {
    const north = await unit([["2026-02", "Financial", "Grow", "Revenue", 120, 100]]);
    const huge = { name: "huge.xlsx", size: 2 ** 40, arrayBuffer: () => Promise.reject(new Error("read")) };
    const readings = await readUnitFiles([
      picked("north.xlsx", north),
      { name: "south.csv", size: 10, arrayBuffer: () => Promise.resolve(new ArrayBuffer(10)) },
      huge,
    ]);
    expect(readings.map((r) => [r.unit.name, r.ok])).toEqual([
      ["north", true],
      ["south", false],
      ["huge", false],
    ]);
    // In the pane's words: a pane user has never heard of bsc.
    expect(readings[1]).toMatchObject({
      reason: expect.stringMatching(/CSV export.*save it from Excel as \.xlsx and add it again\.$/),
    });
    expect((readings[1] as { reason: string }).reason).not.toMatch(/bsc/);
    expect(readings[2]).toMatchObject({ reason: expect.stringMatching(/^this file is .* more than/) });
  });

  it("gives a unit's reason to be left out in the pane's words, never bsc's flags", async () => {
    const noActual = await workbookBytes([
      {
        name: "Data",
        rows: [
          ["Month", "Indicator", "Goal"],
          ["2026-01", "Sales", 4],
        ],
      },
    ]);
    const [reading] = await readUnitFiles([picked("west.xlsx", noActual)]);
    expect(reading).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/but no Actual\. Name the missing column's header in the set-up\.$/),
    });
    expect((reading as { reason: string }).reason).not.toMatch(/bsc|--map/);
  });

  it("shows a group's workbook opened again as one to consolidate, naming its units' files", async () => {
    const north = await unit([["2026-02", "Financial", "Grow", "Revenue", 120, 100]]);
    const port = new MemoryWorkbook(book(sheet("Notes", [["The group"]])));
    const user = userEvent.setup();
    const first = render(<App port={port} />);
    await user.click(await screen.findByRole("tab", { name: "Settings" }));
    await user.upload(await screen.findByLabelText("Units' workbooks to add"), [picked("north.xlsx", north)]);
    await screen.findByText(/1 of 1 units consolidated/);
    first.unmount();
    render(<App port={port} />);
    await waitFor(() =>
      expect(
        screen.getByText(/This workbook consolidates its units' workbooks \(north\.xlsx\)/),
      ).toBeTruthy(),
    );
  });
});

describe("Add units' workbooks… where no unit can be read", () => {
  it("says each unit's reason before the sentence that points above to them, and never names bsc", async () => {
    const group = new MemoryWorkbook(book(sheet("KPI map", [["Unit", "Unit's KPI name", "Group KPI name"]])));
    const outcome = await consolidateFiles(
      group,
      [
        picked("broken.xlsx", new TextEncoder().encode("no workbook")),
        { name: "south.csv", size: 10, arrayBuffer: () => Promise.resolve(new ArrayBuffer(10)) },
      ],
      new Date("2026-12-07T12:00:00Z"),
      {},
    );
    expect(outcome.ok).toBe(false);
    const message = (outcome as { message: string }).message;
    expect(message).toMatch(/^broken\.xlsx: this file is/);
    expect(message).toMatch(
      /south\.csv: this is a CSV export.* None of the 2 units' workbooks could be consolidated \(each one's reason is above\)/,
    );
    expect(message).not.toMatch(/bsc/);
  });
});
