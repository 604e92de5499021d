import { browserCodec } from "./browserCodec";
import { PackageWorkbook } from "./packageWorkbook";
import { browserBoundedInflate } from "./readInflateBrowser";
import { readPackageSnapshot } from "./readSnapshot";

/**
 * A workbook's package opened in the browser: the preview's file, and each unit's workbook the
 * pane consolidates, through the same streaming reader and within the same limits as bsc.
 * `keepParts` false for a workbook only read (a unit), which then keeps none of its parts.
 */
export const openBrowserPackage = (bytes: Uint8Array, keepParts = true): Promise<PackageWorkbook> =>
  PackageWorkbook.load(
    bytes,
    browserCodec,
    (b, keepSheet) => readPackageSnapshot(b, browserBoundedInflate, undefined, keepSheet),
    keepParts,
  );
