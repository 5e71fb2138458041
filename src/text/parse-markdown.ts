import type { Root } from 'mdast';
import type { Extension as MicromarkExtension } from 'micromark-util-types';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import type { VFile } from 'vfile';
import { isMdx, mdxParseError, remarkMdx } from './mdx.js';
import { bigFile, parseInParts, sharedDefinitions } from './markdown-parts.js';

/**
 * GitHub Flavored Markdown, one part at a time: each part is added to the parser only when the
 * file has the characters that can start it, so every file parses to the tree full GFM gives.
 * On the rust-blog corpus full GFM made parsing about 60% slower than CommonMark, mostly from
 * the email-autolink check micromark starts at every letter and digit: 52 of its 754 files have
 * an email address, 744 a URL. One difference, for URLs (see urlAutolinkLiteralFromMarkdown).
 */
const parts: { test: (text: string) => boolean; syntax?: () => MicromarkExtension; tree: () => FromMarkdownExtension }[] = [
  { test: (text) => text.includes('|'), syntax: gfmTable, tree: gfmTableFromMarkdown },
  { test: (text) => text.includes('[^'), syntax: gfmFootnote, tree: gfmFootnoteFromMarkdown },
  { test: (text) => text.includes('~'), syntax: () => gfmStrikethrough(), tree: gfmStrikethroughFromMarkdown },
  // Not just “[ ]”: a failed attempt at “[” and a line ending moves a text node’s end.
  { test: (text) => text.includes('['), syntax: gfmTaskListItem, tree: gfmTaskListItemFromMarkdown },
  // Full autolink literals (URLs too) where there may be an email address, URLs alone elsewhere.
  { test: mayHaveEmail, syntax: gfmAutolinkLiteral, tree: gfmAutolinkLiteralFromMarkdown },
  { test: (text) => !mayHaveEmail(text) && /https?:\/\/|www\./i.test(text), syntax: urlAutolinkLiteral, tree: urlAutolinkLiteralFromMarkdown },
];

function mayHaveEmail(text: string): boolean {
  return /[\w.+-]@[\w-]+\./.test(text);
}

/** GFM's autolink literal syntax without emails: only the constructs that start at “h” or “w”. */
function urlAutolinkLiteral(): MicromarkExtension {
  const { text = {} } = gfmAutolinkLiteral();
  const keep = (code: number) => [text[code] ?? []].flat().filter((construct) => construct.name !== 'emailAutolink');
  return { text: { 72: keep(72), 104: keep(104), 87: keep(87), 119: keep(119) } };
}

/**
 * GFM's autolink literals to mdast without the second pass over every text node, which finds
 * URLs the syntax could not (written with escapes or character references). GitHub skips that
 * pass for URLs in issues and comments; it cost 5% of a run on the rust-blog corpus, found nothing
 * there, and the nodes it makes have no positions, so a message in them could not say where it is.
 */
function urlAutolinkLiteralFromMarkdown(): FromMarkdownExtension {
  return { ...gfmAutolinkLiteralFromMarkdown(), transforms: [] };
}

/** One processor per set of parts a file needs, keyed by the set as a bit mask. */
const processors = new Map<number, Processor<Root>>();

export function processorFor(text: string, mdx: boolean, inParts = false): Processor<Root> {
  let key = (mdx ? 1 << parts.length : 0) | (inParts ? 1 << (parts.length + 1) : 0);
  parts.forEach((part, i) => {
    if (part.test(text)) key |= 1 << i;
  });
  let processor = processors.get(key);
  if (!processor) {
    const chosen = parts.filter((_, i) => key & (1 << i));
    processor = unified()
      .use(remarkParse)
      .use(function gfmParts() {
        const data = this.data();
        (data.micromarkExtensions ??= []).push(...chosen.flatMap((part) => (part.syntax ? [part.syntax()] : [])), ...(inParts ? [sharedDefinitions] : []));
        (data.fromMarkdownExtensions ??= []).push(...chosen.map((part) => part.tree()));
      })
      .use(remarkFrontmatter, ['yaml', 'toml'])
      .use(mdx ? [remarkMdx] : [])
      .freeze() as unknown as Processor<Root>;
    processors.set(key, processor);
  }
  return processor;
}

/**
 * Parses a Markdown file (CommonMark, GFM, YAML and TOML frontmatter) to mdast; a `.mdx` file as
 * MDX, which throws an MdxParseError where it is not valid MDX.
 */
export function parseMarkdown(file: VFile): Root {
  const text = String(file.value);
  // A big file in parts (markdown-parts.ts); MDX and CR line endings are left whole.
  if (!isMdx(file.path) && text.length > bigFile && !text.includes('\r')) {
    const processor = processorFor(text, false, true);
    return parseInParts(text, (part) => processor.parse(part));
  }
  if (!isMdx(file.path)) return processorFor(text, false).parse(file);
  try {
    return processorFor(String(file.value), true).parse(file);
  } catch (error) {
    throw mdxParseError(error);
  }
}
