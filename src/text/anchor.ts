import { location } from 'vfile-location';
import type { Token } from './tokens.js';

/**
 * mdast-util-to-nlcst places the words of a text node by counting characters from the node's
 * start, so escapes (`\<`), character references and the `> ` or indent prefixes of continuation
 * lines in blockquotes and lists shift every later word of the node. The shift is always forward
 * (the source is longer than the text), so each word is found again in the source at or after
 * the place it was given, and after the previous word of its sentence.
 */
export function anchorTokens(sentences: readonly Token[][], text: string): void {
  const place = location(text);
  for (const tokens of sentences) anchorSentence(tokens, text, place);
}

function anchorSentence(tokens: Token[], text: string, place: ReturnType<typeof location>): void {
  let previousEnd = 0;
  for (const token of tokens) {
    const from = Math.max(token.start.offset, previousEnd);
    // Searched within reach only: a word not found near its place must not scan the rest of a big file.
    const near = text.slice(from, from + 399 + token.text.length).indexOf(token.text);
    const at = near === -1 ? -1 : from + near;
    if (at >= 0 && at !== token.start.offset && at - from < 400) {
      const start = place.toPoint(at);
      const end = place.toPoint(at + token.text.length);
      if (start && end) {
        token.start = { line: start.line, column: start.column, offset: at };
        token.end = { line: end.line, column: end.column, offset: at + token.text.length };
      }
    }
    previousEnd = token.end.offset;
  }
}
