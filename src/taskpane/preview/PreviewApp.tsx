import {
  Body1,
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
  type Theme,
} from "@fluentui/react-components";
import { useEffect, useId, useRef, useState } from "react";
import { quoteSheetName } from "../../model/address";
import { fileSizeRefusal, openFailureSentence } from "../../workbook/package/openFailure";
import { Announcer, LiveRegions, useAnnounceChange } from "../Announcer";
import { App } from "../App";
import { openPreviewWorkbook } from "./openPreviewWorkbook";
import type { PreviewWorkbook } from "./workerWorkbook";

const useStyles = makeStyles({
  page: { minHeight: "100vh" },
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    background: tokens.colorNeutralBackground2,
  },
  intro: { padding: tokens.spacingHorizontalM, display: "grid", gap: tokens.spacingVerticalS },
  hidden: { display: "none" },
});

interface Loaded {
  readonly port: PreviewWorkbook;
  readonly fileName: string;
  /** Bumped on each load, so the pane starts afresh on a new file. */
  readonly generation: number;
}

/** The sample's name: its refreshed copy downloads as sample.scorecard.xlsx. */
const SAMPLE_NAME = "sample.xlsx";

/** Saves bytes as a file through the browser's download. */
function download(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(
    new Blob([bytes as BlobPart], {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }),
  );
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** The refreshed copy's name: a macro-enabled workbook stays one, as Excel opens it only so. */
export const downloadName = (fileName: string): string =>
  /\.xlsm$/i.test(fileName)
    ? fileName.replace(/\.xlsm$/i, ".scorecard.xlsm")
    : fileName.replace(/(\.xlsx)?$/i, ".scorecard.xlsx");

/**
 * The task pane in a plain browser, on an .xlsx file: the same pane, engine and plan as in
 * Excel and the CLI, through the package patcher: the refreshed copy keeps every part of the
 * file. Nothing leaves the browser.
 */
export function PreviewApp({ theme }: { theme: Theme }) {
  return (
    <FluentProvider theme={theme} className={useStyles().page}>
      <Announcer>
        <Preview theme={theme} />
      </Announcer>
    </FluentProvider>
  );
}

/** The preview's page inside its announcer, which the pane it opens says its results through too. */
function Preview({ theme }: { theme: Theme }) {
  const styles = useStyles();
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

  // Named by its sentence: the bar is a group, and a focused group without a name is said as
  // "group" alone.
  const problemId = useId();
  const problemMessage = problem && (
    <MessageBar
      ref={problemBar}
      tabIndex={-1}
      data-failure=""
      layout="multiline"
      intent="error"
      aria-labelledby={problemId}
    >
      <MessageBarBody id={problemId}>{problem}</MessageBarBody>
    </MessageBar>
  );
  return (
    <>
      {/* A landmark around the toolbar: every part of the page is in one (axe's "region"). */}
      <header>
        <div className={styles.bar} role="toolbar" aria-label="Workbook file">
          {/* Focusable while busy: the keyboard stays on the button used. */}
          <Button onClick={() => input.current?.click()} disabledFocusable={busy}>
            Open .xlsx…
          </Button>
          <Button onClick={() => void open(null, SAMPLE_NAME)} disabledFocusable={busy}>
            Open the sample workbook
          </Button>
          <Button
            appearance="primary"
            onClick={() => void save()}
            disabledFocusable={!loaded || busy || !hasScorecard}
          >
            Download
          </Button>
          {loaded && <Caption1>{loaded.fileName}</Caption1>}
          {loaded && (
            // Always a line, so that choosing a cell does not move the pane below it.
            <Caption1 title="In Excel, choosing a KPI or an issue selects its cell.">
              {chosenCell ?? "No cell chosen"}
            </Caption1>
          )}
          <input
            ref={input}
            className={styles.hidden}
            type="file"
            accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12"
            aria-label="Workbook to open"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              if (!file) return;
              // A file over the size limit is refused before it is read.
              const tooLarge = fileSizeRefusal(file.size);
              if (tooLarge) setProblem(openFailureSentence(tooLarge, file.name, "pane"));
              else void file.arrayBuffer().then((b) => open(new Uint8Array(b), file.name));
            }}
          />
        </div>
        {/* What opening a file shows, in the toolbar's landmark too. */}
        {busy && <Spinner label="Opening the workbook…" />}
        {loaded ? problemMessage : <LiveRegions assertive={problemMessage} />}
      </header>
      {loaded ? (
        <App
          key={loaded.generation}
          port={loaded.port}
          theme={theme}
          onScorecard={setHasScorecard}
          focusOnReady
        />
      ) : (
        <main className={styles.intro}>
          <Subtitle2 as="h1">Balanced Scorecard, in your browser</Subtitle2>
          <Body1 as="p">
            Open an .xlsx workbook to score it with the same task pane as in Excel, then download the
            refreshed copy. The file stays on this computer.
          </Body1>
          <Body1 as="p">In Excel, open this pane from Home &gt; Scorecard instead.</Body1>
        </main>
      )}
    </>
  );
}
