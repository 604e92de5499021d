/**
 * The rules by which the strategy map places its objectives in their lanes (placeInLanes), stated
 * one by one on small scorecards. strategyMapRouting.test.ts states what they add up to over random
 * scorecards (no arrow through a box it does not join); here each rule has a map of its own, so
 * that breaking one rule shows which.
 *
 * A link is written [from lane, from index, to lane, to index], lane 0 at the top, index the
 * objective's place in its lane in the scorecard's order. A placement gives, per lane, the order
 * of the objectives left to right and each one's column (a multiple of ½ from 0).
 */
import { placeInLanes, type LanePlacement } from "../../src/plan/strategyMapPlacement";

type Link = readonly [number, number, number, number];

function place(laneSizes: readonly number[], links: readonly Link[] = [], first: readonly number[] = []) {
  return placeInLanes(
    laneSizes,
    links.map(([fromLane, fromIndex, toLane, toIndex]) => ({
      from: { lane: fromLane, index: fromIndex },
      to: { lane: toLane, index: toIndex },
    })),
    first,
  );
}

/** The corridors' link indexes, in order. */
const corridorsOf = (placement: LanePlacement) => [...placement.corridors].sort((a, b) => a - b);

const columnOf = (placement: LanePlacement, lane: number, index: number) => placement.column[lane]![index]!;

/**
 * Whether the link runs straight up a column the lanes between leave empty: its ends in one
 * column, no box of a lane between within a column of it.
 */
function standsStraight(placement: LanePlacement, [fromLane, fromIndex, toLane, toIndex]: Link): boolean {
  const x = columnOf(placement, fromLane, fromIndex);
  if (columnOf(placement, toLane, toIndex) !== x) return false;
  for (let lane = Math.min(fromLane, toLane) + 1; lane < Math.max(fromLane, toLane); lane++)
    if (placement.column[lane]!.some((c) => Math.abs(c - x) < 1)) return false;
  return true;
}

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
    expect(place([3], [[0, 0, 0, 2]]).order).toEqual([[0, 2, 1]]);
  });

  it("stands a chain of links within a lane in the order of its links, from the end the scorecard lists first", () => {
    // The chain 2 – 0 – 3 has its ends at 2 and 3: it starts at 2, and stands before 1, for the
    // chain's first objective in the scorecard (0) comes before 1.
    expect(
      place(
        [4],
        [
          [0, 0, 0, 3],
          [0, 2, 0, 0],
        ],
      ).order,
    ).toEqual([[2, 0, 3, 1]]);
  });

  it("counts a link within a lane given both ways once: the chain still stands in the order of its links", () => {
    // 1 – 0 – 2 is a chain whether or not 0 also names 1 as its cause.
    const chain: Link[] = [
      [0, 1, 0, 0],
      [0, 0, 0, 2],
    ];
    expect(place([3], chain).order).toEqual([[1, 0, 2]]);
    expect(place([3], [[0, 0, 0, 1], ...chain]).order).toEqual([[1, 0, 2]]);
  });

  it.each<[string, Link[], number[]]>([
    [
      "a ring",
      [
        [0, 2, 0, 1],
        [0, 1, 0, 0],
        [0, 0, 0, 2],
      ],
      [0, 1, 2],
    ],
    [
      "a ring listed the other way round",
      [
        [0, 0, 0, 2],
        [0, 1, 0, 2],
        [0, 0, 0, 1],
      ],
      [0, 1, 2],
    ],
    [
      "a star",
      [
        [0, 0, 0, 3],
        [0, 0, 0, 2],
        [0, 0, 0, 1],
      ],
      [0, 1, 2, 3],
    ],
  ])(
    "stands %s of links within a lane as a walk from its first objective, the next in the scorecard first",
    (_, links, order) => {
      // No order puts every pair of a ring or a star side by side; the walk is the same for the
      // same scorecard, whatever order its links are listed in.
      expect(place([order.length], links).order).toEqual([order]);
    },
  );

  it("places an objective that drives itself as if it did not", () => {
    const links: Link[] = [[0, 1, 1, 0]];
    const placement = place([2, 1], links);
    expect(place([2, 1], [[1, 0, 1, 0], ...links])).toEqual(placement);
    // The lower box still stands under its cause.
    expect(columnOf(placement, 1, 0)).toBe(columnOf(placement, 0, 1));
  });
});

