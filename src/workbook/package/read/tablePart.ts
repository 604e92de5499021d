import { parseReference } from "../../../model/address";
import type { TableSnapshot } from "../../../model/snapshot";
import { parseXmlPart } from "./xml";

/**
 * An Excel table from its part (xl/tables/tableN.xml); only the root element's attributes count.
 *
 * A header row is there unless headerRowCount says 0: the schema's default is 1, and Excel leaves
 * the attribute out. (ExcelJS reads a missing headerRowCount as "no header row", which would hide
 * every table Excel writes from the scorecard; Office.js reports showHeaders true for them.)
 * totalsRowShown only says a totals row was once shown; totalsRowCount says whether it is there.
 */
export function parseTable(part: string, bytes: Uint8Array): TableSnapshot | null {
  let table: TableSnapshot | null = null;
  let rootSeen = false;
  parseXmlPart(part, bytes, {
    open(name, attributes) {
      const root = !rootSeen;
      rootSeen = true;
      if (root && name === "table") {
        const ref = parseReference(attributes.ref ?? "");
        const headerRows = attributes.headerRowCount;
        const totalsRows = attributes.totalsRowCount;
        if (ref && ref.sheet === null) {
          table = {
            name: attributes.displayName || attributes.name || "",
            box: ref.box,
            hasHeaderRow: headerRows === undefined || Number(headerRows) !== 0,
            hasTotalsRow: totalsRows !== undefined && Number(totalsRows) > 0,
          };
        }
      }
      // Read to its end all the same: a part the reader has read counts as checked well-formed
      // (the patcher copies it without scanning it again), and a table part is small.
    },
    close() {},
    text() {},
  });
  return table;
}
