import type { Root as MdastRoot, RootContent, PhrasingContent } from 'mdast';
import type { Root as NlcstRoot } from 'nlcst';
import type { Node, Point, Position } from 'unist';
import { toNlcst } from 'mdast-util-to-nlcst';
import { VFile } from 'vfile';
import { bigFile, shifted } from './markdown-parts.js';

/**
 * mdast-util-to-nlcst makes its whole input one sentence before splitting it, and its sentence
 * plugins splice that sentence's list of words: time grows with the square of the input (the 754
 * rust-blog posts as one file spent 54 s there). A big file is converted a run of top-level
 * blocks at a time. The end of a block can depend on the start of the next (a lowercase start
 * merges the sentence before, so a full stop joins its word), so each run is converted with the
 * blocks around it for context, and keeps the nodes that end in its own blocks.
 */
export const proseLength = 16_384;

/** Blocks with words on each side of a run, converted with it and then left out. */
const contextBlocks = 2;

type Parser = Parameters<typeof toNlcst>[2];
type Options = Parameters<typeof toNlcst>[3];

const wordless = new Set(['code', 'html', 'yaml', 'toml', 'thematicBreak', 'definition', 'mdxjsEsm', 'mdxFlowExpression']);

export function proseOf(mdast: MdastRoot, text: string, parser: Parser, options: Options, length = proseLength, from = bigFile): NlcstRoot {
  const blocks = mdast.children;
  if (text.length <= from || !blocks.every((block) => block.position?.start.offset !== undefined)) {
    return toNlcst(mdast, new VFile(text), parser, options) as NlcstRoot;
  }
  const startOf = (index: number) => blocks[index].position!.start.offset!;
  /** The index `count` blocks with words away from `index` in `step` direction (-1 or 1). */
  const reach = (index: number, step: number) => {
    let at = index;
    for (let found = 0; found < contextBlocks && at + step >= 0 && at + step < blocks.length; ) {
      at += step;
      if (!wordless.has(blocks[at].type)) found++;
    }
    return at;
  };
  const root: NlcstRoot = { type: 'RootNode', children: [] };
  let first = 0;
  for (let i = 1; i <= blocks.length; i++) {
    const last = blocks[i - 1].position!;
    const apart = i === blocks.length || blocks[i].position!.start.line !== last.end.line;
    if (i < blocks.length && !(apart && last.end.offset! - startOf(first) >= length)) continue;
    const from = first === 0 ? -Infinity : startOf(first);
    const to = i === blocks.length ? Infinity : startOf(i);
    const run = proseAt('root', blocks.slice(reach(first, -1), reach(i - 1, 1) + 1), mdast.position!, text, parser, options);
    for (const node of run.children) {
      const end = node.position?.end.offset;
      if (end !== undefined && end > from && end <= to) root.children.push(node);
    }
    first = i;
  }
  const [head, tail] = [root.children[0], root.children[root.children.length - 1]];
  if (head?.position && tail?.position) root.position = { start: head.position.start, end: tail.position.end };
  return root;
}

/**
 * nlcst of `nodes` (blocks, or the content of a table cell at `at`) as `type`, converted on the lines
 * they sit on alone: mdast-util-to-nlcst indexes the lines of the text it is given from its start.
 */
export function proseAt(type: 'root' | 'paragraph', nodes: (RootContent | PhrasingContent)[], at: Position, text: string, parser: Parser, options: Options): NlcstRoot {
  const start = nodes[0].position?.start;
  const end = nodes[nodes.length - 1].position?.end;
  if (start?.offset === undefined || end?.offset === undefined) return toNlcst({ type, children: nodes, position: at } as MdastRoot, new VFile(text), parser, options) as NlcstRoot;
  const base = text.lastIndexOf('\n', start.offset! - 1) + 1;
  const lines = start.line - 1;
  const lineEnd = text.indexOf('\n', end.offset!);
  const part = new VFile(text.slice(base, lineEnd === -1 ? text.length : lineEnd));
  const tree = { type, children: nodes, position: { start: movePoint(start, -lines, -base), end: movePoint(end, -lines, -base) } };
  // The document's own nodes, moved to the part's lines for the conversion and back after it.
  for (const node of nodes) shifted(node, -lines, -base);
  try {
    const nlcst = toNlcst(tree as MdastRoot, part, parser, options) as NlcstRoot;
    moveInPlace(nlcst, lines, base);
    return nlcst;
  } finally {
    for (const node of nodes) shifted(node, lines, base);
  }
}

function movePoint(point: Point, lines: number, offset: number): Point {
  return { line: point.line + lines, column: point.column, offset: point.offset === undefined ? undefined : point.offset + offset };
}

function movePosition(position: Position | undefined, lines: number, offset: number): Position | undefined {
  return position && { start: movePoint(position.start, lines, offset), end: movePoint(position.end, lines, offset) };
}

/** Moves the positions of a new nlcst tree; points may be shared between nodes, so each is replaced. */
function moveInPlace(node: Node, lines: number, offset: number): void {
  if (node.position) node.position = movePosition(node.position, lines, offset);
  if ('children' in node && Array.isArray(node.children)) for (const child of node.children) moveInPlace(child as Node, lines, offset);
}
