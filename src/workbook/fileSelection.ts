import type { RangeRef } from "./port";

/**
 * The selection of a workbook held as a file (the preview's, bsc's): a file has none of its own,
 * so the range it was last asked to select (a KPI or an issue chosen) stands for it, and
 * `onSelect` shows it (the preview's toolbar says "Cell chosen: …").
 */
export class FileSelection {
  onSelect: ((ref: RangeRef) => void) | null = null;

  private selected: RangeRef | null = null;

  async getSelection(): Promise<RangeRef | null> {
    return this.selected;
  }

  async select(ref: RangeRef): Promise<void> {
    this.selected = ref;
    this.onSelect?.(ref);
  }
}
