/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement } from "react";
import { KpiCommentary } from "../../src/taskpane/views/FollowUps";
import { ObjectiveInitiatives } from "../../src/taskpane/views/InitiativeForm";
import { PublishSection } from "../../src/taskpane/views/PublishSection";

/**
 * The buttons that open a form or a question in their own place (Add commentary, Add initiative,
 * Publish…) go away when pressed: by keyboard, focus must follow to what opened and come back on
 * Cancel, never fall to <body>; a refused submit puts it on the field that says why.
 */
afterEach(cleanup);

const show = (view: ReactElement) => {
  render(<FluentProvider theme={webLightTheme}>{view}</FluentProvider>);
  return userEvent.setup();
};

const focusIs = (element: HTMLElement) => waitFor(() => expect(document.activeElement).toBe(element));

describe("focus in the folds a KPI's details and the Publish period section open", () => {
  it("Add commentary: focus on Analysis, on the field that refuses, and back on the button after Cancel", async () => {
    const onSave = jest.fn();
    const user = show(<KpiCommentary kpi="Revenue" period="2026-12" commentary={[]} onSave={onSave} />);
    await user.click(screen.getByRole("button", { name: "Add commentary" }));
    const form = screen.getByRole("form", { name: "Add commentary on Revenue" });
    await focusIs(within(form).getByRole("textbox", { name: "Analysis" }));

    // A due date that is no day: nothing saved, the keyboard on Due, which says why.
    await user.type(within(form).getByRole("textbox", { name: "Action" }), "Book the fairs");
    await user.type(within(form).getByRole("textbox", { name: "Due" }), "soon");
    await user.click(within(form).getByRole("button", { name: "Save commentary" }));
    expect(onSave).not.toHaveBeenCalled();
    await focusIs(within(form).getByRole("textbox", { name: "Due" }));
    // Refused again from another field: focus still goes to the field that says why.
    await user.click(within(form).getByRole("textbox", { name: "Analysis" }));
    await user.click(within(form).getByRole("button", { name: "Save commentary" }));
    await focusIs(within(form).getByRole("textbox", { name: "Due" }));

    await user.click(within(form).getByRole("button", { name: "Cancel" }));
    await focusIs(screen.getByRole("button", { name: "Add commentary" }));
  });

  it("Add initiative: focus on its name, on the name when it is missing, and back on the button after Cancel", async () => {
    const onAdd = jest.fn();
    const user = show(<ObjectiveInitiatives objective="Grow revenue" initiatives={[]} onAdd={onAdd} />);
    await user.click(screen.getByRole("button", { name: "Add initiative" }));
    const form = screen.getByRole("form", { name: "Add an initiative to Grow revenue" });
    const name = within(form).getByRole("textbox", { name: "Initiative" });
    await focusIs(name);
    await user.type(within(form).getByRole("textbox", { name: "Owner" }), "Ann");
    await user.click(within(form).getByRole("button", { name: "Save initiative" }));
    expect(onAdd).not.toHaveBeenCalled();
    await focusIs(name);
    await user.click(within(form).getByRole("button", { name: "Cancel" }));
    await focusIs(screen.getByRole("button", { name: "Add initiative" }));
  });

  it("Publish…: focus on the answer that publishes, and back on Publish… after Cancel or Escape", async () => {
    const onPublish = jest.fn();
    const user = show(
      <PublishSection
        period="2026-12"
        publishedAt={null}
        restatements={[]}
        busy={false}
        onPublish={onPublish}
        onSelectCell={() => undefined}
      />,
    );
    await user.click(screen.getByRole("button", { name: "Publish 2026-12…" }));
    const question = screen.getByRole("group", { name: "Publish 2026-12?" });
    await focusIs(within(question).getByRole("button", { name: "Publish 2026-12" }));
    await user.keyboard("{Tab}{Enter}");
    expect(onPublish).not.toHaveBeenCalled();
    await focusIs(screen.getByRole("button", { name: "Publish 2026-12…" }));
    // Escape answers No as well.
    await user.keyboard("{Enter}");
    await focusIs(screen.getByRole("button", { name: "Publish 2026-12" }));
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("group", { name: "Publish 2026-12?" })).toBeNull();
    await focusIs(screen.getByRole("button", { name: "Publish 2026-12…" }));
    expect(onPublish).not.toHaveBeenCalled();
  });
});
