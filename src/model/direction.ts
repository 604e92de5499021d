/**
 * Which way is better for a KPI the file gives no Polarity for, read from what the file does say:
 * a column that classifies its rows (Type: Expense) or the KPI's own name ("Staff costs"). Finance
 * files rarely write a polarity, and a cost line over its budget scored green reads as a wrong
 * product. The word lists are in docs/reading.md ("Direction"); a list changed here is changed there.
 */
import { issue, type Issue } from "../engine/issues";
import type { Polarity } from "../engine/types";
import { withoutAccents } from "./headers";
import { parsePolarity } from "./values";

/** A direction read from the file, and why, in words that finish "Assumed lower is better: …". */
export interface InferredPolarity {
  readonly polarity: "higher" | "lower";
  readonly because: string;
}

/** Lower case, accents dropped, split into words: "Coûts (€)" → ["couts"]; "D'affaires" → ["d", "affaires"]. */
export function directionWords(text: string): string[] {
  return withoutAccents(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
}

/**
 * Names in which less is better, in English, Spanish, Portuguese, French, German, Italian and
 * Dutch. Phrases are matched as whole words, longest first, so "days sales outstanding" is one
 * cost-like phrase and its "sales" is not read as revenue.
 */
const LESS_IS_BETTER = phrases(
  // English: money out
  "cost, costs, expense, expenses, expenditure, expenditures, spend, spending, opex, capex",
  "cogs, cost of sales, cost of goods sold, cost of revenue, overhead, overheads, bad debt",
  "bad debts, write off, write offs, writeoffs, arrears, overdue, overrun, overruns, penalties",
  "fines, loss, losses, leakage, shrinkage",
  // English: cash tied up
  "days sales outstanding, days of sales outstanding, dso, debtor days, debtors days",
  "days receivable, receivable days, days inventory outstanding, inventory days, dio",
  // English: people
  "churn, attrition, absenteeism, absence, absences, sickness, sick days, sick leave, accident",
  "accidents, injury, injuries, lost time injury, ltifr, trir, grievances",
  // English: customers and quality
  "complaint, complaints, cancellation, cancellations, escalations, abandonment, abandoned",
  "abandon rate, bounce rate, defect, defects, defect rate, error, errors, error rate, incident",
  "incidents, rework, scrap, waste, downtime, breakdowns, failure, failures, failure rate",
  "backlog, delay, delays, late deliveries, stockouts, stock outs, out of stock, emissions, co2",
  "carbon footprint, ghg",
  "cancelled, canceled, delayed, late, overtime, backorders, back orders, stockout, stock out",
  "vacancies, vacancy rate, fraud, breaches, vulnerabilities, outages, bugs, rejects, rejections",
  "reject rate, dropout, dropouts, drop out rate, nonconformities, non conformities, deviations",
  "warranty claims, recalls, cac, shrink, wait list, waiting lists",
  // English: time taken
  "lead time, cycle time, waiting time, waiting times, wait time, waiting list, response time",
  "resolution time, turnaround time, handling time, time to hire, time to fill, time to market",
  "time to repair, time to resolve, mttr, length of stay",
  "duration, processing time, average time, time taken, time to, days to",
  // English: health care
  "mortality, deaths, infection, infections, readmission, readmissions, falls, pressure ulcers",
  "adverse events, never events, hospital acquired",
  // Spanish
  "coste, costes, costo, costos, gasto, gastos, egresos, costo de ventas, coste de ventas",
  "costo de lo vendido, reclamacion, reclamaciones, reclamo, reclamos, queja, quejas",
  "absentismo, ausentismo, accidentes, incidentes, incidencias, defectos, errores",
  "tasa de error, mortalidad, infecciones, reingresos, readmisiones, retrasos, mermas, merma",
  "desperdicio, desperdicios, residuos, emisiones, tiempo de espera, tiempo de ciclo, perdidas",
  "fallos, averias, morosidad, devoluciones, cancelaciones, abandono, dias de cobro",
  "dias de cartera, tiempo de, tiempo medio, tiempo promedio, tiempos de, duracion, demora",
  "demoras, plazo medio, plazo de, tiempo de tramitacion, tiempo de atencion",
  "no conformidades, tiempo de respuesta, dias de inventario, periodo medio de cobro",
  // Portuguese
  "custo, custos, despesa, despesas, custo das vendas, custo dos produtos vendidos, reclamacoes",
  "queixas, absenteismo, rotatividade, acidentes, defeitos, erros, mortalidade, infeccoes",
  "reinternacoes, readmissoes, atrasos, refugo, emissoes, perdas, falhas, inadimplencia",
  "devolucoes, cancelamentos, prazo medio de recebimento",
  "tempo de resposta, nao conformidades, tempo de, tempo medio, tempos de, duracao, demora",
  "prazo medio, prazo de, tempo de espera, tempo de atendimento",
  // French
  "cout, couts, depense, depenses, cout des ventes, cout des marchandises vendues, reclamations",
  "plaintes, absenteisme, defauts, erreurs, taux d erreur, mortalite, readmissions, retards",
  "dechets, rebuts, gaspillage, emissions, temps d attente, temps de cycle, delai de livraison",
  "pertes, pannes, impayes, delai de paiement clients, resiliations",
  "temps de reponse, non conformites, duree, delai, delais, temps de, temps moyen",
  "temps de traitement, delai de traitement, duree de traitement, delai d instruction",
  // German (compounds such as "Personalkosten" by their last word: see GERMAN_DUTCH_TAILS)
  "kosten, ausgaben, aufwand, aufwendungen, beschwerden, reklamationen, fehlzeiten",
  "krankenstand, krankenquote, fluktuation, fluktuationsrate, fluktuationsquote, unfalle",
  "unfallquote, vorfalle, storungen, fehler, fehlerquote, fehlerrate, mangel, ausschuss",
  "ausschussquote, abfall, emissionen, sterblichkeit, mortalitat, infektionen, wiederaufnahmen",
  "durchlaufzeit, wartezeit, zykluszeit, lieferzeit, verluste, ausfallzeit, stillstand",
  "stillstandszeit, ruckstand, uberfallig, forderungslaufzeit, debitorenlaufzeit, retouren",
  "reklamationsquote, kundigungen",
  "reaktionszeit, antwortzeit, ausfalle, krankheitstage, uberstunden, dauer, bearbeitungszeit",
  "bearbeitungsdauer, verfahrensdauer, liegezeit",
  // Italian
  "costi, spesa, spese, costo del venduto, reclami, lamentele, assenteismo, infortuni",
  "incidenti, difetti, errori, mortalita, infezioni, riammissioni, ritardi, scarti, sprechi",
  "rifiuti, emissioni, tempo di attesa, tempi di attesa, tempo di ciclo, perdite, guasti",
  "fermo macchina, arretrati, insoluti, resi, giorni medi di incasso",
  "tempo di risposta, non conformita, giorni di malattia, straordinari, tempo di, tempi di",
  "tempo medio, tempi medi, durata, tempi di pagamento, tempo di pagamento",
  // Dutch
  "uitgaven, klachten, verzuim, ziekteverzuim, verzuimpercentage, personeelsverloop, ongevallen",
  "incidenten, defecten, fouten, foutpercentage, sterfte, mortaliteit, infecties, heropnames",
  "heropnamen, vertragingen, afval, uitval, uitstoot, emissies, wachttijd, wachttijden",
  "doorlooptijd, cyclustijd, verliezen, storingen, achterstand, debiteurendagen, retouren",
  "opzeggingen",
  "responstijd, reactietijd, ziekteverzuimpercentage, afkeur, overuren, duur, behandeltijd",
  "afhandeltijd, verwerkingstijd, levertijd",
);

/**
 * Words that say more is better, or that the name measures a gain on a cost-like thing ("cost
 * savings", "reduction in complaints", "complaints resolved", "days without accidents"): beside a
 * cost-like word they leave the name alone.
 */
const NOT_LESS = phrases(
  // English
  "revenue, revenues, sales, income, profit, profits, margin, margins, earnings, ebit, ebitda",
  "roi, return, returns, savings, saving, saved, avoided, avoidance, prevented, prevention",
  "reduction, reductions, reduced, reduce, reducing, decrease, decreased, recovered, recovery",
  "resolved, resolution, closed, handled, solved, cleared, detected, detection, reported",
  "without, free, since, between failures, mtbf, on time, compliance, coverage, satisfaction",
  "retention",
  // A zone or vehicle of low or zero emissions is a measure against emissions: people living in
  // one, or buses meeting it, are more the better; "emissions" alone is still a cost-like word.
  "low emission, low emissions, ultra low emission, zero emission, zero emissions, clean air zone",
  // Not "met" ("targets met"): Dutch writes it for "with" ("ongevallen met verzuim").
  "within, sla, under, below, less than, fewer than",
  // Spanish
  "ingresos, ventas, beneficio, beneficios, margen, utilidad, utilidades, ahorro, ahorros",
  "reduccion, disminucion, evitado, evitados, ganancia, ganancias, rentabilidad, facturacion",
  "resueltas, resueltos, sin, bajas emisiones, cero emisiones, a tiempo, tiempo completo",
  "dentro, cumplimiento, menos de",
  // Portuguese
  "receita, receitas, vendas, lucro, lucros, margem, economia, economias, poupanca, reducao",
  "diminuicao, evitados, faturamento, rentabilidade, resolvidas, sem, baixas emissoes",
  "baixa emissao, zero emissoes, a tempo, em tempo, tempo integral",
  "dentro, cumprimento, menos de",
  // French
  "chiffre d affaires, ventes, revenus, recettes, benefice, benefices, marge, economies",
  "diminution, evites, rentabilite, resolues, sans, faibles emissions, faible emission",
  "zero emission, zero emissions, a temps, temps plein, duree indeterminee",
  "dans les delais, respect, conformite, moins de",
  // German
  "umsatz, umsatze, erlos, erlose, umsatzerlose, gewinn, marge, ertrag, ertrage, einsparung",
  "einsparungen, ersparnis, reduzierung, reduktion, senkung, vermieden, ohne, frei",
  "innerhalb, einhaltung, emissionsarm, emissionsarme, emissionsfrei, emissionsfreie, umweltzone",
  "umweltzonen",
  // Italian
  "ricavi, fatturato, vendite, utile, utili, margine, profitto, risparmio, risparmi, riduzione",
  "evitati, risolti, senza, basse emissioni, bassa emissione, zero emissioni, in tempo",
  "a tempo pieno, tempo indeterminato",
  "entro, rispetto, conformita",
  // Dutch
  "omzet, opbrengst, opbrengsten, winst, verkoop, verkopen, besparing, besparingen, reductie",
  "vermindering, verlaging, vermeden, opgelost, zonder, milieuzone, emissievrij, emissievrije",
  "emissiearm, emissiearme, lage emissie",
  "binnen, naleving",
);

/**
 * German and Dutch write one word where English writes two ("Personalkosten", "klantklachten"):
 * a word that ends in one of these is read as it.
 */
const GERMAN_DUTCH_TAILS = phrases(
  "kosten, ausgaben, aufwand, aufwendungen, beschwerden, reklamationen, unfalle, fehler",
  "fehlzeiten, fluktuation, verluste, klachten, verzuim, ongevallen, uitgaven, wachttijd",
  // Time taken: "Bearbeitungsdauer", "Verfahrensdauer", "behandelduur", "verwerkingstijd".
  "dauer, duur, bearbeitungszeit, wartezeit, behandeltijd, afhandeltijd, verwerkingstijd",
);

/**
 * "Turnover" is staff leaving in HR and revenue in UK finance; "rotación" is staff or stock. Such
 * a word says less is better only beside a word for staff ("staff turnover"); alone it is left
 * alone, and "turnover" alone even counts as revenue ("turnover cost" says both).
 */
const STAFF_DEPENDENT: ReadonlyMap<string, "revenue" | "neutral"> = new Map([
  ["turnover", "revenue"],
  ["rotacion", "neutral"],
  ["rotacao", "neutral"],
  ["rotation", "neutral"],
  ["verloop", "neutral"],
]);
const STAFF_WORDS = new Set(
  directionWords(
    "staff employee employees personnel people workforce labour labor headcount hr worker workers " +
      "nurses nursing voluntary involuntary regretted personal empleados plantilla funcionarios " +
      "colaboradores pessoal salariés effectifs personale dipendenti mitarbeiter belegschaft " +
      "personeel medewerkers " +
      // Voluntary and involuntary leaving, as each language writes it ("Turnover voluntário").
      "voluntario voluntaria involuntario involuntaria volontaire involontaire freiwillig " +
      "freiwillige unfreiwillig volontario volontaria involontario vrijwillig vrijwillige onvrijwillig",
  ),
);

/** Word lists written as comma-separated phrases, a line per group. */
function phrases(...groups: readonly string[]): string[] {
  return groups.flatMap((group) => group.split(",").map((phrase) => phrase.trim()));
}

type Lexicon = ReadonlyMap<string, readonly (readonly string[])[]>;

/** Phrases by their first word, longest first, so that matching takes the longest phrase. */
function lexicon(phrases: readonly string[]): Lexicon {
  const byFirst = new Map<string, string[][]>();
  for (const phrase of phrases) {
    const words = directionWords(phrase);
    const first = words[0] as string;
    byFirst.set(first, [...(byFirst.get(first) ?? []), words]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return byFirst;
}

/** The length of the longest phrase of `lex` that starts at words[at], or 0. */
function matchAt(lex: Lexicon, words: readonly string[], at: number): number {
  for (const phrase of lex.get(words[at] as string) ?? []) {
    if (phrase.every((w, i) => words[at + i] === w)) return phrase.length;
  }
  return 0;
}

const LESS = lexicon(LESS_IS_BETTER);
const MORE = lexicon(NOT_LESS);

/** Whether a word is a compound whose last part is a cost-like word ("personalkosten"). */
const endsInCostWord = (word: string): boolean =>
  GERMAN_DUTCH_TAILS.some((tail) => word.length > tail.length && word.endsWith(tail));

/**
 * Words that join a complement to the noun it qualifies ("processing of expense certification",
 * "tramitación de certificación de gastos", "Bearbeitung von Reklamationen"), and the articles
 * that may follow them.
 */
const COMPLEMENT_MARKERS = new Set(
  directionWords("of de del des du d da do dos das di della delle dei degli dello dell von vom der van"),
);
const ARTICLES = new Set(
  directionWords(
    "the a an el la los las le les l lo il gli i o os as die das den dem het een un una une uno",
  ),
);

/**
 * Words that measure what their complement names ("number of complaints", "tasa de absentismo",
 * "Anzahl der Beschwerden", "aantal van de klachten"): a count, an amount, a rate, a share, an
 * average, a cost, a unit of time or of quantity, in the seven languages.
 */
const QUANTITY_WORDS = new Set(
  directionWords(
    // English
    "number no count total amount value level rate ratio percentage percent pct share proportion " +
      "average mean median cost costs volume sum index days hours minutes time cases incidence " +
      "frequency quantity tonnes tons kg litres liters kwh mwh euros dollars " +
      // Spanish
      "numero cantidad importe monto valor nivel tasa indice porcentaje proporcion media medio " +
      "promedio volumen suma coste costo dias horas minutos tiempo casos incidencia frecuencia " +
      "toneladas litros " +
      // Portuguese
      "quantidade montante taxa percentual porcentagem proporcao soma custo tempo " +
      // French
      "nombre nb quantite montant valeur niveau taux pourcentage part moyenne moyen somme cout " +
      "jours heures temps cas frequence litres " +
      // German
      "anzahl zahl menge summe gesamt betrag wert quote anteil prozent durchschnitt volumen kosten " +
      "tage stunden falle tonnen " +
      // Italian
      "quantita totale importo valore livello tasso percentuale quota proporzione somma costo " +
      "giorni ore casi frequenza tonnellate litri " +
      // Dutch
      "aantal hoeveelheid totaal bedrag waarde percentage aandeel gemiddelde gemiddeld som " +
      "kosten dagen uren gevallen ton",
  ),
);

/**
 * Whether the words at `at` stand in a complement of a noun that does not measure them: a
 * direction word counts where it heads the name (or a compound, "Staff costs"), or follows a
 * quantity word ("number of complaints"); after a process noun it is the process's object, not
 * the quantity measured ("Tramitación de certificación de gastos": processing of expense
 * certification, no expense).
 */
function inComplement(words: readonly string[], at: number): boolean {
  let j = at - 1;
  let marked = false;
  while (j >= 0 && (COMPLEMENT_MARKERS.has(words[j] as string) || ARTICLES.has(words[j] as string))) {
    if (COMPLEMENT_MARKERS.has(words[j] as string)) marked = true;
    j--;
  }
  if (!marked || j < 0) return false;
  const governor = words[j] as string;
  return !QUANTITY_WORDS.has(governor) && matchAt(LESS, words, j) === 0;
}

/** The words of a text read left to right, each phrase taken whole: which say less, which more. */
function scan(words: readonly string[]): { less: [number, number][]; more: boolean } {
  const less: [number, number][] = [];
  let more = false;
  const staff = words.some((w) => STAFF_WORDS.has(w));
  for (let at = 0; at < words.length;) {
    const word = words[at] as string;
    const lessLength = matchAt(LESS, words, at);
    const moreLength = matchAt(MORE, words, at);
    if (lessLength > 0 && lessLength >= moreLength) {
      if (!inComplement(words, at)) less.push([at, lessLength]);
      at += lessLength;
    } else if (moreLength > 0) {
      more = true;
      at += moreLength;
    } else {
      const dependent = STAFF_DEPENDENT.get(word);
      if (dependent !== undefined && staff) less.push([at, 1]);
      else if (dependent === "revenue") more = true;
      else if (dependent === undefined && endsInCostWord(word) && !inComplement(words, at))
        less.push([at, 1]);
      at += 1;
    }
  }
  return { less, more };
}

/** `count` words of `text` from its `first`th (counted from 0), as written. */
function wordsAsWritten(text: string, first: number, count: number): string {
  const spans = [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)];
  const start = spans[first];
  const end = spans[first + count - 1];
  return start && end ? text.slice(start.index, end.index + end[0].length) : text;
}

/**
 * "lower" when the KPI's name plainly means less is better ("Staff costs", "Debtor days",
 * "Reclamaciones", "Personalkosten"); null when it does not, or when it also says more is better
 * or measures a gain ("Cost savings", "Reduction in complaints", "Accident-free days").
 */
export function polarityFromName(kpiName: string): InferredPolarity | null {
  const words = directionWords(kpiName);
  const { less, more } = scan(words);
  const first = less[0];
  if (more || first === undefined) return null;
  return { polarity: "lower", because: `the name says '${wordsAsWritten(kpiName, first[0], first[1])}'` };
}

/** Class words of a column that classifies rows: money going out, or money coming in. */
const COST_CLASS = phrases(
  "cost, costs, expense, expenses, expenditure, expenditures, opex, capex, spend, spending",
  "cogs, cost of sales, cost of goods sold, overhead, overheads, operating expense",
  "operating expenses, operating costs, capital expenditure",
  // Spanish, Portuguese
  "coste, costes, costo, costos, gasto, gastos, egreso, egresos, custo, custos, despesa",
  "despesas",
  // French ("charges" and "produits" are the two sides of a French income statement)
  "cout, couts, depense, depenses, charge, charges",
  // German, Italian, Dutch ("lasten" and "baten" are the Dutch two sides)
  "kosten, aufwand, aufwendungen, ausgaben, costi, spesa, spese, oneri, uitgaven, lasten",
  // Indonesian, beyond the seven languages: its household and company statements' cost sections
  "biaya, beban, pengeluaran",
);
const REVENUE_CLASS = phrases(
  "revenue, revenues, income, sales, turnover, profit, margin, gross margin, gross profit",
  "net income, earnings, ingreso, ingresos, venta, ventas, beneficio, margen, utilidad, receita",
  "receitas, venda, vendas, lucro, margem, faturamento, produit, produits, chiffre d affaires",
  "vente, ventes, recette, recettes, revenu, revenus, benefice, marge, umsatz, umsatzerlose",
  "erlose, ertrag, ertrage, einnahmen, gewinn, ricavo, ricavi, fatturato, vendite, proventi",
  "entrate, utile, margine, omzet, opbrengsten, baten, inkomsten, winst, marge",
  "pendapatan, penghasilan, pemasukan, penjualan",
);
const COST = lexicon(COST_CLASS);
const REVENUE = lexicon(REVENUE_CLASS);

/** The class a cell's words name, "cost" or "revenue", or null when none or both. */
function classOf(value: string): "cost" | "revenue" | null {
  const words = directionWords(value);
  let cost = false;
  let revenue = false;
  for (let at = 0; at < words.length;) {
    const costLength = matchAt(COST, words, at);
    const revenueLength = matchAt(REVENUE, words, at);
    if (costLength > 0 && costLength >= revenueLength) cost = true;
    else if (revenueLength > 0) revenue = true;
    else if (endsInCostWord(words[at] as string)) cost = true;
    at += Math.max(costLength, revenueLength, 1);
  }
  return cost === revenue ? null : cost ? "cost" : "revenue";
}

/**
 * The direction a class cell gives its row: "lower" for Expense, Opex, Gastos, Aufwand…; "higher"
 * for Revenue, Sales, Turnover, Ingresos…; null for anything else ("Leading", "Other").
 */
export function polarityFromClass(value: string, header = "Type"): InferredPolarity | null {
  const found = classOf(value);
  if (found === null) return null;
  const as = found === "cost" ? "a cost" : "revenue";
  return {
    polarity: found === "cost" ? "lower" : "higher",
    because: `its ${header.trim()} cell '${value.trim()}' marks it as ${as}`,
  };
}

/**
 * The class a section heading names when its words are class words and nothing else ("Expenses",
 * "Operating expenses", "Charges", "Biaya"), or null. A heading that only holds one ("Cost
 * efficiency", "Revenue growth") names a theme, not the money side of its rows.
 */
function sectionClassOf(heading: string): "cost" | "revenue" | null {
  const words = directionWords(heading);
  const found = new Set<"cost" | "revenue">();
  for (let at = 0; at < words.length;) {
    const costLength = matchAt(COST, words, at);
    const revenueLength = matchAt(REVENUE, words, at);
    if (costLength === 0 && revenueLength === 0) return null;
    found.add(costLength >= revenueLength ? "cost" : "revenue");
    at += Math.max(costLength, revenueLength);
  }
  return found.size === 1 ? ([...found][0] as "cost" | "revenue") : null;
}

/**
 * The direction a section heading gives the rows under it (an income statement's "Expenses",
 * "Charges", "Gastos", "Biaya" over its cost lines): "lower" or "higher", or null for a heading
 * that is no class ("Financial", "Cost efficiency").
 */
export function polarityFromSection(heading: string): InferredPolarity | null {
  const found = sectionClassOf(heading);
  if (found === null) return null;
  return {
    polarity: found === "cost" ? "lower" : "higher",
    because: `it is under the heading '${heading.trim()}', ${found === "cost" ? "a cost" : "revenue"} section`,
  };
}

/**
 * The direction a statement's sign gives its line: "- " deducts (an expense, lower is better),
 * "+ " adds (income, higher is better).
 */
export function polarityFromSign(sign: "+" | "-"): InferredPolarity {
  return sign === "-"
    ? { polarity: "lower", because: "the statement marks it '-', a line it deducts" }
    : { polarity: "higher", because: "the statement marks it '+', a line it adds" };
}

/** Headers of a column that classifies rows, in the seven languages. */
const CLASS_HEADERS = new Set(
  phrases(
    "type, class, category, account type, account class, account category, line type, line item type",
    "item type, nature, kind, cost type, revenue type, classification",
    "tipo, clase, categoria, tipo de cuenta, naturaleza, clasificacion",
    "classe, tipo de conta, natureza, classificacao",
    "categorie, type de compte, nature du compte",
    "typ, art, klasse, kategorie, kontoart, kontotyp, kostenart",
    "tipo conto, natura, classificazione",
    "soort, rekeningsoort, rekeningtype, kostensoort",
  ).map((h) => directionWords(h).join(" ")),
);

/** Whether a header names a column that classifies rows ("Account Type", "Categoría", "Kostenart"). */
export const isClassHeader = (header: string): boolean =>
  CLASS_HEADERS.has(directionWords(header.replace(/\s*[([{][^)\]}]*[)\]}]\s*$/, "")).join(" "));

