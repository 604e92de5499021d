/** Column roles of the scorecard table and the header words that name them (WORKBOOK.md). */
import type { Granularity } from "../engine/periods";

export const COLUMN_ROLES = [
  "perspective",
  "objective",
  "kpi",
  "actual",
  "target",
  "threshold",
  "tolerance",
  "polarity",
  "weight",
  "owner",
  "unit",
  "baseline",
  "period",
  "aggregation",
  "comment",
  "drives",
  "entity",
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/**
 * A scorecard table needs a KPI name, an actual and a target. Perspective and objective may come
 * from their columns, from heading rows, or fall back to the sheet's name and the KPI's own name.
 */
export const REQUIRED_ROLES: readonly ColumnRole[] = ["kpi", "actual", "target"];

/** Header words as finance teams and reporting exports write them ("Metric_Name" reads as Metric Name). */
const SYNONYMS: Readonly<Record<ColumnRole, readonly string[]>> = {
  // A strategic pillar is a perspective as strategic plans name it ("Pilar" in Brazilian plans).
  perspective: ["Perspective", "BSC Perspective", "Scorecard Perspective", "Pillar", "Strategic Pillar"],
  objective: [
    "Objective",
    "Strategic Objective",
    "Objective Name",
    "Metric Group",
    "Measure Group",
    "KPI Group",
  ],
  kpi: [
    "KPI",
    "Measure",
    "Indicator",
    "Metric",
    "KPI Name",
    "Metric Name",
    "Measure Name",
    "Indicator Name",
    "Key Performance Indicator",
    "Measures",
    "KPIs",
    "Metrics",
    // OKR sheets: each key result is scored as a KPI under its objective.
    "Key Result",
    "Key Results",
  ],
  actual: [
    "Actual",
    "Value",
    "Result",
    "Actual Value",
    "Actuals",
    "Actual Result",
    "Value Rounded",
    "Measured Value",
    "Current Value",
    "Achieved",
    // OKR sheets write the key result's value so far; public-sector returns write the outturn.
    "Current",
    "Outturn",
    "Performance",
  ],
  // A forecast is not a target: it says what is expected to happen, not what was aimed at, and
  // scoring against it would grade the forecast's accuracy. Forecast columns stay unread (a
  // forecast row of a wide table is a comparison, wide.ts).
  target: [
    "Target",
    "Goal",
    "Target Value",
    "Plan",
    "Budget",
    "Targets",
    "Planned Value",
    "Target Goal",
    "Quota",
    "Benchmark",
    // Health and public-sector indicators are measured against a standard.
    "Standard",
  ],
  threshold: ["Threshold", "Red Flag", "Red Threshold", "Minimum Acceptable"],
  tolerance: ["Tolerance %", "Tolerance"],
  polarity: ["Polarity", "Direction", "Better", "Desired Direction", "Good Direction"],
  weight: ["Weight", "KPI Weight", "Weighting"],
  owner: ["Owner", "Responsible", "KPI Owner", "Accountable"],
  unit: ["Unit", "Format", "Units", "Unit of Measure", "UoM"],
  baseline: ["Baseline", "Start", "Initial"],
  period: [
    "Period",
    "Month",
    "Date",
    "Reporting Month",
    "Reporting Period",
    "Reporting Date",
    "Period Ending",
    "Month Ending",
    "Week",
    "Week Ending",
    "Quarter",
    "Fiscal Period",
    // A month keyed as a number (202401), as databases and ERP exports key their periods.
    "Year Month",
    "YYYYMM",
  ],
  aggregation: ["Aggregation"],
  comment: ["Comment", "Notes", "Commentary", "Comments", "Remarks"],
  drives: ["Drives"],
  // The units a finance team consolidates: the same KPIs kept for each site, department or region.
  entity: [
    "Entity",
    "Business Unit",
    "BU",
    "Site",
    "Service",
    "Department",
    "Dept",
    "Region",
    "Division",
    "Branch",
    "Location",
    "Store",
    "Plant",
    "Facility",
    "Country",
    "State",
    "Subsidiary",
    "Cost Centre",
    "Cost Center",
  ],
};

export const HEADER_LANGUAGES = ["Spanish", "Portuguese", "French", "German", "Italian", "Dutch"] as const;
export type HeaderLanguage = (typeof HEADER_LANGUAGES)[number];

/**
 * The same roles in the other six languages of the workbooks we read (docs/reading.md, "Header
 * words"). Where a word means two roles, the most common finance meaning wins: a bare Objetivo,
 * Objectif, Obiettivo, Ziel or Doelstelling is the number aimed at (target), while the strategic
 * objective is written with its qualifier (Objetivo estratégico, Strategisches Ziel); a column of
 * names under the bare word is the objective (TARGET_OR_OBJECTIVE below). A word that
 * names the same role in two languages (Real, Budget, Responsable) is listed in each.
 */
const TRANSLATED: Readonly<Record<HeaderLanguage, Partial<Record<ColumnRole, readonly string[]>>>> = {
  Spanish: {
    perspective: ["Perspectiva", "Perspectiva BSC", "Pilar", "Pilar estratégico"],
    objective: ["Objetivo estratégico", "Objetivos estratégicos", "Objetivo del indicador"],
    kpi: ["Indicador", "Indicadores", "Nombre del indicador", "Métrica", "Indicador clave"],
    actual: [
      "Real",
      "Realizado",
      "Resultado",
      "Valor",
      "Valor real",
      "Valor actual",
      "Ejecutado",
      "Logrado",
      "Alcanzado",
      "Ejecución",
      "Recaudado",
      "Recaudación",
      "Recaudación neta",
    ],
    target: [
      "Meta",
      "Objetivo",
      "Presupuesto",
      "Presupuestado",
      "Valor objetivo",
      "Valor meta",
      "Previsto",
      "Plan",
      "Planeado",
      "Planificado",
      "Programado",
      "Presupuesto vigente",
      "Presupuesto definitivo",
    ],
    threshold: ["Umbral", "Límite", "Mínimo aceptable", "Umbral rojo"],
    tolerance: ["Tolerancia", "Tolerancia %"],
    polarity: ["Polaridad", "Dirección", "Sentido", "Tendencia deseada"],
    weight: ["Peso", "Ponderación"],
    owner: ["Responsable", "Dueño", "Propietario"],
    unit: ["Unidad", "Unidad de medida", "Unidades"],
    baseline: ["Línea base", "Línea de base", "Valor inicial", "Valor base"],
    period: [
      "Periodo",
      "Período",
      "Mes",
      "Fecha",
      "Semana",
      "Trimestre",
      "Mes de reporte",
      "Año mes",
      "AAAAMM",
    ],
    aggregation: ["Agregación"],
    comment: ["Comentario", "Comentarios", "Observaciones", "Notas"],
    drives: ["Impulsa"],
    entity: [
      "Entidad",
      "Unidad de negocio",
      "Sede",
      "Departamento",
      "Región",
      "División",
      "Sucursal",
      "País",
      "Planta",
      "Centro de coste",
      "Centro de costo",
      "Área",
      "Servicio",
      "Tienda",
      "Filial",
    ],
  },
  Portuguese: {
    perspective: ["Perspectiva", "Pilar", "Pilar estratégico"],
    objective: ["Objetivo estratégico", "Objetivos estratégicos"],
    kpi: ["Indicador", "Indicadores", "Nome do indicador", "Métrica"],
    actual: [
      "Realizado",
      "Real",
      "Resultado",
      "Valor",
      "Valor realizado",
      "Valor atual",
      "Atingido",
      "Executado",
      "Execução",
      "Arrecadação",
      "Arrecadado",
      "Receita arrecadada",
    ],
    target: [
      "Meta",
      "Objetivo",
      "Orçamento",
      "Orçado",
      "Alvo",
      "Previsto",
      "Planejado",
      "Valor meta",
      "Dotação",
    ],
    threshold: ["Limite", "Limiar", "Mínimo aceitável"],
    tolerance: ["Tolerância", "Tolerância %"],
    polarity: ["Polaridade", "Direção", "Sentido"],
    weight: ["Peso", "Ponderação"],
    owner: ["Responsável", "Dono"],
    unit: ["Unidade", "Unidade de medida"],
    baseline: ["Linha de base", "Valor inicial", "Valor base"],
    period: ["Período", "Mês", "Data", "Competência", "Semana", "Trimestre", "Ano mês", "AAAAMM"],
    aggregation: ["Agregação"],
    comment: ["Comentário", "Comentários", "Observações", "Notas"],
    drives: ["Impulsiona"],
    entity: [
      "Entidade",
      "Unidade de negócio",
      "Departamento",
      "Região",
      "Divisão",
      "Filial",
      "Loja",
      "País",
      "Planta",
      "Centro de custo",
      "Área",
      "Serviço",
      "Unidade de negócios",
    ],
  },
  French: {
    perspective: ["Perspective", "Axe", "Axe stratégique", "Pilier", "Pilier stratégique"],
    // A "mesure" in French public reporting is the policy a KPI measures (baromètre des résultats:
    // mesure, then indicateur): the objective, not the KPI.
    objective: ["Objectif stratégique", "Objectifs stratégiques", "Mesure"],
    kpi: ["Indicateur", "Indicateurs", "Nom de l'indicateur", "Métrique", "Indicateur clé"],
    actual: [
      "Réalisé",
      "Réel",
      "Résultat",
      "Valeur",
      "Valeur réelle",
      "Valeur actuelle",
      "Constaté",
      "Exécution",
      "Exécuté",
      "Réalisation",
      "Recettes encaissées",
      "Mandat admis",
      "Mandats admis",
      "Mandats émis",
      "Titres émis",
    ],
    // A French local budget's final appropriations (prévisions définitives, crédits ouverts)
    // against the expenditure mandated or the revenue collected (mandats admis, titres émis).
    target: [
      "Objectif",
      "Cible",
      "Budget",
      "Prévu",
      "Valeur cible",
      "Prévisionnel",
      "Prévisions définitives",
      "Crédits ouverts",
    ],
    threshold: ["Seuil", "Seuil d'alerte", "Seuil rouge", "Limite"],
    tolerance: ["Tolérance", "Tolérance %"],
    polarity: ["Polarité", "Sens", "Direction", "Sens souhaité"],
    weight: ["Poids", "Pondération"],
    owner: ["Responsable", "Propriétaire", "Pilote"],
    unit: ["Unité", "Unité de mesure"],
    baseline: ["Valeur de référence", "Valeur initiale", "Point de départ"],
    period: ["Période", "Mois", "Date", "Semaine", "Trimestre"],
    aggregation: ["Agrégation"],
    comment: ["Commentaire", "Commentaires", "Remarques", "Notes", "Observations"],
    drives: ["Contribue à"],
    entity: [
      "Entité",
      "Unité d'affaires",
      "Site",
      "Service",
      "Département",
      "Région",
      "Division",
      "Succursale",
      "Agence",
      "Magasin",
      "Pays",
      "Usine",
      "Établissement",
      "Centre de coûts",
      "Filiale",
    ],
  },
  German: {
    perspective: ["Perspektive", "BSC-Perspektive"],
    objective: ["Strategisches Ziel", "Strategische Ziele"],
    kpi: [
      "Kennzahl",
      "Kennzahlen",
      "Kennzahlname",
      "Messgröße",
      "Messgrösse",
      "Indikator",
      "Leistungskennzahl",
    ],
    actual: [
      "Ist",
      "Istwert",
      "Ist-Wert",
      "Wert",
      "Ergebnis",
      "Tatsächlich",
      "Aktueller Wert",
      "Rechnungsergebnis",
      "Ist-Ergebnis",
    ],
    // Ansatz: a German public budget's appropriation (Haushaltsansatz; "fortgeschrieben" once amended).
    target: [
      "Ziel",
      "Soll",
      "Sollwert",
      "Soll-Wert",
      "Zielwert",
      "Plan",
      "Planwert",
      "Budget",
      "Vorgabe",
      "Ansatz",
      "Haushaltsansatz",
      "Fortgeschriebener Ansatz",
    ],
    threshold: ["Schwellenwert", "Schwelle", "Grenzwert"],
    tolerance: ["Toleranz", "Toleranz %"],
    polarity: ["Polarität", "Richtung", "Wirkungsrichtung"],
    weight: ["Gewicht", "Gewichtung"],
    owner: ["Verantwortlich", "Verantwortlicher", "Verantwortung"],
    unit: ["Einheit", "Maßeinheit", "Masseinheit"],
    baseline: ["Ausgangswert", "Basiswert", "Startwert"],
    period: [
      "Zeitraum",
      "Periode",
      "Monat",
      "Datum",
      "Woche",
      "Quartal",
      "Berichtsmonat",
      "Berichtszeitraum",
    ],
    aggregation: ["Verdichtung"],
    comment: ["Kommentar", "Kommentare", "Bemerkung", "Bemerkungen", "Anmerkungen"],
    drives: ["Wirkt auf"],
    entity: [
      "Geschäftsbereich",
      "Standort",
      "Abteilung",
      "Bereich",
      "Region",
      "Sparte",
      "Niederlassung",
      "Filiale",
      "Land",
      "Werk",
      "Kostenstelle",
      "Gesellschaft",
      "Organisationseinheit",
    ],
  },
  Italian: {
    perspective: ["Prospettiva", "Pilastro", "Pilastro strategico"],
    // A "misura" (as in the PNRR's) is the programme a KPI belongs to: the objective, not the KPI.
    objective: ["Obiettivo strategico", "Obiettivi strategici", "Misura"],
    kpi: ["Indicatore", "Indicatori", "Nome indicatore", "Metrica"],
    actual: [
      "Consuntivo",
      "Effettivo",
      "Reale",
      "Valore",
      "Risultato",
      "Valore effettivo",
      "Valore attuale",
      "Erogato",
      // Paid out of the appropriation, as a state budget's outturn writes its spending (pagato_cp).
      "Pagato",
      "Pagati",
      // As a label writes it of what it counts: risorse erogate, fondi erogati, somma erogata.
      "Erogati",
      "Erogate",
      "Erogata",
      "Speso",
      "Realizzato",
      "Eseguito",
      "Riscossioni",
      "Riscosso",
    ],
    // Dotazione: a measure's or a fund's allocation, as Dotação is a Portuguese budget's.
    target: [
      "Obiettivo",
      "Preventivo",
      "Budget",
      "Valore obiettivo",
      "Target",
      "Previsto",
      "Stanziato",
      "Dotazione",
      // An Italian public budget's appropriations, first adopted and in force (prev_iniz, prev_def).
      "Previsioni iniziali",
      "Previsioni definitive",
      "Stanziamenti iniziali",
      "Stanziamenti definitivi",
    ],
    threshold: ["Soglia", "Soglia di allarme", "Limite"],
    tolerance: ["Tolleranza", "Tolleranza %"],
    polarity: ["Polarità", "Direzione", "Verso"],
    weight: ["Peso", "Ponderazione"],
    owner: ["Responsabile", "Referente"],
    unit: ["Unità", "Unità di misura"],
    baseline: ["Valore di partenza", "Valore iniziale", "Valore base"],
    period: ["Periodo", "Mese", "Data", "Settimana", "Trimestre", "Mese di riferimento"],
    aggregation: ["Aggregazione"],
    comment: ["Commento", "Commenti", "Note", "Osservazioni"],
    drives: ["Contribuisce a"],
    entity: [
      "Entità",
      "Unità di business",
      "Sede",
      "Reparto",
      "Dipartimento",
      "Regione",
      "Divisione",
      "Filiale",
      "Negozio",
      "Paese",
      "Stabilimento",
      "Centro di costo",
      "Società",
    ],
  },
  Dutch: {
    perspective: ["Perspectief", "Pijler", "Strategische pijler"],
    objective: ["Strategische doelstelling", "Strategisch doel"],
    kpi: ["Indicator", "Prestatie-indicator", "Kengetal", "Kengetallen", "Maatstaf", "KPI naam"],
    actual: [
      "Werkelijk",
      "Realisatie",
      "Resultaat",
      "Waarde",
      "Gerealiseerd",
      "Huidige waarde",
      "Uitvoering",
    ],
    target: [
      "Doel",
      "Norm",
      "Begroting",
      "Doelstelling",
      "Streefwaarde",
      "Streefcijfer",
      "Budget",
      "Vastgestelde begroting",
    ],
    threshold: ["Drempel", "Drempelwaarde", "Grenswaarde"],
    tolerance: ["Tolerantie", "Tolerantie %"],
    polarity: ["Polariteit", "Richting"],
    weight: ["Gewicht", "Weging"],
    owner: ["Eigenaar", "Verantwoordelijke"],
    unit: ["Eenheid"],
    baseline: ["Nulmeting", "Uitgangswaarde", "Beginwaarde"],
    period: ["Periode", "Maand", "Datum", "Week", "Kwartaal", "Rapportagemaand"],
    aggregation: ["Aggregatie"],
    comment: ["Opmerking", "Opmerkingen", "Toelichting", "Commentaar"],
    drives: ["Draagt bij aan"],
    entity: [
      "Entiteit",
      "Bedrijfsonderdeel",
      "Vestiging",
      "Afdeling",
      "Regio",
      "Divisie",
      "Filiaal",
      "Winkel",
      "Land",
      "Fabriek",
      "Kostenplaats",
    ],
  },
};

/** Every header word of a role, English first (the canonical header), then the other languages. */
export const headerWords = (role: ColumnRole): readonly string[] => [
  ...SYNONYMS[role],
  ...HEADER_LANGUAGES.flatMap((language) => TRANSLATED[language][role] ?? []),
];

/** A role's header words in one language (English is the table above; the others, TRANSLATED). */
export const headerWordsIn = (language: "English" | HeaderLanguage, role: ColumnRole): readonly string[] =>
  language === "English" ? SYNONYMS[role] : (TRANSLATED[language][role] ?? []);

/**
 * Text without its accents and with compatibility forms plain ("Previsão" → "Previsao", "º" →
 * "o"): the one rule by which every word list of the reader (headers, directions, months, budget
 * words) matches what exports write, with accents or, as many write them, without.
 */
export const withoutAccents = (text: string): string => text.normalize("NFKD").replace(/\p{M}/gu, "");

/**
 * A header ready for whole-word patterns: without accents, and an export's underscores
 * ("budget_amount", "Orden_CMI") read as the spaces they stand for, which a word boundary (\b)
 * would not see between two words.
 */
export const headerForWords = (header: string): string => withoutAccents(header).replace(/_+/g, " ");

/**
 * A total's words, the one list every layout reads a total row, column or unit by: Total,
 * Subtotal, Grand total; Total general, Total geral, Sous-total, Total général; Summe,
 * Zwischensumme, Gesamtsumme, Gesamt, Insgesamt; Totale, Subtotale, Totale generale, Totale
 * complessivo; Totaal, Subtotaal, Eindtotaal; Suma, Soma, Somme; and, beyond the seven languages,
 * the Indonesian Jumlah. Written as totalWords() writes a label.
 */
export const TOTAL_PATTERN =
  "(?:(?:grand |sub ?|sous )?totals?(?: general| geral)?|(?:sub)?totale(?: generale| complessivo)?|(?:sub|eind)?totaal|(?:zwischen|gesamt)?summe|gesamt|insgesamt|suma|soma|somme|jumlah)";
const BARE_TOTAL = new RegExp(`^${TOTAL_PATTERN}$`);
/** What a label must hold to be a total (tested first, cheaply: most labels are none). */
export const MAY_BE_TOTAL = /total|totaal|summe|gesamt|suma|soma|somme|jumlah/i;

/** A label's words as the total list writes them: lower case, accents and punctuation dropped, "&" as "and". */
export const totalWords = (label: string): string =>
  withoutAccents(label.normalize("NFKC"))
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** Whether a label is a total word and nothing else ("Grand total", "Sous-total", "Gesamt", "Jumlah"). */
export const isBareTotal = (label: string): boolean => BARE_TOTAL.test(totalWords(label));

/** Total words that are names of places too ("Somme", a French département; "Soma", a Turkish town). */
const SUMS_THAT_NAME_PLACES = new Set(["suma", "soma", "somme"]);

/** Whether a unit's cell (an entity: site, region, département) is a total word and not a place's name. */
export const isUnitsTotalWord = (label: string): boolean =>
  isBareTotal(label) && !SUMS_THAT_NAME_PLACES.has(totalWords(label));

/**
 * Lower case, without accents, a trailing unit in brackets, spaces or punctuation:
 * "Actual (USD)" → "actual", "Réalisé" → "realise".
 */
export function normalizeHeader(text: string): string {
  return withoutAccents(text)
    .replace(/\s*[([{][^)\]}]*[)\]}]\s*$/, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/** Header word → role; a word written for two different roles would throw here, when the module loads. */
