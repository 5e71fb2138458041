import type { Rule } from '../engine/rule.js';
import { packMatches, orList } from './helpers/pack-matches.js';

/** Marketing buzzwords and clichés: the handbook's "buzzword bingo". */
export const buzzword: Rule = {
  meta: {
    id: 'buzzword',
    description: 'Flags marketing buzzwords and clichés and suggests plainer words.',
    defaultSeverity: 'warn',
    pack: { schema: 'word-pack.schema.json' },
    tonePenalty: 2,
  },
  check(context) {
    const { doc, pack } = context;
    if (!pack) return;
    for (const match of packMatches(pack, doc.sentences, doc.text)) {
      const { entry, actual } = match;
      const instead = entry.alternatives.length > 0 ? `; use ${orList(entry.alternatives)} instead` : '; say what it does instead';
      context.report({
        message: `“${actual}” is a buzzword${instead}.`,
        span: match.span,
        actual,
        expected: entry.alternatives,
        note: entry.why,
      });
    }
  },
};