/** At least this share of a column's filled cells must be class words for its content to make it a class column. */
const CLASS_SHARE = 0.6;

/**
 * Whether a column classifies rows as costs or revenue: its header says so and a filled cell is a
 * class word (a Type column of "Leading", "Lagging" classifies nothing), or most of its filled
 * cells (at least two) are class words whatever its header. Pass the block's columns other than
 * the KPI column: a KPI column of "Revenue", "Opex" would pass by content.
 */
export function isClassColumn(header: string, values: readonly string[]): boolean {
  const filled = values.map((v) => v.trim()).filter((v) => v !== "");
  const classed = filled.filter((v) => classOf(v) !== null).length;
  if (isClassHeader(header)) return classed > 0;
  return filled.length >= 2 && classed >= CLASS_SHARE * filled.length;
}

/** What the file says of one KPI's direction, for `kpiDirection`. */
export interface DirectionEvidence {
  /** The KPI's name, and the cell it was read from. */
  readonly kpi: string;
  readonly kpiCell: string | null;
  /** The KPI's entity (site, department…), named in the note; null or absent without one. */
  readonly entity?: string | null;
  /** A polarity confirmed in the stored definition: it wins over everything in the file. */
  readonly stored?: Polarity | null;
  /** The KPI's Polarity cell as written, when the table has a Polarity column. */
  readonly polarityCell?: { readonly text: string; readonly cell: string | null } | null;
  /** The KPI's cell in a column that classifies rows (see isClassColumn), with that column's header. */
  readonly classCell?: {
    readonly header: string;
    readonly text: string;
    readonly cell: string | null;
  } | null;
  /**
   * The sign a statement of "+ " and "- " lines writes before the KPI's name (a German
   * Ergebnisplan's "+ Steuern", "- Personalaufwendungen"), when the table writes both.
   */
  readonly statementSign?: "+" | "-" | null;
  /** The heading row the KPI sits under (its perspective or objective taken from it), when one did. */
  readonly sectionCell?: { readonly text: string; readonly cell: string } | null;
  /**
   * The KPI's baseline and its latest target, both numbers: a target set below where the KPI
   * started says the aim is to bring it down (non-revenue water from 29 % to 25 %).
   */
  readonly baselineTarget?: {
    readonly baseline: number;
    readonly target: number;
    readonly cell: string | null;
  } | null;
}

