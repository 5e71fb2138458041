import { stemmer } from 'stemmer';
import type { Point } from '../core/position.js';

/** One word of prose, as the matchers see it. Hyphenated words are split: best-in-class is three tokens. */
export interface Token {
  /** The text as written. */
  text: string;
  /** Lowercase, curly apostrophes straightened. */
  norm: string;
  /** Porter stem of `norm`: leverage, leverages and leveraging share one. */
  stem: string;
  start: Point;
  end: Point;
}

const stemCache = new Map<string, string>();

/** Stems repeat across files, so they are memoized for the whole run. */
export function stemOf(norm: string): string {
  let stem = stemCache.get(norm);
  if (stem === undefined) {
    stem = /^[a-z]/.test(norm) && norm.length > 2 ? stemmer(norm) : norm;
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(norm, stem);
  }
  return stem;
}

const basesCache = new Map<string, string[]>();

/**
 * The base forms a word could be an inflection of: leveraging → leverag, leverage. Two words are
 * inflections of one another when their bases meet, which keeps leverage ~ leveraged while
 * transformative ≁ transformational and product ≁ productivity (Porter stemming conflates those).
 */
export function inflectionBases(norm: string): string[] {
  let bases = basesCache.get(norm);
  if (bases) return bases;
  const out = new Set([norm]);
  const word = norm.replace(/'s?$/, '');
  out.add(word);
  const strip = (suffix: string, ...endings: string[]) => {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) {
      const stem = word.slice(0, -suffix.length);
      out.add(stem);
      for (const ending of endings) out.add(stem + ending);
      // stopped → stop, running → run
      if (/([bdfgklmnprtvz])\1$/.test(stem)) out.add(stem.slice(0, -1));
    }
  };
  strip('ies', 'y');
  strip('ied', 'y');
  strip('es');
  strip('s');
  strip('ed', 'e');
  strip('d');
  strip('ing', 'e');
  bases = [...out];
  if (basesCache.size > 200_000) basesCache.clear();
  basesCache.set(norm, bases);
  return bases;
}

export function sameInflection(a: string, b: string): boolean {
  if (a === b) return true;
  const basesOfB = inflectionBases(b);
  return inflectionBases(a).some((base) => basesOfB.includes(base));
}

export function normalize(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");
}

interface NlcstLike {
  type: string;
  value?: string;
  children?: NlcstLike[];
  position?: { start: Point; end: Point };
}

const HYPHENS = new Set(['-', '\u2010', '\u2011', '/']);

/**
 * Tokens of one nlcst WordNode. Hyphens and slashes split a word (best-in-class, master/slave);
 * apostrophes stay inside it (it's, isn't).
 */
export function wordTokens(word: NlcstLike, out: Token[]): void {
  const start = word.position?.start;
  const parts = word.children ?? [];
  let text = '';
  let offsetInWord = 0;
  let partStart = 0;
  const flush = () => {
    if (text && /[\p{L}\p{N}]/u.test(text)) {
      const norm = normalize(text);
      const s: Point = start
        ? { line: start.line, column: start.column + partStart, offset: start.offset + partStart }
        : { line: 0, column: 0, offset: 0 };
      const e: Point = { line: s.line, column: s.column + text.length, offset: s.offset + text.length };
      out.push({ text, norm, stem: stemOf(norm), start: s, end: e });
    }
    text = '';
  };
  for (const part of parts) {
    const value = part.value ?? '';
    if (part.type === 'PunctuationNode' && HYPHENS.has(value)) {
      flush();
      partStart = offsetInWord + value.length;
    } else {
      if (!text) partStart = offsetInWord;
      text += value;
    }
    offsetInWord += value.length;
  }
  flush();
}
