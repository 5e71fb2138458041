import type { Sentence as NlcstSentence } from 'nlcst';
import { automatedReadability } from 'automated-readability';
import { colemanLiau } from 'coleman-liau';
import { daleChall } from 'dale-chall';
import { daleChallFormula, daleChallGradeLevel } from 'dale-chall-formula';
import { flesch } from 'flesch';
import { gunningFog } from 'gunning-fog';
import { smogFormula } from 'smog-formula';
import { spache } from 'spache';
import { spacheFormula } from 'spache-formula';
import { syllable } from 'syllable';
import { toString } from 'nlcst-to-string';
import type { Sentence } from '../text/document.js';
import type { Span } from '../core/position.js';

/**
 * Reading ages of one sentence by the seven formulas retext-readability uses, in its order:
 * automated readability, Coleman-Liau, Dale-Chall, Flesch, Gunning fog, SMOG, Spache.
 */
export interface SentenceAges {
  span: Span;
  /** The sentence as written (for messages). */
  text: string;
  words: number;
  ages: number[];
}

export const formulaCount = 7;

/** retext-readability's defaults: a sentence is hard when 4 of the 7 formulas put it above the target age. */
export const defaultThreshold = 4 / 7;
export const defaultMinWords = 5;

// retext-readability looks words up with Array#includes and recounts syllables for every word,
// which costs about as much as parsing the document. The same lists as Sets, and syllable counts
// memoized per run, give the same numbers for a fraction of the time.
const familiar = new Set(spache);
const easy = new Set(daleChall);
const syllableCache = new Map<string, number>();

function syllables(word: string): number {
  let count = syllableCache.get(word);
  if (count === undefined) {
    count = syllable(word);
    if (syllableCache.size > 200_000) syllableCache.clear();
    syllableCache.set(word, count);
  }
  return count;
}

const gradeToAge = (grade: number) => Math.round(grade + 5);
const fleschToAge = (value: number) => 20 - Math.floor(value / 10);
const smogToAge = (value: number) => Math.ceil(Math.sqrt(value) + 2.5);

/** The seven reading ages of one nlcst sentence, computed exactly as retext-readability 8 does. */
// Reused across sentences (cleared each time): the unique familiar and easy words of one sentence.
const familiarWords = new Set<string>();
const easyWords = new Set<string>();

export function sentenceAges(sentence: NlcstSentence, minWords = 1): { words: number; ages: number[] } {
  let words = 0;
  for (const node of sentence.children) if (node.type === 'WordNode') words++;
  // Most short sentences (headings, list items) are not scored: skip the formulas for them.
  if (words < minWords || words === 0) return { words, ages: [] };
  familiarWords.clear();
  easyWords.clear();
  let complexPolysillabicWord = 0;
  let letters = 0;
  let polysillabicWord = 0;
  let totalSyllables = 0;
  let wordCount = 0;
  for (const node of sentence.children) {
    if (node.type !== 'WordNode') continue;
    const only = node.children.length === 1 ? node.children[0] : undefined;
    const value = only && only.type === 'TextNode' ? only.value : toString(node);
    const caseless = value.toLowerCase();
    // syllable() lowercases first, so the caseless word is a safe cache key with more hits.
    const count = syllables(caseless);
    wordCount++;
    totalSyllables += count;
    letters += value.length;
    if (count >= 3) {
      polysillabicWord++;
      if (value.charCodeAt(0) === caseless.charCodeAt(0)) complexPolysillabicWord++;
    }
    if (familiar.has(caseless)) familiarWords.add(caseless);
    if (easy.has(caseless)) easyWords.add(caseless);
  }
  const counts = {
    character: letters,
    complexPolysillabicWord,
    difficultWord: wordCount - easyWords.size,
    letter: letters,
    polysillabicWord,
    sentence: 1,
    syllable: totalSyllables,
    unfamiliarWord: wordCount - familiarWords.size,
    word: wordCount,
  };
  return {
    words: wordCount,
    ages: [
      gradeToAge(automatedReadability(counts)),
      gradeToAge(colemanLiau(counts)),
      gradeToAge(daleChallGradeLevel(daleChallFormula(counts))[1]),
      fleschToAge(flesch(counts)),
      gradeToAge(gunningFog(counts)),
      smogToAge(smogFormula(counts)),
      gradeToAge(spacheFormula(counts)),
    ],
  };
}

const agesBySentences = new WeakMap<readonly Sentence[], Map<number, SentenceAges[]>>();

/**
 * Reading ages of every prose sentence with at least `minWords` words. Memoized per document, so
 * the readability rule and the fit's readability part share one computation.
 */
export function documentAges(sentences: readonly Sentence[], text: string, minWords = defaultMinWords): SentenceAges[] {
  let byMinWords = agesBySentences.get(sentences);
  if (!byMinWords) {
    byMinWords = new Map();
    agesBySentences.set(sentences, byMinWords);
  }
  let ages = byMinWords.get(minWords);
  if (!ages) {
    ages = computeAges(sentences, text, minWords);
    byMinWords.set(minWords, ages);
  }
  return ages;
}

function computeAges(sentences: readonly Sentence[], text: string, minWords: number): SentenceAges[] {
  const out: SentenceAges[] = [];
  for (const sentence of sentences) {
    const position = sentence.node.position;
    if (!position) continue;
    const { words, ages } = sentenceAges(sentence.node, minWords);
    if (words < minWords) continue;
    const first = sentenceStart(position.start as Span['start'], sentence.tokens[0].start, text);
    const last = sentence.tokens[sentence.tokens.length - 1].end;
    const end = position.end.offset! >= last.offset && position.end.line === last.line ? (position.end as Span['end']) : last;
    const span = { start: first, end };
    out.push({ span, text: text.slice(first.offset, end.offset), words, ages });
  }
  return out;
}

/** Space, the previous sentence's end, dashes, closing brackets and blockquote markers: never the start of a sentence. */
const notAStart = /[\s.,;:!?)\]}>\-\u2013\u2014\u2026]/;

/**
 * Where a sentence's span starts: its first character that can start a sentence (a word, a quote,
 * inline code, emphasis). The nlcst sentence can start at the previous sentence's full stop, at a
 * list item's indent, or on the block before (after a code fence or a link definition); its
 * anchored first word cannot, so whatever lies on another line or after that word is skipped.
 */
function sentenceStart(node: Span['start'], word: Span['start'], text: string): Span['start'] {
  if (node.offset > word.offset) return word;
  let offset = node.offset;
  while (offset < word.offset && notAStart.test(text[offset])) offset++;
  const before = text.slice(offset, word.offset);
  if (before.includes('\n')) return word;
  return { line: word.line, column: word.column - before.length, offset };
}

/** How many of the formulas put a sentence above `age`. */
export function formulasAbove(ages: readonly number[], age: number): number {
  let above = 0;
  for (const value of ages) if (value > age) above++;
  return above;
}

/** True when enough formulas agree the sentence is too hard for a reader of `age`. */
export function isHard(ages: readonly number[], age: number, threshold = defaultThreshold): boolean {
  return ages.length > 0 && formulasAbove(ages, age) / ages.length >= threshold;
}
