import { Button, Caption1, Spinner, tokens } from "@fluentui/react-components";
import { ChevronDownRegular } from "@fluentui/react-icons/svg/chevron-down";
import { ChevronRightRegular } from "@fluentui/react-icons/svg/chevron-right";
import { lazy, Suspense, useId, useState } from "react";
import type { StrategyMapViewProps } from "./StrategyMapView.js";

// The map and its layout come in their own chunk, fetched when the section is first opened.
const StrategyMapView = lazy(() =>
  import(/* webpackChunkName: "strategy-map" */ "./StrategyMapView.js").then((m) => ({
    default: m.StrategyMapView,
  })),
);

export interface StrategyMapSectionProps extends StrategyMapViewProps {
  /** The name of the workbook's Strategy Map sheet, or null where it has none yet. */
  readonly sheet: string | null;
  readonly busy: boolean;
  /** Draws the Strategy Map sheet (a refresh that inserts it). */
  readonly onInsert: () => void;
}

/**
 * The map under the scorecard, folded away until asked for (it is a picture of the whole, not a
 * list to work through), with the action that draws it on a sheet of its own.
 */
export function StrategyMapSection({ sheet, busy, onInsert, ...view }: StrategyMapSectionProps) {
  const [open, setOpen] = useState(false);
  const regionId = useId();
  return (
    <section aria-label="Strategy map">
      <Button
        appearance="subtle"
        aria-expanded={open}
        aria-controls={regionId}
        icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
        onClick={() => setOpen((o) => !o)}
      >
        Strategy map
      </Button>
      {open && (
        <div id={regionId} style={{ display: "grid", gap: tokens.spacingVerticalS }}>
          <Suspense fallback={<Spinner size="tiny" label="Drawing the map…" />}>
            <StrategyMapView {...view} />
          </Suspense>
          {sheet ? (
            <Caption1>{`The "${sheet}" sheet shows this map; every refresh redraws it.`}</Caption1>
          ) : (
            <Button appearance="secondary" disabledFocusable={busy} onClick={onInsert}>
              Insert strategy map
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
