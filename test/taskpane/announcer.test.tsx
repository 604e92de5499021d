/**
 * @jest-environment jsdom
 */
import { act, render, screen } from "@testing-library/react";
import { Announcer, LiveRegions, useAnnounce, type Announce } from "../../src/taskpane/Announcer";

/** Renders an announcer (two, one inside the other, with `nested`) and hands back its voice. */
function announcer(nested = false): Announce {
  let voice: Announce = () => undefined;
  function Speaker() {
    voice = useAnnounce();
    return null;
  }
  const inner = (
    <Announcer>
      <LiveRegions polite={<p>Shown result</p>} />
      <Speaker />
    </Announcer>
  );
  render(nested ? <Announcer>{inner}</Announcer> : inner);
  return (text, urgency) => act(() => voice(text, urgency));
}

describe("the pane's announcer", () => {
  afterEach(() => jest.useRealTimers());

  it("says results politely and failures assertively, beside what the regions show", () => {
    const say = announcer();
    say("Grow revenue · On target");
    say("Could not select Data!D2", "assertive");
    expect(screen.getByRole("status").textContent).toBe("Shown resultGrow revenue · On target");
    expect(screen.getByRole("alert").textContent).toBe("Could not select Data!D2");
  });

  it("says the same words twice as two changes, so a screen reader reads them twice", () => {
    const say = announcer();
    say("Choose the Target column first.");
    const first = screen.getByText("Choose the Target column first.");
    say("Choose the Target column first.");
    const second = screen.getByText("Choose the Target column first.");
    expect(second).not.toBe(first);
    expect(first.isConnected).toBe(false);
  });

  it("takes a sentence out of the region once said, and keeps the one said after it", () => {
    jest.useFakeTimers();
    const say = announcer();
    say("First");
    act(() => jest.advanceTimersByTime(1000));
    say("Second");
    act(() => jest.advanceTimersByTime(1000));
    // The first one's time is up, but the region holds the second, which is not taken out early.
    expect(screen.getByRole("status").textContent).toBe("Shown resultSecond");
    act(() => jest.advanceTimersByTime(1000));
    expect(screen.getByRole("status").textContent).toBe("Shown result");
  });

  it("has one pair of regions in the page when one announcer is inside another", () => {
    const say = announcer(true);
    say("Cell chosen: Data!D2");
    expect(document.querySelectorAll("[aria-live]")).toHaveLength(2);
    expect(screen.getByRole("status").textContent).toContain("Cell chosen: Data!D2");
  });
});
