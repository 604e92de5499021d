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
  ...polarity("higher", [
    "mayor", // Spanish
    "mayor es mejor",
    "aumentar", // Spanish, Portuguese
    "maximizar",
    "maior", // Portuguese
    "maior é melhor",
    "hausse", // French
    "plus élevé",
    "augmenter",
    "maximiser",
    "höher", // German
    "hoch",
    "höher ist besser",
    "steigend",
    "maximieren",
    "maggiore", // Italian
    "più alto",
    "aumentare",
    "massimizzare",
    "hoger", // Dutch
    "hoog",
    "hoger is beter",
    "stijgend",
    "maximaliseren",
  ]),
  ...polarity("lower", [
    "menor", // Spanish, Portuguese
    "menor es mejor",
    "menor é melhor",
    "reducir", // Spanish
    "minimizar", // Spanish, Portuguese
    "reduzir", // Portuguese
    "baisse", // French
    "plus bas",
    "réduire",
    "minimiser",
    "niedriger", // German
    "niedrig",
    "niedriger ist besser",
    "fallend",
    "senken",
    "minimieren",
    "minore", // Italian
    "più basso",
    "ridurre",
    "minimizzare",
    "lager", // Dutch
    "laag",
    "lager is beter",
    "dalend",
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