const ROLE_BY_HEADER: ReadonlyMap<string, ColumnRole> = (() => {
  const map = new Map<string, ColumnRole>();
  for (const role of COLUMN_ROLES) {
    for (const word of headerWords(role)) {
      const key = normalizeHeader(word);
      const seen = map.get(key);
      if (seen !== undefined && seen !== role)
        throw new Error(`The header "${word}" is both ${seen} and ${role}.`);
      map.set(key, role);
    }
  }
  return map;
})();

/**
 * How often a target or actual is set, written before its word (Quarterly Targets, Monthly
 * Actual, Annual Budget; German compounds Jahresziel, Monatsbudget; Dutch Jaarbudget) or after it
 * (Meta mensual, Presupuesto anual, Objectif trimestriel, Obiettivo annuale): the period a value is
 * given for, which the Period column says, not another role.
 */
const PERIOD_BEFORE: ReadonlyMap<string, Granularity | null> = new Map(
  (
    [
      ["quarterly", "quarter"],
      ["monthly", "month"],
      ["weekly", "week"],
      ["annual", "year"],
      ["yearly", "year"],
      ["daily", null],
      ["jahres", "year"],
      ["monats", "month"],
      ["quartals", "quarter"],
      ["wochen", "week"],
      ["jaar", "year"],
      ["maand", "month"],
      ["kwartaal", "quarter"],
    ] as const
  ).map(([word, granularity]) => [normalizeHeader(word), granularity]),
);
const PERIOD_AFTER: ReadonlyMap<string, Granularity | null> = new Map(
  (
    [
      ["mensual", "month"],
      ["trimestral", "quarter"],
      ["anual", "year"],
      ["semanal", "week"],
      ["mensal", "month"],
      ["mensuel", "month"],
      ["mensuelle", "month"],
      ["trimestriel", "quarter"],
      ["trimestrielle", "quarter"],
      ["annuel", "year"],
      ["annuelle", "year"],
      ["hebdomadaire", "week"],
      ["mensile", "month"],
      ["trimestrale", "quarter"],
      ["annuale", "year"],
      ["settimanale", "week"],
    ] as const
  ).map(([word, granularity]) => [normalizeHeader(word), granularity]),
);

