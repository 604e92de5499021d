/**
 * Where the strategy map's objectives stand in their lanes, so that its arrows, straight
 * connectors glued to the centres of the boxes' sides (the only kind Office.js, DrawingML and the
 * pane's SVG all draw), miss the boxes they do not join:
 * - an arrow between neighbouring lanes runs in the free band between them: any place will do;
 * - an arrow within a lane runs along it: the objectives it joins stand side by side;
 * - an arrow over two or more lanes runs straight up a column: its ends stand one above the other
 *   and the lanes between leave that column empty (a "corridor").
 * The order within each lane follows the arrows (barycentre sweeps, as in Sugiyama's layered
 * drawings, the corridors taking part as dummy objectives), ties keeping the scorecard's order.
 * Everything is decided from the scorecard alone, so the same scorecard always gives the same map.
 *
 * Guaranteed clear (test/plan/strategyMapRouting.test.ts states it over random scorecards): any
 * lanes and objectives where the links within each lane form simple chains, every objective has at
 * most one link over two or more lanes upwards and one downwards, and such an objective has no
 * link within its lane. Beyond that (a lane's links branching or closing a ring, two long links
 * from one objective the same way) some arrow may have no straight path; strategyMapLayout then
 * tries the crossing arrows' corridors first and other connection sites.
 */

/** An objective: its lane (top lane 0) and its place in the lane in the scorecard's order. */
export interface LaneNode {
  readonly lane: number;
  readonly index: number;
}

/** A Drives link; its direction plays no part in where the boxes stand. */
export interface LaneLink {
  readonly from: LaneNode;
  readonly to: LaneNode;
}

export interface LanePlacement {
  /** Per lane, the objectives (scorecard indexes) from left to right. */
  readonly order: readonly (readonly number[])[];
  /** Per lane, per scorecard index, the column of the box's centre: a multiple of ½ from 0. */
  readonly column: readonly (readonly number[])[];
  /** The grid's width in columns; boxes stand at most at `columns` − 1. */
  readonly columns: number;
  /** The links (indexes into the given list) that run up a corridor of their own. */
  readonly corridors: ReadonlySet<number>;
}

/** Rounds of a sweep down and a sweep up; small maps settle in two or three. */
const SWEEP_ROUNDS = 6;
/** Passes that move a box towards the boxes it is linked with, within the room its lane leaves. */
const PULL_PASSES = 4;

interface Item {
  readonly lane: number;
  /** The objective's scorecard index, or null for a corridor's dummy. */
  readonly box: number | null;
}

class Groups {
  private readonly parent: number[] = [];
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root] as number;
    return root;
  }
  join(a: number, b: number): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    // The smaller index stays the root: the same groups every time.
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

/**
 * Places the objectives of each lane on a grid of columns. `laneSizes` counts each lane's
 * objectives, top lane first; `links` are the Drives links between them.
 */
export function placeInLanes(
  laneSizes: readonly number[],
  links: readonly LaneLink[],
  /** Links (indexes) that claim a corridor before the others, which claim theirs in order. */
  first: readonly number[] = [],
): LanePlacement {
  // Corridors that cannot all be kept straight (two of them would have to cross) are given up
  // and the lanes ordered again without them.
  const givenUp = new Set<number>();
  for (;;) {
    const attempt = tryPlacing(laneSizes, links, first, givenUp);
    if ("giveUp" in attempt) for (const i of attempt.giveUp) givenUp.add(i);
    else return attempt;
  }
}

