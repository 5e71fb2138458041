import { packagePath, readJsonData } from '../core/schema.js';

/** Term → share of a persona's fitted distribution (the shares of one persona sum to 1). */
export type FittedTerms = Record<string, number>;

/** rules/relevance/background.json: how often general writing uses each term. */
export interface Background {
  source: string;
  documents: number;
  /** All term occurrences counted, including the terms left out of `counts`. */
  tokens: number;
  counts: Record<string, number>;
}

/** rules/relevance/weights.json: what scripts/fit-relevance.mjs fitted, and with which settings. */
export interface Fitted {
  source: string;
  method: string;
  params: {
    /** Share of a persona's distribution that comes from its profile; the rest from its fitted terms. */
    profileShare: number;
    /**
     * Share of the background that is documentation: the mean of the fitted personas' terms, so
     * words every documentation page uses weigh little. The rest is general writing (`background`).
     */
    domainShare: number;
    /** Background smoothing: how many times more often than general writing a persona must use a term for its weight to reach ln 2. */
    scale: number;
    /** Softmax temperature that turns relevance into probabilities. */
    temperature: number;
    /** The fewest terms of any page the temperature was fitted on: a page with fewer gets a wider temperature. */
    minTerms: number;
  };
  /** Persona id → fitted terms. A persona without an entry is scored on its profile alone. */
  personas: Record<string, FittedTerms>;
}

export interface RelevanceData {
  background: Background;
  fitted: Fitted;
}

const readJson = <T>(name: string, schemaName: string): T => readJsonData<T>(packagePath('rules', 'relevance', name), schemaName);

let builtin: RelevanceData | undefined;

/** The shipped background and fitted weights, read and validated once per run. */
export function builtinRelevanceData(): RelevanceData {
  return (builtin ??= { background: readJson<Background>('background.json', 'relevance-background.schema.json'), fitted: readJson<Fitted>('weights.json', 'relevance-weights.schema.json') });
}
