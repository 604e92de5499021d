import {
  Body1,
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  type Theme,
} from "@fluentui/react-components";
import { useId } from "react";
import { fileSizeRefusal, openFailureSentence } from "../../workbook/package/openFailure";
import { Announcer, LiveRegions } from "../Announcer";
import { App } from "../App";
import { usePreviewStyles } from "./PreviewApp.styles";
import { usePreview } from "./usePreview";

/** The sample's name: its refreshed copy downloads as sample.scorecard.xlsx. */
const SAMPLE_NAME = "sample.xlsx";

/**
 * The task pane in a plain browser, on an .xlsx file: the same pane, engine and plan as in
 * Excel and the CLI, through the package patcher: the refreshed copy keeps every part of the
 * file. Nothing leaves the browser.
 */
export function PreviewApp({ theme }: { theme: Theme }) {
  return (
    <FluentProvider theme={theme} className={usePreviewStyles().page}>
      <Announcer>
        <Preview theme={theme} />
      </Announcer>
    </FluentProvider>
  );
}

/** The preview's page inside its announcer, which the pane it opens says its results through too. */
function Preview({ theme }: { theme: Theme }) {
  const styles = usePreviewStyles();
  const preview = usePreview();
  const { loaded, busy, problem } = preview;
  // Named by its sentence: the bar is a group, and a focused group without a name is said as
  // "group" alone.
  const problemId = useId();
  const problemMessage = problem && (
    <MessageBar
      ref={preview.problemBar}
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
          <Button onClick={() => preview.input.current?.click()} disabledFocusable={busy}>
            Open .xlsx…
          </Button>
          <Button onClick={() => void preview.open(null, SAMPLE_NAME)} disabledFocusable={busy}>
            Open the sample workbook
          </Button>
          <Button
            appearance="primary"
            onClick={() => void preview.save()}
            disabledFocusable={!loaded || busy || !preview.hasScorecard}
          >
            Download
          </Button>
          {loaded && <Caption1>{loaded.fileName}</Caption1>}
          {loaded && (
            // Always a line, so that choosing a cell does not move the pane below it.
            <Caption1 title="In Excel, choosing a KPI or an issue selects its cell.">
              {preview.chosenCell ?? "No cell chosen"}
            </Caption1>
          )}
          <input
            ref={preview.input}
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
              if (tooLarge) preview.setProblem(openFailureSentence(tooLarge, file.name, "pane"));
              else void file.arrayBuffer().then((b) => preview.open(new Uint8Array(b), file.name));
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
          onScorecard={preview.setHasScorecard}
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
