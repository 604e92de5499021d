import { mergeClasses } from "@fluentui/react-components";
import { useRef, useState, type KeyboardEvent } from "react";
import { usePaneTabsStyles } from "./PaneTabs.styles";

/**
 * The WAI-ARIA tabs pattern with the pane's own elements, as Fluent's TabList behaved: role
 * tablist/tab, aria-selected, one Tab stop (the selected tab), Left/Right along the tabs (round
 * from the last to the first), Home/End, and manual activation: the arrows move the keyboard only,
 * Enter, Space or a click opens the tab.
 */
export function PaneTabs<Name extends string>({
  label,
  className,
  tabs,
  selected,
  onSelect,
}: {
  label: string;
  className?: string;
  tabs: readonly { name: Name; label: string }[];
  selected: Name;
  onSelect: (name: Name) => void;
}) {
  const styles = usePaneTabsStyles();
  const list = useRef<HTMLDivElement>(null);
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(list.current?.querySelectorAll<HTMLElement>('[role="tab"]') ?? [])];
    const at = buttons.indexOf(e.target as HTMLElement);
    if (at < 0) return;
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    buttons[(to + buttons.length) % buttons.length]?.focus();
  };
  // The tab the keyboard is on, while it is in the list: Tab leaves the list from there.
  const [focused, setFocused] = useState<Name | null>(null);
  return (
    <div
      ref={list}
      role="tablist"
      aria-label={label}
      aria-orientation="horizontal"
      className={mergeClasses(styles.list, className)}
      onKeyDown={onKey}
      onBlur={(e) => {
        if (!list.current?.contains(e.relatedTarget as Node | null)) setFocused(null);
      }}
    >
      {tabs.map((t) => {
        const isSelected = t.name === selected;
        return (
          <button
            key={t.name}
            type="button"
            role="tab"
            aria-selected={isSelected}
            tabIndex={t.name === (focused ?? selected) ? 0 : -1}
            className={mergeClasses(styles.tab, isSelected && styles.selected)}
            onFocus={() => setFocused(t.name)}
            onClick={() => onSelect(t.name)}
          >
            <span className={mergeClasses(styles.content, isSelected && styles.contentSelected)}>
              {t.label}
            </span>
            {!isSelected && (
              <span aria-hidden className={mergeClasses(styles.content, styles.reserved)}>
                {t.label}
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
