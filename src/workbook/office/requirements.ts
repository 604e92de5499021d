/**
 * Whether the host has a requirement set ("SharedRuntime", "1.1"), asked of Office at run time;
 * false outside Office (the browser preview, tests without a host).
 */
export const hostSupports = (set: string, version: string): boolean =>
  typeof Office !== "undefined" && (Office.context?.requirements?.isSetSupported(set, version) ?? false);
