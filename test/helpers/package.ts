import { nodeCodec } from "../../src/workbook/package/nodeCodec";
import { PackageWorkbook } from "../../src/workbook/package/packageWorkbook";
import { nodeBoundedInflate } from "../../src/workbook/package/readInflateNode";
import { readPackageSnapshot } from "../../src/workbook/package/readSnapshot";

/** An .xlsx file's bytes as bsc and the preview open them: the streaming reader and the patcher. */
export const packagePort = (bytes: Uint8Array): Promise<PackageWorkbook> =>
  PackageWorkbook.load(bytes, nodeCodec, (b, keepSheet) =>
    readPackageSnapshot(b, nodeBoundedInflate, undefined, keepSheet),
  );
