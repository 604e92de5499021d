import { useEffect, useRef, useState } from "react";
import { quoteSheetName } from "../../model/address";
import { openFailureSentence } from "../../workbook/package/openFailure";
import { useAnnounceChange } from "../Announcer";
import { openPreviewWorkbook } from "./openPreviewWorkbook";
import { download, downloadName } from "./previewDownload";
import type { PreviewWorkbook } from "./workerWorkbook";

interface Loaded {
  readonly port: PreviewWorkbook;
  readonly fileName: string;
  /** Bumped on each load, so the pane starts afresh on a new file. */
  readonly generation: number;
}

/**
 * The preview page's state: the workbook open (if any), whether it is being opened, why a file could
 * not be, the cell chosen in the pane; opening a file or the sample, and downloading the copy.
 */
export function usePreview() {
  const input = useRef<HTMLInputElement>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  /** A workbook without a scorecard has nothing to download yet. */
  const [hasScorecard, setHasScorecard] = useState(false);
  const problemBar = useRef<HTMLDivElement>(null);
  const chosenCell = selected ? `Cell chosen: ${selected}` : null;
  useAnnounceChange(chosenCell);
  // A file that cannot be opened: its sentence is said at once (assertive) and takes the focus.
  // With no workbook open yet it is shown in the page's live regions, drawn here; with one open,
  // the pane draws them, and the sentence, shown above the pane, is said through them.
  useAnnounceChange(loaded ? problem : null, "assertive");
  useEffect(() => {
    if (problem) problemBar.current?.focus();
  }, [problem]);

  const open = async (bytes: Uint8Array | null, fileName: string) => {
    setBusy(true);
    setProblem(null);
    try {
      // ExcelJS, which builds the sample, is loaded only when the sample is asked for.
      const source =
        bytes ??
        (await (
          await import(/* webpackChunkName: "sample" */ "../../workbook/xlsx/sampleBytes.js")
        ).sampleWorkbookBytes());
      const opened = await openPreviewWorkbook(source, fileName);
      if ("failure" in opened) {
        setProblem(opened.failure);
        return;
      }
      const { port } = opened;
      port.onSelect = (ref) => setSelected(`${quoteSheetName(ref.sheet)}!${ref.address}`);
      loaded?.port.close?.();
      setSelected(null);
      setHasScorecard(false);
      setLoaded({ port, fileName, generation: (loaded?.generation ?? 0) + 1 });
    } catch (e) {
      setProblem(openFailureSentence(e, fileName, "pane"));
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (!loaded) return;
    download(await loaded.port.toBytes(), downloadName(loaded.fileName));
  };

  return {
    input,
    loaded,
    busy,
    problem,
    setProblem,
    chosenCell,
    setHasScorecard,
    hasScorecard,
    problemBar,
    open,
    save,
  };
}
