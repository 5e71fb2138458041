import type { Document } from '../../text/document.js';
import { memoByObject } from '../../core/memo.js';
import type { Token } from '../../text/tokens.js';
import { adjacentInProse, gapBefore, inWordGap } from './token-gaps.js';
import { inRanges, proseRegions } from './prose-regions.js';

/** True when the tokens from `start` to `end` of a sentence name something rather than use words. */
export type NameCheck = (tokens: readonly Token[], start: number, end: number) => boolean;

const capitalised = (token: Token) => /^\p{Lu}/u.test(token.text);
const hyphenated = (tokens: readonly Token[], k: number, text: string) => inWordGap.test(gapBefore(tokens, k, text));
/** A capital after a full stop, a colon, a line break, a quotation mark, a slash or a dash may start a sentence, a clause, a list line, a quote or a title part. */
const clauseStart = /[.!?:;\n"“‘(/|\u2013\u2014]/;

/**
 * Words that name something in this document, not the writer's choice of words:
 * - a capitalised run of two or more words mid-sentence ("the Tiger Team", "First-Ever Upskilling
 *   Week", a Title Case link to a talk), outside headings, where Title Case is style;
 * - a word the document capitalises on its own mid-sentence ("uses Unleash", "Hugo, and
 *   Middleman"), wherever it is written capitalised, sentence starts and headings included.
 * A word capitalised only because it starts the sentence proves nothing ("Leverage GitLab" is
 * flagged), and a hyphenated compound counts as one word ("our Best-In-Class platform" is flagged).
 */
export const properNames: (doc: Document) => NameCheck = memoByObject((doc) => {
  const { text } = doc;
  const headings = proseRegions(doc).headings;
  const inHeading = (tokens: readonly Token[], start: number, end: number) => inRanges(headings, tokens[start].start.offset, tokens[end - 1].end.offset);
  const single = namesCapitalisedAlone(doc, (tokens, k) => !inHeading(tokens, k, k + 1));
  return (tokens, start, end) => {
    const words = tokens.slice(start, end);
    if (!words.every(capitalised)) return false;
    if (words.every((t) => single.has(t.norm))) return true;
    return !inHeading(tokens, start, end) && capitalisedRun(tokens, start, end, text) >= 2;
  };
});

/** Words of the capitalised run around a match, a hyphenated compound counting once; the sentence's first word only when matched. */
function capitalisedRun(tokens: readonly Token[], start: number, end: number, text: string): number {
  if (!tokens.slice(Math.max(start, 1), end).some(capitalised)) return 0;
  let from = start;
  while (from > 1 && capitalised(tokens[from - 1]) && adjacentInProse(tokens, from - 1, from + 1, text)) from--;
  let to = end;
  while (to < tokens.length && capitalised(tokens[to]) && adjacentInProse(tokens, to - 1, to + 1, text)) to++;
  let words = 1;
  for (let k = from + 1; k < to; k++) if (!hyphenated(tokens, k, text)) words++;
  return words;
}

/** Lowercased words the document capitalises mid-sentence between lowercase neighbours (a product or a person). */
function namesCapitalisedAlone(doc: Document, counts: (tokens: readonly Token[], k: number) => boolean): Set<string> {
  const names = new Set<string>();
  const { text } = doc;
  for (const { tokens } of doc.sentences) {
    for (let k = 1; k < tokens.length; k++) {
      const token = tokens[k];
      if (!capitalised(token) || token.text === token.text.toUpperCase()) continue;
      if (clauseStart.test(gapBefore(tokens, k, text))) continue;
      const before = tokens[k - 1];
      const after = tokens[k + 1];
      const alone = (k === 1 || !capitalised(before)) && (!after || !capitalised(after) || !adjacentInProse(tokens, k, k + 2, text));
      if (alone && counts(tokens, k)) names.add(token.norm);
    }
  }
  return names;
}
