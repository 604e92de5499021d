/**
 * What a finance user expects of one public real-world file (test/fixtures/realworld/<file>.expect.json),
 * and the ways a `bsc check --json` answer falls short of it. The expectations are written by reading
 * each file as a finance user would, never by copying the product's output (SOURCES.md says how).
 */

export interface StatusExpectation {
  /** The KPI's name as the file writes it (matched as described in `sameName`). */
  readonly kpi: string;
  /** The entity (site, region, person…) whose scorecard holds it; null for the consolidated one. */
  readonly entity: string | null;
  readonly status: "green" | "amber" | "red";
}

export interface ScorecardExpectation {
  readonly kind: "scorecard";
  readonly kpis: number;
  /** The scored period as YYYY-MM (or YYYY-Qn, YYYY), or null for a file without periods. */
  readonly period: string | null;
  readonly entities: number;
  readonly statuses: readonly StatusExpectation[];
  /** Cost-type KPIs the file marks as costs and that are over budget: any colour but green. */
  readonly notGreen: readonly string[];
}

export interface RefusalExpectation {
  readonly kind: "refusal";
  /**
   * Phrases the refusal must say, each within one sentence, its words in order, any case or accents:
   * what the file lacks, e.g. "no target" (met by "but no Actual and Target" or "but no target, budget
   * or plan column"). Phrases, not single words, because the refusal's first sentence names every
   * column a scorecard needs and so holds "Target" and "Actual" whatever it found.
   */
  readonly mentions: readonly string[];
}

/** What the scorecard a suggestion gives must show; the KPI count and period only where given. */
export type FollowedScorecard = Omit<ScorecardExpectation, "kind" | "kpis" | "period"> & {
  readonly kpis?: number;
  readonly period?: string | null;
};

/**
 * A refusal whose `suggestion.args`, passed back after the file name, scores at least one KPI; and,
 * where a finance user can say what the scorecard then shows, `then` is checked against it (its
 * `period` too when given: a file without a year leaves the scored period to the suggestion). Where
 * `then.period` is given (the file says its period, or null: it has none), a reader that scores the
 * file straight away as `then` says meets the expectation too.
 */
export interface SuggestionExpectation {
  readonly kind: "suggestion";
  readonly then?: FollowedScorecard;
}

export type Expectation = (ScorecardExpectation | RefusalExpectation | SuggestionExpectation) & {
  /** Why the product does not meet the expectation today (the general reason, not the file's). */
  readonly gap?: string;
};

/** The parts of the `--json` answer the corpus reads (WORKBOOK.md's report, or `{ error }`). */
export interface CheckAnswer {
  readonly period?: string | null;
  readonly perspectives?: readonly Perspective[];
  readonly entities?: readonly { readonly name: string; readonly perspectives: readonly Perspective[] }[];
  readonly error?: { readonly message: string; readonly suggestion?: Suggestion };
  readonly suggestion?: Suggestion;
}

interface Perspective {
  readonly objectives: readonly { readonly kpis: readonly Kpi[] }[];
}

interface Kpi {
  readonly name: string;
  readonly status: string;
}

interface Suggestion {
  readonly args?: unknown;
}

