import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

let loaded: ReadonlySet<string> | undefined;

/**
 * The English words of four to six letters in the word-list package (274,000 words in all), in
 * capitals: the lengths of a word undefined-acronym may take for an acronym. Read once per run,
 * on first need.
 */
export function englishWordsInCapitals(): ReadonlySet<string> {
  return (loaded ??= new Set(readFileSync(wordListPath, 'utf8').split('\n').filter((word) => word.length >= 4 && word.length <= 6).map((word) => word.toUpperCase())));
}
