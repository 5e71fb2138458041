import type { CompiledPack, WordEntry } from '../../data/load-data.js';
import type { Sentence } from '../../text/document.js';
import type { Span } from '../../core/position.js';
import type { Token } from '../../text/tokens.js';

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

/**
 * Every place a pack entry occurs in the document's prose: whole words, phrase-aware, stemmed,
 * longest match first, with each entry's exceptWhenFollowedBy / exceptWhenPrecededBy guards applied.
 */
export function* packMatches(pack: CompiledPack, sentences: readonly Sentence[], text: string): Generator<PackMatch> {
  for (const sentence of sentences) {
    const tokens = sentence.tokens;
    for (const match of pack.index.matchAll(tokens)) {
      const { entry, followedBy, precededBy } = match.value;
      if (followedBy?.startsAt(tokens, match.end)) continue;
      if (precededBy?.endsBefore(tokens, match.start)) continue;
      const first = tokens[match.start];
      const last = tokens[match.end - 1];
      yield {
        entry,
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
 * The words of a match as written, without the Markdown between them: `just [add` → `just add`,
 * a line break (and a blockquote's `> `) → one space; hyphens and slashes inside a word stay.
 */
export function phraseText(tokens: readonly Token[], text: string): string {
  let out = tokens[0]?.text ?? '';
  for (let k = 1; k < tokens.length; k++) {
    const gap = text.slice(tokens[k - 1].end.offset, tokens[k].start.offset);
    out += (/^[-/\u2010\u2011]$/.test(gap) ? gap : ' ') + tokens[k].text;
  }
  return out;
}

/** "a, b or c" for messages. */
export function orList(items: readonly string[]): string {
  const quoted = items.map((item) => `“${item}”`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}
