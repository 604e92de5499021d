/**
 * The functions' entry loads them only inside Excel with the custom functions runtime: the task
 * pane's page, which carries the entry in the shared runtime, also opens outside Excel as the
 * browser preview, and Excel on some hosts has no custom functions.
 */
const mockLoaded = jest.fn();
jest.mock("../../src/functions/functions", () => {
  mockLoaded();
  return {};
});

async function loadEntry(host: string, sets: readonly string[]): Promise<boolean> {
  mockLoaded.mockClear();
  let ready: Promise<unknown> = Promise.resolve();
  Object.assign(globalThis, {
    Office: {
      HostType: { Excel: "Excel" },
      onReady: (callback: (info: { host: string }) => void) =>
        (ready = Promise.resolve().then(() => callback({ host }))),
      context: { requirements: { isSetSupported: (set: string, v: string) => sets.includes(`${set} ${v}`) } },
    },
  });
  await jest.isolateModulesAsync(async () => {
    await import("../../src/functions/register.js");
  });
  await ready;
  // The functions are imported once Office is ready: let that import settle.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return mockLoaded.mock.calls.length > 0;
}

afterAll(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("the custom functions' entry", () => {
  it("registers the functions in Excel with CustomFunctionsRuntime 1.1", async () => {
    expect(await loadEntry("Excel", ["CustomFunctionsRuntime 1.1"])).toBe(true);
  });

  it("leaves them out in an Excel without the custom functions runtime, and outside Excel", async () => {
    expect(await loadEntry("Excel", [])).toBe(false);
    expect(await loadEntry("", ["CustomFunctionsRuntime 1.1"])).toBe(false);
  });

  it("does nothing where office.js did not load (the preview offline)", async () => {
    delete (globalThis as { Office?: unknown }).Office;
    mockLoaded.mockClear();
    await jest.isolateModulesAsync(async () => {
      await import("../../src/functions/register.js");
    });
    expect(mockLoaded).not.toHaveBeenCalled();
  });
});