/** A periodic header's period word and what is left of it ("Quarterly Targets": quarter, "targets"). */
function periodicParts(key: string): { granularity: Granularity | null; rest: string }[] {
  return [
    ...[...PERIOD_BEFORE]
      .filter(([w]) => key.length > w.length && key.startsWith(w))
      .map(([w, granularity]) => ({ granularity, rest: key.slice(w.length) })),
    ...[...PERIOD_AFTER]
      .filter(([w]) => key.length > w.length && key.endsWith(w))
      .map(([w, granularity]) => ({ granularity, rest: key.slice(0, -w.length) })),
  ];
}

/** The target or actual a header names with how often it is set ("Quarterly Targets" → target). */
function valueRoleOfPeriodic(key: string): ColumnRole | null {
  for (const { rest } of periodicParts(key)) {
    const role = ROLE_BY_HEADER.get(rest);
    if (role === "target" || role === "actual") return role;
  }
  return null;
}

/**
 * The period a target or actual header says its value is set for ("Quarterly Target": a
 * quarter, "Presupuesto anual": a year); null where the header says none (or a day's).
 */
export function periodOfValueHeader(header: string): Granularity | null {
  for (const { granularity, rest } of periodicParts(normalizeHeader(header))) {
    const role = ROLE_BY_HEADER.get(rest);
    if (role === "target" || role === "actual") return granularity;
  }
  return null;
}

