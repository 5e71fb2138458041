import { phraseTokens } from '../text/phrase-index.js';
import { normalize } from '../text/tokens.js';

/** What is wrong with an entry's `fix` or `drop` (the fields that make it fixable), for the pack loader. */
export function fixProblems(entry: { term: string; variants?: string[]; fix?: string; drop?: string }): string[] {
  const problems: string[] = [];
  if (entry.fix !== undefined && entry.drop !== undefined) problems.push('give either fix or drop, not both');
  if (entry.fix !== undefined && entry.fix.toLowerCase() === entry.term.toLowerCase()) problems.push('fix repeats the term');
  if (entry.drop !== undefined) {
    const dropped = normalize(entry.drop);
    for (const phrase of [entry.term, ...(entry.variants ?? [])]) {
      const words = phraseTokens(phrase).map((t) => t.norm);
      if (!words.includes(dropped) || words.length < 2) problems.push(`drop "${entry.drop}" is not a word of "${phrase}" with other words left; list that phrase in an entry of its own`);
    }
  }
  return problems;
}