function tryPlacing(
  laneSizes: readonly number[],
  links: readonly LaneLink[],
  first: readonly number[],
  givenUp: ReadonlySet<number>,
): LanePlacement | { giveUp: number[] } {
  const items: Item[] = [];
  const groups = new Groups();
  const newItem = (item: Item): number => {
    items.push(item);
    return groups.add();
  };
  const boxItem = laneSizes.map((n, lane) => Array.from({ length: n }, (_, box) => newItem({ lane, box })));
  const itemOf = (node: LaneNode): number => boxItem[node.lane]?.[node.index] as number;

  // Links between neighbouring lanes, and each corridor's steps from lane to lane, as item pairs
  // (upper, lower): what the barycentre sweeps follow.
  const steps: [number, number][] = [];
  const sideways = new Map<number, number[]>();
  const corridors = new Set<number>();
  const corridorOfGroup = new Map<number, number[]>();
  const upTaken = new Set<number>();
  const downTaken = new Set<number>();
  const dummies: number[][] = laneSizes.map(() => []);
  const claimOrder = [...first, ...[...links.keys()].filter((i) => !first.includes(i))];
  for (const i of claimOrder) {
    const link = links[i] as LaneLink;
    const [upper, lower] = link.from.lane <= link.to.lane ? [link.from, link.to] : [link.to, link.from];
    const [u, d] = [itemOf(upper), itemOf(lower)];
    if (u === d) continue;
    const span = lower.lane - upper.lane;
    if (span === 0) {
      if (sideways.get(u)?.includes(d)) continue;
      sideways.set(u, [...(sideways.get(u) ?? []), d]);
      sideways.set(d, [...(sideways.get(d) ?? []), u]);
    } else if (span === 1) steps.push([u, d]);
    // A box keeps one straight corridor up and one down; its other long links are left to chance.
    else if (!givenUp.has(i) && !downTaken.has(u) && !upTaken.has(d)) {
      downTaken.add(u);
      upTaken.add(d);
      corridors.add(i);
      let above = u;
      for (let lane = upper.lane + 1; lane < lower.lane; lane++) {
        const dummy = newItem({ lane, box: null });
        dummies[lane]?.push(dummy);
        steps.push([above, dummy]);
        groups.join(above, dummy);
        above = dummy;
      }
      steps.push([above, d]);
      groups.join(above, d);
    }
  }
  for (const i of corridors) {
    const root = groups.find(itemOf(links[i]!.from));
    corridorOfGroup.set(root, [...(corridorOfGroup.get(root) ?? []), i]);
  }

  // Each lane as a row of units: the objectives linked within the lane, side by side in the order
  // of their links, and each corridor's dummy alone.
  let rows: number[][][] = laneSizes.map((_, lane) => [
    ...sidewaysBlocks(boxItem[lane] ?? [], sideways),
    ...(dummies[lane] ?? []).map((d) => [d]),
  ]);
  const position = new Map<number, number>();
  const measure = (lane: number) => {
    const flat = (rows[lane] ?? []).flat();
    flat.forEach((item, i) => position.set(item, (i + 0.5) / flat.length));
  };
  rows.forEach((_, lane) => measure(lane));

  const above = new Map<number, number[]>();
  const below = new Map<number, number[]>();
  for (const [u, d] of steps) {
    below.set(u, [...(below.get(u) ?? []), d]);
    above.set(d, [...(above.get(d) ?? []), u]);
  }
  const sweep = (lane: number, neighbours: Map<number, number[]>) => {
    const keyed = (rows[lane] ?? []).map((unit, i) => {
      const seen = unit.flatMap((item) => (neighbours.get(item) ?? []).map((n) => position.get(n) as number));
      return {
        unit,
        i,
        key: seen.length ? mean(seen) : mean(unit.map((item) => position.get(item) as number)),
      };
    });
    keyed.sort((a, b) => a.key - b.key || a.i - b.i);
    rows[lane] = keyed.map(({ unit }) => orient(unit, neighbours, position));
    measure(lane);
  };
  let best = rows.map((row) => row.map((unit) => [...unit]));
  let lowest = costOf(items, steps, position);
  for (let round = 0; round < SWEEP_ROUNDS; round++) {
    for (let lane = 1; lane < rows.length; lane++) sweep(lane, above);
    for (let lane = rows.length - 2; lane >= 0; lane--) sweep(lane, below);
    const cost = costOf(items, steps, position);
    // Fewer crossings first, then shorter sideways runs; a tie keeps the earlier order.
    if (
      cost.crossings < lowest.crossings ||
      (cost.crossings === lowest.crossings && cost.skew < lowest.skew - 1e-9)
    ) {
      lowest = cost;
      best = rows.map((row) => row.map((unit) => [...unit]));
    }
  }
  rows = best;
  rows.forEach((_, lane) => measure(lane));
  keepCorridorsApart(rows, groups, position);

  // Columns: consecutive items of a lane at least one column apart, the items of a corridor in one.
  const successors = new Map<number, Set<number>>();
  const roots = new Set<number>();
  for (const row of rows) {
    const flat = row.flat().map((item) => groups.find(item));
    flat.forEach((root) => roots.add(root));
    for (let i = 1; i < flat.length; i++) {
      const set = successors.get(flat[i - 1] as number) ?? new Set<number>();
      set.add(flat[i] as number);
      successors.set(flat[i - 1] as number, set);
    }
  }
  const sorted = topologicalOrder(
    [...roots].sort((a, b) => a - b),
    successors,
  );
  if (sorted.stuck.length) {
    const stuckCorridors = sorted.stuck.flatMap((root) => corridorOfGroup.get(root) ?? []);
    // Only corridors tie lanes together, so a cycle always runs through one; and only one whose
    // end is linked within its lane, for keepCorridorsApart puts the others in one order. Those
    // go all at once (a large map may hold hundreds), else the latest to claim its corridor.
    const tiedSideways = stuckCorridors.filter((i) =>
      [links[i]!.from, links[i]!.to].some((end) => sideways.has(itemOf(end))),
    );
    if (tiedSideways.length) return { giveUp: tiedSideways };
    const candidates = stuckCorridors.length ? stuckCorridors : [...corridors];
    return { giveUp: [claimOrder.filter((i) => candidates.includes(i)).at(-1) as number] };
  }
  const leftmost = new Map<number, number>();
  for (const root of sorted.order)
    for (const next of successors.get(root) ?? [])
      leftmost.set(next, Math.max(leftmost.get(next) ?? 0, (leftmost.get(root) ?? 0) + 1));
  const last = Math.max(0, ...leftmost.values());
  const rightmost = new Map<number, number>();
  for (const root of [...sorted.order].reverse())
    for (const next of successors.get(root) ?? [])
      rightmost.set(root, Math.min(rightmost.get(root) ?? last, (rightmost.get(next) ?? last) - 1));
  // Halfway between packed left and packed right: a lane with room to spare stands centred.
  const column = new Map<number, number>();
  for (const root of roots) column.set(root, ((leftmost.get(root) ?? 0) + (rightmost.get(root) ?? last)) / 2);
  const colOf = (item: number) => column.get(groups.find(item)) as number;

  pullTowardsLinks(rows, groups, steps, sideways, column, last);

  // A map with no objective at all still has one (empty) column.
  const used = rows.flat(2).map(colOf);
  if (!used.length) used.push(0);
  const leftmostUsed = Math.min(...used);
  const placedColumn = laneSizes.map((n, lane) =>
    Array.from({ length: n }, (_, box) => colOf(boxItem[lane]?.[box] as number) - leftmostUsed),
  );
  return {
    order: rows.map((row) =>
      row.flat().flatMap((item) => {
        const box = items[item]?.box ?? null;
        return box === null ? [] : [box];
      }),
    ),
    column: placedColumn,
    columns: Math.max(...used) - leftmostUsed + 1,
    corridors,
  };
}

