import { parseAggregation, parsePolarity, polarityWords } from "../../src/model/values";
import {
  AGGREGATION_WORDS_IN_OTHER_LANGUAGES,
  POLARITY_WORDS_IN_OTHER_LANGUAGES,
} from "../../src/model/valueWords";

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
