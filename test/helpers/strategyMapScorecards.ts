import fc from "fast-check";

/** A candidate link: the cause's lane and place, the effect's lane and place. */
export type CandidateLink = [number, number, number, number];

/**
 * Up to five lanes of one to `perLane` objectives, and up to `links` candidate links between
 * places that may not all hold an objective: the strategy map property tests' scorecards.
 */
export const lanesAndCandidates = (perLane: number, links: number) =>
  fc.integer({ min: 1, max: 5 }).chain((laneCount) =>
    fc.record({
      lanes: fc.array(fc.integer({ min: 1, max: perLane }), { minLength: laneCount, maxLength: laneCount }),
      candidates: fc.array(
        fc.tuple(
          fc.integer({ min: 0, max: laneCount - 1 }),
          fc.integer({ min: 0, max: perLane - 1 }),
          fc.integer({ min: 0, max: laneCount - 1 }),
          fc.integer({ min: 0, max: perLane - 1 }),
        ),
        { maxLength: links },
      ),
    }),
  );

/** Any links at all between objectives that exist, none from an objective to itself. */
export const anyLinks = ({ lanes, candidates }: { lanes: number[]; candidates: CandidateLink[] }) => ({
  lanes,
  links: candidates.filter(
    ([fl, fi, tl, ti]) => fi < lanes[fl]! && ti < lanes[tl]! && (fl !== tl || fi !== ti),
  ),
});
