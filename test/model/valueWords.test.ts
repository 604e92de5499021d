import { parseAggregation, parsePolarity, polarityWords } from "../../src/model/values";
import {
  AGGREGATION_WORDS_IN_OTHER_LANGUAGES,
  POLARITY_WORDS_IN_OTHER_LANGUAGES,
} from "../../src/model/valueWords";
import { allKpis, book, score, sheet } from "../helpers/book";

describe("polarity words in the seven languages", () => {
  it.each([
    ["Mayor es mejor", "higher"],
    ["Maior é melhor", "higher"],
    ["Hausse", "higher"],
    ["Höher ist besser", "higher"],
    ["Più alto", "higher"],
    ["Hoger is beter", "higher"],
    ["Menor", "lower"],
    ["Baisse", "lower"],
    ["Niedriger", "lower"],
    ["Minore", "lower"],
    ["Lager is beter", "lower"],
    ["Rango", "band"],
    ["Korridor", "band"],
    ["Bandbreedte", "band"],
    // A direction's sense, as indicator sheets write it.
    ["Positivo", "higher"],
    ["Negativo", "lower"],
    ["Positiva", "higher"],
    ["Negativa", "lower"],
    ["Ascendente", "higher"],
    ["Descendente", "lower"],
    ["Creciente", "higher"],
    ["Decreciente", "lower"],
    ["Crescente", "higher"],
    ["Decrescente", "lower"],
    ["Maior melhor", "higher"],
    ["Menor melhor", "lower"],
    ["Quanto maior melhor", "higher"],
    ["Croissant", "higher"],
    ["Décroissant", "lower"],
    ["Positif", "higher"],
    ["Négatif", "lower"],
    ["Steigend", "higher"],
    ["Fallend", "lower"],
    ["Positiv", "higher"],
    ["Je niedriger desto besser", "lower"],
    ["Discendente", "lower"],
    ["Più basso è meglio", "lower"],
    ["Stijgend", "higher"],
    ["Dalend", "lower"],
    ["Negatief", "lower"],
    ["Positive", "higher"],
    ["Negative", "lower"],
    ["Descending", "lower"],
  ])("reads %s as %s", (word, polarity) => {
    expect(parsePolarity(word)).toBe(polarity);
  });
  it("lists each word once, for one polarity, so the traffic-light formulas read what the engine reads", () => {
    const words = POLARITY_WORDS_IN_OTHER_LANGUAGES.map(([w]) => w);
    expect(new Set(words).size).toBe(words.length);
    for (const [word, polarity] of POLARITY_WORDS_IN_OTHER_LANGUAGES) {
      expect([word, parsePolarity(word)]).toEqual([word, polarity]);
      expect(polarityWords(polarity)).toContain(word);
      expect(word).toBe(word.trim().toLowerCase());
    }
  });
  it("scores a KPI by its Sentido cell: Positivo higher, Negativo lower", () => {
    const rows = [
      ["Indicador", "Sentido", "Meta", "Real"],
      ["Ventas", "Positivo", 100, 95],
      ["Costos", "Negativo", 50, 60],
    ];
    const { model, result } = score(book(sheet("Data", rows)));
    expect(model.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(allKpis(result).map((k) => [k.kpi.name, k.kpi.polarity])).toEqual([
      ["Ventas", "higher"],
      ["Costos", "lower"],
    ]);
  });
  it("still says a word that is no polarity is unknown", () => {
    expect(parsePolarity("quizás")).toBe("unknown");
  });
});

describe("aggregation words in the seven languages", () => {
  it.each([
    ["Suma", "sum"],
    ["Somme", "sum"],
    ["Summe", "sum"],
    ["Promedio", "average"],
    ["Moyenne", "average"],
    ["Gemiddelde", "average"],
    ["Último", "last"],
    ["Letzter Wert", "last"],
    ["Máximo", "max"],
    ["Mínimo", "min"],
  ])("reads %s as %s", (word, aggregation) => {
    expect(parseAggregation(word)).toBe(aggregation);
  });
  it("reads every listed word as its own aggregation", () => {
    for (const [word, aggregation] of AGGREGATION_WORDS_IN_OTHER_LANGUAGES)
      expect([word, parseAggregation(word)]).toEqual([word, aggregation]);
  });
});
