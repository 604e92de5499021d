/**
 * Polarity and aggregation words in Spanish, Portuguese, French, German, Italian and Dutch: the
 * words a Polarity or Aggregation column holds once headers.ts reads such a column in those
 * languages (Polaridad, Richtung, Agregación…). values.ts reads them beside the English ones.
 * Written in lower case as a spreadsheet shows them, accents included: the traffic-light formulas
 * compare a Polarity cell with each word, and a formula's "=" ignores case but not accents, so an
 * unaccented spelling is listed where writers commonly drop the accent.
 */
import type { Aggregation, Polarity } from "../engine/types";

const polarity = (p: Polarity, words: readonly string[]): (readonly [string, Polarity])[] =>
  words.map((w) => [w, p] as const);

export const POLARITY_WORDS_IN_OTHER_LANGUAGES: readonly (readonly [string, Polarity])[] = [
  // A direction's sense as indicator sheets write it: positive (more is better) or negative,
  // rising or falling (Sentido: Positivo / Negativo, Ascendente / Descendente, Croissant /
  // Décroissant), in the gender the column's noun takes (Positiva: "la tendencia").
  ...polarity("higher", [
    "mayor", // Spanish
    "mayor es mejor",
    "mayor mejor",
    "más es mejor",
    "creciente",
    "positivo", // Spanish, Portuguese, Italian
    "positiva",
    "ascendente", // Spanish, Portuguese, Italian
    "aumentar", // Spanish, Portuguese
    "maximizar",
    "maior", // Portuguese
    "maior é melhor",
    "maior melhor",
    "quanto maior melhor",
    "crescente", // Portuguese, Italian
    "hausse", // French
    "à la hausse",
    "plus élevé",
    "augmenter",
    "maximiser",
    "positif",
    "positive", // also English (values.ts)
    "croissant",
    "croissante",
    "höher", // German
    "hoch",
    "höher ist besser",
    "je höher desto besser",
    "steigend",
    "aufsteigend",
    "positiv",
    "maximieren",
    "maggiore", // Italian
    "più alto",
    "più alto è meglio",
    "maggiore è meglio",
    "aumentare",
    "massimizzare",
    "hoger", // Dutch
    "hoog",
    "hoger is beter",
    "stijgend",
    "oplopend",
    "positief",
    "maximaliseren",
  ]),
  ...polarity("lower", [
    "menor", // Spanish, Portuguese
    "menor es mejor",
    "menor mejor",
    "menos es mejor",
    "decreciente",
    "menor é melhor",
    "menor melhor",
    "quanto menor melhor",
    "negativo", // Spanish, Portuguese, Italian
    "negativa",
    "descendente", // Spanish, Portuguese
    "reducir", // Spanish
    "disminuir",
    "minimizar", // Spanish, Portuguese
    "reduzir", // Portuguese
    "diminuir",
    "decrescente", // Portuguese, Italian
    "baisse", // French
    "à la baisse",
    "plus bas",
    "réduire",
    "diminuer",
    "minimiser",
    "négatif",
    "negatif",
    "négative",
    "negative", // also English (values.ts)
    "décroissant",
    "decroissant",
    "décroissante",
    "niedriger", // German
    "niedrig",
    "niedriger ist besser",
    "je niedriger desto besser",
    "fallend",
    "sinkend",
    "absteigend",
    "negativ",
    "senken",
    "minimieren",
    "minore", // Italian
    "più basso",
    "più basso è meglio",
    "minore è meglio",
    "discendente",
    "ridurre",
    "diminuire",
    "minimizzare",
    "lager", // Dutch
    "laag",
    "lager is beter",
    "dalend",
    "aflopend",
    "negatief",
    "verlagen",
    "minimaliseren",
  ]),
  ...polarity("band", [
    "rango", // Spanish
    "en rango",
    "mantener",
    "estabilizar", // Spanish, Portuguese
    "faixa", // Portuguese
    "manter",
    "plage", // French
    "maintenir",
    "stabiliser",
    "bereich", // German
    "korridor",
    "halten",
    "stabilisieren",
    "intervallo", // Italian
    "mantenere",
    "stabilizzare",
    "bandbreedte", // Dutch
    "handhaven",
    "stabiliseren",
  ]),
];

const aggregation = (a: Aggregation, words: readonly string[]): (readonly [string, Aggregation])[] =>
  words.map((w) => [w, a] as const);

export const AGGREGATION_WORDS_IN_OTHER_LANGUAGES: readonly (readonly [string, Aggregation])[] = [
  ...aggregation("last", [
    "último",
    "ultimo",
    "dernier",
    "dernière",
    "derniere",
    "letzter",
    "letzter wert",
    "laatste",
  ]),
  ...aggregation("sum", ["suma", "soma", "somme", "summe", "somma", "som", "totaal"]),
  ...aggregation("average", [
    "promedio",
    "media",
    "média",
    "moyenne",
    "durchschnitt",
    "mittelwert",
    "gemiddelde",
  ]),
  ...aggregation("min", ["mínimo", "minimo"]),
  ...aggregation("max", ["máximo", "maximo", "massimo"]),
];