/** Where a KPI's direction came from. */
export type DirectionSource = "definition" | "polarity-cell" | "class" | "name" | "baseline" | "default";

export interface DirectionDecision {
  /** Null when the Polarity cell holds a word that is no polarity (the KPI is then not scored). */
  readonly polarity: Polarity | null;
  readonly source: DirectionSource;
  /** Why, for an inferred direction ("its Type cell 'Expense' marks it as a cost"); else null. */
  readonly because: string | null;
  /** The note of an inference, or the error of an unreadable Polarity cell; else null. */
  readonly issue: Issue | null;
}

/**
 * The direction a KPI's target sets against its baseline: below it, the aim is to bring the KPI
 * down; above it, up; the same, nothing said.
 */
export function polarityFromBaseline(baseline: number, target: number): InferredPolarity | null {
  if (target === baseline) return null;
  return target < baseline
    ? {
        polarity: "lower",
        because: `its target (${target}) is below its baseline (${baseline}): the aim is to bring it down`,
      }
    : { polarity: "higher", because: `its target (${target}) is above its baseline (${baseline})` };
}

/**
 * A KPI's direction: the stored definition wins, then a Polarity cell, then a class cell, then the
 * name, then the section heading it sits under, then its target against its baseline; with none of
 * them, higher is better. An inference is a note naming the cell and why, when
 * it makes the KPI lower-is-better or overrides what its name says.
 */