const fold = (s: string): string =>
  s.normalize("NFD").replace(/\p{M}/gu, "").replace(/[’‘`]/g, "'").replace(/\s+/g, " ").trim().toLowerCase();

/**
 * Whether the product's KPI name is the one the file writes: equal once case, accents, curly quotes
 * and runs of spaces are set aside, or one holding the other whole (a reader may keep a unit suffix
 * or drop a trailing note in brackets; either still names the same line of the file). An empty
 * expected name matches any KPI: it stands for the single KPI of a file that names it nowhere.
 */
export function sameName(product: string, expected: string): boolean {
  const a = fold(product);
  const b = fold(expected);
  return a === b || a.includes(b) || b.includes(a);
}

const kpisOf = (perspectives: readonly Perspective[] | undefined): Kpi[] =>
  (perspectives ?? []).flatMap((p) => p.objectives.flatMap((o) => o.kpis));

/** The consolidated scorecard's KPIs, or, when it lists none, every entity's (distinct by name). */
function scorecardKpis(answer: CheckAnswer): Kpi[] {
  const consolidated = kpisOf(answer.perspectives);
  if (consolidated.length > 0) return consolidated;
  return (answer.entities ?? []).flatMap((e) => kpisOf(e.perspectives));
}

const distinctNames = (kpis: readonly Kpi[]): number => new Set(kpis.map((k) => fold(k.name))).size;

function kpisWhere(answer: CheckAnswer, entity: string | null): Kpi[] | string {
  if (entity === null) return scorecardKpis(answer);
  const found = (answer.entities ?? []).find((e) => fold(e.name) === fold(entity));
  return found ? kpisOf(found.perspectives) : `no entity "${entity}"`;
}

/** Every way a scorecard answer differs from what the finance user expects; empty when it matches. */
export function scorecardShortfalls(
  expect: ScorecardExpectation | FollowedScorecard,
  answer: CheckAnswer,
): string[] {
  if (answer.error) return [`refused: ${answer.error.message}`];
  const misses: string[] = [];
  const kpiCount = distinctNames(scorecardKpis(answer));
  if (expect.kpis !== undefined && kpiCount !== expect.kpis)
    misses.push(`${kpiCount} KPIs, not ${expect.kpis}`);
  const period = answer.period ?? null;
  if (expect.period !== undefined && period !== expect.period)
    misses.push(`period ${period}, not ${expect.period}`);
  const entities = answer.entities?.length ?? 0;
  if (entities !== expect.entities) misses.push(`${entities} entities, not ${expect.entities}`);
  for (const s of expect.statuses) {
    const kpis = kpisWhere(answer, s.entity);
    const where = s.entity === null ? "" : ` (${s.entity})`;
    if (typeof kpis === "string") {
      misses.push(`${s.kpi}${where}: ${kpis}`);
      continue;
    }
    const kpi = kpis.find((k) => sameName(k.name, s.kpi));
    if (!kpi) misses.push(`${s.kpi}${where}: not scored`);
    else if (kpi.status !== s.status) misses.push(`${s.kpi}${where}: ${kpi.status}, not ${s.status}`);
  }
  for (const name of expect.notGreen) {
    const kpi = scorecardKpis(answer).find((k) => sameName(k.name, name));
    if (!kpi) misses.push(`${name}: not scored`);
    else if (kpi.status !== "amber" && kpi.status !== "red")
      misses.push(`${name}: ${kpi.status}, though it is a cost over budget`);
  }
  return misses;
}

const words = (text: string): string[] =>
  fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Whether one sentence of `message` holds the words of `phrase`, in that order. */
export function says(message: string, phrase: string): boolean {
  const wanted = words(phrase);
  return message.split(/[.;:!?]\s/).some((sentence) => {
    let next = 0;
    for (const w of words(sentence)) if (w === wanted[next]) next += 1;
    return next >= wanted.length;
  });
}

/** Every way a refusal falls short: it scored instead, or it does not say what the file lacks. */
export function refusalShortfalls(expect: RefusalExpectation, answer: CheckAnswer): string[] {
  const error = answer.error;
  if (!error) return [`scored ${distinctNames(scorecardKpis(answer))} KPIs instead of refusing`];
  return expect.mentions
    .filter((m) => !says(error.message, m))
    .map((m) => `the refusal does not say "${m}": ${error.message}`);
}

/** The arguments a refusal proposes (`suggestion.args`, at the top or within `error`), if any. */
export function suggestedArgs(answer: CheckAnswer): string[] | null {
  const args = (answer.suggestion ?? answer.error?.suggestion)?.args;
  return Array.isArray(args) && args.every((a) => typeof a === "string") ? args : null;
}

/** Whether an answer scored at least one KPI (green, amber or red). */
export function scoresSomething(answer: CheckAnswer): boolean {
  if (answer.error) return false;
  const all = [
    ...kpisOf(answer.perspectives),
    ...(answer.entities ?? []).flatMap((e) => kpisOf(e.perspectives)),
  ];
  return all.some((k) => k.status === "green" || k.status === "amber" || k.status === "red");
}
