/**
 * office.js as Excel's shared runtime provides it, reduced to what the page calls: Office ready in
 * Excel with the requirement sets the manifest names, CustomFunctions and the ribbon's actions
 * recording what is associated (in `window.registered`), and no workbook behind Excel.run. Served
 * in place of Microsoft's CDN script (customFunctions.e2e.ts, bench/pane-size.ts).
 */
export const OFFICE_STUB = `
window.registered = {};
window.Office = {
  HostType: { Excel: "Excel" },
  onReady(callback) {
    const info = { host: "Excel", platform: "OfficeOnline" };
    return Promise.resolve().then(() => { if (callback) callback(info); return info; });
  },
  context: { requirements: { isSetSupported: (set) => ["ExcelApi", "DialogApi", "SharedRuntime", "CustomFunctionsRuntime"].includes(set) } },
  actions: { associate: (id, f) => { window.registered["action " + id] = f; } },
};
window.CustomFunctions = {
  associate: (id, f) => { window.registered[id] = f; },
  Error: class extends Error { constructor(code, message) { super(message); this.code = code; } },
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
};
window.Excel = { run: () => Promise.reject(new Error("no workbook in this test")) };
`;
