import type { Root as MdastRoot, Table } from 'mdast';
import { frontmatterParseProblem } from '../core/parse-errors.js';
import type { Root as NlcstRoot, Sentence as NlcstSentence, Paragraph as NlcstParagraph } from 'nlcst';
import { toString } from 'mdast-util-to-string';
import { ParseEnglish } from 'parse-english';
import { visit, SKIP } from 'unist-util-visit';
import { VFile } from 'vfile';
import YAML from 'yaml';
import { parse as parseToml } from 'smol-toml';
import { wordTokens, type Token } from './tokens.js';
import type { Span } from '../core/position.js';
import { anchorTokens } from './anchor.js';
import { parseMarkdown } from './parse-markdown.js';
import { checkNesting, checkTree } from './file-limits.js';
import { mdxCodeNodes, mdxInlineCodeNodes } from './mdx.js';
import { proseAt, proseOf } from './prose-parts.js';

export interface Frontmatter {
  format: 'yaml' | 'toml';
  /** The parsed data, or an empty object when it could not be parsed. */
  data: Record<string, unknown>;
  /** Where the frontmatter block sits. */
  position: Span;
  /** Set when the block is not valid YAML/TOML or not a mapping. */
  error?: string;
  /** Where in the document the parser found the error, when it says. */
  errorAt?: { line: number; column: number };
}

export interface Sentence {
  node: NlcstSentence;
  tokens: Token[];
}

/** One parsed Markdown file: everything rules read, computed once. */
export interface Document {
  path: string;
  text: string;
  file: VFile;
  mdast: MdastRoot;
  nlcst: NlcstRoot;
  frontmatter: Frontmatter | null;
  sentences: Sentence[];
}

/** Links whose text is their address (autolinks, bare URLs) are addresses, not prose. */
const urlLiteral = 'urlLiteral';
const english = new ParseEnglish();
const proseOptions = { ignore: [urlLiteral, ...mdxCodeNodes], source: mdxInlineCodeNodes };

export function parseDocument(path: string, text: string): Document {
  const file = new VFile({ path, value: text });
  checkNesting(text);
  const mdast = parseMarkdown(file);
  checkTree(mdast);
  const frontmatter = readFrontmatter(mdast);
  visit(mdast, 'link', (link, index, parent) => {
    const text = toString(link);
    if (parent && index !== undefined && (link.url === text || link.url === `mailto:${text}` || link.url === `http://${text}`)) {
      (parent.children[index] as { type: string }).type = urlLiteral;
    }
  });
  const nlcst = proseOf(mdast, text, english, proseOptions);
  // mdast-util-to-nlcst always drops tables; marketing pages put claims in comparison tables,
  // so each cell becomes a paragraph of its own.
  // A table needs a pipe: most files skip this walk over the whole tree.
  if (text.includes('|')) visit(mdast, 'table', (table: Table) => {
    for (const row of table.children) {
      for (const cell of row.children) {
        if (!cell.position || cell.children.length === 0) continue;
        nlcst.children.push(...proseAt('paragraph', cell.children, cell.position, text, english, proseOptions).children);
      }
    }
    return SKIP;
  });
  const sentences = sentencesOf(nlcst);
  anchorTokens(sentences.map((s) => s.tokens), text);
  return { path, text, file, mdast, nlcst, frontmatter, sentences };
}

function sentencesOf(root: NlcstRoot): Sentence[] {
  const sentences: Sentence[] = [];
  for (const paragraph of root.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const sentence of (paragraph as NlcstParagraph).children) {
      if (sentence.type !== 'SentenceNode') continue;
      const tokens: Token[] = [];
      for (const child of sentence.children) {
        if (child.type === 'WordNode') wordTokens(child as never, tokens);
      }
      if (tokens.length > 0) sentences.push({ node: sentence, tokens });
    }
  }
  return sentences;
}

function readFrontmatter(mdast: MdastRoot): Frontmatter | null {
  const node = mdast.children[0];
  if (!node || (node.type !== 'yaml' && (node.type as string) !== 'toml') || !node.position) return null;
  const format = node.type === 'yaml' ? 'yaml' : 'toml';
  const value = (node as { value: string }).value;
  const position = node.position as Span;
  try {
    const data = format === 'yaml' ? YAML.parse(value) : parseToml(value);
    if (data === null || data === undefined) return { format, data: {}, position };
    if (typeof data !== 'object' || Array.isArray(data)) {
      return { format, data: {}, position, error: 'frontmatter is not a mapping of keys to values' };
    }
    return { format, data: data as Record<string, unknown>, position };
  } catch (error) {
    // The block's text starts on the line after the opening fence.
    const problem = frontmatterParseProblem(error, position.start.line + 1);
    return { format, data: {}, position, error: problem.reason, ...(problem.line !== undefined ? { errorAt: { line: problem.line, column: problem.column ?? 1 } } : {}) };
  }
}
