import { boxA1, parseReference, quoteSheetName } from "../../model/address";
import type { WorkbookSnapshot } from "../../model/snapshot";
import type { WritePlan } from "../../plan/plan";
import { FileSelection } from "../fileSelection";
import type { InteractiveWorkbook, RangeRef } from "../port";
import type { Inflate } from "../xlsx/zip";
import { WriteNotes } from "../ooxml/escape";
import { OpenPackage } from "./openPackage";
import { applyPlanToPackage, defineNameInPackage, setAsideCellsOf, WorkbookParts } from "./patchPlan";
import type { Checksum, Deflate, DeflateAhead } from "./zipWriter";

/**
 * Reads the snapshot the model needs from a package's bytes, handing each part it reads (and
 * parses whole) to `keepPart`: the patch that follows reuses them, inflating and checking none twice.
 * A part known well-formed without its bytes at hand (one bsc wrote itself) is given as null: the
 * patch inflates it, but scans only what stands outside its cells.
 */
export type SnapshotReader = (
  bytes: Uint8Array,
  keepPart: (part: string, bytes: Uint8Array | null) => void,
) => Promise<WorkbookSnapshot>;

/**
 * The inflated parts kept from a read for the patch that follows it, up to this many bytes: the
 * data sheet of a 200,000-row table is about 70 MB, which the patcher need not inflate again.
 */
const KEPT_SHEET_BYTES = 128 * 1024 * 1024;
/** The parts a read-only check keeps: the workbook part and its relationships, not sheets of cells. */
const SMALL_PART_BYTES = 1024 * 1024;

/**
 * An .xlsx or .xlsm file held as its package: the command line's and the browser preview's
 * WorkbookPort. A plan or a name is patched into the package at once, so the next snapshot reads
 * what a user would find on opening the file.
 */
export class PackageWorkbook extends FileSelection implements InteractiveWorkbook {
  private constructor(
    private bytes: Uint8Array,
    private readonly inflate: Inflate,
    private readonly deflate: Deflate,
    private readonly reader: SnapshotReader,
    private readonly checksum?: Checksum,
    private readonly deflateAhead?: DeflateAhead,
  ) {
    super();
  }

  /** Throws ZipFormatError or PackageXmlError when the bytes are not a package it can patch. */
  static async load(
    bytes: Uint8Array,
    codec: { inflate: Inflate; deflate: Deflate; crc32?: Checksum; deflateAhead?: DeflateAhead },
    reader: SnapshotReader,
    /** Keep the parts the read inflates for a patch to come; a read-only check keeps none. */
    keepParts = true,
  ): Promise<PackageWorkbook> {
    const port = new PackageWorkbook(
      bytes,
      codec.inflate,
      codec.deflate,
      reader,
      codec.crc32,
      codec.deflateAhead,
    );
    port.keepParts = keepParts;
    // Read first: the reader checks the file within its limits and says what is wrong with it
    // (empty, cut short, an .xls, a password) before the patcher looks at its directory.
    await port.readSnapshot();
    // The workbook part and its sheets must be found before anything is promised.
    // From the parts the read kept and scanned: none is inflated or scanned again.
    await WorkbookParts.open(OpenPackage.open(bytes, codec.inflate, port.inflatedSheets, port.parsedParts));
    return port;
  }

  /** The snapshot of the bytes as they are now: read once, until a plan or a name changes them. */
  private snapshot: Promise<WorkbookSnapshot> | null = null;

  /** The sheets the last read inflated, by part name in lower case, for the next patch of the same bytes. */
  private inflatedSheets = new Map<string, Uint8Array>();

  async readSnapshot(): Promise<WorkbookSnapshot> {
    this.snapshot ??= this.readAndKeep();
    return this.snapshot;
  }

  /** Whether the parts a read inflates are kept for the patch that follows. */
  private keepParts = true;

  /** Every part the last read parsed, by name in lower case, its bytes kept or not. */
  private parsedParts = new Set<string>();

  private readAndKeep(): Promise<WorkbookSnapshot> {
    const kept = (this.inflatedSheets = new Map());
    const parsed = (this.parsedParts = new Set());
    let keptBytes = 0;
    return this.reader(this.bytes, (part, bytes) => {
      parsed.add(part.toLowerCase());
      if (bytes === null) return;
      // A read-only check keeps the small parts only (the workbook's, its relationships): the
      // look for the workbook part that follows the read finds them inflated and scanned.
      if (!this.keepParts && bytes.length > SMALL_PART_BYTES) return;
      if (keptBytes + bytes.length > KEPT_SHEET_BYTES) return;
      keptBytes += bytes.length;
      kept.set(part.toLowerCase(), bytes);
    });
  }

  /** The package's bytes changed: the snapshot and the sheets kept from it are of the old ones. */
  private changedTo(bytes: Uint8Array): void {
    this.bytes = bytes;
    this.opened = null;
    this.snapshot = null;
    this.inflatedSheets = new Map();
    this.parsedParts = new Set();
  }

  /** What the last plan's write had to cut or clean (text over a cell's limit, characters XML cannot hold). */
  writeNotes: readonly string[] = [];

  /** The package opened for the next plan by willEdit, its sheets' cells compressing already. */
  private opened: OpenPackage | null = null;

  private openPackage(): OpenPackage {
    return OpenPackage.open(
      this.bytes,
      this.inflate,
      this.inflatedSheets,
      this.parsedParts,
      this.deflateAhead,
    );
  }

  /**
   * Opens the package for the plan to come and sets aside the cells of the sheets it will edit
   * after them: with Node's zlib they compress on another core while the plan is made.
   */
  async willEdit(sheets: readonly string[]): Promise<void> {
    this.opened ??= this.openPackage();
    await setAsideCellsOf(this.opened, sheets);
  }

  async applyPlan(plan: WritePlan): Promise<void> {
    const pkg = this.opened ?? this.openPackage();
    this.opened = null;
    const notes = new WriteNotes();
    await applyPlanToPackage(pkg, plan, notes);
    this.writeNotes = notes.notes;
    this.changedTo(await pkg.toBytes(this.deflate, this.checksum));
  }

  async defineName(name: string, ref: RangeRef): Promise<void> {
    const parsed = parseReference(ref.address);
    const pkg = this.openPackage();
    const sheets = (await WorkbookParts.open(pkg)).sheets();
    if (!parsed || !sheets.some((s) => s.name === ref.sheet))
      throw new Error(`${ref.sheet}!${ref.address} is not a range of this workbook`);
    await defineNameInPackage(pkg, name, `${quoteSheetName(ref.sheet)}!${boxA1(parsed.box, true)}`);
    this.changedTo(await pkg.toBytes(this.deflate, this.checksum));
  }

  async toBytes(): Promise<Uint8Array> {
    return this.bytes;
  }
}
