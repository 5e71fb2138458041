import type { Rule } from '../engine/rule.js';

export interface PersonaMismatchOptions {
  margin?: number;
}

export const defaultMargin = 15;

/** The page reads as written for someone other than the persona it declares. */
export const personaMismatch: Rule<PersonaMismatchOptions> = {
  meta: {
    id: 'persona-mismatch',
    description: 'Reports a page whose best-fitting persona is far ahead of every persona it declares, and names the best fit.',
    defaultSeverity: 'warn',
    phase: 'after-scores',
    optionsSchema: {
      type: 'object',
      properties: { margin: { type: 'number', minimum: 0, maximum: 100, description: 'Fit points the best fit must lead every declared persona by (default 15).' } },
    },
    defaultOptions: { margin: defaultMargin },
  },
  check({ targetPersonas, scores, options, report }) {
    if (targetPersonas.length === 0) return;
    const { details } = scores();
    const best = details[0];
    if (!best || targetPersonas.some((p) => p.id === best.persona.id)) return;
    const declared = details.filter((d) => targetPersonas.some((p) => p.id === d.persona.id));
    if (declared.length === 0) return;
    const closest = declared[0];
    const margin = options.margin ?? defaultMargin;
    if (best.score.fit - closest.score.fit < margin) return;
    report({
      message: `The page is declared for ${declared.map((d) => `${d.persona.name} (fit ${d.score.fit})`).join(' and ')} but reads as written for ${best.persona.name} (fit ${best.score.fit}).`,
      span: null,
      actual: closest.persona.id,
      expected: [best.persona.id],
      note: `${best.persona.name}: ${best.score.breakdown.map((part) => `${part.part} ${part.points}/${part.max}`).join(', ')}. ${closest.persona.name}: ${closest.score.breakdown.map((part) => `${part.part} ${part.points}/${part.max}`).join(', ')}.`,
      persona: closest.persona.id,
    });
  },
};
