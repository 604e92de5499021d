import { readScorecard } from "../../src/model/read";
import type { CellValue } from "../../src/model/snapshot";
import { book, sheet } from "../helpers/book";

/** A German municipal Ergebnisplan as its PDF extraction writes it: lines marked "+ ", "- ", "= ". */
const reading = (lines: readonly (readonly CellValue[])[]) => {
  const read = readScorecard(
    book(
      sheet("Teilergebnisplan", [
        ["Nr", "Ertrags- und Aufwandsarten", "Ergebnis", "Haushaltsansatz"],
        ...lines,
      ]),
    ),
    null,
    new Set(),
  );
  if (!read.ok) throw new Error(read.fatal.message);
  return read.model;
};

describe("a statement's signed lines", () => {
  const statement: CellValue[][] = [
    ["05", "+ PrivatrechtlicheLeistungsentgelte", 18893416.58, 18454750],
    ["11", "- Personalaufwendungen", 73390593.35, 72054690],
    ["13", "- AufwendungenfürSach-undDienstleistungen", 67184131.49, 83871480],
    ["14", "- BilanzielleAbschreibungen", 26230643.27, 26072560],
  ];

  it("reads a '- ' line as a deduction, lower is better, and a '+ ' line as higher", () => {
    expect(reading(statement).kpis.map((k) => [k.name, k.polarity])).toEqual([
      ["+ PrivatrechtlicheLeistungsentgelte", "higher"],
      ["- Personalaufwendungen", "lower"],
      ["- AufwendungenfürSach-undDienstleistungen", "lower"],
      ["- BilanzielleAbschreibungen", "lower"],
    ]);
    expect(reading(statement).kpis[3]?.polarityBecause).toBe("the statement marks it '-', a line it deducts");
  });

  it("takes a lone sign for a bullet, not a statement's arithmetic", () => {
    const bullets: CellValue[][] = [
      ["1", "- Visits", 10, 12],
      ["2", "- Signups", 5, 4],
    ];
    expect(reading(bullets).kpis.map((k) => k.polarity)).toEqual(["higher", "higher"]);
  });

  it.each([
    "= OrdentlichesErgebnis(=Zeilen10und17)",
    "= Finanzergebnis (=Zeilen19und20)",
    "= Net result (= rows 10 + 17)",
  ])(
    "leaves out the result line %p as a total, the lines it is worked out from named in brackets",
    (label) => {
      const model = reading([
        ["10", "+ OrdentlicheErträge", 10905182.75, 9861340],
        ["17", "- OrdentlicheAufwendungen", 73390593.35, 72054690],
        ["18", label, -62485410.6, -62193350],
      ]);
      expect(model.kpis.map((k) => k.name)).toEqual(["+ OrdentlicheErträge", "- OrdentlicheAufwendungen"]);
      expect(model.issues.filter((i) => i.code === "total-row").map((i) => i.cell)).toEqual([
        "Teilergebnisplan!B4",
      ]);
    },
  );

  it.each(['=HYPERLINK("http://x.invalid","x")', "=IF(A1>0,(=B1),1)"])(
    "keeps a name written as a formula, %p",
    (label) => {
      const model = reading([
        ["10", "+ OrdentlicheErträge", 10, 9],
        ["11", "- OrdentlicheAufwendungen", 7, 7],
        ["18", label, 1, 2],
      ]);
      expect(model.kpis.map((k) => k.name)).toContain(label);
    },
  );
});
