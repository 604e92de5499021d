import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons/svg/dismiss";
import { useId, type Ref } from "react";
import { LiveRegions } from "./Announcer";
import { ProgressLine } from "./ProgressLine";
import type { Notice, Progress } from "./useScorecardSession";

const useStyles = makeStyles({
  region: { display: "grid", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  // Fluent's 32 px touch target for the dismiss button, in a bar that stays one line where it can.
  dismiss: { minWidth: "32px", minHeight: "32px" },
});

/**
 * The pane's status line and message bar, in the announcer's two live regions: every step and
 * result in the polite one, every failure in the assertive one (role "alert"). A failure's
 * message is focusable (`data-failure`), for focus to land on it after the action that failed.
 */
export function NoticeBar({
  progress,
  notice,
  lastRefreshed,
  onDismiss,
  errorRef,
}: {
  progress: Progress | null;
  notice: Notice | null;
  lastRefreshed: string | null;
  onDismiss: () => void;
  errorRef?: Ref<HTMLDivElement>;
}) {
  const styles = useStyles();
  const failed = notice?.intent === "error";
  // A failure, focused, is named by its sentence: the bar is a group, and a focused group
  // without a name is said as "group" alone.
  const messageId = useId();
  const bar = notice && (
    <MessageBar
      key={notice.id}
      ref={failed ? errorRef : undefined}
      tabIndex={failed ? -1 : undefined}
      data-failure={failed ? "" : undefined}
      layout="multiline"
      intent={notice.intent}
      aria-labelledby={failed ? messageId : undefined}
    >
      <MessageBarBody id={messageId}>{notice.text}</MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            className={styles.dismiss}
            appearance="transparent"
            aria-label="Dismiss the message"
            icon={<DismissRegular />}
            onClick={onDismiss}
          />
        }
      />
    </MessageBar>
  );
  return (
    <LiveRegions
      className={styles.region}
      polite={
        <>
          {progress && <ProgressLine value={progress.value} label={progress.label} />}
          {progress && <Caption1>{progress.label}</Caption1>}
          {!progress && lastRefreshed && <Caption1>Last refreshed {lastRefreshed}</Caption1>}
          {!failed && bar}
        </>
      }
      assertive={failed && bar}
    />
  );
}
