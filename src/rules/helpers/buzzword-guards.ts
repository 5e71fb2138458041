import type { Document } from '../../text/document.js';
import type { PackMatch } from './pack-matches.js';
import { inRanges, proseRegions } from './prose-regions.js';
import { titleLinks } from './title-links.js';

/** Nouns that, right before a word, make it the word talked about: "the word leverage", "terms like synergy". */
const mentionNouns = new Set(['word', 'words', 'term', 'terms', 'phrase', 'phrases', 'expression', 'expressions', 'buzzword', 'buzzwords', 'jargon']);

/** The word is mentioned, not used: "the term synergy", "words like leverage", "jargon such as synergy", "so-called synergy". */
function mentioned(match: PackMatch): boolean {
  const before = (k: number) => match.sentence.tokens[match.start - k]?.norm;
  if (mentionNouns.has(before(1) ?? '')) return true;
  if (before(1) === 'like') return mentionNouns.has(before(2) ?? '');
  if (before(1) === 'as' && before(2) === 'such') return mentionNouns.has(before(3) ?? '');
  return before(1) === 'called' && before(2) === 'so';
}

/**
 * Why a buzzword found in a document is left alone, or undefined when it is reported:
 * - in a title link: a link that is a whole list item, paragraph or table cell, or opens one before a
 *   byline or a separator, names another work or a section (a table of contents entry), not the writer's sentence;
 * - an echo of a heading: the phrase and the words after it repeat a heading of the page that is
 *   flagged itself ("## Double down on X", then "we recommend doubling down on X"), so it is flagged once, there;
 * - mentioned, not used: "the term synergy", "words like leverage".
 */
export function leftAlone(doc: Document, matches: readonly PackMatch[]): (match: PackMatch) => string | undefined {
  const { headings } = proseRegions(doc);
  const inHeading = (m: PackMatch) => inRanges(headings, m.span.start.offset, m.span.end.offset);
  const headingTails = matches
    .filter(inHeading)
    .map((m) => ({ entry: m.entry, tail: m.sentence.tokens.slice(m.end).map((t) => t.norm) }))
    .filter((h) => h.tail.length > 0);
  const echoes = (m: PackMatch) => !inHeading(m) && headingTails.some((h) => h.entry === m.entry && h.tail.every((word, k) => m.sentence.tokens[m.end + k]?.norm === word));
  return (match) => {
    if (inRanges(titleLinks(doc), match.span.start.offset, match.span.end.offset)) return 'in a title link: a list or table of contents entry names a work or a section';
    if (echoes(match)) return 'repeats a heading of the page, flagged there';
    if (mentioned(match)) return 'mentioned as a word, not used';
    return undefined;
  };
}
