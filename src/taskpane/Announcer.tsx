import { makeStyles } from "@fluentui/react-components";
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";

/** How urgently a sentence is said: results wait their turn, failures interrupt. */
export type Urgency = "polite" | "assertive";

/** Says a sentence to a screen reader through the page's one pair of live regions. */
export type Announce = (text: string, urgency?: Urgency) => void;

interface Said {
  readonly text: string;
  /** Counts every sentence, so that the same words said twice are announced twice. */
  readonly id: number;
}

type Sentences = Readonly<Record<Urgency, Said | null>>;

// Two contexts: the voice never changes, so the views that speak are not drawn again each time
// something is said; only the regions read what is said.
const AnnounceContext = createContext<Announce | null>(null);
const NOTHING: Sentences = { polite: null, assertive: null };
const SaidContext = createContext<Sentences>(NOTHING);

/**
 * How long a sentence said for a view stays in the region: long enough for any screen reader to
 * have taken it (they read a change as it happens), short enough that a user reading the page
 * line by line does not meet it a second time beside the view that shows it.
 */
const KEPT_MS = 1500;

/**
 * The page's one announcer. Its two live regions (`LiveRegions`, drawn once, by the status line
 * and message bar) hold what the pane shows there, the results in a polite `status` and the
 * failures in an assertive `alert`; views whose words are shown elsewhere (the strategy map's
 * chosen objective, the set-up's hint, the preview's failed open) say them through
 * `useAnnounce`, which puts them in the same regions out of sight for a moment. Nothing else in
 * the page is a live region, so nothing is said twice. Nested (the pane inside the browser
 * preview) it only passes its children on: the outer one speaks for both.
 */
export function Announcer({ children }: { children: ReactNode }) {
  const outer = useContext(AnnounceContext);
  const [said, setSaid] = useState<Sentences>(NOTHING);
  const count = useRef(0);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);
  const announce = useCallback<Announce>((text, urgency = "polite") => {
    const id = ++count.current;
    setSaid((now) => ({ ...now, [urgency]: { text, id } }));
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      setSaid((now) => (now[urgency]?.id === id ? { ...now, [urgency]: null } : now));
    }, KEPT_MS);
    timers.current.add(timer);
  }, []);
  if (outer) return <>{children}</>;
  return (
    <AnnounceContext.Provider value={announce}>
      <SaidContext.Provider value={said}>{children}</SaidContext.Provider>
    </AnnounceContext.Provider>
  );
}

const useStyles = makeStyles({
  // Out of sight and out of the layout, but read by screen readers.
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    border: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

/**
 * The announcer's two regions, always in the page (a region added with its text already in it
 * is not read), around what is shown in them: `polite` (progress and results) and `assertive`
 * (a failure). The page draws them once: in the pane by its status line, in the browser preview
 * by the preview until a workbook is open.
 */
export function LiveRegions({
  className,
  polite,
  assertive,
}: {
  className?: string;
  polite?: ReactNode;
  assertive?: ReactNode;
}) {
  const styles = useStyles();
  const said = useContext(SaidContext);
  // Each sentence in a node of its own (keyed by its count): a new node is a change to read.
  const sentence = (urgency: Urgency) =>
    said[urgency] && (
      <span key={said[urgency].id} className={styles.hidden}>
        {said[urgency].text}
      </span>
    );
  return (
    <>
      <div className={className} role="status" aria-live="polite">
        {polite}
        {sentence("polite")}
      </div>
      <div className={className} role="alert" aria-live="assertive">
        {assertive}
        {sentence("assertive")}
      </div>
    </>
  );
}

const silent: Announce = () => undefined;

/** The announcer's voice; outside an Announcer (a view tested on its own) nothing is said. */
export function useAnnounce(): Announce {
  return useContext(AnnounceContext) ?? silent;
}

/**
 * Says `text` whenever it changes to a sentence (not when it goes away): for words a view shows
 * in place of its own, such as the set-up's "Choose the Target column first."
 */
export function useAnnounceChange(text: string | null, urgency: Urgency = "polite"): void {
  const announce = useAnnounce();
  useEffect(() => {
    if (text) announce(text, urgency);
  }, [announce, text, urgency]);
}
