import type { Root, RootContent } from 'mdast';
import type { Node } from 'unist';
import type { Construct, Extension as MicromarkExtension, TokenizeContext } from 'micromark-util-types';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';

/**
 * A big Markdown file parsed in parts, to the tree the whole file gives. micromark's time grows
 * with the square of a file's length (each closed list or block quote copies every event before
 * it): the 754 rust-blog posts as one 6.4 MB file spent 63 s in the parser against 5 s as files.
 *
 * A part starts at a line that must start a new top-level block: at column 1, after a blank line,
 * with a letter or `#` (not a list marker, which would continue a list), past any frontmatter.
 * Only a fenced code or HTML block (kinds 1–5) left open can run past it; the part before is
 * parsed again with the next when its last block is one. Link and footnote definitions apply to
 * the whole file: each part starts knowing the labels the file's lines seem to define and those
 * the parts before it defined, and a part naming a label that guess got wrong is parsed again
 * knowing every definition.
 */
export const partLength = 8192;

/** Files longer than this are parsed (and converted to nlcst, prose-parts.ts) in parts. */
export const bigFile = 65_536;

type Parse = (text: string) => Root;

interface Definitions {
  defined: string[];
  gfmFootnotes: string[];
}

/** The definitions the next parse starts with, and what it has seen of its parser. */
let shared: Definitions = { defined: [], gfmFootnotes: [] };
let seen: { parser: Definitions; ownFootnotes: string[] | null } | null = null;

/**
 * Adds the shared definitions to the parser: links at its first label, footnotes at its first
 * label in text, after every footnote definition of the part is known (the footnote syntax keeps
 * one entry per label, so the part's own are taken before the shared are added).
 */
function share(context: TokenizeContext, inText: boolean): void {
  const parser = context.parser as unknown as Definitions;
  if (!seen) {
    seen = { parser, ownFootnotes: null };
    for (const label of shared.defined) parser.defined.push(label);
  }
  if (inText && !seen.ownFootnotes) {
    seen.ownFootnotes = [...(parser.gfmFootnotes ?? [])];
    parser.gfmFootnotes ??= [];
    for (const label of shared.gfmFootnotes) parser.gfmFootnotes.push(label);
  }
}

/** Tried before every construct that starts, ends or defines a label; never matches. */
const shareAt = (inText: boolean): Construct => ({
  name: 'shareDefinitions',
  add: 'before',
  tokenize(_effects, _ok, nok) {
    share(this, inText);
    return (code) => nok(code);
  },
});

export const sharedDefinitions: MicromarkExtension = {
  document: { 91: shareAt(false) },
  contentInitial: { 91: shareAt(false) },
  text: { 33: shareAt(true), 91: shareAt(true), 93: shareAt(true) },
};

/** The parse of `text`, starting from `known`, and the definitions the part itself made. */
function parseWith(parse: Parse, text: string, known: Definitions): { tree: Root; own: Definitions } {
  shared = known;
  seen = null;
  try {
    const tree = parse(text);
    const state = seen as { parser: Definitions; ownFootnotes: string[] | null } | null;
    if (!state) return { tree, own: { defined: [], gfmFootnotes: [] } };
    return { tree, own: { defined: state.parser.defined.slice(known.defined.length), gfmFootnotes: state.ownFootnotes ?? state.parser.gfmFootnotes ?? [] } };
  } finally {
    shared = { defined: [], gfmFootnotes: [] };
    seen = null;
  }
}

