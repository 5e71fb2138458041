import { expect } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { VFile } from 'vfile';
import { parseMarkdown } from '../../src/text/parse-markdown.js';

// parseMarkdown adds each GFM part only to files that can use it; the tree must be the one full GFM
// gives, except for URLs written with escapes (found by full GFM's second pass, as literal text here).
export const fullGfm = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

export function expectSameTree(path: string, text: string): void {
  const ours = parseMarkdown(new VFile({ path, value: text }));
  const reference = fullGfm.parse(new VFile({ path, value: text }));
  expect(ours, path).toEqual(reference);
}

export function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(dir, name));
}

