import type { Sentence } from '../text/document.js';
import type { PhraseIndex, PhraseMatch } from '../text/phrase-index.js';
import type { Token } from '../text/tokens.js';
import type { Place } from '../core/types.js';
import type { ConceptRef, Entry, PersonaModel, TermRef } from './persona-model.js';

/** What one persona's phrases matched in one document. */
export interface PersonaMatches {
  /** Concept index → where it was expressed, in document order. */
  concepts: Map<number, Place[]>;
  /** Concept phrase or vocabulary term → how often it was used. */
  terms: Map<TermRef, number>;
}

function upperOk(upper: readonly boolean[], tokens: readonly Token[], at: number): boolean {
  for (let k = 0; k < upper.length; k++) {
    if (upper[k] && tokens[at + k].text !== tokens[at + k].text.toUpperCase()) return false;
  }
  return true;
}

interface Hit<T> {
  start: number;
  end: number;
  ref: T;
}

/**
 * Each persona's matches in one sentence: longest first, left to right, no overlaps within a
 * persona (so "reduce costs" counts once, not also as "costs"), while two personas may each claim
 * words of the same passage.
 */
function perPersona<T extends { persona: number }>(index: PhraseIndex<Entry<T>[]>, tokens: readonly Token[], personas: number): Hit<T>[][] | null {
  const all = index.findAll(tokens);
  // Most sentences match nothing: no allocation for them.
  if (all.length === 0) return null;
  const byPersona: Hit<T>[][] = Array.from({ length: personas }, () => []);
  for (const match of all as PhraseMatch<Entry<T>[]>[]) {
    for (const entry of match.value) {
      if (upperOk(entry.upper, tokens, match.start)) byPersona[entry.ref.persona].push({ start: match.start, end: match.end, ref: entry.ref });
    }
  }
  return byPersona.map((hits) => {
    if (hits.length < 2) return hits;
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: Hit<T>[] = [];
    let end = -1;
    let keptStart = -1;
    let keptEnd = -1;
    for (const hit of hits) {
      // Several entries can share the winning span (one phrase in two concepts): keep them all.
      if (hit.start === keptStart && hit.end === keptEnd) kept.push(hit);
      else if (hit.start >= end) {
        kept.push(hit);
        keptStart = hit.start;
        keptEnd = hit.end;
        end = hit.end;
      }
    }
    return kept;
  });
}

/** One pass over the prose sentences (never code) for every persona's concepts and vocabulary. */
export function matchDocument(model: PersonaModel, sentences: readonly Sentence[], text: string): PersonaMatches[] {
  const n = model.personas.length;
  const result: PersonaMatches[] = Array.from({ length: n }, () => ({ concepts: new Map(), terms: new Map() }));
  for (const sentence of sentences) {
    const tokens = sentence.tokens;
    const conceptHits = perPersona<ConceptRef>(model.concepts, tokens, n);
    const termHits = perPersona<TermRef>(model.terms, tokens, n);
    for (let p = 0; p < n; p++) {
      for (const hit of conceptHits?.[p] ?? []) {
        const first = tokens[hit.start];
        const last = tokens[hit.end - 1];
        const places = result[p].concepts.get(hit.ref.concept) ?? [];
        places.push({ line: first.start.line, column: first.start.column, endLine: last.end.line, endColumn: last.end.column, text: text.slice(first.start.offset, last.end.offset) });
        result[p].concepts.set(hit.ref.concept, places);
        result[p].terms.set(hit.ref, (result[p].terms.get(hit.ref) ?? 0) + 1);
      }
      for (const hit of termHits?.[p] ?? []) result[p].terms.set(hit.ref, (result[p].terms.get(hit.ref) ?? 0) + 1);
    }
  }
  return result;
}
