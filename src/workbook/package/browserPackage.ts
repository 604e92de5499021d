import { browserCodec } from "./browserCodec";
import { PackageWorkbook } from "./packageWorkbook";
import { browserBoundedInflate } from "./readInflateBrowser";
import { readPackageSnapshot, SheetMemo } from "./readSnapshot";

/**
 * A workbook's package opened in the browser: the preview's file, and each unit's workbook the
 * pane consolidates, through the same streaming reader and within the same limits as bsc.
 * `keepParts` false for a workbook only read (a unit), which then keeps none of its parts.
 */
export function openBrowserPackage(bytes: Uint8Array, keepParts = true): Promise<PackageWorkbook> {
  // The preview's file is read again after each refresh: its data's sheets, unchanged, are not
  // parsed again. A unit's workbook is read once.
  const memo = keepParts ? new SheetMemo() : undefined;
  return PackageWorkbook.load(
    bytes,
    browserCodec,
    (b, keepSheet) => readPackageSnapshot(b, browserBoundedInflate, undefined, keepSheet, memo),
    keepParts,
  );
}
