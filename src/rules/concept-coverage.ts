import type { Rule } from '../engine/rule.js';

/** One document-level message per key concept of a declared persona that the page never expresses. */
export const conceptCoverage: Rule = {
  meta: {
    id: 'concept-coverage',
    description: 'Reports each key concept of a declared persona that the page does not express, with its phrases and why the persona cares.',
    defaultSeverity: 'info',
    phase: 'after-scores',
  },
  check({ targetPersonas, scores, report }) {
    if (targetPersonas.length === 0) return;
    const { details } = scores();
    for (const persona of targetPersonas) {
      const detail = details.find((d) => d.persona.id === persona.id);
      if (!detail) continue;
      for (const concept of detail.missingConcepts) {
        report({
          message: `${persona.name}: the page never expresses “${concept.label}” (for example ${concept.phrases
            .slice(0, 4)
            .map((p) => `“${p}”`)
            .join(', ')}). ${concept.why}`,
          span: null,
          expected: concept.phrases,
          note: concept.why,
          persona: persona.id,
        });
      }
    }
  },
};
