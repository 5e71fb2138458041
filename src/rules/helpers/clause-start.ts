import type { Token } from '../../text/tokens.js';
import { gapBefore } from './token-gaps.js';

/** Punctuation that ends one clause and opens the next inside a sentence: colon, semicolon, dashes, an opening bracket. */
const clauseBreak = /[:;(\u2013\u2014]|--/;
/** Words that open an introductory clause or phrase of any length: "If you use forks, just…", "To leave, simply…", "For example, …". */
const subordinators = new Set('if when whenever once after before to unless until for in as with without since because instead'.split(' '));
/** Adverbs that introduce an instruction as a short phrase of their own: "Then, just run", "In that case, …". */
const adverbs = new Set('then now next first finally here otherwise alternatively again afterwards'.split(' '));
/** Words that may stand between a clause's start and an instruction verb: "Then just run", "…, but just drop by", "Please just ask". */
const leadIns = new Set('please then so now but and or'.split(' '));

/** Conjunctions that, after a comma, open a new clause without a subject: "…in its own repo, but just drop by". */
const newClause = new Set('but so then or'.split(' '));

/**
 * The words at `at` open a clause whose subject is the reader, not named, as in an instruction:
 * the sentence's first words, the words after a colon, semicolon, dash or bracket, after a comma
 * and "but", "so", "then" or "or", or after commas that close only introductory clauses ("If you
 * use forks, just run", "For example, if you…, simply follow"), each allowing the lead-ins
 * "please", "then", "now"… A clause with its own subject before the comma ("This makes it easy,
 * just pass", "we could, in fact, simply define") is a statement, not an instruction; so is one
 * joined by "and", which mostly shares the subject before it ("we find them, and just remove them").
 */
export function opensClause(tokens: readonly Token[], at: number, text: string): boolean {
  let k = at;
  while (k > 0 && leadIns.has(tokens[k - 1].norm) && !gapBefore(tokens, k, text).includes(',')) k--;
  if (k === 0) return true;
  const gap = gapBefore(tokens, k, text);
  if (clauseBreak.test(gap)) return true;
  if (!gap.includes(',')) return false;
  if (newClause.has(tokens[k].norm) && k < at) return true;
  // Every comma-separated segment before it, back to the sentence's start or a clause break, is an introduction.
  let segmentEnd = k;
  for (let j = k - 1; j >= 0; j--) {
    const before = j === 0 ? '' : gapBefore(tokens, j, text);
    if (j > 0 && !before.includes(',') && !clauseBreak.test(before)) continue;
    if (!introduces(tokens, j, segmentEnd)) return false;
    if (j === 0 || clauseBreak.test(before)) return true;
    segmentEnd = j;
  }
  return false;
}

/** The words [start, end) introduce what follows: a subordinate clause after any lead-ins ("So if you…"), or a short adverbial ("Then", "In that case"). */
function introduces(tokens: readonly Token[], start: number, end: number): boolean {
  let k = start;
  while (k < end - 1 && leadIns.has(tokens[k].norm)) k++;
  return subordinators.has(tokens[k].norm) || (adverbs.has(tokens[k].norm) && end - k <= 3);
}
