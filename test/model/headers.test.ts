import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ColumnRole } from "../../src/model/headers";
import {
  canonicalHeader,
  COLUMN_ROLES,
  HEADER_LANGUAGES,
  headerWords,
  headerWordsIn,
  normalizeHeader,
  roleOfHeader,
} from "../../src/model/headers";

type Case = readonly [string, ColumnRole];

const SPANISH: readonly Case[] = [
  ["Perspectiva", "perspective"],
  ["Objetivo estratégico", "objective"],
  ["Indicador", "kpi"],
  ["Realizado", "actual"],
  ["Real", "actual"],
  ["Meta", "target"],
  ["Objetivo", "target"],
  ["Presupuesto", "target"],
  ["Umbral", "threshold"],
  ["Tolerancia %", "tolerance"],
  ["Polaridad", "polarity"],
  ["Peso", "weight"],
  ["Responsable", "owner"],
  ["Unidad de medida", "unit"],
  ["Línea base", "baseline"],
  ["Mes", "period"],
  ["Periodo", "period"],
  ["Agregación", "aggregation"],
  ["Observaciones", "comment"],
  ["Impulsa", "drives"],
  ["Sucursal", "entity"],
  ["Centro de coste", "entity"],
];
const PORTUGUESE: readonly Case[] = [
  ["Perspectiva", "perspective"],
  ["Objetivo estratégico", "objective"],
  ["Indicador", "kpi"],
  ["Realizado", "actual"],
  ["Meta", "target"],
  ["Orçamento", "target"],
  ["Previsto", "target"],
  ["Limite", "threshold"],
  ["Tolerância", "tolerance"],
  ["Polaridade", "polarity"],
  ["Ponderação", "weight"],
  ["Responsável", "owner"],
  ["Unidade", "unit"],
  ["Linha de base", "baseline"],
  ["Mês", "period"],
  ["Competência", "period"],
  ["Agregação", "aggregation"],
  ["Comentários", "comment"],
  ["Impulsiona", "drives"],
  ["Filial", "entity"],
  ["Loja", "entity"],
];
const FRENCH: readonly Case[] = [
  ["Axe", "perspective"],
  ["Objectif stratégique", "objective"],
  ["Indicateur", "kpi"],
  ["Réalisé", "actual"],
  ["Réel", "actual"],
  ["Objectif", "target"],
  ["Cible", "target"],
  ["Prévu", "target"],
  ["Prévisions définitives", "target"],
  ["Mandats admis", "actual"],
  ["Titres émis", "actual"],
  ["Seuil", "threshold"],
  ["Tolérance", "tolerance"],
  ["Polarité", "polarity"],
  ["Pondération", "weight"],
  ["Pilote", "owner"],
  ["Unité", "unit"],
  ["Valeur de référence", "baseline"],
  ["Mois", "period"],
  ["Période", "period"],
  ["Agrégation", "aggregation"],
  ["Commentaire", "comment"],
  ["Contribue à", "drives"],
  ["Établissement", "entity"],
];
const GERMAN: readonly Case[] = [
  ["Perspektive", "perspective"],
  ["Strategisches Ziel", "objective"],
  ["Kennzahl", "kpi"],
  ["Ist", "actual"],
  ["Ist-Wert", "actual"],
  ["Ziel", "target"],
  ["Soll", "target"],
  ["Plan", "target"],
  ["Ansatz", "target"],
  ["Fortgeschriebener Ansatz", "target"],
  ["Ist-Ergebnis", "actual"],
  ["Schwellenwert", "threshold"],
  ["Toleranz", "tolerance"],
  ["Polarität", "polarity"],
  ["Gewichtung", "weight"],
  ["Verantwortlich", "owner"],
  ["Maßeinheit", "unit"],
  ["Ausgangswert", "baseline"],
  ["Monat", "period"],
  ["Zeitraum", "period"],
  ["Verdichtung", "aggregation"],
  ["Bemerkungen", "comment"],
  ["Wirkt auf", "drives"],
  ["Standort", "entity"],
  ["Kostenstelle", "entity"],
];
const ITALIAN: readonly Case[] = [
  ["Prospettiva", "perspective"],
  ["Obiettivo strategico", "objective"],
  ["Indicatore", "kpi"],
  ["Consuntivo", "actual"],
  ["Effettivo", "actual"],
  ["Obiettivo", "target"],
  ["Preventivo", "target"],
  ["Soglia", "threshold"],
  ["Tolleranza", "tolerance"],
  ["Polarità", "polarity"],
  ["Peso", "weight"],
  ["Responsabile", "owner"],
  ["Unità di misura", "unit"],
  ["Valore di partenza", "baseline"],
  ["Mese", "period"],
  ["Aggregazione", "aggregation"],
  ["Note", "comment"],
  ["Contribuisce a", "drives"],
  ["Stabilimento", "entity"],
];
const DUTCH: readonly Case[] = [
  ["Perspectief", "perspective"],
  ["Strategische doelstelling", "objective"],
  ["Indicator", "kpi"],
  ["Kengetal", "kpi"],
  ["Werkelijk", "actual"],
  ["Realisatie", "actual"],
  ["Doel", "target"],
  ["Norm", "target"],
  ["Begroting", "target"],
  ["Drempelwaarde", "threshold"],
  ["Tolerantie", "tolerance"],
  ["Polariteit", "polarity"],
  ["Weging", "weight"],
  ["Eigenaar", "owner"],
  ["Eenheid", "unit"],
  ["Nulmeting", "baseline"],
  ["Maand", "period"],
  ["Aggregatie", "aggregation"],
  ["Toelichting", "comment"],
  ["Draagt bij aan", "drives"],
  ["Vestiging", "entity"],
];
const ENGLISH_EXPORT_WORDS: readonly Case[] = [
  ["Plan", "target"],
  ["Budget", "target"],
  ["Quota", "target"],
  ["Goal", "target"],
  ["Benchmark", "target"],
  ["Actuals", "actual"],
  ["Achieved", "actual"],
  ["Value", "actual"],
  ["Week", "period"],
  ["Quarter", "period"],
];

