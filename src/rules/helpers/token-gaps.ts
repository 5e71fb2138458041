import type { Token } from '../../text/tokens.js';

/** Markup that may sit between two words of one phrase: spaces, line breaks, a blockquote's `>`, emphasis, a link's opening bracket. */
const markupGap = /^[\s*_~>[]*$/;
export const inWordGap = /^[-/\u2010\u2011]$/;

/** The text between token k - 1 and token k: spaces, punctuation, markup. */
export const gapBefore = (tokens: readonly Token[], k: number, text: string): string => text.slice(tokens[k - 1].end.offset, tokens[k].start.offset);

/**
 * A phrase never spans sentence punctuation, symbols or brackets: "features (rich enums" is not
 * "features rich", "Finance & red tape" is not "finance red tape".
 */
export function adjacentInProse(tokens: readonly Token[], start: number, end: number, text: string): boolean {
  for (let k = start + 1; k < end; k++) {
    const gap = gapBefore(tokens, k, text);
    if (!markupGap.test(gap) && !inWordGap.test(gap)) return false;
  }
  return true;
}
