/**
 * @jest-environment jsdom
 */
import "./textCodecs";
import path from "node:path";
import { render, screen } from "@testing-library/react";
import { runCli } from "../../src/cli/main";
import { readWorkbook } from "../../src/cli/commands";
import { issue, paneMessage } from "../../src/engine/issues";
import { App } from "../../src/taskpane/App";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";

/**
 * A workbook the reader refuses keeps its reason in the pane: the sentence `bsc check` gives,
 * in the pane's words (its set-up, never bsc or a flag), and Create scorecard says why it waits.
 */
const NET_SALES = path.join(__dirname, "..", "fixtures", "realworld", "Net Sales 2021.xlsx");

/** What `bsc check` says of the file, the sentence the pane must show too. */
async function checkSays(file: string): Promise<string> {
  const err: string[] = [];
  await runCli(["check", file], {
    cwd: path.dirname(file),
    stdout: () => undefined,
    stderr: (t) => err.push(t),
  });
  return err.join(" ").trim();
}

describe("a workbook the reader refuses, in the pane", () => {
  it("shows bsc check's reason, no empty Preview, and why Create scorecard waits", async () => {
    const said = await checkSays(NET_SALES);
    expect(said).toMatch(/3 sheets of numbers by period .* but no target, budget or plan column/);
    const { port: file } = await readWorkbook(NET_SALES, "Net Sales 2021.xlsx", false);
    render(<App port={new MemoryWorkbook(await file.readSnapshot())} />);
    await screen.findByRole("heading", { name: "Create the scorecard" });
    const form = screen.getByRole("form", { name: "Set up the scorecard" });
    expect(form.textContent).toContain(said);
    expect(screen.queryByRole("heading", { name: "Preview" })).toBeNull();
    const create = screen.getByRole("button", { name: "Create scorecard" });
    expect(create).toHaveProperty("disabled", true);
    const reason = document.getElementById(create.getAttribute("aria-describedby") ?? "");
    expect(reason?.textContent).toMatch(
      /^Choose the table, or name the block that holds your KPIs, first\.$/,
    );
    expect(form.textContent).not.toMatch(/\bbsc\b|--[a-z]/);
  });

  it("says in the pane's words what bsc says with a flag", () => {
    const refusal = issue("no-scorecard-table", null, { nearest: "Data!A1:C9 lacks Target", role: "target" });
    expect(refusal.message).toContain('bsc --map target="its header"');
    expect(paneMessage(refusal)).toBe(
      refusal.message.replace(
        ` (bsc --map target="its header", or the task pane's set-up).`,
        " in the set-up.",
      ),
    );
    for (const i of [
      issue("ambiguous-table", null, { names: "A, B" }),
      issue("period-no-year", "Data!A2", { value: "Jan" }),
      issue("kpi-names-repeat", null, { header: "Line", repeats: 3, rows: 9, names: "Code" }),
      issue("group-workbook", null, { files: "north.xlsx" }),
    ])
      expect(paneMessage(i)).not.toMatch(/\bbsc\b|--[a-z]/);
  });
});
