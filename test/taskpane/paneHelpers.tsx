/** What the pane's tests share: the definition a pane stored, and a scorecard created as a user would. */
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { parseDefinition } from "../../src/model/definition";
import { cellAt } from "../../src/model/snapshot";
import { App } from "../../src/taskpane/App";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { sheet } from "../helpers/book";

/** The definition stored in the workbook, or null before there is one. */
export function storedDefinition(port: MemoryWorkbook) {
  const s = port.sheet("BSC Definition");
  if (!s) return null;
  const parsed = parseDefinition(String(cellAt(s, 2, 1)));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.definition;
}

/** Opens the pane on a first run and creates the scorecard with what the set-up found. */
export async function createScorecard(port: MemoryWorkbook) {
  const user = userEvent.setup();
  render(<App port={port} />);
  await screen.findByRole("heading", { name: "Create the scorecard" });
  await user.click(screen.getByRole("button", { name: "Create scorecard" }));
  await screen.findByRole("tree", { name: "Perspectives, objectives and KPIs" });
  // The tree is drawn as soon as the scorecard is scored; the write goes on behind its progress bar.
  await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull());
  return user;
}

/** A workbook whose stored definition is no JSON: the pane cannot read it. */
export const unreadableDefinition = () =>
  new MemoryWorkbook({
    sheets: [
      {
        ...sheet("BSC Definition", [
          ["bsc-definition: scorecard settings kept by the Balanced Scorecard add-in"],
          ["{not json"],
        ]),
        visibility: "veryHidden",
      },
    ],
    names: [
      { name: "_bsc_definition", sheet: "BSC Definition", box: { top: 1, left: 1, bottom: 1, right: 1 } },
    ],
  });
