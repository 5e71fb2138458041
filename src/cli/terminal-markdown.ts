import type { PhrasingContent, RootContent, Table } from 'mdast';
import { VFile } from 'vfile';
import { parseMarkdown } from '../text/parse-markdown.js';
import { hangingLines, padTo, textWidth, wrapLines } from '../reporters/terminal-width.js';

export interface TerminalMarkdownOptions {
  width: number;
  color: boolean;
  /** The page's own address: relative links are resolved against it, so every link printed works outside the repository. */
  base: string;
}

const styles = { bold: [1, 22], italic: [3, 23], underline: [4, 24], cyan: [36, 39], dim: [2, 22] } as const;

/**
 * A Markdown page as terminal text: headings underlined, paragraphs and lists wrapped to the
 * width, code indented, tables aligned, emphasis and code coloured when colour is on, and each link
 * as its text with a number that the list of links at the end resolves to an absolute address.
 */
export function terminalMarkdown(markdown: string, options: TerminalMarkdownOptions): string {
  const paint = (style: keyof typeof styles, text: string) => (options.color && text ? `\u001b[${styles[style][0]}m${text}\u001b[${styles[style][1]}m` : text);
  const links: string[] = [];

  function inline(nodes: readonly PhrasingContent[]): string {
    return nodes.map(phrase).join('');
  }

  function phrase(node: PhrasingContent): string {
    switch (node.type) {
      case 'text':
        return node.value.replace(/\s*\n\s*/g, ' ');
      case 'inlineCode':
        return paint('cyan', node.value);
      case 'emphasis':
        return paint('italic', inline(node.children));
      case 'strong':
        return paint('bold', inline(node.children));
      case 'delete':
        return inline(node.children);
      case 'break':
        return '\n';
      case 'image':
        return node.alt ?? '';
      case 'link': {
        const text = inline(node.children);
        const url = absolute(node.url, options.base);
        if (text === node.url || text === url) return paint('underline', url);
        if (!links.includes(url)) links.push(url);
        return `${text} [${links.indexOf(url) + 1}]`;
      }
      default:
        // Inline HTML and anything else that is markup, not text.
        return 'children' in node ? inline(node.children as PhrasingContent[]) : '';
    }
  }

  function paragraphLines(text: string, width: number): string[] {
    return text.split('\n').flatMap((part) => wrapLines(part, width));
  }

  function block(node: RootContent, width: number): string[] {
    switch (node.type) {
      case 'heading': {
        const text = inline(node.children);
        const underline = node.depth === 1 ? '=' : node.depth === 2 ? '-' : '';
        return [paint('bold', text), ...(underline ? [underline.repeat(Math.min(width, textWidth(text)))] : [])];
      }
      case 'paragraph':
        return paragraphLines(inline(node.children), width);
      case 'code':
        return node.value.split('\n').map((line) => `    ${paint('dim', line)}`);
      case 'blockquote':
        return blocks(node.children, width - 2).map((line) => `${paint('dim', '│')} ${line}`);
      case 'list':
        return node.children.flatMap((item, i) => {
          const marker = node.ordered ? `${(node.start ?? 1) + i}. ` : '• ';
          const body = blocks(item.children, width - marker.length);
          return body.map((line, j) => (j === 0 ? marker : ' '.repeat(marker.length)) + line);
        });
      case 'table':
        return table(node, width);
      case 'thematicBreak':
        return ['─'.repeat(Math.min(width, 40))];
      default:
        // HTML (comments that mark generated sections), definitions, frontmatter: not for a reader.
        return [];
    }
  }

  /** Aligned columns; a table too wide for that becomes one record per row, each cell under its header's name. */
  function table(node: Table, width: number): string[] {
    const [header, ...rows] = node.children.map((row) => row.children.map((cell) => inline(cell.children)));
    const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => textWidth(row[i] ?? ''))));
    if (widths.reduce((sum, w) => sum + w + 2, -2) <= width) {
      const line = (row: string[]) => row.map((cell, i) => padTo(cell, widths[i])).join('  ').trimEnd();
      return [paint('bold', line(header)), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)];
    }
    return rows.flatMap((row, r) => [
      ...(r > 0 ? [''] : []),
      ...wrapLines(paint('bold', row[0] ?? ''), width),
      ...row.slice(1).flatMap((cell, i) => hangingLines(`${header[i + 1]}: ${cell}`, width, 2, 4)),
    ]);
  }

  function blocks(nodes: readonly RootContent[], width: number): string[] {
    const out: string[] = [];
    for (const node of nodes) {
      const lines = block(node, width);
      if (lines.length === 0) continue;
      if (out.length > 0) out.push('');
      out.push(...lines);
    }
    return out;
  }

  const tree = parseMarkdown(new VFile({ value: markdown, path: 'page.md' }));
  const lines = blocks(tree.children, options.width);
  if (links.length > 0) lines.push('', paint('bold', 'Links'), ...links.map((url, i) => `[${i + 1}] ${url}`));
  return `${lines.map((line) => line.trimEnd()).join('\n')}\n`;
}

/** A link's address as an absolute one: relative to the page, fragments and other schemes kept. */
function absolute(url: string, base: string): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

