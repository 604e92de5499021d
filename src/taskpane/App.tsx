import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  type Theme,
} from "@fluentui/react-components";
import { useId, useRef } from "react";
import type { InteractiveWorkbook, RangeRef } from "../workbook/port";
import { Announcer, useAnnounceChange } from "./Announcer";
import { useAppStyles } from "./App.styles";
import { AppViews } from "./AppViews";
import { NoticeBar } from "./NoticeBar";
// Installed before anything is drawn: installed later, with the strategy map's chunk, it renamed
// the tabIndex prop of elements already drawn, Preact wrote their tabindex again, and the KPI
// tree's one Tab stop (set by Fluent, not by a prop) was lost at the next refresh.
import "./svgTabIndex";
import { lightTheme } from "./themes/light";
import { useApp } from "./useApp";

export interface AppProps {
  readonly port: InteractiveWorkbook;
  readonly theme?: Theme;
  /**
   * Host features beyond the core requirement set, detected at run time: selects the cells a
   * formula reads, false when the cell has no formula that reads any.
   */
  readonly showInputs?: ((ref: RangeRef) => Promise<boolean>) | undefined;
  /** Told whether the workbook holds a scorecard yet (the preview's Download waits for one). */
  readonly onScorecard?: (exists: boolean) => void;
  /** Focus moves into the pane once the workbook is read (a file just opened in the preview). */
  readonly focusOnReady?: boolean;
}

function formatTime(iso: string | null): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? null
    : d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/**
 * The task pane: a header with Refresh, the status line and message bar, then the views; every
 * result and failure said through the one announcer.
 */
export function App({ theme = lightTheme, ...props }: AppProps) {
  const styles = useAppStyles();
  return (
    <FluentProvider theme={theme}>
      <main className={styles.root}>
        <Announcer>
          <Pane {...props} />
        </Announcer>
      </main>
    </FluentProvider>
  );
}

/** A workbook the pane cannot read: its sentence shown, said at once, and given the focus. */
function ReadFailure({ message }: { message: string }) {
  useAnnounceChange(message, "assertive");
  // Named by its sentence: the bar is a group, and a focused group without a name is said as
  // "group" alone.
  const messageId = useId();
  return (
    <MessageBar layout="multiline" intent="error" tabIndex={-1} data-failure="" aria-labelledby={messageId}>
      <MessageBarBody id={messageId}>{message}</MessageBarBody>
    </MessageBar>
  );
}

function Pane({ port, showInputs, onScorecard, focusOnReady }: Omit<AppProps, "theme">) {
  const styles = useAppStyles();
  const app = useApp({ port, showInputs, onScorecard, focusOnReady });
  const { state, progress, busy, session } = app;
  const heading = useRef<HTMLHeadingElement>(null);

  const lastRefreshed =
    state.phase === "ready" ? formatTime(state.definition?.settings.lastRefreshed ?? null) : null;
  const canRefresh = state.phase === "ready" && state.definition !== null;
  return (
    <>
      <header className={styles.header}>
        <h1 className={styles.title} ref={heading} tabIndex={-1}>
          Balanced Scorecard
        </h1>
        {/* Focusable while busy: the keyboard stays on the button a refresh was started from. */}
        <Button
          appearance="primary"
          disabledFocusable={busy || !canRefresh}
          onClick={() => void app.refresh()}
        >
          Refresh
        </Button>
      </header>
      <NoticeBar
        progress={progress}
        notice={session.notice}
        lastRefreshed={lastRefreshed}
        onDismiss={() => {
          session.setNotice(null);
          heading.current?.focus();
        }}
      />
      {state.phase === "loading" ? (
        <Spinner label="Reading the workbook…" />
      ) : state.phase === "failed" ? (
        <ReadFailure message={state.message} />
      ) : (
        <AppViews app={app} />
      )}
    </>
  );
}
