/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { PALETTES, STATUS_MEANINGS, STATUS_SHAPES } from "../../src/plan/palette";
import { Announcer, LiveRegions } from "../../src/taskpane/Announcer";
import { App } from "../../src/taskpane/App";
import { wrapLabel } from "../../src/plan/strategyMap";
import { StrategyMapSection } from "../../src/taskpane/views/StrategyMapSection";
import { StrategyMapView } from "../../src/taskpane/views/StrategyMapView";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { book, score, sheet } from "../helpers/book";

function scored() {
  return score(
    book(
      sheet("KPIs", [
        ["Perspective", "Objective", "KPI", "Actual", "Target"],
        ["Financial", "Grow revenue", "Revenue", 100, 100],
        ["Financial", "Grow revenue", "Margin", 0.2, 0.4],
        ["Customer", "Delight customers", "NPS", 10, 100],
        ["Learning & Growth", "Build skills", "Training hours", 30, 40],
      ]),
      sheet("Objectives", [
        ["Perspective", "Objective", "Drives"],
        ["Customer", "Delight customers", "Grow revenue"],
        ["Learning & Growth", "Build skills", "Delight customers; Happy staff"],
      ]),
    ),
  );
}

function renderMap(palette: "standard" | "colorblind" = "standard") {
  const { model, result } = scored();
  render(
    <FluentProvider theme={webLightTheme}>
      <StrategyMapView result={result} objectives={model.objectives} palette={palette} />
    </FluentProvider>,
  );
  return { model, result };
}

describe("the strategy map in the pane", () => {
  it("draws one button per objective, named with its perspective, status, score and KPI count", () => {
    const { result } = renderMap();
    const buttons = screen.getAllByRole("button");
    expect(buttons).toHaveLength(3);
    const grow = result.perspectives[0]!.objectives[0]!;
    expect(buttons[0]?.getAttribute("aria-label")).toBe(
      `Grow revenue ${STATUS_SHAPES[grow.status]} ${grow.score!.toFixed(1)}, Financial: ${STATUS_MEANINGS[grow.status]}, 2 KPIs`,
    );
    // The name starts with the box's visible words (axe: label-content-name-mismatch).
    const delight = screen.getByRole("button", { name: /^Delight customers/ });
    expect(delight.getAttribute("aria-label")).toMatch(/^Delight customers \S [\d.]+, Customer: Off target/);
  });

  it("draws the lanes from Financial down to Learning & Growth and an arrow per known Drives link", () => {
    renderMap();
    const map = screen.getByRole("group", { name: /^Strategy map:/ });
    expect(map?.getAttribute("aria-label")).toBe(
      "Strategy map: 3 perspectives, 3 objectives, 2 cause-and-effect links",
    );
    const laneTitles = Array.from(map.querySelectorAll("g > text")).map((t) => t.textContent);
    expect(laneTitles.slice(0, 3)).toEqual(["Financial", "Customer", "Learning & Growth"]);
    expect(map.querySelectorAll("line")).toHaveLength(2);
  });

  it("names the Drives entries that match no objective", () => {
    renderMap();
    expect(
      screen.getByText(
        /Drives names no objective of the scorecard: "Happy staff" \(from Learning & Growth › Build skills\)/,
      ),
    ).toBeTruthy();
  });

  it("colours each box by its status in the chosen palette", () => {
    renderMap("colorblind");
    const box = screen.getByRole("button", { name: /^Delight customers/ }).querySelector("rect");
    expect(box?.getAttribute("fill")).toBe(`#${PALETTES.colorblind.red.fill}`);
  });

  it("shows an objective's KPIs when it is chosen from the keyboard, and hides them when chosen again", async () => {
    const user = userEvent.setup();
    renderMap();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: /^Grow revenue/ }));
    await user.keyboard("{Enter}");
    const details = screen.getByRole("region", { name: "KPIs of Grow revenue" });
    expect(
      within(details)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      expect.stringMatching(/^Revenue: On target, /),
      expect.stringMatching(/^Margin: Off target, /),
    ]);
    expect(screen.getByRole("button", { name: /^Grow revenue/ })?.getAttribute("aria-pressed")).toBe("true");
    await user.keyboard(" ");
    expect(screen.queryByRole("region", { name: "KPIs of Grow revenue" })).toBeNull();
  });

  it("says the objective chosen, with its KPIs, through the page's one polite region", async () => {
    const user = userEvent.setup();
    const { model, result } = scored();
    render(
      <FluentProvider theme={webLightTheme}>
        <Announcer>
          <LiveRegions />
          <StrategyMapView result={result} objectives={model.objectives} palette="standard" />
        </Announcer>
      </FluentProvider>,
    );
    const status = screen.getByRole("status");
    await user.click(screen.getByRole("button", { name: /^Grow revenue/ }));
    expect(status.textContent).toMatch(
      /^Grow revenue · Watch · score [\d.]+\. Revenue: On target, [\d.]+; Margin: Off target, [\d.]+$/,
    );
    // The details are shown, not a live region of their own: said once, by the announcer.
    expect(document.querySelectorAll("[aria-live]")).toHaveLength(2);
    expect(screen.getByRole("region", { name: "KPIs of Grow revenue" }).closest("[aria-live]")).toBeNull();
    await user.click(screen.getByRole("button", { name: /^Build skills/ }));
    expect(status.textContent).toMatch(/^Build skills · .*Training hours: /);
    expect(status.querySelectorAll("span")).toHaveLength(1);
  });

  it("moves to the next objective with Tab and chooses it with a click too", async () => {
    const user = userEvent.setup();
    renderMap();
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: /^Delight customers/ }));
    await user.click(screen.getByRole("button", { name: /^Build skills/ }));
    expect(screen.getByRole("region", { name: "KPIs of Build skills" }).textContent).toContain(
      "Training hours",
    );
  });
});

