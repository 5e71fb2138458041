import type { Rule } from '../engine/rule.js';
import { packMatches, orList, suggestionFor } from './helpers/pack-matches.js';
import { leftAlone } from './helpers/buzzword-guards.js';

export interface BuzzwordOptions {
  /** Flag buzzwords inside quotations (text in quotation marks, blockquotes with an attribution) too. */
  checkQuotations?: boolean;
}

/** Marketing buzzwords and clichés: the handbook's "buzzword bingo". */
export const buzzword: Rule<BuzzwordOptions> = {
  meta: {
    id: 'buzzword',
    description: 'Flags marketing buzzwords and clichés and suggests plainer words.',
    defaultSeverity: 'warn',
    pack: { schema: 'word-pack.schema.json' },
    tonePenalty: 2,
    optionsSchema: {
      type: 'object',
      properties: {
        checkQuotations: { type: 'boolean', description: 'Flag buzzwords inside quotations (quotation marks, blockquotes with an attribution) too (default false).' },
      },
    },
    defaultOptions: { checkQuotations: false },
  },
  check(context) {
    const { doc, pack, options, genre } = context;
    if (!pack) return;
    const matches = [...packMatches(pack, doc, { checkQuotations: options.checkQuotations, genre })];
    const reasonToSkip = leftAlone(doc, matches);
    for (const match of matches) {
      if (reasonToSkip(match)) continue;
      const { entry, actual } = match;
      const { expected, fix } = suggestionFor(match, doc.text);
      const instead = expected.length > 0 ? `; use ${orList(expected)} instead` : '; say what it does instead';
      context.report({
        message: `“${actual}” is a buzzword${instead}.`,
        span: match.span,
        actual,
        expected,
        note: entry.why,
        fix,
      });
    }
  },
};
