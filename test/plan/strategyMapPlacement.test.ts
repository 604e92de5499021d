/**
 * The rules by which the strategy map places its objectives in their lanes (placeInLanes), stated
 * one by one on small scorecards. strategyMapRouting.test.ts states what they add up to over random
 * scorecards (no arrow through a box it does not join); here each rule has a map of its own, so
 * that breaking one rule shows which.
 *
 * Lane 0 is the top lane; an objective is named by its lane and its place in the lane in the
 * scorecard's order, "2.1" the second of lane 2. A link is "cause>effect", "2.1>0.0"; links are
 * listed with commas, and numbered in that order (the placement names its corridors by number).
 * A placement gives, per lane, the objectives from left to right and each one's column (a
 * multiple of ½ from 0).
 */
import { placeInLanes, type LaneLink, type LanePlacement } from "../../src/plan/strategyMapPlacement";

function linksOf(text: string): LaneLink[] {
  return text
    .split(",")
    .filter((link) => link.trim())
    .map((link) => {
      const [from, to] = link.split(">").map((end) => {
        const [lane, index] = end.trim().split(".").map(Number);
        return { lane: lane!, index: index! };
      });
      return { from: from!, to: to! };
    });
}

const place = (laneSizes: readonly number[], links = "", first: readonly number[] = []) =>
  placeInLanes(laneSizes, linksOf(links), first);

/** The corridors' link numbers, in order. */
const corridorsOf = (placement: LanePlacement) => [...placement.corridors].sort((a, b) => a - b);

const columnOf = (placement: LanePlacement, lane: number, index: number) => placement.column[lane]![index]!;

/**
 * Whether the link runs straight up a column the lanes between leave empty: its ends in one
 * column, no box of a lane between within a column of it.
 */
function standsStraight(placement: LanePlacement, link: string): boolean {
  const [{ from, to }] = linksOf(link) as [LaneLink];
  const x = columnOf(placement, from.lane, from.index);
  if (columnOf(placement, to.lane, to.index) !== x) return false;
  for (let lane = Math.min(from.lane, to.lane) + 1; lane < Math.max(from.lane, to.lane); lane++)
    if (placement.column[lane]!.some((c) => Math.abs(c - x) < 1)) return false;
  return true;
}

/** The listed links numbered `numbers`. */
const numbered = (links: string, numbers: readonly number[]) =>
  numbers.map((i) => links.split(",")[i]!.trim());

describe("placing the objectives of one lane", () => {
  it("keeps the scorecard's order and centres a shorter lane when no arrow pulls", () => {
    expect(place([3, 2])).toEqual({
      order: [
        [0, 1, 2],
        [0, 1],
      ],
      // The lane of two stands halfway between packed left and packed right.
      column: [
        [0, 1, 2],
        [0.5, 1.5],
      ],
      columns: 3,
      corridors: new Set(),
    });
  });

  it("puts two objectives linked within a lane side by side", () => {
    expect(place([3], "0.0>0.2").order).toEqual([[0, 2, 1]]);
  });

  it("stands a chain of links within a lane in the order of its links, from the end the scorecard lists first", () => {
    // The chain 2 – 0 – 3 has its ends at 2 and 3, so starts at 2; it stands before 1, for its
    // first objective in the scorecard (0) comes before 1.
    expect(place([4], "0.0>0.3, 0.2>0.0").order).toEqual([[2, 0, 3, 1]]);
  });

  it("counts a link within a lane given both ways once: the chain still stands in the order of its links", () => {
    // 1 – 0 – 2 is a chain whether or not 0 also names 1 as its cause.
    expect(place([3], "0.1>0.0, 0.0>0.2").order).toEqual([[1, 0, 2]]);
    expect(place([3], "0.0>0.1, 0.1>0.0, 0.0>0.2").order).toEqual([[1, 0, 2]]);
  });

  it.each([
    ["a ring", "0.2>0.1, 0.1>0.0, 0.0>0.2", [0, 1, 2]],
    ["a ring listed the other way round", "0.0>0.2, 0.1>0.2, 0.0>0.1", [0, 1, 2]],
    ["a star", "0.0>0.3, 0.0>0.2, 0.0>0.1", [0, 1, 2, 3]],
  ])(
    "stands %s of links within a lane as a walk from its first objective, the next in the scorecard first",
    (_, links, order) => {
      // No order puts every linked pair of a ring or a star side by side; the walk is the same for
      // the same scorecard, whatever order its links are listed in.
      expect(place([order.length], links).order).toEqual([order]);
    },
  );

  it("places an objective that drives itself as if it did not", () => {
    const placement = place([2, 1], "0.1>1.0");
    expect(place([2, 1], "1.0>1.0, 0.1>1.0")).toEqual(placement);
    // The lower box still stands under its cause.
    expect(columnOf(placement, 1, 0)).toBe(columnOf(placement, 0, 1));
  });
});

