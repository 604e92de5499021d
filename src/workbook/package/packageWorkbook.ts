import { boxA1, parseReference, quoteSheetName } from "../../model/address";
import type { WorkbookSnapshot } from "../../model/snapshot";
import type { WritePlan } from "../../plan/plan";
import type { InteractiveWorkbook, RangeRef } from "../port";
import type { Inflate } from "../xlsx/zip";
import { OpenPackage } from "./openPackage";
import { applyPlanToPackage, defineNameInPackage, WorkbookParts } from "./patchPlan";
import type { Deflate } from "./zipWriter";

/** Reads the snapshot the model needs from a package's bytes. */
export type SnapshotReader = (bytes: Uint8Array) => Promise<WorkbookSnapshot>;

/**
 * An .xlsx or .xlsm file held as its package: the command line's and the browser preview's
 * WorkbookPort. A plan or a name is patched into the package at once, so the next snapshot reads
 * what a user would find on opening the file.
 */
export class PackageWorkbook implements InteractiveWorkbook {
  /** A file has no selection; the preview shows the range it was asked to select instead. */
  onSelect: ((ref: RangeRef) => void) | null = null;

  private constructor(
    private bytes: Uint8Array,
    private readonly inflate: Inflate,
    private readonly deflate: Deflate,
    private readonly reader: SnapshotReader,
    private readonly checksum?: (data: Uint8Array) => number,
  ) {}

  /** Throws ZipFormatError or PackageXmlError when the bytes are not a package it can patch. */
  static async load(
    bytes: Uint8Array,
    codec: { inflate: Inflate; deflate: Deflate; crc32?: (data: Uint8Array) => number },
    reader: SnapshotReader,
  ): Promise<PackageWorkbook> {
    // The workbook part and its sheets must be found before anything is promised.
    await WorkbookParts.open(OpenPackage.open(bytes, codec.inflate));
    return new PackageWorkbook(bytes, codec.inflate, codec.deflate, reader, codec.crc32);
  }

  /** The snapshot of the bytes as they are now: read once, until a plan or a name changes them. */
  private snapshot: Promise<WorkbookSnapshot> | null = null;

  async readSnapshot(): Promise<WorkbookSnapshot> {
    this.snapshot ??= this.reader(this.bytes);
    return this.snapshot;
  }

  async applyPlan(plan: WritePlan): Promise<void> {
    const pkg = OpenPackage.open(this.bytes, this.inflate);
    await applyPlanToPackage(pkg, plan);
    this.bytes = await pkg.toBytes(this.deflate, this.checksum);
    this.snapshot = null;
  }

  /** The range last selected (by choosing a KPI or an issue): the file's "selection", as the preview shows it. */
  private selected: RangeRef | null = null;

  async getSelection(): Promise<RangeRef | null> {
    return this.selected;
  }

  async select(ref: RangeRef): Promise<void> {
    this.selected = ref;
    this.onSelect?.(ref);
  }

  async defineName(name: string, ref: RangeRef): Promise<void> {
    const parsed = parseReference(ref.address);
    const pkg = OpenPackage.open(this.bytes, this.inflate);
    const sheets = (await WorkbookParts.open(pkg)).sheets();
    if (!parsed || !sheets.some((s) => s.name === ref.sheet))
      throw new Error(`${ref.sheet}!${ref.address} is not a range of this workbook`);
    await defineNameInPackage(pkg, name, `${quoteSheetName(ref.sheet)}!${boxA1(parsed.box, true)}`);
    this.bytes = await pkg.toBytes(this.deflate, this.checksum);
    this.snapshot = null;
  }

  async toBytes(): Promise<Uint8Array> {
    return this.bytes;
  }
}
