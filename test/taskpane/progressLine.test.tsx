/**
 * @jest-environment jsdom
 */
import { render, screen } from "@testing-library/react";
import { NoticeBar } from "../../src/taskpane/NoticeBar";

/**
 * The refresh's progress, drawn by the pane's own elements since Fluent's ProgressBar left the
 * first load: a screen reader still meets a progressbar named by the step, with its value from 0
 * to 1, and sees it go once the refresh is done.
 */
describe("the status line's progress bar", () => {
  const props = { notice: null, lastRefreshed: null, onDismiss: () => undefined };

  it("is a named progressbar with its value, its bar as wide as the share done", () => {
    render(<NoticeBar {...props} progress={{ value: 0.4, label: "Reading the workbook…" }} />);
    const bar = screen.getByRole("progressbar", { name: "Reading the workbook…" });
    expect([bar.getAttribute("aria-valuemin"), bar.getAttribute("aria-valuemax")]).toEqual(["0", "1"]);
    expect(bar.getAttribute("aria-valuenow")).toBe("0.4");
    expect((bar.firstElementChild as HTMLElement).style.width).toBe("40%");
  });

  it("keeps a value out of range within 0 and 1", () => {
    render(<NoticeBar {...props} progress={{ value: 1.5, label: "Writing the scorecard…" }} />);
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("1");
  });

  it("is gone when no refresh runs", () => {
    render(<NoticeBar {...props} progress={null} lastRefreshed="10:42" />);
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByText("Last refreshed 10:42")).toBeTruthy();
  });
});
