import { readScorecard } from "../../src/model/read";
import { namesNoValue } from "../../src/model/roles";
import { book, sheet } from "../helpers/book";

/**
 * A column that numbers the order a list is shown in is no KPI's actual (found by a new user on an
 * unseen public catalogue of indicators: its "Orden_CMI" column, 11, 64, 448…, was taken as the
 * one column of numbers beside the target, and a catalogue with no results scored all green).
 */
describe("an order column is never an actual", () => {
  it("names an order in the seven languages, words joined by underscores included", () => {
    for (const header of [
      "Orden_CMI",
      "Orden",
      "Ordem",
      "Ordre",
      "Ordine",
      "Volgorde",
      "Reihenfolge",
      "Sort order",
      "Seq",
    ]) {
      expect({ header, noValue: namesNoValue(header) }).toEqual({ header, noValue: true });
    }
    // Underscores separate the words already known, too.
    expect(namesNoValue("Cod_Indicador")).toBe(false);
    expect(namesNoValue("Indicador_ID")).toBe(true);
    // KPI values keep their place.
    for (const header of ["Orders", "Order intake", "Sales", "Resultado", "Ist"]) {
      expect({ header, noValue: namesNoValue(header) }).toEqual({ header, noValue: false });
    }
  });

  it("a catalogue of indicators with an order column and a plan, but no results, is refused, asking for the actual", () => {
    const reading = readScorecard(
      book(
        sheet("Catalogo", [
          ["Id", "Indicador", "Objetivo_Estrategico", "Sentido", "Orden_CMI", "Plan_Anual", "Unidad"],
          ["PRY-1", "Innovación curricular", "Fortalecer la oferta educativa", "Positivo", 11, 0, "%"],
          ["PRY-2", "Plan Talento", "Contar con un equipo humano feliz", "Positivo", 64, 0, "%"],
          [68, "Evaluación de proveedores", "Garantizar una experiencia", "Positivo", 448, 1, "%"],
          [69, "Oportunidad de respuesta", "Fortalecer la gestión", "Positivo", 265, 1, "%"],
        ]),
      ),
      null,
      new Set(),
    );
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.fatal.message).toContain("but no Actual");
  });
});
