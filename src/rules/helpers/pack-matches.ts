import type { CompiledEntry, CompiledPack, WordEntry } from '../../data/load-data.js';
import type { Document, Sentence } from '../../text/document.js';
import { inRanges, proseRegions } from './prose-regions.js';
import { properNames } from './proper-names.js';
import { adjacentInProse, gapBefore, inWordGap } from './token-gaps.js';
import { opensClause } from './clause-start.js';
import { codeNames } from './code-names.js';
import type { Span } from '../../core/position.js';
import { normalize, type Token } from '../../text/tokens.js';
import { phraseTokens, type PhraseIndex } from '../../text/phrase-index.js';
import type { Fix } from '../../core/types.js';
import { memoByObject } from '../../core/memo.js';
import type { Genre } from '../../text/genre.js';

export interface PackMatch {
  entry: WordEntry;
  /** The words as written in the file. */
  actual: string;
  span: Span;
  sentence: Sentence;
  tokens: Token[];
  /** Index of the first and one past the last matched token in the sentence. */
  start: number;
  end: number;
}

export interface PackMatchOptions {
  /** Match inside quotations (text in quotation marks, attributed blockquotes) too. Default: false. */
  checkQuotations?: boolean;
  /** On an article, entries marked `articles: false` are left alone. Default: docs. */
  genre?: Genre;
}

/**
 * Every place a pack entry occurs in the document's prose: whole words, phrase-aware, stemmed,
 * longest match first, with each entry's exceptWhenFollowedBy / exceptWhenPrecededBy / onlyWhenFollowedBy / taskSubject /
 * clauseStart / exceptWhenNamedInCode / articles guards applied,
 * never across punctuation, never in a proper name ("the Tiger Team"), and in quotations only when asked.
 */
export function* packMatches(pack: CompiledPack, doc: Document, options: PackMatchOptions = {}): Generator<PackMatch> {
  const { text } = doc;
  for (const sentence of doc.sentences) {
    const tokens = sentence.tokens;
    for (const match of pack.index.matchAll(tokens)) {
      if (guardAgainst(match.value, doc, tokens, match.start, match.end, options)) continue;
      const first = tokens[match.start];
      const last = tokens[match.end - 1];
      yield {
        entry: match.value.entry,
        actual: phraseText(tokens.slice(match.start, match.end), text),
        span: { start: first.start, end: last.end },
        sentence,
        tokens: tokens.slice(match.start, match.end),
        start: match.start,
        end: match.end,
      };
    }
  }
}

/**
 * The guard that leaves the entry's match at tokens[start, end) alone, named as in the pack's
 * schema ("exceptWhenFollowedBy", "clauseStart", "a quotation", "a name"), or undefined where it
 * is flagged. scripts/diff-messages.mjs gives it as the reason a message went away.
 */
export function guardAgainst(compiled: CompiledEntry, doc: Document, tokens: readonly Token[], start: number, end: number, options: PackMatchOptions = {}): string | undefined {
  const { entry, followedBy, precededBy, onlyFollowedBy } = compiled;
  const { text } = doc;
  if (entry.articles === false && options.genre === 'article') return 'an article';
  if (followedBy?.startsAt(tokens, end)) return 'exceptWhenFollowedBy';
  if (onlyFollowedBy && !followedWithin(onlyFollowedBy, tokens, end, text)) return 'onlyWhenFollowedBy';
  if (precededBy?.endsBefore(tokens, start)) return 'exceptWhenPrecededBy';
  if (!adjacentInProse(tokens, start, end, text)) return 'punctuation between the words';
  if (entry.taskSubject && !opensWithTask(tokens, start)) return 'taskSubject';
  if (entry.clauseStart && !opensClause(tokens, start, text)) return 'clauseStart';
  if (entry.exceptWhenNamedInCode?.some((name) => codeNames(doc).has(name))) return 'exceptWhenNamedInCode';
  if (!options.checkQuotations && inRanges(proseRegions(doc).quotations, tokens[start].start.offset, tokens[end - 1].end.offset)) return 'a quotation';
  if (properNames(doc)(tokens, start, end)) return 'a name';
  return undefined;
}

