import { useCallback, useEffect, useRef, useState } from "react";

/** Where the keyboard goes at the next render of a fold that opens in place (a form, a question). */
type Wanted = "first" | "invalid" | "opener" | null;

/**
 * Focus for a part of a view that a button opens in place of itself (Add commentary, Add
 * initiative, Publish…): the button goes away, so without this the keyboard would fall to
 * <body>. Opening puts focus on the fold's first field, Cancel gives it back to the button, and
 * a refused submit puts it on the first field that says why. A save leaves focus to the pane,
 * which puts it on what the save produced.
 */
export function useFoldFocus<Fold extends HTMLElement>() {
  const [open, setOpen] = useState(false);
  const fold = useRef<Fold>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wanted = useRef<Wanted>(null);
  // A render is asked for each time, so that a second refused submit still moves the focus.
  const [, rerender] = useState(0);
  const ask = useCallback((where: Wanted) => {
    wanted.current = where;
    rerender((n) => n + 1);
  }, []);
  useEffect(() => {
    const where = wanted.current;
    if (!where) return;
    wanted.current = null;
    const target =
      where === "opener"
        ? opener.current
        : fold.current?.querySelector<HTMLElement>(
            where === "invalid" ? '[aria-invalid="true"]' : "textarea, input, select, button",
          );
    target?.focus();
    if (typeof target?.scrollIntoView === "function") target.scrollIntoView({ block: "nearest" });
  });
  return {
    open,
    fold,
    opener,
    /** Opens the fold, the keyboard on its first field. */
    show: useCallback(() => {
      setOpen(true);
      ask("first");
    }, [ask]),
    /** Closes the fold unsaved, the keyboard back on the button that opened it. */
    cancel: useCallback(() => {
      setOpen(false);
      ask("opener");
    }, [ask]),
    /** Closes the fold after a save: the pane moves the focus to what the save produced. */
    close: useCallback(() => setOpen(false), []),
    /** A submit refused: the keyboard on the first field that says why. */
    refused: useCallback(() => ask("invalid"), [ask]),
  };
}
