import { mergeClasses } from "@fluentui/react-components";
import { ChevronRight12Regular } from "@fluentui/react-icons/svg/chevron-right";
import type { HTMLAttributes, ReactNode } from "react";
import { usePaneTreeStyles } from "./PaneTree.styles";

// The items of the pane's own tree (PaneTree.tsx, docs/adr/0024): what PaneTree's keys walk.

/** A branch's row and, while it is open, its children (closed, they are not mounted). */
export function PaneBranch({
  value,
  level,
  open,
  row,
  children,
}: {
  value: string;
  level: number;
  open: boolean;
  row: ReactNode;
  children: ReactNode;
}) {
  const styles = usePaneTreeStyles();
  return (
    <div
      role="treeitem"
      aria-level={level}
      aria-expanded={open}
      tabIndex={-1}
      data-tree-value={value}
      className={styles.item}
    >
      {row}
      {open && (
        <div role="group" className={mergeClasses(styles.group, styles.subgroup)}>
          {children}
        </div>
      )}
    </div>
  );
}

/** A leaf: its row, and whatever the caller adds (a label, aria-selected, its click). */
export function PaneLeaf({
  level,
  elementRef,
  className,
  ...props
}: HTMLAttributes<HTMLDivElement> & {
  level: number;
  elementRef?: (el: HTMLDivElement | null) => void;
  "data-kpi"?: string;
}) {
  const styles = usePaneTreeStyles();
  return (
    <div
      role="treeitem"
      aria-level={level}
      tabIndex={-1}
      ref={elementRef}
      className={mergeClasses(styles.item, className)}
      {...props}
    />
  );
}

/**
 * A row's layout as Fluent's TreeItemLayout drew it: a branch's chevron, the main part, then the
 * aside at the end. Its parts carry fixed class names (paneTree-row, -main, -aside) that the
 * focus ring and the end-to-end tests find them by.
 */
export function PaneTreeRow({
  chevron,
  className,
  mainClassName,
  asideClassName,
  aside,
  children,
}: {
  /** A branch's: whether it is open (the chevron points down). */
  chevron?: { open: boolean } | undefined;
  className?: string | undefined;
  mainClassName?: string | undefined;
  asideClassName?: string | undefined;
  aside?: ReactNode;
  children: ReactNode;
}) {
  const styles = usePaneTreeStyles();
  return (
    <div className={mergeClasses("paneTree-row", styles.row, className)}>
      {chevron && (
        <div
          aria-hidden
          className={mergeClasses("paneTree-chevron", styles.chevron, chevron.open && styles.chevronOpen)}
        >
          <ChevronRight12Regular />
        </div>
      )}
      <div className={mergeClasses("paneTree-main", styles.main, mainClassName)}>{children}</div>
      {aside !== undefined && (
        <div className={mergeClasses("paneTree-aside", styles.aside, asideClassName)}>{aside}</div>
      )}
    </div>
  );
}
