import type { Rule } from '../engine/rule.js';

export interface PersonaMismatchOptions {
  margin?: number;
}

/** Probability points (0 to 100) the most relevant persona must lead every declared one by. */
export const defaultMargin = 35;

const percent = (probability: number) => `${Math.round(100 * probability)}%`;
const quoted = (terms: readonly string[]) => terms.map((t) => `“${t}”`).join(', ');

/** The page is confidently written for someone other than the persona it declares. */
export const personaMismatch: Rule<PersonaMismatchOptions> = {
  meta: {
    id: 'persona-mismatch',
    description: 'Reports a page that is clearly written for another persona than the ones it declares (by relevance), and names that persona and the words that say so.',
    defaultSeverity: 'warn',
    phase: 'after-scores',
    optionsSchema: {
      type: 'object',
      properties: { margin: { type: 'number', minimum: 0, maximum: 100, description: 'Probability points the most relevant persona must lead every declared persona by (default 35).' } },
    },
    defaultOptions: { margin: defaultMargin },
  },
  check({ targetPersonas, scores, options, report }) {
    if (targetPersonas.length === 0) return;
    const { report: ranking, details } = scores();
    const best = details[0];
    // An unclear page has no clear reader, so it cannot clearly have the wrong one.
    if (!best || ranking.best === null || ranking.unclear || targetPersonas.some((p) => p.id === best.persona.id)) return;
    const declared = details.filter((d) => targetPersonas.some((p) => p.id === d.persona.id));
    if (declared.length === 0) return;
    const closest = declared[0];
    const margin = options.margin ?? defaultMargin;
    if (100 * (best.relevance.probability - closest.relevance.probability) < margin) return;
    report({
      message: `The page is declared for ${declared.map((d) => `${d.persona.name} (${percent(d.relevance.probability)})`).join(' and ')} but reads as written for ${best.persona.name} (${percent(best.relevance.probability)}): ${quoted(best.relevance.why.slice(0, 3))}.`,
      span: null,
      actual: closest.persona.id,
      expected: [best.persona.id],
      note: declared
        .concat(best)
        .map((d) => `${d.persona.name}: relevance ${d.relevance.relevance}, probability ${percent(d.relevance.probability)}${d.relevance.why.length ? ` from ${quoted(d.relevance.why)}` : ''}`)
        .join('. '),
      persona: closest.persona.id,
    });
  },
};