export function kpiDirection(evidence: DirectionEvidence): DirectionDecision {
  const { kpi, entity } = evidence;
  if (evidence.stored) return decided(evidence.stored, "definition");
  const written = evidence.polarityCell;
  const parsed = written ? parsePolarity(written.text) : null;
  if (parsed === "unknown") {
    return {
      ...decided(null, "polarity-cell"),
      issue: issue("polarity-unknown", written?.cell ?? null, {
        kpi,
        ...(entity ? { entity } : {}),
        value: (written?.text ?? "").trim(),
      }),
    };
  }
  if (parsed !== null) return decided(parsed, "polarity-cell");
  const fromName = polarityFromName(kpi);
  // The statement's own sign says which lines it deducts, as a class cell would.
  const fromClassCell = evidence.classCell
    ? polarityFromClass(evidence.classCell.text, evidence.classCell.header)
    : evidence.statementSign
      ? polarityFromSign(evidence.statementSign)
      : null;
  // A class cell speaks for its own row, then the name; a section heading speaks for many rows,
  // so only where neither says anything ("Cost of sales" under "Revenue" stays a cost).
  const fromSection =
    fromClassCell === null && fromName === null && evidence.sectionCell
      ? polarityFromSection(evidence.sectionCell.text)
      : null;
  // A target below the baseline says what the user aims at, for this KPI alone: heard only where
  // nothing that classifies the row or names the KPI spoke (a revenue planned to fall is still
  // better higher).
  const { baselineTarget } = evidence;
  const fromBaseline =
    fromClassCell === null && fromName === null && fromSection === null && baselineTarget
      ? polarityFromBaseline(baselineTarget.baseline, baselineTarget.target)
      : null;
  const fromClass = fromClassCell ?? fromSection;
  const inferred = fromClassCell ?? fromName ?? fromSection ?? fromBaseline;
  if (inferred === null) return decided("higher", "default");
  const source = fromClass ? "class" : fromBaseline ? "baseline" : "name";
  const cell = fromClassCell
    ? (evidence.classCell?.cell ?? evidence.kpiCell)
    : fromSection
      ? (evidence.sectionCell?.cell ?? null)
      : fromBaseline
        ? (baselineTarget?.cell ?? evidence.kpiCell)
        : evidence.kpiCell;
  const noted =
    inferred.polarity === "lower" || (fromName !== null && fromName.polarity !== inferred.polarity);
  return {
    polarity: inferred.polarity,
    source,
    because: inferred.because,
    issue: noted
      ? issue("polarity-inferred", cell, {
          kpi,
          ...(entity ? { entity } : {}),
          polarity: inferred.polarity,
          other: inferred.polarity === "lower" ? "higher" : "lower",
          because: inferred.because,
        })
      : null,
  };
}

const decided = (polarity: Polarity | null, source: DirectionSource): DirectionDecision => ({
  polarity,
  source,
  because: null,
  issue: null,
});