describe("ordering a lane by the arrows to its neighbours", () => {
  it("keeps the top lane in the scorecard's order and moves a box of the lane below towards its cause", () => {
    // Either lane could turn; the lower one follows the one above, which readers take in first.
    expect(place([2, 3], "0.0>1.2").order).toEqual([
      [0, 1],
      [0, 2, 1],
    ]);
  });

  it("turns a lane so that the arrows from the lane below do not cross", () => {
    const placement = place([2, 2], "1.0>0.1, 1.1>0.0");
    expect(placement.order).toEqual([
      [0, 1],
      [1, 0],
    ]);
    // Each arrow runs straight up.
    expect(columnOf(placement, 1, 0)).toBe(columnOf(placement, 0, 1));
    expect(columnOf(placement, 1, 1)).toBe(columnOf(placement, 0, 0));
  });

  it("takes the order where fewer arrows cross even when the arrows run no shorter", () => {
    // 0.0 drives and is driven by 1.0, and drives 1.1 too; 0.1 is driven by 1.0. In the scorecard's
    // order 0.0 – 1.1 crosses 0.1 – 1.0; with lane 1 turned nothing crosses (arrows that share an
    // end do not), for the same total sideways run.
    expect(place([2, 2], "0.0>1.0, 1.1>0.0, 1.0>0.0, 1.0>0.1").order).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it.each([
    [
      "the one linked to the lane below",
      "0.1>0.0, 0.1>1.0",
      [
        [1, 0],
        [0, 1],
      ],
    ],
    [
      "the one linked to the lane above",
      "1.1>0.0, 1.0>1.1",
      [
        [0, 1],
        [1, 0],
      ],
    ],
    [
      "the one whose cause stands on the right",
      "1.0>1.1, 0.1>1.0",
      [
        [0, 1],
        [1, 0],
      ],
    ],
  ])("turns a pair linked within a lane to stand %s on the side of its arrow", (_, links, order) => {
    expect(place([2, 2], links).order).toEqual(order);
  });

  it("keeps a pair linked within a lane in the order of its link when its arrows lean neither way", () => {
    // The one box above stands over the middle of the lane below: 0 – 2 stays as listed.
    expect(place([1, 3], "1.0>1.2, 0.0>1.0").order).toEqual([[0], [0, 2, 1]]);
  });

  it("weighs a link named first like any other: naming it first only lets it claim a corridor first", () => {
    const links = "0.0>1.0, 1.2>0.0";
    const placement = place([1, 3], links);
    expect(place([1, 3], links, [0])).toEqual(placement);
    // Halfway between the two boxes it is linked with.
    expect(columnOf(placement, 0, 0)).toBe(1);
  });
});

describe("corridors for links over two or more lanes", () => {
  it("gives a link over two lanes a column of its own, empty in the lane between", () => {
    const placement = place([3, 3, 3], "2.0>0.0");
    expect(corridorsOf(placement)).toEqual([0]);
    expect(standsStraight(placement, "2.0>0.0")).toBe(true);
    expect(placement.columns).toBe(4);
  });

  it("keeps the scorecard's order where no other is better: a lane's own objectives before the corridor through it", () => {
    const placement = place([3, 1, 1, 1], "3.0>0.0");
    expect(standsStraight(placement, "3.0>0.0")).toBe(true);
    // Lanes 1 and 2 hold their objective left of the corridor (column 1), lane 0 its three from
    // the corridor rightwards, lane 3 its one at the corridor's foot.
    expect(placement.column).toEqual([[1, 2, 3], [0], [0], [1]]);
  });

  it("lets a corridor's foot stand among its lane's objectives rather than push them aside", () => {
    // The sweeps weigh against each other only the arrows that leave the same lane: the corridor
    // from 2.0 up to 0.2 and the arrow from 0.2 down to 1.0 do not cross. With 2.0 left of its
    // lane's other two, they would stand right of the corridor's column, five columns in all.
    const placement = place([3, 1, 3], "2.0>0.2, 0.2>1.0");
    expect(standsStraight(placement, "2.0>0.2")).toBe(true);
    expect(placement.order[2]).toEqual([1, 0, 2]);
    expect(placement.columns).toBe(4);
  });

  it.each([
    // Lane 1 holds a box and two corridors, lane 2 three boxes.
    ["linked within a lane", [2, 1, 3], "2.0>2.1, 2.0>0.1, 0.0>1.0, 2.0>2.2, 0.0>2.2", [1, 4], 3],
    // Lane 1 holds two boxes and two corridors.
    ["not", [3, 2, 3], "0.2>2.1, 2.1>1.1, 0.1>1.0, 2.2>0.1", [0, 3], 4],
  ])(
    "puts two corridors in one order in every lane they share, so both stand straight, the map no wider than its fullest lane (their ends %s)",
    (_, sizes, links, corridors, columns) => {
      const placement = place(sizes, links);
      expect(corridorsOf(placement)).toEqual(corridors);
      for (const link of numbered(links, corridors)) expect(standsStraight(placement, link)).toBe(true);
      expect(placement.columns).toBe(columns);
    },
  );

  it("stands corridors that share no lane under one another, not in a staircase that widens the map", () => {
    // Lane 0's last box drives lane 2's first, lane 2's second drives lane 4's first: packed in
    // their mean places, the map is as wide as its fullest lane (3), not 6.
    const links = "0.2>2.0, 2.1>4.0";
    const placement = place([3, 0, 2, 0, 3], links);
    expect(corridorsOf(placement)).toEqual([0, 1]);
    for (const link of numbered(links, [0, 1])) expect(standsStraight(placement, link)).toBe(true);
    expect(placement.columns).toBe(3);
  });

  // Lanes 0 and 2 each hold a chain of three; three long links join them, but the chains list their
  // ends in orders no straight columns can join (0 1 2 above, 0 2 1 below, whichever way round).
  const knot = "0.0>0.1, 0.1>0.2, 2.0>2.2, 2.2>2.1, 0.0>2.0, 0.1>2.1, 0.2>2.2";

  it("gives up at once the corridors of a knot whose ends are held in chains, keeping the first straight", () => {
    // One at a time would lay a large map out again for each of hundreds of corridors.
    const placement = place([3, 0, 3], knot);
    expect(corridorsOf(placement)).toEqual([4]);
    expect(standsStraight(placement, "0.0>2.0")).toBe(true);
    // The chains stay side by side.
    expect(placement.order).toEqual([[0, 1, 2], [], [0, 2, 1]]);
  });

  it("keeps straight a corridor beside the knot whose ends stand alone", () => {
    const placement = place([4, 0, 4], `${knot}, 0.3>2.3`);
    expect(corridorsOf(placement)).toEqual([4, 7]);
    expect(standsStraight(placement, "0.3>2.3")).toBe(true);
  });

  it("gives up every corridor of a knot with one end in a chain, though its other end stands alone", () => {
    // Chains in lanes 0 and 4 (0 1 2 and 0 2 1), lone objectives in lane 2, each objective of the
    // top chain linked through lane 2 to one of the bottom chain.
    const links = "0.0>0.1, 0.1>0.2, 4.0>4.2, 4.2>4.1, 0.0>2.0, 2.0>4.0, 0.1>2.1, 2.1>4.1, 0.2>2.2, 2.2>4.2";
    const placement = place([3, 0, 3, 0, 3], links);
    expect(corridorsOf(placement)).toEqual([4, 5]);
    for (const link of numbered(links, [4, 5])) expect(standsStraight(placement, link)).toBe(true);
  });
});

describe("columns", () => {
  it.each([
    ["the box below it", [1, 2], "0.0>1.0", [0, 0], 0],
    ["the box above it", [2, 1], "0.1>1.0", [1, 0], 1],
    ["its cause below, on the right", [1, 2], "1.1>0.0", [0, 0], 1],
    ["its effect above, in the middle", [3, 1], "0.1>1.0", [1, 0], 1],
  ])("moves a lone box over %s", (_, sizes, link, [lane, index], column) => {
    expect(columnOf(place(sizes, link), lane!, index!)).toBe(column);
  });

  it("moves a box linked with two boxes halfway between them", () => {
    expect(columnOf(place([1, 2], "1.1>0.0, 0.0>1.0"), 0, 0)).toBe(0.5);
  });
});
