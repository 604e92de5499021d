/**
 * A line of the Scorecard sheet's headline (the red KPIs, the biggest movers, the KPIs that need
 * commentary) as one line that fits the printed page: it starts in column B and runs over the
 * empty cells at its right, where the print area's edge would cut it mid-word.
 */

/** Characters a normal-weight text holds in a width of `units` (a character is 0.9 of a unit, as printedReach takes it). */
export const charsIn = (units: number): number => Math.floor(units / 0.9);

/**
 * `entries` in order, at most `most` of them and as many as fit in `room` characters with
 * `separator` between them, then "and N more" for the rest: an entry is never cut, but for a
 * first one longer than the whole line, which is cut with "…".
 */
export function headlineLine(
  entries: readonly string[],
  separator: string,
  most: number,
  room: number,
): string {
  const more = (n: number): string => (n > 0 ? ` and ${n} more` : "");
  let line = "";
  let shown = 0;
  for (const entry of entries.slice(0, most)) {
    const next = shown === 0 ? entry : `${line}${separator}${entry}`;
    // Taken with the count of the others after it, which it ends with if the next does not fit.
    if (shown > 0 && next.length + more(entries.length - shown - 1).length > room) break;
    line = next;
    shown++;
  }
  const tail = more(entries.length - shown);
  if (line.length + tail.length > room) line = `${line.slice(0, Math.max(1, room - tail.length - 1))}…`;
  return line + tail;
}