/** Words that say a value is an amount (importo_erogato, Amount Actual): no role of their own. */
export const AMOUNT_WORDS: readonly string[] = [
  "importo",
  "montant",
  "monto",
  "montante",
  "betrag",
  "bedrag",
  "amount",
];

/**
 * Words exports put before a role's word without changing it: a label's (libelle_region,
 * nom_indicateur, nombre_entidad) and an amount's (importo_erogato, montant_prevu, Amount Actual;
 * after it too: Budget Amount).
 * A code ("code_region") is not among them: a code column is not the names it codes.
 */
const LEADING_WORDS = [
  "libelle",
  "label",
  "nom",
  "nome",
  "nombre",
  "name",
  "bezeichnung",
  "naam",
  ...AMOUNT_WORDS,
];

/** A budget's stage, or its total, written before or after a target or actual word. */
const STAGE_WORDS = [
  "total",
  "totale",
  "gesamt",
  "totaal",
  "ordinario",
  "inicial",
  "initial",
  "original",
  "originale",
  "aprobado",
  "aprovado",
  "approved",
  "adopted",
  "revised",
  "vigente",
  "definitivo",
  "definitif",
  "modificado",
  "final",
  "vastgestelde",
  "genehmigt",
  "approvato",
  // The Dutch budget's supplementary stages: "1ste suppletoire begroting", "Tweede suppletoire".
  "suppletoire",
  "1ste suppletoire",
  "2de suppletoire",
  "eerste suppletoire",
  "tweede suppletoire",
  "supplementary",
  "amended",
].map(normalizeHeader);

