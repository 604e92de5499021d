/**
 * @jest-environment jsdom
 */
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { PaneTree } from "../../src/taskpane/views/PaneTree";
import { PaneBranch, PaneLeaf, PaneTreeRow } from "../../src/taskpane/views/PaneTreeItems";
import { PaneTabs } from "../../src/taskpane/views/PaneTabs";

/** Two perspectives, the first with an objective of two KPIs; what was chosen is written down. */
function Tree({ chosen }: { chosen: string[] }) {
  const [open, setOpen] = useState(new Set(["p:Financial", "o:Profit"]));
  const isOpen = (v: string) => open.has(v);
  const branch = (value: string, name: string, level: number, children: React.ReactNode) => (
    <PaneBranch
      value={value}
      level={level}
      open={isOpen(value)}
      row={<PaneTreeRow chevron={{ open: isOpen(value) }}>{name}</PaneTreeRow>}
    >
      {children}
    </PaneBranch>
  );
  const leaf = (name: string) => (
    <PaneLeaf key={name} level={3} onClick={() => chosen.push(name)}>
      <PaneTreeRow>{name}</PaneTreeRow>
    </PaneLeaf>
  );
  return (
    <PaneTree
      label="KPIs"
      isOpen={isOpen}
      onOpenChange={(v, o) => {
        const next = new Set(open);
        if (o) next.add(v);
        else next.delete(v);
        setOpen(next);
      }}
    >
      {branch(
        "p:Financial",
        "Financial",
        1,
        branch("o:Profit", "Profit", 2, [leaf("Revenue"), leaf("Margin")]),
      )}
      {branch("p:Customer", "Customer", 1, branch("o:Keep", "Keep customers", 2, leaf("Retention")))}
    </PaneTree>
  );
}

const focusedName = () => document.activeElement?.querySelector(".paneTree-main")?.textContent;

describe("the pane's own tree (the WAI-ARIA tree pattern Fluent's Tree gave)", () => {
  it("has one Tab stop, moves by the arrows, Home and End, opens and closes by Right and Left", async () => {
    const user = userEvent.setup();
    const chosen: string[] = [];
    render(<Tree chosen={chosen} />);
    const stops = () => screen.getAllByRole("treeitem").filter((t) => t.getAttribute("tabindex") === "0");
    expect(stops()).toHaveLength(1);
    await user.tab();
    expect(focusedName()).toBe("Financial");
    const financial = screen.getByRole("treeitem", { name: /^Financial/ });
    expect([financial.getAttribute("aria-level"), financial.getAttribute("aria-expanded")]).toEqual([
      "1",
      "true",
    ]);
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(focusedName()).toBe("Revenue");
    expect(stops()).toEqual([document.activeElement]);
    await user.keyboard("{Enter}");
    expect(chosen).toEqual(["Revenue"]);
    await user.keyboard("{End}");
    expect(focusedName()).toBe("Customer");
    await user.keyboard("{ArrowRight}");
    expect(screen.getByRole("treeitem", { name: /^Customer/ }).getAttribute("aria-expanded")).toBe("true");
    // Into Keep customers, then open it, then into it.
    await user.keyboard("{ArrowRight}{ArrowRight}{ArrowRight}");
    expect(focusedName()).toBe("Retention");
    // Left on a leaf goes to its parent; on an open branch it closes it.
    await user.keyboard("{ArrowLeft}");
    expect(focusedName()).toBe("Keep customers");
    await user.keyboard("{ArrowLeft}");
    expect(screen.getByRole("treeitem", { name: /^Keep customers/ }).getAttribute("aria-expanded")).toBe(
      "false",
    );
    expect(screen.queryByRole("treeitem", { name: "Retention" })).toBeNull();
    await user.keyboard("{Home}");
    expect(focusedName()).toBe("Financial");
    // A letter goes to the next row it begins; Enter on a branch closes it.
    await user.keyboard("m");
    expect(focusedName()).toBe("Margin");
    await user.keyboard("{ArrowUp}{ArrowUp}{Enter}");
    expect(focusedName()).toBe("Profit");
    expect(screen.queryByRole("treeitem", { name: "Revenue" })).toBeNull();
    expect(stops()).toEqual([document.activeElement]);
  });

  it("gives the Tab stop to the first row when the row that held it goes away", async () => {
    const user = userEvent.setup();
    render(<Tree chosen={[]} />);
    await user.click(screen.getByRole("treeitem", { name: "Margin" }));
    await user.click(screen.getByText("Financial"));
    expect(screen.queryByRole("treeitem", { name: "Margin" })).toBeNull();
    const stops = screen.getAllByRole("treeitem").filter((t) => t.getAttribute("tabindex") === "0");
    expect(stops.map((s) => s.querySelector(".paneTree-main")?.textContent)).toEqual(["Financial"]);
  });
});

describe("the pane's own tab list (the WAI-ARIA tabs pattern Fluent's TabList gave)", () => {
  it("has one Tab stop, the selected tab; the arrows move round, Enter or Space opens", async () => {
    const user = userEvent.setup();
    const Tabs = () => {
      const [tab, setTab] = useState<"a" | "b" | "c">("b");
      return (
        <>
          <PaneTabs
            label="Views"
            tabs={[
              { name: "a", label: "Alpha" },
              { name: "b", label: "Beta" },
              { name: "c", label: "Gamma" },
            ]}
            selected={tab}
            onSelect={setTab}
          />
          <button type="button">after</button>
        </>
      );
    };
    render(<Tabs />);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("tab", { name: "Beta", selected: true }));
    await user.keyboard("{ArrowRight}{ArrowRight}");
    expect(document.activeElement).toBe(screen.getByRole("tab", { name: "Alpha" }));
    // Manual activation: the arrows moved the keyboard, not the selection.
    expect(screen.getByRole("tab", { selected: true }).textContent).toContain("Beta");
    await user.keyboard("{Enter}");
    expect(screen.getByRole("tab", { selected: true })).toBe(document.activeElement);
    await user.keyboard("{End}");
    expect(document.activeElement).toBe(screen.getByRole("tab", { name: "Gamma" }));
    await user.keyboard(" ");
    expect(screen.getByRole("tab", { name: "Gamma" }).getAttribute("aria-selected")).toBe("true");
    await user.keyboard("{Home}");
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "after" }));
    // Back into the list: on the selected tab, not where the arrows last were.
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByRole("tab", { name: "Gamma" }));
  });
});