/** One of the phrases starts within the next three words of the prose: "robust platform", "robust audit capabilities". */
function followedWithin(phrases: PhraseIndex<true>, tokens: readonly Token[], end: number, text: string): boolean {
  for (let k = end; k < Math.min(tokens.length, end + 3) && adjacentInProse(tokens, end - 1, k + 1, text); k++) {
    if (phrases.startsAt(tokens, k)) return true;
  }
  return false;
}

/** Words in -ing that are not verbs: "Nothing is trivial", "String is simple". */
const ingNouns = new Set('thing nothing something anything everything string during morning evening king ring spring wing sibling ceiling'.split(' '));

/** The sentence opens with a verb in -ing that is the subject of the predicate at `at`: "Setting up runners is trivial". */
function opensWithTask(tokens: readonly Token[], at: number): boolean {
  const first = tokens[0].norm;
  return at > 0 && at <= 8 && first.length > 4 && first.endsWith('ing') && !ingNouns.has(first);
}

/** Two or more letters, all capitals: "UTILIZE", not "I" or "A". */
const inCapitals = (text: string) => /\p{L}.*\p{L}/u.test(text) && text === text.toUpperCase();

/** `original`'s case on `replacement`: Utilize → Use, UTILIZE → USE. */
export function matchCase(original: string, replacement: string): string {
  if (inCapitals(original)) return replacement.toUpperCase();
  if (/^\p{Lu}/u.test(original)) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}

/** The entry's phrases as listed (no inflections), as normalized word lists. */
const listedFormsOf = memoByObject((entry: WordEntry): Set<string> => new Set([entry.term, ...(entry.variants ?? [])].map((phrase) => phraseTokens(phrase).map((t) => t.norm).join(' '))));

/** What a rule suggests for a match, best first, and the edit that applies the first when the entry is fixable. */
export interface Suggestion {
  expected: string[];
  fix?: Fix;
}

/**
 * Suggestions right for the phrase as written. An entry with `drop` suggests the phrase without
 * that word ("Simply click" → "Click", "you can simply" → "you can"); an entry with `fix` suggests
 * it first. A fix is offered only where the match is plain text in the file (no markup inside)
 * and, for `fix`, written in a listed form and not in capitals: "utilized" → "use" would break the sentence.
 */
export function suggestionFor(match: PackMatch, text: string): Suggestion {
  const { entry, actual, span } = match;
  const plain = text.slice(span.start.offset, span.end.offset) === actual;
  const range: [number, number] = [span.start.offset, span.end.offset];
  if (entry.drop !== undefined) {
    const dropped = normalize(entry.drop);
    const at = match.tokens.findIndex((t) => t.norm === dropped);
    const kept = match.tokens.filter((_, k) => k !== at);
    let rest = phraseText(kept, text);
    if (at === 0) rest = matchCase(match.tokens[0].text, rest);
    return plain ? { expected: [rest], fix: { range, text: rest } } : { expected: [rest] };
  }
  if (entry.fix === undefined) return { expected: entry.alternatives };
  const expected = [entry.fix, ...entry.alternatives.filter((a) => a !== entry.fix)];
  const listed = listedFormsOf(entry).has(match.tokens.map((t) => t.norm).join(' '));
  // Capitals are shouting or a name: "UTILIZE" → "USE" would read as an acronym.
  return plain && listed && !inCapitals(actual) ? { expected, fix: { range, text: matchCase(actual, entry.fix) } } : { expected };
}

/**
 * The words of a match as written, without the Markdown between them: `just [add` → `just add`,
 * a line break (and a blockquote's `> `) → one space; hyphens and slashes inside a word stay.
 */
export function phraseText(tokens: readonly Token[], text: string): string {
  let out = tokens[0]?.text ?? '';
  for (let k = 1; k < tokens.length; k++) {
    const gap = gapBefore(tokens, k, text);
    out += (inWordGap.test(gap) ? gap : ' ') + tokens[k].text;
  }
  return out;
}

/** "a, b or c" for messages. */
export function orList(items: readonly string[]): string {
  const quoted = items.map((item) => `“${item}”`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}