/**
 * A lane's objectives in units: those linked within the lane form one unit, in the order of their
 * links where they make a simple chain (each then stands beside the ones it is linked with), in a
 * walk of their links otherwise; the units in the scorecard's order of their first objective.
 */
function sidewaysBlocks(lane: readonly number[], sideways: ReadonlyMap<number, number[]>): number[][] {
  const done = new Set<number>();
  const blocks: number[][] = [];
  for (const start of lane) {
    if (done.has(start)) continue;
    const members: number[] = [];
    const queue = [start];
    done.add(start);
    while (queue.length) {
      const item = queue.shift() as number;
      members.push(item);
      for (const n of [...(sideways.get(item) ?? [])].sort((a, b) => a - b))
        if (!done.has(n)) {
          done.add(n);
          queue.push(n);
        }
    }
    const degree = (item: number) => sideways.get(item)?.length ?? 0;
    const edges = members.reduce((sum, m) => sum + degree(m), 0) / 2;
    const chain = members.every((m) => degree(m) <= 2) && edges === members.length - 1;
    const end = chain ? Math.min(...members.filter((m) => degree(m) <= 1)) : Math.min(...members);
    const walk: number[] = [];
    const seen = new Set<number>();
    const visit = (item: number) => {
      seen.add(item);
      walk.push(item);
      for (const n of [...(sideways.get(item) ?? [])].sort((a, b) => a - b)) if (!seen.has(n)) visit(n);
    };
    visit(end);
    blocks.push(walk);
  }
  return blocks;
}

/** A unit turned so that its members follow their own links' side, left to right, if they lean. */
function orient(
  unit: number[],
  neighbours: ReadonlyMap<number, number[]>,
  position: ReadonlyMap<number, number>,
) {
  if (unit.length < 2) return unit;
  const middle = (unit.length - 1) / 2;
  let lean = 0;
  unit.forEach((item, i) => {
    const seen = (neighbours.get(item) ?? []).map((n) => position.get(n) as number);
    if (seen.length) lean += (i - middle) * (mean(seen) - 0.5);
  });
  return lean < 0 ? [...unit].reverse() : unit;
}

/**
 * What the sweeps weigh an order by: the links that cross between neighbouring lanes, and how far
 * sideways the links between neighbouring lanes run (in fractions of a lane's width). The second
 * keeps a corridor near its ends, where one far off would push its ends and widen the map.
 */