/** A budget's draft stage: a proposal, never the budget in force ("Ontwerpbegroting", "Draft budget"). */
const DRAFT_WORDS = [
  "ontwerp",
  "draft",
  "proposed",
  "entwurf",
  "proyecto",
  "projet",
  "progetto",
  "proposta",
].map(normalizeHeader);

/**
 * The stage of a budget a target header names: "draft" (Ontwerpbegroting, Draft budget), "stage"
 * (Vastgestelde begroting, 1ste suppletoire begroting, Approved budget, Presupuesto inicial), or
 * null for a target word with no stage (Budget, Begroting).
 */
export function budgetStageOf(header: string): "draft" | "stage" | null {
  const key = normalizeHeader(header);
  const around = (word: string): boolean =>
    key.length > word.length && (key.startsWith(word) || key.endsWith(word));
  if (DRAFT_WORDS.some(around)) return "draft";
  return STAGE_WORDS.some(around) ? "stage" : null;
}

/**
 * The period a value is of, written after a target or actual word ("Meta último periodo", as a
 * Kawak export heads the latest period's target; "Target this period", "Réalisé de la période").
 */
const PERIOD_QUALIFIERS = [
  "ultimo periodo",
  "del ultimo periodo",
  "del periodo",
  "periodo",
  "periodo actual",
  "del periodo actual",
  "last period",
  "this period",
  "current period",
  "for the period",
  "of the period",
  "de la periode",
  "periode",
  "der periode",
  "del periodo corrente",
].map(normalizeHeader);

/** Amount words after a role's word: "Budget Amount", "Actual Amount", "Realizado monto"; or the period it is of. */
const TRAILING_WORDS = ["amt", ...AMOUNT_WORDS, ...PERIOD_QUALIFIERS];

/**
 * A snake_case export's account or qualifier code after its words ("pagato_cp": competence,
 * "prev_def_cs": cash), and the words before it; null where the header ends in no such code.
 */
export function accountCodeOf(header: string): { readonly code: string; readonly rest: string } | null {
  const trimmed = header.trim();
  const match = /_(\p{L}{1,2})$/u.exec(trimmed);
  if (!match) return null;
  const rest = trimmed.slice(0, -match[0].length);
  return /\p{L}{3}/u.test(rest) ? { code: (match[1] as string).toLowerCase(), rest } : null;
}

/** Header phrases of two words or more, as words, for reading their abbreviations (prev_def). */
const PHRASES: readonly { readonly words: readonly string[]; readonly text: string }[] = COLUMN_ROLES.flatMap(
  (role) =>
    headerWords(role).flatMap((text) => {
      const words = withoutAccents(text).toLowerCase().split(/\s+/);
      return words.length >= 2 ? [{ words, text }] : [];
    }),
);

/**
 * The phrase a header abbreviates word by word ("prev_def" → "Previsioni definitive", "act_val" →
 * "Actual value"): each of its two or more words, of three letters or more, begins the phrase's word
 * at its place, and every phrase it may abbreviate names one role. Null where it abbreviates none.
 */
export function expandAbbreviation(header: string): string | null {
  const tokens = withoutAccents(header)
    .toLowerCase()
    .split(/[_\s]+/)
    .filter((t) => t !== "");
  if (tokens.length < 2 || tokens.some((t) => t.length < 3 || !/^\p{L}+$/u.test(t))) return null;
  const found = PHRASES.filter(
    (p) => p.words.length === tokens.length && p.words.every((w, i) => w.startsWith(tokens[i] as string)),
  );
  const roles = new Set(found.map((p) => ROLE_BY_HEADER.get(normalizeHeader(p.text))));
  return roles.size === 1 ? (found[0]?.text ?? null) : null;
}

/** A header as its words say it: its account code left aside, its abbreviations written out. */
export function headerPhrase(header: string): string {
  const rest = accountCodeOf(header)?.rest ?? header;
  return expandAbbreviation(rest) ?? rest;
}

export function roleOfHeader(text: string): ColumnRole | null {
  const bracketed = roleInBrackets(text);
  if (bracketed !== null) return bracketed;
  const role = roleOfWords(text);
  if (role !== null) return role;
  // An export's snake_case header: its account code aside ("pagato_cp"), its abbreviations written
  // out ("prev_def_cp": Previsioni definitive).
  const coded = accountCodeOf(text);
  if (coded) {
    const rest = roleOfWords(coded.rest);
    if (rest !== null) return rest;
  }
  const phrase = expandAbbreviation(coded?.rest ?? text);
  return phrase === null ? null : (ROLE_BY_HEADER.get(normalizeHeader(phrase)) ?? null);
}

