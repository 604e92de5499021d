import { makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import { useRef, useState, type KeyboardEvent } from "react";

/**
 * The looks of Fluent's TabList and Tab (small, transparent, horizontal) for the pane's own tab
 * list (docs/adr/0023). The selected tab's underline appears in place: Fluent slid it across.
 */
const useTabStyles = makeStyles({
  list: { display: "flex", flexDirection: "row", flexShrink: 0, alignItems: "stretch", position: "relative" },
  tab: {
    alignItems: "center",
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    cursor: "pointer",
    display: "grid",
    flexShrink: 0,
    gridAutoFlow: "column",
    gridTemplateColumns: "auto",
    gridTemplateRows: "auto",
    justifyContent: "center",
    fontFamily: tokens.fontFamilyBase,
    lineHeight: tokens.lineHeightBase300,
    outlineStyle: "none",
    position: "relative",
    overflow: "hidden",
    textTransform: "none",
    columnGap: tokens.spacingHorizontalXXS,
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalSNudge}`,
    backgroundColor: tokens.colorTransparentBackground,
    color: tokens.colorNeutralForeground2,
    ":hover": {
      backgroundColor: tokens.colorTransparentBackgroundHover,
      color: tokens.colorNeutralForeground2Hover,
    },
    ":active": {
      backgroundColor: tokens.colorTransparentBackgroundPressed,
      color: tokens.colorNeutralForeground2Pressed,
    },
    // The pending underline a hovered or pressed tab shows.
    ":hover::before": {
      backgroundColor: tokens.colorNeutralStroke1Hover,
      borderRadius: tokens.borderRadiusCircular,
      content: '""',
      position: "absolute",
    },
    ":active::before": {
      backgroundColor: tokens.colorNeutralStroke1Pressed,
      borderRadius: tokens.borderRadiusCircular,
      content: '""',
      position: "absolute",
    },
    "::before": {
      bottom: 0,
      height: tokens.strokeWidthThick,
      left: tokens.spacingHorizontalSNudge,
      right: tokens.spacingHorizontalSNudge,
    },
    ":focus-visible": {
      ...shorthands.borderColor("transparent"),
      outlineWidth: tokens.strokeWidthThick,
      outlineColor: "transparent",
      outlineStyle: "solid",
      boxShadow: `${tokens.shadow4}, 0 0 0 ${tokens.strokeWidthThick} ${tokens.colorStrokeFocus2}`,
      zIndex: 1,
    },
    "@media (forced-colors: active)": {
      ":hover::before": { backgroundColor: "Highlight" },
      ":active::before": { backgroundColor: "Highlight" },
    },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    ":hover": { color: tokens.colorNeutralForeground1Hover },
    ":active": { color: tokens.colorNeutralForeground1Pressed },
    "::after": {
      backgroundColor: tokens.colorCompoundBrandStroke,
      borderRadius: tokens.borderRadiusCircular,
      content: '""',
      position: "absolute",
      bottom: 0,
      height: tokens.strokeWidthThick,
      left: tokens.spacingHorizontalSNudge,
      right: tokens.spacingHorizontalSNudge,
    },
    ":hover::after": { backgroundColor: tokens.colorCompoundBrandStrokeHover },
    ":active::after": { backgroundColor: tokens.colorCompoundBrandStrokePressed },
    "@media (forced-colors: active)": {
      "::after": { backgroundColor: "ButtonText" },
      ":hover::after": { backgroundColor: "ButtonText" },
      ":active::after": { backgroundColor: "ButtonText" },
    },
  },
  content: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightRegular,
    lineHeight: tokens.lineHeightBase300,
    overflow: "hidden",
    padding: `0 ${tokens.spacingHorizontalXXS}`,
    gridColumnStart: 1,
    gridRowStart: 1,
  },
  contentSelected: { fontWeight: tokens.fontWeightSemibold },
  // An unselected tab's label in bold, unseen, under the label shown: it keeps its width when selected.
  reserved: { fontWeight: tokens.fontWeightSemibold, visibility: "hidden" },
});

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
  const styles = useTabStyles();
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