function costOf(
  items: readonly Item[],
  steps: readonly [number, number][],
  position: ReadonlyMap<number, number>,
): { crossings: number; skew: number } {
  let crossings = 0;
  let skew = 0;
  for (let i = 0; i < steps.length; i++) {
    const [a0, a1] = steps[i]!;
    skew += Math.abs((position.get(a0) as number) - (position.get(a1) as number));
    for (let j = i + 1; j < steps.length; j++) {
      const [b0, b1] = steps[j]!;
      if (items[a0]?.lane !== items[b0]?.lane) continue;
      const upper = (position.get(a0) as number) - (position.get(b0) as number);
      const lower = (position.get(a1) as number) - (position.get(b1) as number);
      if (upper * lower < 0) crossings++;
    }
  }
  return { crossings, skew };
}

/**
 * Corridors side by side must stand the same way round in every lane they share (straight
 * vertical lines cannot cross), and their order across the lanes must not run in a circle. So the
 * corridors and their ends that stand alone in their lanes are put in one order everywhere: that
 * of their mean place. Done even where the sweeps' order would do, it also packs corridors that
 * share no lane under one another instead of in a staircase. (An end linked within its lane stays
 * in its unit; placeInLanes gives up such a corridor if it still cannot stand straight.)
 */
function keepCorridorsApart(rows: number[][][], groups: Groups, position: ReadonlyMap<number, number>) {
  const members = new Map<number, number[]>();
  for (const item of rows.flat(2)) {
    const root = groups.find(item);
    members.set(root, [...(members.get(root) ?? []), item]);
  }
  const key = new Map<number, number>();
  for (const [root, items] of members)
    if (items.length > 1) key.set(root, mean(items.map((i) => position.get(i) as number)));
  for (const row of rows) {
    const slots = row.flatMap((unit, i) =>
      unit.length === 1 && key.has(groups.find(unit[0] as number)) ? [i] : [],
    );
    const units = slots
      .map((i) => row[i] as number[])
      .sort((a, b) => {
        const [ra, rb] = [groups.find(a[0] as number), groups.find(b[0] as number)];
        return (key.get(ra) as number) - (key.get(rb) as number) || ra - rb;
      });
    slots.forEach((slot, i) => (row[slot] = units[i] as number[]));
  }
}

function topologicalOrder(
  nodes: readonly number[],
  successors: ReadonlyMap<number, ReadonlySet<number>>,
): { order: number[]; stuck: number[] } {
  const incoming = new Map<number, number>(nodes.map((n) => [n, 0]));
  for (const set of successors.values()) for (const n of set) incoming.set(n, (incoming.get(n) ?? 0) + 1);
  const ready = nodes.filter((n) => incoming.get(n) === 0);
  const order: number[] = [];
  while (ready.length) {
    const n = ready.shift() as number;
    order.push(n);
    for (const next of successors.get(n) ?? []) {
      incoming.set(next, (incoming.get(next) as number) - 1);
      if (incoming.get(next) === 0) ready.push(next);
    }
  }
  return { order, stuck: nodes.filter((n) => (incoming.get(n) as number) > 0) };
}

/**
 * Moves each box that is not on a corridor towards the mean column of the boxes it is linked
 * with in the neighbouring lanes, by half columns, never closer than a column to its neighbours
 * in the lane: arrows between neighbouring lanes grow shorter and more upright.
 */
function pullTowardsLinks(
  rows: readonly (readonly (readonly number[])[])[],
  groups: Groups,
  steps: readonly [number, number][],
  sideways: ReadonlyMap<number, number[]>,
  column: Map<number, number>,
  last: number,
) {
  const linked = new Map<number, number[]>();
  for (const [u, d] of steps) {
    linked.set(u, [...(linked.get(u) ?? []), d]);
    linked.set(d, [...(linked.get(d) ?? []), u]);
  }
  const size = new Map<number, number>();
  for (const item of rows.flat(2)) size.set(groups.find(item), (size.get(groups.find(item)) ?? 0) + 1);
  const colOf = (item: number) => column.get(groups.find(item)) as number;
  const lanes = rows.map((row) => row.flat());
  const pass = (lane: readonly number[]) => {
    lane.forEach((item, i) => {
      const root = groups.find(item);
      if ((size.get(root) ?? 1) > 1 || sideways.has(item)) return;
      const to = linked.get(item) ?? [];
      if (!to.length) return;
      const low = i > 0 ? colOf(lane[i - 1] as number) + 1 : 0;
      const high = i < lane.length - 1 ? colOf(lane[i + 1] as number) - 1 : last;
      const wanted = Math.round(mean(to.map(colOf)) * 2) / 2;
      column.set(root, Math.min(high, Math.max(low, wanted)));
    });
  };
  for (let p = 0; p < PULL_PASSES; p++) {
    lanes.forEach(pass);
    [...lanes].reverse().forEach(pass);
  }
}