function roleOfWords(text: string): ColumnRole | null {
  const key = normalizeHeader(text);
  const exact = ROLE_BY_HEADER.get(key);
  if (exact !== undefined) return exact;
  const periodic = valueRoleOfPeriodic(key);
  if (periodic !== null) return periodic;
  for (const word of LEADING_WORDS) {
    const role =
      key.length > word.length && key.startsWith(word)
        ? ROLE_BY_HEADER.get(key.slice(word.length))
        : undefined;
    if (role !== undefined) return role;
  }
  for (const word of TRAILING_WORDS) {
    const role =
      key.length > word.length && key.endsWith(word)
        ? ROLE_BY_HEADER.get(key.slice(0, -word.length))
        : undefined;
    if (role !== undefined) return role;
  }
  // A budget's stage or a total around a target or actual word: "Total Presupuesto", "Presupuesto
  // Ordinario", "Approved Budget", "Vastgestelde begroting", "Actual Total".
  for (const word of [...STAGE_WORDS, ...DRAFT_WORDS]) {
    const rest = key.startsWith(word)
      ? key.slice(word.length)
      : key.endsWith(word)
        ? key.slice(0, -word.length)
        : "";
    const role = rest === "" ? undefined : ROLE_BY_HEADER.get(rest);
    if (role === "target" || role === "actual") return role;
  }
  return null;
}

/** A header's closing bracket and the words before it: "Spalte 5 (Fortgeschriebener Ansatz in EUR)". */
const TRAILING_BRACKET = /^(.*?)\s*[([{]([^()[\]{}]*)[)\]}]\s*$/;
/** A column's number or letter as a form numbers its columns: "Spalte 5", "Col. 6", "Colonne C", "7". */
const COLUMN_NUMBER =
  /^(?:(?:spalte|sp|column|col|columna|coluna|colonne|colonna|kolom)\.?\s*)?(?:\d{1,3}|[a-z])?[.:]?$/i;
/** A currency or scale after "in", "en", "em" or "im" at the bracket's end: the words' unit ("in EUR", "en k€"). */
const UNIT_AFTER = /\s+(?:in|en|em|im)\s+\S{1,4}(?:\s+\S{1,4})?$/i;

/**
 * The role a header names in its closing bracket where the words before it only number the
 * column, as statutory forms head theirs ("Spalte 5 (Fortgeschriebener Ansatz in EUR)", "Col. 6
 * (Ist-Ergebnis)"). Elsewhere a bracket is a unit ("Actual (USD)", dropped by normalizeHeader) or
 * a measure's series ("Sales (Goal)", read as KPIs as columns): null.
 */
function roleInBrackets(text: string): ColumnRole | null {
  const match = TRAILING_BRACKET.exec(text.trim());
  if (!match || !COLUMN_NUMBER.test((match[1] as string).trim())) return null;
  const inside = (match[2] as string).trim().replace(UNIT_AFTER, "");
  return inside === "" ? null : roleOfWords(inside);
}

/**
 * Revenue collected in a public budget's execution, and the budget's estimate of it. A forecast is
 * no target (see SYNONYMS), but in a public budget the revenue "forecast" (Previsão, Previsión,
 * Prévision, Previsione) is the revenue the adopted budget counts on: Brazil's Annex 10 compares
 * "Receita Orçada com a Arrecadada", Spain's execution its "previsiones definitivas" with the
 * "recaudación". Beside a column of revenue collected, such a column is the target.
 */
const REVENUE_COLLECTED: ReadonlySet<string> = new Set(
  [
    "Arrecadação",
    "Arrecadado",
    "Receita arrecadada",
    "Recaudación",
    "Recaudado",
    "Recaudación neta",
    "Recettes encaissées",
    "Riscossioni",
    "Riscosso",
  ].map(normalizeHeader),
);
const REVENUE_ESTIMATE: ReadonlySet<string> = new Set(
  [
    "Previsão",
    "Previsão inicial",
    "Previsão atualizada",
    "Receita prevista",
    "Previsión",
    "Previsiones",
    "Previsiones iniciales",
    "Previsiones definitivas",
    "Prévision",
    "Prévisions",
    "Prévisions de recettes",
    "Previsione",
    "Previsioni",
    "Previsioni definitive",
  ].map(normalizeHeader),
);

/**
 * Target words that name an objective as well, as the file's content decides (numberedColumns.ts):
 * a bare Objetivo, Objectif, Obiettivo, Ziel, Doel or Doelstelling (and English Goal) is read as
 * the target, but a scorecard table heads its objectives' names with it as often as a budget its
 * numbers: a column of names under such a word is the objective, one of numbers the target.
 */
const TARGET_OR_OBJECTIVE: ReadonlySet<string> = new Set(
  ["Goal", "Objetivo", "Objectif", "Obiettivo", "Ziel", "Doel", "Doelstelling"].map(normalizeHeader),
);

/** Whether a header's word may name either a target or an objective ("Objetivo", "Ziel", "Goal"). */
export const namesTargetOrObjective = (header: string): boolean =>
  TARGET_OR_OBJECTIVE.has(normalizeHeader(header));

/** Whether a header names revenue collected in a public budget ("arrecadacao", "Recaudación"). */
export const namesRevenueCollected = (header: string): boolean =>
  REVENUE_COLLECTED.has(normalizeHeader(header));

/** Whether a header names a public budget's revenue estimate ("previsao", "Previsiones definitivas"). */
export const namesRevenueEstimate = (header: string): boolean =>
  REVENUE_ESTIMATE.has(normalizeHeader(header));

/**
 * The header a PivotTable gives its label column, in the seven languages: "Row Labels", or
 * "Values" where the value fields stand down the rows (Internet Net Sales, Internet Sales Plan).
 */
const PIVOT_LABEL_HEADERS: ReadonlySet<string> = new Set(
  [
    "Row Labels",
    "Values",
    "Etiquetas de fila",
    "Valores",
    "Rótulos de Linha",
    "Étiquettes de lignes",
    "Valeurs",
    "Zeilenbeschriftungen",
    "Werte",
    "Etichette di riga",
    "Valori",
    "Rijlabels",
    "Waarden",
  ].map(normalizeHeader),
);

/** Whether a header is a PivotTable's label column's ("Row Labels", "Values", "Zeilenbeschriftungen"). */
export const isPivotLabelHeader = (header: string): boolean =>
  PIVOT_LABEL_HEADERS.has(normalizeHeader(header));

