import type { Persona } from '../data/load-data.js';
import { memoByObject } from '../core/memo.js';
import { PhraseIndex, phraseTokens as tokenize, type MatchMode } from '../text/phrase-index.js';
import type { Token } from '../text/tokens.js';

/** Where a persona's signal word comes from. */
export type TermSource = 'concept' | 'vocabulary' | 'audience';

/** A vocabulary term of one persona, weighted by how few personas share it. */
export interface TermRef {
  persona: number;
  term: string;
  source: TermSource;
  /** 0 to 1: 1 when only this persona uses the word, 0 when every persona does. */
  weight: number;
}

/** A key concept phrase of one persona. */
export interface ConceptRef extends TermRef {
  source: 'concept';
  concept: number;
}

/** One phrase of the data, as the index stores it: all-caps words (IT, QA, ROI) must be all caps in prose too. */
export interface Entry<T> {
  ref: T;
  upper: boolean[];
}

/** Every persona's phrases compiled for one pass over a document's sentences. */
export interface PersonaModel {
  personas: readonly Persona[];
  /** Key-concept phrases, matched on stems (reduce ~ reduction). */
  concepts: PhraseIndex<Entry<ConceptRef>[]>;
  /** Vocabulary and team names, matched on inflections (release ~ releases, not product ~ productivity). */
  terms: PhraseIndex<Entry<TermRef>[]>;
  /** Per persona: every term with its weight (for suggestions). */
  termsByPersona: TermRef[][];
}

/**
 * The model for one set of personas, compiled once per run: configs that share a persona set
 * (every config without `personaProfiles` shares the built-in one) share the model.
 */
export const personaModel: (personas: readonly Persona[]) => PersonaModel = memoByObject(compileModel);

const tokenCache = new Map<string, Token[]>();

/** Phrases recur across personas and are read several times while compiling: tokenize each once. */
function phraseTokens(phrase: string): Token[] {
  let tokens = tokenCache.get(phrase);
  if (!tokens) {
    tokens = tokenize(phrase);
    tokenCache.set(phrase, tokens);
  }
  return tokens;
}

function upperMask(phrase: string): boolean[] {
  return phraseTokens(phrase).map((t) => t.text.length >= 2 && /^[A-Z0-9]+$/.test(t.text) && /[A-Z]/.test(t.text));
}

/** Groups phrases by how the index keys them, so one trie end carries every persona's entry. */
class Grouped<T> {
  private readonly groups = new Map<string, { phrase: string; entries: Entry<T>[] }>();
  constructor(private readonly mode: MatchMode) {}

  add(phrase: string, ref: T): void {
    const tokens = phraseTokens(phrase);
    if (tokens.length === 0) return;
    // Stem mode accepts any word with the phrase's stems; inflection mode compares the words themselves.
    const key = tokens.map((t) => (this.mode === 'stem' ? t.stem : t.norm)).join(' ');
    const group = this.groups.get(key) ?? { phrase, entries: [] };
    group.entries.push({ ref, upper: upperMask(phrase) });
    this.groups.set(key, group);
  }

  index(): PhraseIndex<Entry<T>[]> {
    const index = new PhraseIndex<Entry<T>[]>();
    for (const { phrase, entries } of this.groups.values()) index.add(phrase, entries, this.mode);
    return index;
  }
}

function stemKey(phrase: string): string {
  return phraseTokens(phrase)
    .map((t) => t.stem)
    .join(' ');
}

function compileModel(personas: readonly Persona[]): PersonaModel {
  const termLists = personas.map((persona) => [
    ...persona.vocabulary.map((term) => ({ term, source: 'vocabulary' as const })),
    // Naming the persona's team (release managers, the security team, finance) says who the page is for.
    ...persona.groupNames.map((term) => ({ term, source: 'audience' as const })),
  ]);
  // Document frequency over personas: how many personas use a word anywhere in their signal words.
  const users = new Map<string, Set<number>>();
  personas.forEach((persona, p) => {
    const phrases = [...termLists[p].map((t) => t.term), ...persona.keyConcepts.flatMap((c) => c.phrases)];
    for (const phrase of phrases) {
      const key = stemKey(phrase);
      const set = users.get(key) ?? new Set<number>();
      set.add(p);
      users.set(key, set);
    }
  });
  const n = personas.length;
  const weightOf = (term: string) => (n < 2 ? 1 : Math.log(n / (users.get(stemKey(term))?.size ?? 1)) / Math.log(n));

  const concepts = new Grouped<ConceptRef>('stem');
  personas.forEach((persona, p) => {
    persona.keyConcepts.forEach((concept, c) => {
      for (const phrase of concept.phrases) concepts.add(phrase, { persona: p, concept: c, term: phrase, source: 'concept', weight: weightOf(phrase) });
    });
  });

  const terms = new Grouped<TermRef>('inflection');
  const termsByPersona: TermRef[][] = termLists.map((list, p) => {
    const seen = new Set<string>();
    const refs: TermRef[] = [];
    for (const { term, source } of list) {
      const key = stemKey(term);
      if (seen.has(key)) continue;
      seen.add(key);
      const ref: TermRef = { persona: p, term, source, weight: weightOf(term) };
      refs.push(ref);
      terms.add(term, ref);
    }
    return refs;
  });
  return { personas, concepts: concepts.index(), terms: terms.index(), termsByPersona };
}
