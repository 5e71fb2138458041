import type { Rule } from '../engine/rule.js';
import { minFitFor } from '../data/min-fit.js';
import { improvements } from '../scoring/improvements.js';

/** A declared persona whose fit is under `minFit`, with the changes that would raise it most. */
export const personaFit: Rule = {
  meta: {
    id: 'persona-fit',
    description: "Reports a declared persona whose fit is under minFit, with the two or three changes that would raise it most.",
    defaultSeverity: 'warn',
    phase: 'after-scores',
  },
  check({ targetPersonas, scores, minFit, report }) {
    if (targetPersonas.length === 0) return;
    const { details } = scores();
    for (const persona of targetPersonas) {
      const detail = details.find((d) => d.persona.id === persona.id);
      if (!detail) continue;
      const min = minFitFor(minFit, persona.id);
      if (detail.score.fit >= min) continue;
      const changes = improvements(detail).slice(0, 3);
      const advice = changes.length > 0 ? ` To raise it: ${changes.map((c) => `${c.change} (+${Math.round(c.gain)})`).join('; ')}.` : '';
      report({
        message: `Fit for ${persona.name} is ${detail.score.fit}/100, under ${min}.${advice}`,
        span: null,
        actual: String(detail.score.fit),
        note: detail.score.breakdown.map((part) => `${part.part} ${part.points}/${part.max}: ${part.detail}`).join('; '),
        persona: persona.id,
      });
    }
  },
};
