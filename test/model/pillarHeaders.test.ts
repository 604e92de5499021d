import { roleOfHeader } from "../../src/model/headers";
import type { CellValue } from "../../src/model/snapshot";
import { allKpis, book, score, sheet } from "../helpers/book";

/**
 * A strategic pillar is a perspective as strategic plans name it: Brazilian plans export
 * "Mês;Pilar;Indicador;Meta;Realizado;% Executado", and a pillar's KPIs are its perspective's.
 */

describe("a pillar column", () => {
  it.each(["Pillar", "Strategic Pillar", "Pilar", "Pilar estratégico", "Pilier", "Pilastro", "Pijler"])(
    "%s names the perspective",
    (header) => {
      expect(roleOfHeader(header)).toBe("perspective");
    },
  );

  it("groups a Portuguese plan's indicators by their pillar, voluntary turnover lower is better", () => {
    const rows: CellValue[][] = [
      ["Mês", "Pilar", "Indicador", "Meta", "Realizado", "% Executado"],
      ["2026-04", "PDI", "PDI-PROJ-INI", 10, 8, 0.8],
      ["2026-04", "Pessoas", "Turnover voluntário", 5, 6, 1.2],
      ["2026-05", "PDI", "PDI-PROJ-INI", 10, 10, 1],
      ["2026-05", "Pessoas", "Turnover voluntário", 5, 4, 0.8],
    ];
    const { model, result } = score(book(sheet("Plano", rows)));
    expect(model.perspectives.map((p) => p.name)).toEqual(["PDI", "Pessoas"]);
    expect(allKpis(result).map((k) => [k.kpi.name, k.kpi.polarity, k.status])).toEqual([
      ["PDI-PROJ-INI", "higher", "green"],
      ["Turnover voluntário", "lower", "green"],
    ]);
  });
});