/** Offsets where a part may start, each at least `partLength` after the one before. */
export function partStarts(text: string, length = partLength): number[] {
  const starts = [0];
  // Frontmatter (remark-frontmatter: only at the very start) may have blank lines in it.
  const fence = /^(---|\+\+\+)[ \t]*(?:\n|$)/.exec(text)?.[1];
  let open: ((line: string) => boolean) | null = fence ? (line) => line.replace(/[ \t]+$/, '') === fence : null;
  let blankBefore = false;
  for (let lineStart = fence ? text.indexOf('\n') + 1 || text.length : 0; lineStart < text.length; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    if (open) {
      if (open(line)) open = null;
    } else {
      if (blankBefore && lineStart - starts[starts.length - 1] >= length && /^[A-Za-z#]/.test(line)) starts.push(lineStart);
      open = opener(line);
    }
    blankBefore = /^[ \t]*$/.test(line);
    lineStart = lineEnd + 1;
  }
  return starts;
}

/** HTML blocks that blank lines do not end (CommonMark kinds 1–5): how they start and end. */
const htmlEnds: [RegExp, RegExp][] = [
  [/^ {0,3}<(script|pre|style|textarea)(?=[\s>]|$)/i, /<\/(script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/** For a line that opens a fenced code or HTML block (kinds 1–5), a test for the line that closes it. */
function opener(line: string): ((line: string) => boolean) | null {
  const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line);
  if (fence) {
    const closing = new RegExp(`^ {0,3}${fence[1][0]}{${fence[1].length},}[ \\t]*$`);
    return (next) => closing.test(next);
  }
  for (const [start, end] of htmlEnds) {
    const match = start.exec(line);
    if (match && !end.test(line.slice(match[0].length))) return (next) => end.test(next);
  }
  return null;
}

/** Whether the last top-level block of a part ends before the part does (no open fence or HTML). */
function closed(tree: Root, text: string): boolean {
  const last = tree.children[tree.children.length - 1];
  if (!last?.position) return true;
  const source = text.slice(last.position.start.offset, last.position.end.offset);
  const lines = source.split('\n');
  if (last.type !== 'code' && last.type !== 'html') return last.position.end.offset! <= text.trimEnd().length;
  const close = opener(lines[0]);
  return !close || (lines.length > 1 && close(lines[lines.length - 1]));
}

/** Label-like text in a part: every `[…]` without brackets inside, as micromark compares labels. */
function labelsIn(text: string): Definitions {
  const labels: Definitions = { defined: [], gfmFootnotes: [] };
  for (const match of text.matchAll(/\[((?:[^[\]\\]|\\[\s\S])*)\]/g)) {
    labels.defined.push(normalizeIdentifier(match[1]));
    if (match[1].startsWith('^')) labels.gfmFootnotes.push(normalizeIdentifier(match[1].slice(1)));
  }
  return labels;
}

/** Labels the lines of `text` seem to define: a guess, checked against what the parts define. */
function seemDefined(text: string): Definitions {
  const labels: Definitions = { defined: [], gfmFootnotes: [] };
  for (const match of text.matchAll(/^[ \t>*+\-\d.)]*\[((?:[^[\]\\]|\\[\s\S])*)\]:/gm)) {
    if (match[1].startsWith('^')) labels.gfmFootnotes.push(normalizeIdentifier(match[1].slice(1)));
    else labels.defined.push(normalizeIdentifier(match[1]));
  }
  return { defined: [...new Set(labels.defined)], gfmFootnotes: [...new Set(labels.gfmFootnotes)] };
}

const kinds = ['defined', 'gfmFootnotes'] as const;

export function parseInParts(text: string, parse: Parse, length = partLength): Root {
  const starts = partStarts(text, length);
  if (starts.length === 1) return parse(text);
  // Each part starts knowing the labels the file seems to define and those defined before it.
  const guessed = seemDefined(text);
  const guess = { defined: new Set(guessed.defined), gfmFootnotes: new Set(guessed.gfmFootnotes) };
  const unguessed: Definitions = { defined: [], gfmFootnotes: [] };
  const firstPart = { defined: new Map<string, number>(), gfmFootnotes: new Map<string, number>() };
  const parts: { start: number; end: number; tree: Root }[] = [];
  for (let i = 0; i < starts.length; ) {
    const known = { defined: [...guessed.defined, ...unguessed.defined], gfmFootnotes: [...guessed.gfmFootnotes, ...unguessed.gfmFootnotes] };
    let next = i + 1;
    let end = starts[next] ?? text.length;
    let result = parseWith(parse, text.slice(starts[i], end), known);
    while (next < starts.length && !closed(result.tree, text.slice(starts[i], end))) {
      end = starts[++next] ?? text.length;
      result = parseWith(parse, text.slice(starts[i], end), known);
    }
    for (const kind of kinds) {
      for (const label of result.own[kind]) {
        if (firstPart[kind].has(label)) continue;
        firstPart[kind].set(label, parts.length);
        if (!guess[kind].has(label)) unguessed[kind].push(label);
      }
    }
    parts.push({ start: starts[i], end, tree: result.tree });
    i = next;
  }
  const all = { defined: [...firstPart.defined.keys()], gfmFootnotes: [...firstPart.gfmFootnotes.keys()] };
  const root: Root = { type: 'root', children: [] };
  let line = 0;
  parts.forEach((part, index) => {
    const partText = text.slice(part.start, part.end);
    // A part that names a label the guess got wrong for it is parsed again knowing every definition.
    const labels = labelsIn(partText);
    const wrong = kinds.some((kind) =>
      labels[kind].some((label) => {
        const first = firstPart[kind].get(label);
        return (first !== undefined) !== (guess[kind].has(label) || (first !== undefined && first <= index));
      }),
    );
    const tree = wrong ? parseWith(parse, partText, all).tree : part.tree;
    for (const child of tree.children) root.children.push(shifted(child, line, part.start));
    root.position = { start: root.position?.start ?? tree.position!.start, end: shiftPoint(tree.position!.end, line, part.start) };
    line += countLines(partText);
  });
  return root;
}

function countLines(text: string): number {
  let lines = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

type Point = { line: number; column: number; offset?: number };

function shiftPoint(point: Point, lines: number, offset: number): Point {
  return { line: point.line + lines, column: point.column, offset: point.offset === undefined ? undefined : point.offset + offset };
}

/**
 * Moves every position in `node` down `lines` lines and on `offset` characters, in place: the
 * parser makes a new point for each node, so none is moved twice.
 */
export function shifted<T extends RootContent | Node>(node: T, lines: number, offset: number): T {
  if (lines === 0 && offset === 0) return node;
  const position = node.position;
  if (position) {
    for (const point of [position.start, position.end]) {
      point.line += lines;
      if (point.offset !== undefined) point.offset += offset;
    }
  }
  if ('children' in node && Array.isArray(node.children)) for (const child of node.children) shifted(child as Node, lines, offset);
  return node;
}
