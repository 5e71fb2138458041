import type { Persona } from '../data/load-data.js';
import type { Document } from '../text/document.js';
import { relevanceModel, scoreRelevance } from './relevance.js';
import { byRelevance, relevanceVerdict } from './verdict.js';

/**
 * How sure relevance must be of a page's best fit, and how many words of prose the page needs, for
 * rules to act on it. Long pages for one reader reach 1; a line of four security acronyms reaches
 * 0.95 on a handful of words, too little to decide what its readers know.
 */
export const audienceConfidence = 0.9;
export const audienceMinWords = 150;

/**
 * The personas a page is written for, as far as the rules that depend on the reader can tell: the
 * declared ones (--persona, frontmatter, config), else, on a page of at least audienceMinWords
 * words, its best fit by relevance when its confidence (as `score` shows it) is at least
 * audienceConfidence, else none.
 */
export function pageAudience(doc: Document, personas: readonly Persona[], declared: readonly Persona[]): readonly Persona[] {
  if (declared.length > 0) return declared;
  if (doc.sentences.reduce((words, sentence) => words + sentence.tokens.length, 0) < audienceMinWords) return [];
  const relevance = scoreRelevance(relevanceModel(personas), doc);
  const order = personas.map((persona, i) => ({ persona, relevance: relevance[i] })).sort(byRelevance);
  const verdict = relevanceVerdict(order.map((o) => o.relevance));
  return verdict.any && verdict.confidence >= audienceConfidence ? [order[0].persona] : [];
}