describe("box labels", () => {
  it("wrap at word boundaries to the box's width", () => {
    expect(wrapLabel("Win and keep customers", 60, 3, 10)).toEqual(["Win and", "keep", "customers"]);
  });

  it("cut the last line with an ellipsis when the name needs more lines than there are", () => {
    const lines = wrapLabel("Improve the quality of every single delivery we make", 60, 2, 10);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith("…")).toBe(true);
  });

  it("cut a word longer than a line", () => {
    expect(wrapLabel("Supercalifragilistic", 44, 3, 10)).toEqual(["Superca…"]);
  });
});

describe("the strategy map under the scorecard", () => {
  function renderSection(sheet: string | null, onInsert = jest.fn()) {
    const { model, result } = scored();
    render(
      <FluentProvider theme={webLightTheme}>
        <StrategyMapSection
          result={result}
          objectives={model.objectives}
          palette="standard"
          sheet={sheet}
          busy={false}
          onInsert={onInsert}
        />
      </FluentProvider>,
    );
    return onInsert;
  }

  it("is folded until asked for, then shows the map and the action that draws it on a sheet", async () => {
    const user = userEvent.setup();
    const onInsert = renderSection(null);
    const toggle = screen.getByRole("button", { name: "Strategy map" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByRole("group", { name: /^Strategy map:/ })).toBeNull();
    await user.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    // The map is loaded when first opened.
    expect(await screen.findByRole("group", { name: /^Strategy map:/ })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Insert strategy map" }));
    expect(onInsert).toHaveBeenCalledTimes(1);
  });

  it("says which sheet shows the map where the workbook has one, instead of offering to insert it", async () => {
    const user = userEvent.setup();
    renderSection("Strategy Map");
    await user.click(screen.getByRole("button", { name: "Strategy map" }));
    expect(screen.queryByRole("button", { name: "Insert strategy map" })).toBeNull();
    expect(
      screen.getByText('The "Strategy Map" sheet shows this map; every refresh redraws it.'),
    ).toBeTruthy();
  });

  it("draws the Strategy Map sheet from the pane, and then says which sheet shows it", async () => {
    const port = new MemoryWorkbook(
      book(
        sheet("KPIs", [
          ["Perspective", "Objective", "KPI", "Actual", "Target"],
          ["Financial", "Grow revenue", "Revenue", 100, 100],
          ["Customer", "Delight customers", "NPS", 10, 100],
        ]),
        sheet("Objectives", [
          ["Perspective", "Objective", "Drives"],
          ["Customer", "Delight customers", "Grow revenue"],
        ]),
      ),
    );
    const user = userEvent.setup();
    render(<App port={port} />);
    await screen.findByRole("heading", { name: "Create the scorecard" });
    await user.click(screen.getByRole("button", { name: "Create scorecard" }));
    await screen.findByRole("tree", { name: "Perspectives, objectives and KPIs" });
    expect(port.sheet("Strategy Map")).toBeUndefined();
    await user.click(screen.getByRole("button", { name: "Strategy map" }));
    await user.click(screen.getByRole("button", { name: "Insert strategy map" }));
    await waitFor(() => expect(port.sheet("Strategy Map")).toBeDefined());
    expect(port.layouts.get("Strategy Map")?.shapes?.map((s) => s.name)).toContain(
      "BSC map: Customer › Delight customers",
    );
    expect(port.layouts.get("Strategy Map")?.connectors).toHaveLength(1);
    await screen.findByText('The "Strategy Map" sheet shows this map; every refresh redraws it.');
  });
});

describe("the strategy map by keyboard", () => {
  it("opens an objective's KPIs with Enter and folds them with Escape, focus kept on its box", async () => {
    renderMap();
    const user = userEvent.setup();
    const grow = screen.getByRole("button", { name: /^Grow revenue/ });
    grow.focus();
    await user.keyboard("{Enter}");
    expect(screen.getByRole("region", { name: "KPIs of Grow revenue" })).toBeTruthy();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("region", { name: "KPIs of Grow revenue" })).toBeNull();
    expect(grow.getAttribute("aria-pressed")).toBe("false");
    expect(document.activeElement).toBe(grow);
  });
});
