import { ParseEnglish } from 'parse-english';
import { wordTokens, sameInflection, type Token } from './tokens.js';

const english = new ParseEnglish();

/** Tokenizes a phrase from a data file exactly as prose is tokenized, so both sides normalize alike. */
export function phraseTokens(phrase: string): Token[] {
  const tokens: Token[] = [];
  const walk = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'WordNode') wordTokens(node as never, tokens);
    else for (const child of node.children ?? []) walk(child as never);
  };
  walk(english.parse(phrase) as never);
  return tokens;
}

/**
 * How a phrase's words must match prose words that share their Porter stem:
 * `inflection` (word packs): leverage ~ leverages, leveraged, leveraging, but not a derived word;
 * `stem` (concepts): any word with the same stem, reduce ~ reduction;
 * `exact`: the same word only.
 */
export type MatchMode = 'inflection' | 'stem' | 'exact';

interface End<T> {
  value: T;
  mode: MatchMode;
  norms: string[];
}

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  ends: End<T>[];
}

export interface PhraseMatch<T> {
  value: T;
  /** Index of the first and one past the last matched token. */
  start: number;
  end: number;
}

/**
 * A token trie over stems: compiled once per run, it finds every entry of a pack in one pass over a
 * sentence, whatever the pack size (instead of one regular expression per entry).
 */
export class PhraseIndex<T> {
  private readonly root: TrieNode<T> = { next: new Map(), ends: [] };
  size = 0;

  add(phrase: string, value: T, mode: MatchMode = 'inflection'): void {
    const tokens = phraseTokens(phrase);
    if (tokens.length === 0) return;
    let node = this.root;
    for (const token of tokens) {
      let child = node.next.get(token.stem);
      if (!child) {
        child = { next: new Map(), ends: [] };
        node.next.set(token.stem, child);
      }
      node = child;
    }
    node.ends.push({ value, mode, norms: tokens.map((t) => t.norm) });
    this.size++;
  }

  /** Longest match at each position, left to right, without overlaps. */
  matchAll(tokens: readonly Token[]): PhraseMatch<T>[] {
    const matches: PhraseMatch<T>[] = [];
    let i = 0;
    while (i < tokens.length) {
      const found = this.longestAt(tokens, i);
      if (found) {
        matches.push(found);
        i = found.end;
      } else i++;
    }
    return matches;
  }

  /** Every match at every position, overlaps included (for co-occurrence checks). */
  findAll(tokens: readonly Token[]): PhraseMatch<T>[] {
    const matches: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      let node: TrieNode<T> | undefined = this.root;
      for (let j = i; j < tokens.length && node; j++) {
        node = node.next.get(tokens[j].stem);
        if (!node) break;
        for (const end of node.ends) {
          if (accepts(end, tokens, i)) matches.push({ value: end.value, start: i, end: j + 1 });
        }
      }
    }
    return matches;
  }

  /** True when the tokens starting at `at` begin with one of the entries. */
  startsAt(tokens: readonly Token[], at: number): boolean {
    return this.longestAt(tokens, at) !== undefined;
  }

  /** True when one of the entries ends right before `at`. */
  endsBefore(tokens: readonly Token[], at: number): boolean {
    for (let i = at - 1; i >= Math.max(0, at - 8); i--) {
      const found = this.longestAt(tokens.slice(i, at), 0);
      if (found && found.end === at - i) return true;
    }
    return false;
  }

  private longestAt(tokens: readonly Token[], at: number): PhraseMatch<T> | undefined {
    let node: TrieNode<T> | undefined = this.root;
    let best: PhraseMatch<T> | undefined;
    for (let j = at; j < tokens.length && node; j++) {
      node = node.next.get(tokens[j].stem);
      if (!node) break;
      for (const end of node.ends) {
        if (accepts(end, tokens, at)) {
          best = { value: end.value, start: at, end: j + 1 };
          break;
        }
      }
    }
    return best;
  }
}

function accepts<T>(end: End<T>, tokens: readonly Token[], at: number): boolean {
  if (end.mode === 'stem') return true;
  if (end.mode === 'exact') return end.norms.every((norm, k) => tokens[at + k]?.norm === norm);
  return end.norms.every((norm, k) => sameInflection(norm, tokens[at + k]?.norm ?? ''));
}