describe("ordering a lane by the arrows to its neighbours", () => {
  it("keeps the top lane in the scorecard's order and moves a box of the lane below towards its cause", () => {
    // Either lane could turn; the lower one follows the one above, which readers take in first.
    expect(place([2, 3], [[0, 0, 1, 2]]).order).toEqual([
      [0, 1],
      [0, 2, 1],
    ]);
  });

  it("turns a lane so that the arrows from the lane below do not cross", () => {
    const placement = place(
      [2, 2],
      [
        [1, 0, 0, 1],
        [1, 1, 0, 0],
      ],
    );
    expect(placement.order).toEqual([
      [0, 1],
      [1, 0],
    ]);
    // Each arrow runs straight up.
    expect(columnOf(placement, 1, 0)).toBe(columnOf(placement, 0, 1));
    expect(columnOf(placement, 1, 1)).toBe(columnOf(placement, 0, 0));
  });

  it("takes the order where fewer arrows cross even when the arrows run no shorter", () => {
    // Top 0 drives and is driven by bottom 0, and drives bottom 1; top 1 drives bottom 0. In the
    // scorecard's order top 0 → bottom 1 crosses top 1 → bottom 0; turned, nothing crosses (the
    // arrows that share an end do not), for the same total sideways run.
    expect(
      place(
        [2, 2],
        [
          [0, 0, 1, 0],
          [1, 1, 0, 0],
          [1, 0, 0, 0],
          [1, 0, 0, 1],
        ],
      ).order,
    ).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it.each<[string, Link[], number[][]]>([
    [
      "the one linked to the lane below",
      [
        [0, 1, 0, 0],
        [0, 1, 1, 0],
      ],
      [
        [1, 0],
        [0, 1],
      ],
    ],
    [
      "the one linked to the lane above",
      [
        [1, 1, 0, 0],
        [1, 0, 1, 1],
      ],
      [
        [0, 1],
        [1, 0],
      ],
    ],
    [
      "the one whose cause stands on the right",
      [
        [1, 0, 1, 1],
        [0, 1, 1, 0],
      ],
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
    expect(
      place(
        [1, 3],
        [
          [1, 0, 1, 2],
          [0, 0, 1, 0],
        ],
      ).order,
    ).toEqual([[0], [0, 2, 1]]);
  });

  it("weighs a link named first like any other: naming it first only lets it claim a corridor first", () => {
    const links: Link[] = [
      [0, 0, 1, 0],
      [1, 2, 0, 0],
    ];
    const placement = place([1, 3], links);
    expect(place([1, 3], links, [0])).toEqual(placement);
    // Halfway between the two boxes it is linked with.
    expect(columnOf(placement, 0, 0)).toBe(1);
  });
});

describe("corridors for links over two or more lanes", () => {
  it("gives a link over two lanes a column of its own, empty in the lane between", () => {
    const link: Link = [2, 0, 0, 0];
    const placement = place([3, 3, 3], [link]);
    expect(corridorsOf(placement)).toEqual([0]);
    expect(standsStraight(placement, link)).toBe(true);
    expect(placement.columns).toBe(4);
  });

  it("keeps the scorecard's order where no other is better: a lane's own objectives before the corridor through it", () => {
    const link: Link = [3, 0, 0, 0];
    const placement = place([3, 1, 1, 1], [link]);
    expect(standsStraight(placement, link)).toBe(true);
    // Lanes 1 and 2 hold their objective left of the corridor (column 1), lane 0 its three from
    // the corridor rightwards, lane 3 its one at the corridor's foot.
    expect(placement.column).toEqual([[1, 2, 3], [0], [0], [1]]);
  });

  it.each<[string, number[], Link[], number]>([
    [
      "linked within a lane",
      [2, 1, 3],
      [
        [2, 0, 2, 1],
        [2, 0, 0, 1],
        [0, 0, 1, 0],
        [2, 0, 2, 2],
        [0, 0, 2, 2],
      ],
      // Lane 1's box and two corridors, lane 2's three boxes.
      3,
    ],
    [
      "not",
      [3, 2, 3],
      [
        [0, 2, 2, 1],
        [2, 1, 1, 1],
        [0, 1, 1, 0],
        [2, 2, 0, 1],
      ],
      // Lane 1's two boxes and two corridors.
      4,
    ],
  ])(
    "puts two corridors in one order in every lane they share, so both stand straight, the map no wider than its fullest lane (their ends %s)",
    (_, sizes, links, columns) => {
      const placement = place(sizes, links);
      const long = [...links.keys()].filter((i) => Math.abs(links[i]![0] - links[i]![2]) >= 2);
      expect(corridorsOf(placement)).toEqual(long);
      for (const i of long) expect(standsStraight(placement, links[i]!)).toBe(true);
      expect(placement.columns).toBe(columns);
    },
  );

  // Lanes 0 and 2 each hold a chain of three; three long links join them, but the chains list their
  // ends in orders no straight columns can join (0 1 2 above, 0 2 1 below, whichever way round).
  const knot: Link[] = [
    [0, 0, 0, 1],
    [0, 1, 0, 2],
    [2, 0, 2, 2],
    [2, 2, 2, 1],
    [0, 0, 2, 0],
    [0, 1, 2, 1],
    [0, 2, 2, 2],
  ];

  it("gives up at once the corridors of a knot whose ends are held in chains, keeping the first straight", () => {
    // One at a time would lay a large map out again for each of hundreds of corridors.
    const placement = place([3, 0, 3], knot);
    expect(corridorsOf(placement)).toEqual([4]);
    expect(standsStraight(placement, knot[4]!)).toBe(true);
    // The chains stay side by side.
    expect(placement.order).toEqual([[0, 1, 2], [], [0, 2, 1]]);
  });

  it("keeps straight a corridor beside the knot whose ends stand alone", () => {
    const lone: Link = [0, 3, 2, 3];
    const placement = place([4, 0, 4], [...knot, lone]);
    expect(corridorsOf(placement)).toEqual([4, 7]);
    expect(standsStraight(placement, lone)).toBe(true);
  });

  it("gives up every corridor of a knot with one end in a chain, though its other end stands alone", () => {
    // Chains in lanes 0 and 4 (0 1 2 and 0 2 1), lone objectives in lane 2, each objective of the
    // top chain linked through lane 2 to one of the bottom chain.
    const links: Link[] = [
      [0, 0, 0, 1],
      [0, 1, 0, 2],
      [4, 0, 4, 2],
      [4, 2, 4, 1],
      [0, 0, 2, 0],
      [2, 0, 4, 0],
      [0, 1, 2, 1],
      [2, 1, 4, 1],
      [0, 2, 2, 2],
      [2, 2, 4, 2],
    ];
    const placement = place([3, 0, 3, 0, 3], links);
    expect(corridorsOf(placement)).toEqual([4, 5]);
    for (const i of [4, 5]) expect(standsStraight(placement, links[i]!)).toBe(true);
  });
});

describe("columns", () => {
  it.each<[string, number[], Link, [number, number], number]>([
    ["the box below it", [1, 2], [0, 0, 1, 0], [0, 0], 0],
    ["the box above it", [2, 1], [0, 1, 1, 0], [1, 0], 1],
    ["its cause below, on the right", [1, 2], [1, 1, 0, 0], [0, 0], 1],
    ["its effect above, in the middle", [3, 1], [0, 1, 1, 0], [1, 0], 1],
  ])("moves a lone box over %s", (_, sizes, link, [lane, index], column) => {
    expect(columnOf(place(sizes, [link]), lane, index)).toBe(column);
  });

  it("moves a box linked with two boxes halfway between them", () => {
    const placement = place(
      [1, 2],
      [
        [1, 1, 0, 0],
        [0, 0, 1, 0],
      ],
    );
    expect(columnOf(placement, 0, 0)).toBe(0.5);
  });
});