describe.each([
  ["Spanish", SPANISH],
  ["Portuguese", PORTUGUESE],
  ["French", FRENCH],
  ["German", GERMAN],
  ["Italian", ITALIAN],
  ["Dutch", DUTCH],
  ["English as exports write it", ENGLISH_EXPORT_WORDS],
])("headers in %s", (_language, cases) => {
  it.each(cases)("reads %s as %s", (header, role) => {
    expect(roleOfHeader(header)).toBe(role);
  });
  it.each(cases)("reads %s as %s in any case, without accents, with a unit in brackets", (header, role) => {
    const bare = header.normalize("NFD").replace(/\p{M}/gu, "");
    expect(roleOfHeader(bare.toUpperCase())).toBe(role);
    expect(roleOfHeader(`${header.toLowerCase()} (EUR)`)).toBe(role);
    expect(roleOfHeader(`  ${header.replace(/ /g, "_")}  `)).toBe(role);
  });
});

describe("a role named in a closing bracket", () => {
  it.each([
    ["Spalte 5 (Fortgeschriebener Ansatz in EUR)", "target"],
    ["Spalte 6 (Ist-Ergebnis in EUR)", "actual"],
    ["Col. 4 (Budget)", "target"],
    ["7 (Réalisé en k€)", "actual"],
    ["Spalte 3 (Ertrags- und Aufwandsarten)", null],
    ["Actual (USD)", "actual"],
    ["Sales (Goal)", null],
  ])("reads %s as %s", (header, role) => {
    expect(roleOfHeader(header)).toBe(role);
  });
});

