import type { Persona } from '../data/load-data.js';
import type { PersonaRelevance } from './relevance.js';

/** How personas are ranked for a page: most relevant first, then by id. */
export function byRelevance(a: { persona: Persona; relevance: PersonaRelevance }, b: { persona: Persona; relevance: PersonaRelevance }): number {
  return b.relevance.relevance - a.relevance.relevance || a.persona.id.localeCompare(b.persona.id);
}

/**
 * Below this probability the most relevant persona does not clearly lead: the page is `unclear`
 * and persona-mismatch stays silent. Chosen on gitlab-docs under cross-validation (docs/scoring.md).
 */
export const unclearBelow = 0.4;

export interface RelevanceVerdict {
  /** False when the page uses none of any persona's terms: it is written for nobody in particular. */
  any: boolean;
  /** The probability of the most relevant persona, 0 to 1. */
  confidence: number;
  /** Its lead over the second, in probability (0 to 1). */
  margin: number;
  unclear: boolean;
}

/** What the ranking says, from the relevances sorted most relevant first. */
export function relevanceVerdict(sorted: readonly PersonaRelevance[]): RelevanceVerdict {
  const [first, second] = sorted;
  const any = first !== undefined && first.relevance > 0;
  const confidence = any ? first.probability : 0;
  // Probabilities are rounded one by one, so two tied personas can differ by a rounding step: never below 0.
  const margin = any ? Math.max(0, Math.round((first.probability - (second?.probability ?? 0)) * 1000) / 1000) : 0;
  return { any, confidence, margin, unclear: !any || confidence < unclearBelow };
}
