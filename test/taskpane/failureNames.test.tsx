/**
 * @jest-environment jsdom
 */
import { render, screen } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { NoticeBar } from "../../src/taskpane/NoticeBar";
import { unreadableDefinition } from "./paneHelpers";

/**
 * A failure's message bar takes the focus after the action that failed; a bar is a group, and a
 * focused group without a name is said as "group" alone: each is named by its own sentence.
 */
describe("the pane's failure messages, focused, are named by their sentence", () => {
  it("names the message of a workbook the pane cannot read", async () => {
    const port = unreadableDefinition();
    render(<App port={port} />);
    const bar = await screen.findByRole("group", { name: /^The stored scorecard definition cannot be read/ });
    expect(bar.hasAttribute("data-failure")).toBe(true);
  });

  it("names the status bar's error, and leaves other messages to their live region", () => {
    const props = { progress: null, lastRefreshed: null, onDismiss: () => undefined };
    const { rerender } = render(
      <NoticeBar
        {...props}
        notice={{ intent: "error", text: "Excel could not complete the refresh.", id: 1 }}
      />,
    );
    expect(screen.getByRole("group", { name: "Excel could not complete the refresh." })).toBe(
      document.querySelector("[data-failure]"),
    );
    rerender(<NoticeBar {...props} notice={{ intent: "success", text: "Scorecard saved.", id: 2 }} />);
    expect(screen.queryByRole("group", { name: "Scorecard saved." })).toBeNull();
  });
});
