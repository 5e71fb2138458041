import { eng } from 'stopword';
import type { Document } from '../../text/document.js';
import type { Token } from '../../text/tokens.js';
import { adjacentInProse, gapBefore } from './token-gaps.js';

// Where a page spells an acronym out without putting it in parentheses: "the Rust Language
// Server … the RLS", "GitHub Actions … GHA". A reader who met the words can follow the initials.

/** Small words a run of words may pass over inside it, or take the letter of: "Bill of Materials" is BM or BOM. */
const skippable = new Set(['of', 'and', 'for']);
/** Function words never give a letter: "here's an" is no HA, "cycle is small and" no CISA. */
const functionWords = new Set(eng);

/** The letters a word may give: its initial, and for a camel-case word its inner capitals too ("GitHub": GH or G). Words in capitals ("UTMs"), numbers, contractions and function words give none. */
function initials(word: string): string[] {
  if (!/^\p{L}\p{Ll}[\p{L}-]*$/u.test(word) || functionWords.has(word.toLowerCase())) return [];
  const first = word[0].toLowerCase();
  const inner = word.slice(1).replace(/\P{Lu}/gu, '').toLowerCase();
  return inner ? [first + inner, first] : [first];
}

/** The end of a run of words from `tokens[k]` that spells `rest` by their initials, or -1. */
function spells(tokens: readonly Token[], k: number, rest: string, text: string, first: boolean): number {
  if (rest === '') return k;
  if (k >= tokens.length || (!first && !adjacentInProse(tokens, k - 1, k + 1, text))) return -1;
  // "Call for Proposals" spells CFP, "Bill of Materials" BOM: a small word inside a run may give its letter too.
  const own = !first && skippable.has(tokens[k].norm) ? [tokens[k].norm[0]] : [];
  for (const letters of [...initials(tokens[k].text), ...own]) {
    const end = letters.length <= rest.length && rest.startsWith(letters) ? spells(tokens, k + 1, rest.slice(letters.length), text, false) : -1;
    if (end >= 0) return end;
  }
  return !first && skippable.has(tokens[k].norm) ? spells(tokens, k + 1, rest, text, false) : -1;
}

/**
 * Whether the words from `tokens[from]` to `tokens[end]` read as a term, not words that happen to
 * share the initials: more than one hyphenated word ("ptr-deref" is no PD), a whole phrase when
 * in lowercase ("a working group was formed" spells WG, "fixed costs per run" is no FCP) that
 * ends in a noun, not in -ed or -ly ("incremental compilation enabled" is no ICE), and for
 * a two-letter acronym two words only ("checks for Rust" is no CR), unless they are a name: two
 * capitalised words after the sentence's first ("the Project Director update" spells PD).
 */
function termShaped(tokens: readonly Token[], from: number, end: number, letters: string, text: string): boolean {
  const words = text.slice(tokens[from].start.offset, tokens[end - 1].end.offset);
  if (!/\s/.test(words)) return false;
  if (letters.length > 2 && /\p{Lu}/u.test(words.slice(1))) return true;
  if (letters.length === 2 && end - from === 2 && from > 0 && tokens.slice(from, end).every((t) => /^\p{Lu}\p{Ll}/u.test(t.text))) return true;
  const next = tokens[end];
  // "*working groups* focused on…": closing emphasis ends the phrase.
  const goesOn = next !== undefined && initials(next.text).length > 0 && adjacentInProse(tokens, end - 1, end + 1, text) && !/[*_]/.test(gapBefore(tokens, end, text));
  return !goesOn && !/(?:ed|ly)$/.test(words) && (letters.length > 2 || end - from === 2);
}

/** A run of words that spells an acronym: where it starts, and its words. */
export interface SpelledOut {
  token: Token;
  words: string;
  /** The index of its sentence in the document's sentences. */
  sentence: number;
}

/**
 * For each of `acronyms`, the runs of consecutive words in the page's prose whose initials (and
 * the inner capitals of camel-case words) spell it, ignoring case, in reading order.
 */
export function spelledOutRuns(doc: Document, acronyms: ReadonlySet<string>): Map<string, SpelledOut[]> {
  const runs = new Map<string, SpelledOut[]>();
  const wanted = [...acronyms].map((acronym) => ({ acronym, letters: acronym.toLowerCase() }));
  for (const [sentence, { tokens }] of doc.sentences.entries()) {
    for (let k = 0; k < tokens.length; k++) {
      const initial = initials(tokens[k].text)[0];
      if (!initial) continue;
      for (const { acronym, letters } of wanted) {
        if (letters[0] !== initial[0]) continue;
        const end = spells(tokens, k, letters, doc.text, true);
        if (end < 0 || !termShaped(tokens, k, end, letters, doc.text)) continue;
        const list = runs.get(acronym) ?? [];
        list.push({ token: tokens[k], words: doc.text.slice(tokens[k].start.offset, tokens[end - 1].end.offset).replace(/\s+/g, ' '), sentence });
        runs.set(acronym, list);
      }
    }
  }
  for (const list of runs.values()) list.sort((a, b) => a.token.start.offset - b.token.start.offset);
  return runs;
}
