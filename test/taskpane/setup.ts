/** What jsdom lacks and Fluent UI asks for. */
if (typeof window !== "undefined" && !window.matchMedia) {
  Object.defineProperty(window, "matchMedia", {
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}

if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.defineProperty(window, "ResizeObserver", { value: ResizeObserverStub });
}

// findBy… and waitFor give up after 1 s by default, which a loaded two-core machine can overrun
// while React renders a large tree: a generous ceiling, not a speed check. Set on
// @testing-library/dom, whose configuration @testing-library/react shares (requiring the latter
// here, before jest's hooks exist, would lose its automatic cleanup between tests).
if (typeof window !== "undefined") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { configure } = require("@testing-library/dom") as typeof import("@testing-library/dom");
  configure({ asyncUtilTimeout: 20000 });
}
