import { tokens } from "@fluentui/react-components";
import type { KeyboardEvent } from "react";
import { PALETTES, type PaletteName } from "../../plan/palette";
import { wrapLabel, type MapObjective } from "../../plan/strategyMap";
import { useStrategyMapStyles } from "./StrategyMapView.styles";
import { boxInitiatives, boxScore, describeBox, FONT_SIZE } from "./strategyMapPane";
// Its boxes are SVG elements reached by Tab: Preact must write their tabindex as React does.
import "../svgTabIndex";

/** One objective on the map: a button drawn as a box in its status colours, its name and score. */
export function StrategyMapBox({
  objective: o,
  palette,
  pressed,
  choose,
  onKey,
}: {
  objective: MapObjective;
  palette: PaletteName;
  pressed: boolean;
  choose: (key: string) => void;
  onKey: (event: KeyboardEvent, key: string) => void;
}) {
  const styles = useStrategyMapStyles();
  const c = PALETTES[palette][o.status];
  const lines = wrapLabel(o.name, o.width - 8, 3);
  return (
    <g
      className={styles.box}
      role="button"
      tabIndex={0}
      aria-pressed={pressed}
      aria-label={describeBox(o, lines)}
      onClick={() => choose(o.key)}
      onKeyDown={(e) => onKey(e, o.key)}
    >
      <rect
        x={o.x}
        y={o.y}
        width={o.width}
        height={o.height}
        rx={6}
        fill={`#${c.fill}`}
        stroke={pressed ? tokens.colorBrandStroke1 : `#${c.color}`}
        strokeWidth={pressed ? 2.5 : 1}
      />
      {lines.map((line, i) => (
        <text
          key={i}
          x={o.x + o.width / 2}
          y={o.y + 13 + i * (FONT_SIZE + 2)}
          fontSize={FONT_SIZE}
          textAnchor="middle"
          fill={`#${c.color}`}
        >
          {/* A space after each line: the words of two lines stay two words to a screen reader. */}
          {`${line} `}
        </text>
      ))}
      <text
        x={o.x + o.width / 2}
        y={o.y + o.height - 6}
        fontSize={FONT_SIZE}
        fontWeight={700}
        textAnchor="middle"
        fill={`#${c.color}`}
      >
        {boxScore(o)}
        {boxInitiatives(o)}
      </text>
    </g>
  );
}
