import type { Node, Parent } from 'unist';
import { UsageError } from '../core/errors.js';

/**
 * Limits that keep one hostile file from stalling a run or crashing the parser. The defaults sit
 * far above any real docs page: the largest of the rust-blog and GitLab docs corpora is under
 * 200 KB, nests lists a few levels deep, and has no paragraph over 10,000 characters.
 */

/** Bytes a file may have (LintOptions `maxFileSize`, --max-file-size). */
export const defaultMaxFileSize = 5 * 1024 * 1024;

/**
 * Levels of block quotes and lists inside each other. The parser's time grows with the square of
 * the depth (400 levels: 10 s), and the tree walks recurse once per level.
 */
export const maxNesting = 100;

/** Levels of the syntax tree (a list level is two: list and item; inline nodes count too). */
export const maxTreeDepth = 2 * maxNesting + 50;

/**
 * Characters in one paragraph, heading or table cell: mdast-util-to-nlcst passes every word and
 * space of a paragraph as arguments to one call, which overflows the stack near 200,000.
 */
export const maxParagraphLength = 100_000;

/** Something in a document beyond what persona-lint can read; the message says what and where. */
export class DocumentLimitError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(message);
    this.name = 'DocumentLimitError';
  }
}

const units: Record<string, number> = { '': 1, b: 1, kb: 1024, k: 1024, mb: 1024 ** 2, m: 1024 ** 2, gb: 1024 ** 3, g: 1024 ** 3 };

/** Parses `--max-file-size`: bytes, or a number with KB, MB or GB (powers of 1024); 0 for no limit. */
export function parseSize(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const unit = match ? units[match[2].toLowerCase()] : undefined;
  if (!match || unit === undefined) throw new UsageError(`--max-file-size takes a size such as 5MB, 500KB or a number of bytes (0 for no limit), not "${value}"`);
  return Math.round(Number(match[1]) * unit);
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 2) return `${Number((bytes / 1024 ** 2).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

/** A limit with room for `bytes`, in the unit that reads best: 2.4 KB → 4KB, 6.2 MB → 10MB. */
function roomFor(bytes: number): string {
  const [unit, size] = bytes >= 1024 ** 2 ? ['MB', 1024 ** 2] : ['KB', 1024];
  const needed = Math.ceil((bytes * 1.5) / size);
  const nice = [1, 2, 4, 5, 10, 20, 50, 100, 200, 500, 1000].find((n) => n >= needed) ?? needed;
  return `${nice}${unit}`;
}

/** The fatal message of a file over the size limit, or null when it fits (a limit of 0 is none). */
export function sizeProblem(bytes: number, limit: number): string | null {
  if (limit <= 0 || bytes <= limit) return null;
  return `File is ${formatSize(bytes)}, over the limit of ${formatSize(limit)} per file, so it was not linted. Raise the limit with --max-file-size <size> (maxFileSize in the API), e.g. --max-file-size ${roomFor(bytes)}, or 0 for none.`;
}

// A container marker at a line's start: up to 3 spaces, then ">" or a list bullet or number with a space after.
const containerMarker = /[ \t]{0,3}(?:>[ \t]?|(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|(?=\r?\n|$)))/y;
const lineStart = /^([ \t]*)/;

/**
 * Checks block nesting before parsing, as the parser itself is what stalls: on each line, the
 * markers it opens with (`> > -`) plus what its indentation can hold (a nested list needs at
 * least two columns per level).
 */
export function checkNesting(text: string): void {
  let line = 1;
  for (let start = 0; start < text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const indent = lineStart.exec(text.slice(start, Math.min(end, start + 4 * maxNesting)))![1];
    let columns = 0;
    for (const char of indent) columns += char === '\t' ? 4 - (columns % 4) : 1;
    let markers = 0;
    containerMarker.lastIndex = start + indent.length;
    while (containerMarker.lastIndex < end && containerMarker.test(text)) {
      markers++;
      if (markers > maxNesting) break;
    }
    const depth = markers + (markers > 0 ? Math.floor(columns / 2) : 0);
    if (depth > maxNesting) throw new DocumentLimitError(nestingMessage(line, markers > maxNesting ? `more than ${maxNesting}` : String(depth), 'block quotes and lists'), line);
    start = end + 1;
  }
}

function nestingMessage(line: number, depth: string, what: string): string {
  return `Cannot lint file: line ${line} nests ${what} ${depth} levels deep; persona-lint reads up to ${maxNesting} levels. Flatten the nesting there.`;
}

interface Positioned extends Node {
  children?: Node[];
}

const prose = new Set(['paragraph', 'heading', 'tableCell']);

/** Checks the parsed tree before it is split into words: depth, and the length of each paragraph. */
export function checkTree(root: Parent): void {
  const stack: [Positioned, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const line = node.position?.start.line ?? null;
    if (depth > maxTreeDepth) throw new DocumentLimitError(nestingMessage(line ?? 1, `more than ${maxNesting}`, 'Markdown elements (lists, block quotes, links or emphasis)'), line);
    if (prose.has(node.type) && node.position) {
      const length = (node.position.end.offset ?? 0) - (node.position.start.offset ?? 0);
      if (length > maxParagraphLength) {
        throw new DocumentLimitError(
          `Cannot lint file: the ${node.type === 'tableCell' ? 'table cell' : node.type} at line ${line} is ${length.toLocaleString('en-US')} characters long; persona-lint reads up to ${maxParagraphLength.toLocaleString('en-US')} characters per paragraph. Break it into paragraphs.`,
          line,
        );
      }
    }
    for (const child of node.children ?? []) stack.push([child, depth + 1]);
  }
}

/** The stack overflowed anyway (a structure the checks above do not foresee): say what to change. */
export const stackOverflowMessage =
  'Cannot lint file: its Markdown is nested too deeply or a paragraph is too long to parse (the parser ran out of stack). Break long paragraphs up and flatten deeply nested lists or block quotes.';
