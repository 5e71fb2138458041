/**
 * The sentence a message sits in, normalised so that copies of one template sentence compare
 * equal across files: read from the Markdown source (no parse), the paragraph around the line
 * (hard-wrapped lines joined, blockquote markers dropped), cut into sentences by Unicode's sentence
 * boundaries (Intl.Segmenter, UAX #29), then link targets, inline markup and HTML tags removed,
 * every number or version masked, case folded and white space collapsed.
 */

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** A line that is a block on its own: a heading, table row, fence or HTML. */
const singleLine = /^(?:#{1,6}(?:\s|$)|\||```|~~~|<)/;
/** A line that starts a list item, which later lines may continue. */
const itemStart = /^(?:[-*+]\s|\d+[.)]\s)/;
const quoteMarkers = /^ {0,3}(?:>\s?)+/;

interface SourceLine {
  /** Columns of container markup (blockquote markers) before the content. */
  prefix: number;
  content: string;
}

function sourceLine(line: string): SourceLine {
  const prefix = quoteMarkers.exec(line)?.[0].length ?? 0;
  return { prefix, content: line.slice(prefix) };
}

const blank = (line: SourceLine | undefined) => line === undefined || line.content.trim() === '';
const isSingle = (line: SourceLine) => singleLine.test(line.content.trimStart());
const startsBlock = (line: SourceLine) => isSingle(line) || itemStart.test(line.content.trimStart());

/** A sentence longer than this is no template: past it, a paragraph is cut into sentences only this far around the message. */
const reach = 2000;

/** The key of the sentence holding the span from line:column to endLine:endColumn (1-based), or undefined when the position is not in the text. */
export function sentenceKey(text: string, line: number, column: number, endLine: number, endColumn: number): string | undefined {
  return sentenceKeys(text)(line, column, endLine, endColumn);
}

/** sentenceKey for many messages of one text: the text is split into lines once. */
export function sentenceKeys(text: string): (line: number, column: number, endLine: number, endColumn: number) => string | undefined {
  const lines = text.split(/\r\n|\r|\n/).map(sourceLine);
  return (line, column, endLine, endColumn) => keyAt(lines, line, column, endLine, endColumn);
}

function keyAt(lines: SourceLine[], line: number, column: number, endLine: number, endColumn: number): string | undefined {
  if (line < 1 || line > lines.length || endLine < line) return undefined;
  // The paragraph: the message's lines, and the lines before and after that continue it.
  let first = line - 1;
  while (first > 0 && !startsBlock(lines[first]) && !blank(lines[first - 1]) && !isSingle(lines[first - 1])) first--;
  let last = Math.min(endLine, lines.length) - 1;
  if (!isSingle(lines[last])) while (!blank(lines[last + 1]) && !startsBlock(lines[last + 1])) last++;
  // Joined with spaces: a line break inside a paragraph ends no sentence.
  let offset = 0;
  const starts: number[] = [];
  for (let i = first; i <= last; i++) {
    starts.push(offset);
    offset += lines[i].content.length + 1;
  }
  const paragraph = lines.slice(first, last + 1).map((l) => l.content).join(' ');
  const at = (l: number, c: number) => starts[l - 1 - first] + Math.max(0, c - 1 - lines[l - 1].prefix);
  const start = at(line, column);
  const end = at(Math.min(endLine, last + 1), endColumn);
  const window = Math.max(0, start - reach);
  let from = -1;
  let to = paragraph.length;
  for (const { index, segment } of segmenter.segment(paragraph.slice(window, end + reach))) {
    if (from < 0 && window + index + segment.length > start) from = window + index;
    if (window + index + segment.length >= end) {
      to = window + index + segment.length;
      break;
    }
  }
  return from < 0 ? undefined : normalise(paragraph.slice(from, to));
}

/** The words of a sentence as a reader sees them, with every number masked. */
function normalise(sentence: string): string {
  return sentence
    .replace(/^\s*(?:[-*+]|\d+[.)]|#{1,6})\s+/, '')
    .replace(/!?\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])?/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/[`*_~]/g, '')
    .replace(/\d+(?:[.,]\d+)*/g, '#')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
