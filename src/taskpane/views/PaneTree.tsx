import { mergeClasses } from "@fluentui/react-components";
import { useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from "react";
import { usePaneTreeStyles } from "./PaneTree.styles";

/**
 * The WAI-ARIA tree the KPI tree is, drawn with the pane's own elements (docs/adr/0024): Fluent's
 * Tree did the same for 15 KB gzipped of the first load. Kept from it: role tree/treeitem/group,
 * aria-level and aria-expanded, one Tab stop (a roving tabindex: the row last focused), Up/Down
 * and Home/End over the rows shown, Right to open a branch or go to its first child, Left to
 * close it or go to the parent, Enter as a click (a branch opens or closes, a leaf does what its
 * click does), a letter to the next row it begins, a click on a branch to open or close it.
 * A closed branch's rows are not mounted, so the rows in the DOM are the rows shown, in order.
 */
export function PaneTree({
  label,
  className,
  isOpen,
  onOpenChange,
  onKeyDown,
  children,
}: {
  label: string;
  className?: string;
  isOpen: (value: string) => boolean;
  onOpenChange: (value: string, open: boolean) => void;
  /** Called first: a key it takes (defaultPrevented or propagation stopped) is not navigation. */
  onKeyDown?: (e: KeyboardEvent<HTMLDivElement>) => void;
  children: ReactNode;
}) {
  const styles = usePaneTreeStyles();
  const root = useRef<HTMLDivElement>(null);
  // The one Tab stop, kept by hand: a row's tabIndex prop stays -1, so a redraw never moves it.
  // Where the row that held it went away (closed, filtered out, drawn anew), the first row has it.
  useLayoutEffect(() => {
    const tree = root.current;
    if (!tree || tree.querySelector(TAB_STOP)) return;
    tree.querySelector<HTMLElement>(ITEM)?.setAttribute("tabindex", "0");
  });
  const rowsShown = () => [...(root.current?.querySelectorAll<HTMLElement>(ITEM) ?? [])];
  const toggle = (item: HTMLElement) => {
    const value = item.dataset.treeValue;
    if (value !== undefined) onOpenChange(value, !isOpen(value));
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    onKeyDown?.(e);
    const item = e.target as HTMLElement;
    if (e.defaultPrevented || item.getAttribute("role") !== "treeitem" || e.altKey) return;
    const rows = rowsShown();
    const at = rows.indexOf(item);
    const branch = item.hasAttribute("aria-expanded");
    const open = item.getAttribute("aria-expanded") === "true";
    let next: HTMLElement | null | undefined;
    switch (e.key) {
      case "ArrowDown":
        next = rows[at + 1];
        break;
      case "ArrowUp":
        next = rows[at - 1];
        break;
      case "Home":
        next = rows[0];
        break;
      case "End":
        next = rows[rows.length - 1];
        break;
      case "ArrowRight":
        if (branch && !open) toggle(item);
        else if (open) next = item.querySelector<HTMLElement>(`:scope > [role="group"] > ${ITEM}`);
        break;
      case "ArrowLeft":
        if (open) toggle(item);
        else next = item.parentElement?.closest<HTMLElement>(ITEM);
        break;
      case "Enter":
        item.click();
        return;
      default: {
        if (e.key.length !== 1 || !/\w/.test(e.key) || e.ctrlKey || e.metaKey) return;
        const key = e.key.toLowerCase();
        const begins = (row: HTMLElement) => row.textContent?.trim().charAt(0).toLowerCase() === key;
        next = rows.slice(at + 1).find(begins) ?? rows.find(begins);
      }
    }
    e.preventDefault();
    next?.focus();
  };
  return (
    <div
      ref={root}
      role="tree"
      aria-label={label}
      className={mergeClasses(styles.group, className)}
      onKeyDown={onKey}
      onClick={(e) => {
        const item = (e.target as HTMLElement).closest<HTMLElement>(ITEM);
        if (item?.hasAttribute("aria-expanded") && root.current?.contains(item)) toggle(item);
      }}
      onFocus={(e) => {
        const item = e.target as HTMLElement;
        if (item.getAttribute("role") !== "treeitem") return;
        root.current?.querySelector(TAB_STOP)?.setAttribute("tabindex", "-1");
        item.setAttribute("tabindex", "0");
      }}
    >
      {children}
    </div>
  );
}

const ITEM = '[role="treeitem"]';
const TAB_STOP = '[role="treeitem"][tabindex="0"]';