/** Words of a header that names a line's code or number, in the seven languages. */
const CODE_WORDS: ReadonlySet<string> = new Set([
  "code",
  "codes",
  "cod",
  "codigo",
  "codice",
  "id",
  "nr",
  "no",
  "num",
  "number",
  "numero",
  "nummer",
  "kode",
]);

/**
 * Whether a header names a code or number for each line ("codigo", "Account code", "Kontonummer",
 * "Nº"): a column that tells apart lines of the same name (longLayout.ts). A period's or a year's
 * number ("Week No", "Month number", "Jahr Nr") numbers periods, not lines.
 */
export function namesLineCode(header: string): boolean {
  const words = withoutAccents(header)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
  if (words.some((w) => roleOfHeader(w) === "period" || isYearHeader(w))) return false;
  return words.some((w) => CODE_WORDS.has(w) || /.(nummer|nr)$/.test(w));
}

/** The header a role is usually written with, for messages and new tables. */
export const canonicalHeader = (role: ColumnRole): string => SYNONYMS[role][0] as string;

/**
 * Headers of a column of years: each row's fiscal or budget year, in the seven languages. One
 * rule for the reader's two uses: the year of a month written without one (tablePeriods.ts), and
 * the period of a table that has no other (detect.ts).
 */
const YEAR_HEADERS: ReadonlySet<string> = new Set(
  [
    "Year",
    "Fiscal Year",
    "Budget Year",
    "FY",
    "Año",
    "Año fiscal",
    "Ano",
    "Ano fiscal",
    "Ejercicio",
    "Exercício",
    "Année",
    "Exercice",
    "Jahr",
    "Geschäftsjahr",
    "Haushaltsjahr",
    "Anno",
    "Esercizio",
    "Jaar",
    "Boekjaar",
    "Begrotingsjaar",
  ].map(normalizeHeader),
);

export const isYearHeader = (text: string): boolean => YEAR_HEADERS.has(normalizeHeader(text));

/**
 * Columns of the two optional follow-up tables (WORKBOOK.md): the Commentary table (Period, KPI
 * or Objective, Analysis, Action, Action owner, Due, Status) and the Initiatives table
 * (Objective, Initiative, Owner, Start, Due, % complete, Status or RAG, Budget, Spend). Their
 * words are read only in a block that names an Analysis, an Action or an Initiative: there
 * "Budget" is an initiative's budget, not a KPI's target, and "Start" its start, not a baseline.
 */
export const FOLLOW_UP_ROLES = [
  "analysis",
  "action",
  "actionOwner",
  "due",
  "initiative",
  "start",
  "complete",
  "status",
  "budget",
  "spend",
] as const;
export type FollowUpRole = (typeof FOLLOW_UP_ROLES)[number];

/** A follow-up table's columns: its own roles, and the scorecard's it shares (period, KPI, objective…). */
export type FollowUpColumn =
  | FollowUpRole
  | "period"
  | "kpi"
  | "objective"
  | "perspective"
  | "owner"
  | "entity"
  /** A Commentary column naming a KPI or an objective ("KPI or Objective"): a KPI's name first. */
  | "subject";

const FOLLOW_UP_WORDS: Readonly<
  Record<"English" | HeaderLanguage, Partial<Record<FollowUpColumn, readonly string[]>>>
