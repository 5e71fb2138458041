import type { Rule } from '../engine/rule.js';
import type { Persona } from '../data/load-data.js';
import { defaultMinWords, defaultThreshold, documentAges, formulaCount, formulasAbove, isHard } from '../scoring/readability-level.js';

export interface ReadabilityOptions {
  /** Target reading age for every page; by default the declared personas' lowest `readingAge`. */
  age?: number;
  minWords?: number;
  threshold?: number;
}

/**
 * The reading age a page is checked against: the `age` option, else the lowest `readingAge` of the
 * declared personas (the page must work for each of them). A page that declares no persona has no
 * reader to measure against, so it is not checked unless `age` is set; its fit scores still rate
 * its readability against every persona's reading age.
 */
export function targetAge(options: ReadabilityOptions, targets: readonly Persona[]): { age: number; reader: string } | null {
  if (options.age !== undefined) return { age: options.age, reader: 'the configured reading age' };
  if (targets.length === 0) return null;
  const youngest = targets.reduce((a, b) => (b.readingAge < a.readingAge ? b : a));
  return { age: youngest.readingAge, reader: `${youngest.name}'s reading age` };
}

/** retext-readability's seven formulas, sentence by sentence, against the declared persona's reading age. */
export const readability: Rule<ReadabilityOptions> = {
  meta: {
    id: 'readability',
    description: "Flags sentences that readability formulas put above the declared persona's reading age.",
    defaultSeverity: 'warn',
    optionsSchema: {
      type: 'object',
      properties: {
        age: { type: 'number', minimum: 5, maximum: 30, description: "Target reading age for every page; default: the declared personas' lowest readingAge (pages with no declared persona are not checked)." },
        minWords: { type: 'integer', minimum: 1, description: 'Check sentences with at least this many words (default 5).' },
        threshold: { type: 'number', exclusiveMinimum: 0, maximum: 1, description: 'Share of the 7 formulas that must agree a sentence is too hard (default 4/7).' },
      },
    },
    defaultOptions: {},
  },
  check({ doc, options, targetPersonas, report }) {
    const target = targetAge(options, targetPersonas);
    if (!target) return;
    const { age, reader } = target;
    const threshold = options.threshold ?? defaultThreshold;
    for (const sentence of documentAges(doc.sentences, doc.text, options.minWords ?? defaultMinWords)) {
      if (!isHard(sentence.ages, age, threshold)) continue;
      const above = formulasAbove(sentence.ages, age);
      report({
        message: `Hard to read at age ${age} (${reader}): ${above === formulaCount ? 'all' : `${above} of`} ${formulaCount} readability formulas put this sentence above it.`,
        span: sentence.span,
        actual: sentence.text,
        note: 'Shorter sentences and shorter, more familiar words lower the reading age.',
      });
    }
  },
};