describe("words two roles could claim", () => {
  it("reads a bare Objetivo, Objectif, Obiettivo, Ziel, Doelstelling as the target, and the strategic one as the objective", () => {
    expect(["Objetivo", "Objectif", "Obiettivo", "Ziel", "Doelstelling"].map(roleOfHeader)).toEqual([
      "target",
      "target",
      "target",
      "target",
      "target",
    ]);
    expect(
      [
        "Objective",
        "Objetivo estratégico",
        "Objectif stratégique",
        "Obiettivo strategico",
        "Strategisches Ziel",
        "Strategische doelstelling",
      ].map(roleOfHeader),
    ).toEqual(["objective", "objective", "objective", "objective", "objective", "objective"]);
  });
  it("takes no forecast for a target, in any language", () => {
    expect(
      ["Forecast", "Fcst", "Previsão", "Prévision", "Prognose", "Previsione", "Pronóstico"].map(roleOfHeader),
    ).toEqual([null, null, null, null, null, null, null]);
  });
  it("keeps the unit of measure apart from the business unit", () => {
    expect(["Unidad", "Unité", "Einheit", "Unità", "Eenheid"].map(roleOfHeader)).toEqual([
      "unit",
      "unit",
      "unit",
      "unit",
      "unit",
    ]);
    expect(
      ["Unidad de negocio", "Unité d'affaires", "Unità di business", "Business Unit"].map(roleOfHeader),
    ).toEqual(["entity", "entity", "entity", "entity"]);
  });
  it("reads a French mesure and an Italian misura as the objective their indicators measure", () => {
    expect(["Mesure", "mesure", "Misura", "Indicateur", "Indicatore", "Measure"].map(roleOfHeader)).toEqual([
      "objective",
      "objective",
      "objective",
      "kpi",
      "kpi",
      "kpi",
    ]);
    expect(roleOfHeader("Medida")).toBeNull();
  });
  it("reads budget execution's words: planned and executed, allocated and disbursed", () => {
    expect(
      ["PLANEADO", "EJECUTADO", "Orçado", "Executado", "Stanziato", "Erogato"].map(roleOfHeader),
    ).toEqual(["target", "actual", "target", "actual", "target", "actual"]);
  });
  it("passes over a label or amount word before the role's word, and never a code", () => {
    expect(
      [
        "libelle_region",
        "nom_indicateur",
        "importo_erogato",
        "Amount Actual",
        "montant_prévu",
        "valeur_actuelle",
      ].map(roleOfHeader),
    ).toEqual(["entity", "kpi", "actual", "actual", "target", "actual"]);
    expect(
      ["Budget Amount", "Actual Amount", "Realizado monto", "Sales Amount", "Amount"].map(roleOfHeader),
    ).toEqual(["target", "actual", "actual", null, null]);
    expect(["code_region", "libelle", "importo", "name_x", "nomination"].map(roleOfHeader)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });
  it("reads no Estado, which is a status as often as a state", () => {
    expect(roleOfHeader("Estado")).toBeNull();
  });
});

describe("the header table", () => {
  it("gives every word of every language the role it is listed under", () => {
    for (const role of COLUMN_ROLES)
      for (const word of headerWords(role)) expect([word, roleOfHeader(word)]).toEqual([word, role]);
  });
  it("has words for every role in every language", () => {
    const missing = HEADER_LANGUAGES.flatMap((language) =>
      COLUMN_ROLES.filter((role) => headerWordsIn(language, role).length === 0).map(
        (role) => `${language} ${role}`,
      ),
    );
    expect(missing).toEqual([]);
  });
  it("keeps English first, so a role's canonical header is the English one", () => {
    expect(canonicalHeader("target")).toBe("Target");
    expect(headerWords("target")[0]).toBe("Target");
  });
  it("ignores accents, case, punctuation and a trailing unit", () => {
    expect(normalizeHeader("Réalisé (k€)")).toBe("realise");
    expect(normalizeHeader("SOLL-Wert")).toBe("sollwert");
    expect(normalizeHeader("Nom de l'indicateur")).toBe("nomdelindicateur");
  });
});

describe("docs/reading.md's Header words", () => {
  const doc = readFileSync(join(__dirname, "../../docs/reading.md"), "utf8");
  it.each(["English", ...HEADER_LANGUAGES] as const)(
    "lists the %s words the code reads, role by role",
    (language) => {
      const section = doc.split(`### ${language}\n`)[1]?.split("\n\n#")[0] ?? "";
      const listed = new Map(
        [...section.matchAll(/^\| (\w+) +\| (.*?) +\|$/gm)].map((m) => [m[1], (m[2] as string).split(", ")]),
      );
      for (const role of COLUMN_ROLES)
        expect([role, listed.get(role)]).toEqual([role, [...headerWordsIn(language, role)]]);
    },
  );
});

describe("the README's table of header words", () => {
  const readme = readFileSync(join(__dirname, "../../README.md"), "utf8");
  const table = readme.split("**Headers in seven languages.**")[1]?.split("\n\n")[1] ?? "";
  const rows = table
    .split("\n")
    .slice(2)
    .map((line) =>
      line
        .split("|")
        .slice(1, -1)
        .map((c) => c.trim()),
    );
  it("has a row for each role the reader needs", () => {
    expect(rows.map((r) => roleOfHeader(r[0] as string))).toEqual(
      expect.arrayContaining(["kpi", "actual", "target", "period", "perspective", "objective", "entity"]),
    );
  });
  it.each(rows.map((r) => [r[0] as string, r.slice(1)] as const))(
    "lists words the code reads as %s",
    (label, cells) => {
      const role = roleOfHeader(label);
      expect(cells).toHaveLength(HEADER_LANGUAGES.length);
      for (const word of cells.flatMap((c) => c.split(", ")))
        expect([word, roleOfHeader(word)]).toEqual([word, role]);
    },
  );
});