> = {
  English: {
    analysis: ["Analysis", "Explanation", "Narrative", "Analysis text", "Variance explanation"],
    action: ["Action", "Actions", "Corrective action", "Recommendation", "Next step", "Next steps"],
    actionOwner: ["Action owner", "Action by", "Assigned to", "Action responsible"],
    due: ["Due", "Due date", "Deadline", "Target date", "End date", "Finish", "Finish date", "End"],
    initiative: [
      "Initiative",
      "Initiatives",
      "Strategic initiative",
      "Project",
      "Projects",
      "Programme",
      "Program",
    ],
    start: ["Start", "Start date", "Begin", "Begins"],
    complete: ["% complete", "Percent complete", "Complete", "Completion", "Progress", "% progress"],
    status: ["Status", "RAG", "RAG status", "Health", "Action status"],
    budget: ["Budget", "Approved budget", "Cost budget"],
    spend: ["Spend", "Spent", "Actual spend", "Cost to date", "Actual cost", "Spend to date"],
    subject: [
      "KPI or Objective",
      "KPI / Objective",
      "Objective or KPI",
      "Objective / KPI",
      "KPI or objective name",
    ],
  },
  // A bare Objetivo, Objectif, Obiettivo, Ziel or Doel is a KPI's target in a scorecard table
  // (headers above); in a follow-up table, which has no target, it is the objective named.
  Spanish: {
    objective: ["Objetivo"],
    analysis: ["Análisis", "Explicación", "Comentario de análisis"],
    action: ["Acción", "Acciones", "Acción correctiva", "Plan de acción"],
    actionOwner: ["Responsable de la acción", "Responsable acción"],
    due: ["Fecha límite", "Vencimiento", "Fecha de vencimiento", "Plazo", "Fecha fin", "Fecha de fin"],
    initiative: ["Iniciativa", "Iniciativas", "Proyecto", "Proyectos", "Iniciativa estratégica"],
    start: ["Inicio", "Fecha de inicio", "Fecha inicio"],
    complete: ["% completado", "% avance", "Avance", "Progreso", "Porcentaje de avance"],
    status: ["Estado", "Semáforo", "Situación"],
    budget: ["Presupuesto"],
    spend: ["Gasto", "Gastado", "Gasto real", "Ejecutado"],
  },
  Portuguese: {
    objective: ["Objetivo"],
    analysis: ["Análise", "Explicação"],
    action: ["Ação", "Ações", "Ação corretiva", "Plano de ação"],
    actionOwner: ["Responsável pela ação", "Responsável ação"],
    due: ["Prazo", "Data limite", "Data de conclusão", "Data fim", "Vencimento"],
    initiative: ["Iniciativa", "Iniciativas", "Projeto", "Projetos", "Iniciativa estratégica"],
    start: ["Início", "Data de início", "Data início"],
    complete: ["% concluído", "Progresso", "Andamento", "% de conclusão"],
    status: ["Status", "Situação", "Farol"],
    budget: ["Orçamento"],
    spend: ["Gasto", "Gastos", "Despesa", "Executado"],
  },
  French: {
    objective: ["Objectif"],
    analysis: ["Analyse", "Explication", "Commentaire d'analyse"],
    action: ["Action", "Actions", "Action corrective", "Plan d'action"],
    actionOwner: ["Responsable de l'action", "Porteur de l'action", "Porteur"],
    due: ["Échéance", "Date d'échéance", "Date de fin", "Date limite", "Fin"],
    initiative: ["Initiative", "Initiatives", "Projet", "Projets", "Chantier"],
    start: ["Début", "Date de début"],
    complete: ["% achevé", "Avancement", "% d'avancement", "% avancement"],
    status: ["Statut", "État", "Météo"],
    budget: ["Budget"],
    spend: ["Dépensé", "Dépenses", "Consommé"],
  },
  German: {
    objective: ["Ziel"],
    analysis: ["Analyse", "Erläuterung", "Erklärung", "Abweichungsanalyse"],
    action: ["Maßnahme", "Maßnahmen", "Massnahme", "Massnahmen", "Korrekturmaßnahme"],
    actionOwner: ["Verantwortlich für Maßnahme", "Maßnahmenverantwortlicher", "Umsetzung durch"],
    due: ["Fällig", "Fälligkeit", "Termin", "Enddatum", "Frist", "Fällig am", "Ende"],
    initiative: ["Initiative", "Initiativen", "Projekt", "Projekte", "Strategische Initiative"],
    start: ["Beginn", "Startdatum", "Start"],
    complete: ["% erledigt", "Fortschritt", "Fertigstellungsgrad", "% abgeschlossen"],
    status: ["Status", "Ampel", "Zustand"],
    budget: ["Budget"],
    spend: ["Ausgaben", "Verbraucht", "Ist-Kosten"],
  },
  Italian: {
    objective: ["Obiettivo"],
    analysis: ["Analisi", "Spiegazione"],
    action: ["Azione", "Azioni", "Azione correttiva", "Piano d'azione"],
    actionOwner: ["Responsabile azione", "Responsabile dell'azione"],
    due: ["Scadenza", "Data di scadenza", "Data fine", "Termine"],
    initiative: ["Iniziativa", "Iniziative", "Progetto", "Progetti", "Iniziativa strategica"],
    start: ["Inizio", "Data di inizio", "Data inizio"],
    complete: ["% completamento", "Avanzamento", "% avanzamento", "Completamento"],
    status: ["Stato", "Semaforo"],
    budget: ["Budget", "Stanziamento"],
    spend: ["Spesa", "Speso", "Spese"],
  },
  Dutch: {
    objective: ["Doel", "Doelstelling"],
    analysis: ["Analyse", "Verklaring", "Toelichting analyse"],
    action: ["Actie", "Acties", "Maatregel", "Maatregelen", "Verbeteractie"],
    actionOwner: ["Actiehouder", "Eigenaar actie", "Actie-eigenaar"],
    due: ["Deadline", "Einddatum", "Vervaldatum", "Uiterste datum", "Gereed op"],
    initiative: ["Initiatief", "Initiatieven", "Project", "Projecten"],
    start: ["Startdatum", "Begindatum", "Start"],
    complete: ["% gereed", "Voortgang", "% voltooid"],
    status: ["Status", "Stoplicht"],
    budget: ["Budget", "Begroting"],
    spend: ["Besteed", "Uitgaven", "Uitgegeven"],
  },
};

/** Follow-up header word → column; a word written for two columns would throw here, when the module loads. */
const FOLLOW_UP_BY_HEADER: ReadonlyMap<string, FollowUpColumn> = (() => {
  const map = new Map<string, FollowUpColumn>();
  for (const words of Object.values(FOLLOW_UP_WORDS)) {
    for (const [column, list] of Object.entries(words) as [FollowUpColumn, readonly string[]][]) {
      for (const word of list) {
        const key = normalizeHeader(word);
        const seen = map.get(key);
        if (seen !== undefined && seen !== column)
          throw new Error(`The follow-up header "${word}" is both ${seen} and ${column}.`);
        map.set(key, column);
      }
    }
  }
  return map;
})();

const SHARED_WITH_FOLLOW_UP: ReadonlySet<ColumnRole> = new Set([
  "period",
  "kpi",
  "objective",
  "perspective",
  "owner",
  "entity",
]);

/**
 * A header's column in a Commentary or Initiatives table: the follow-up words first, then the
 * scorecard's words for the columns the tables share (Period, KPI, Objective, Owner…).
 */
export function followUpColumnOfHeader(text: string): FollowUpColumn | null {
  const own = FOLLOW_UP_BY_HEADER.get(normalizeHeader(text));
  if (own !== undefined) return own;
  const role = roleOfHeader(text);
  return role !== null && SHARED_WITH_FOLLOW_UP.has(role) ? (role as FollowUpColumn) : null;
}

/** A follow-up table's header words in one language, for the tests and the docs. */
export const followUpWordsIn = (
  language: "English" | HeaderLanguage,
  column: FollowUpColumn,
): readonly string[] => FOLLOW_UP_WORDS[language][column] ?? [];

/** The columns of a group's KPI map (docs/WORKBOOK.md, Consolidating the units' workbooks). */
export type KpiMapColumn = "unit" | "unitKpi" | "groupKpi";

const KPI_MAP_WORDS: Readonly<Record<KpiMapColumn, readonly string[]>> = {
  unit: ["Unit", "Business unit"],
  unitKpi: ["Unit's KPI name", "Unit's KPI", "Unit KPI name", "Unit KPI", "KPI in the unit"],
  groupKpi: ["Group KPI name", "Group KPI", "Group's KPI", "Group's KPI name", "KPI in the group"],
};

const KPI_MAP_BY_HEADER: ReadonlyMap<string, KpiMapColumn> = new Map(
  (Object.entries(KPI_MAP_WORDS) as [KpiMapColumn, readonly string[]][]).flatMap(([column, words]) =>
    words.map((w) => [normalizeHeader(w), column] as const),
  ),
);

/** A header's column in a KPI map, or null. */
export const kpiMapColumnOfHeader = (text: string): KpiMapColumn | null =>
  KPI_MAP_BY_HEADER.get(normalizeHeader(text)) ?? null;
