/**
 * @jest-environment jsdom
 */
import "./textCodecs";
import { webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { PreviewApp } from "../../src/taskpane/preview/PreviewApp";
import { MAX_WORKBOOK_FILE_BYTES } from "../../src/workbook/package/openFailure";

/** A file the preview refuses before reading it: one byte over the size limit. */
function tooLargeFile(): File {
  const file = new File(["x"], "huge.xlsx");
  Object.defineProperty(file, "size", { value: MAX_WORKBOOK_FILE_BYTES + 1 });
  return file;
}

describe("the preview's message for a file it cannot open", () => {
  it("is named by its sentence, takes the focus and stays in the toolbar's landmark", async () => {
    render(<PreviewApp theme={webLightTheme} />);
    fireEvent.change(screen.getByLabelText("Workbook to open"), { target: { files: [tooLargeFile()] } });
    // A focused group is said by its name: without one, a screen reader says only "group".
    const bar = await screen.findByRole("group", { name: /^huge\.xlsx could not be opened/ });
    await waitFor(() => expect(document.activeElement).toBe(bar));
    expect(within(screen.getByRole("banner")).getByRole("group", { name: /could not be opened/ })).toBe(bar);
  });
});
