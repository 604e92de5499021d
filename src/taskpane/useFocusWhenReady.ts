import { useCallback, useEffect, useRef, useState } from "react";

/** Where focus goes once an action is done: found anew at each render until it exists. */
export type FocusTarget = () => HTMLElement | null | undefined;

/**
 * Focuses without moving the page where the element is already in sight (a create or a refresh
 * shows the overview from the top), and brings it into sight where it is not.
 */
function focusInSight(element: HTMLElement): void {
  element.focus({ preventScroll: true });
  const box = element.getBoundingClientRect();
  if ((box.top >= window.innerHeight || box.bottom <= 0) && typeof element.scrollIntoView === "function")
    element.scrollIntoView({ block: "nearest" });
}

/** Renders to wait for the target before giving up (it may be behind a refresh and a reload). */
const PATIENCE = 20;

/**
 * Focus that follows the user: after an action, focus moves to what it produced (the tree after
 * create, the row saved, the message of a failure). The target is looked for after every render
 * until it is in the page, so an action that re-reads the workbook first still lands there,
 * never on `<body>`.
 */
export function useFocusWhenReady(): (target: FocusTarget) => void {
  const pending = useRef<{ target: FocusTarget; tries: number } | null>(null);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    const wanted = pending.current;
    if (!wanted) return;
    const element = wanted.target();
    if (element) {
      pending.current = null;
      focusInSight(element);
      return;
    }
    wanted.tries += 1;
    if (wanted.tries > PATIENCE) pending.current = null;
  });
  // A frame later as well: a lazily loaded view or a host that grows the page may come after.
  useEffect(() => {
    if (asked === 0 || typeof requestAnimationFrame !== "function") return;
    let frames = 0;
    let id = 0;
    const tryAgain = () => {
      const wanted = pending.current;
      if (!wanted || frames++ > 60) return;
      const element = wanted.target();
      if (element) {
        pending.current = null;
        focusInSight(element);
      } else id = requestAnimationFrame(tryAgain);
    };
    id = requestAnimationFrame(tryAgain);
    return () => cancelAnimationFrame(id);
  }, [asked]);
  return useCallback((target: FocusTarget) => {
    pending.current = { target, tries: 0 };
    setAsked((n) => n + 1);
  }, []);
}
