import { roleOfHeader } from "../../src/model/headers";
import { readScorecard } from "../../src/model/read";
import { book, sheet } from "../helpers/book";

describe("a target or actual header that says which period it is of", () => {
  it.each([
    ["Meta último periodo", "target"],
    ["Meta del periodo", "target"],
    ["Target this period", "target"],
    ["Target last period", "target"],
    ["Résultat de la période", "actual"],
    ["Resultado del periodo", "actual"],
  ])("reads %p as %p", (header, role) => {
    expect(roleOfHeader(header)).toBe(role);
  });

  it("scores a Kawak-style export's latest period target beside its result", () => {
    const reading = readScorecard(
      book(
        sheet("Indicadores", [
          ["Proceso", "Indicador", "Meta último periodo", "Resultado último periodo"],
          ["Gestión", "Satisfacción", 90, 85],
          ["Gestión", "Quejas atendidas", 95, 97],
        ]),
      ),
      null,
      new Set(),
    );
    if (!reading.ok) throw new Error(reading.fatal.message);
    expect(
      reading.model.kpis.map((k) => [k.name, k.observations[0]?.target, k.observations[0]?.actual]),
    ).toEqual([
      ["Satisfacción", { kind: "number", value: 90 }, { kind: "number", value: 85 }],
      ["Quejas atendidas", { kind: "number", value: 95 }, { kind: "number", value: 97 }],
    ]);
  });
});
