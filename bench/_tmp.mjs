import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
const root = process.argv[2]; const mode = process.argv[3];
const files = (await readdir(root, { recursive: true })).filter((n) => n.endsWith('.md')).sort().map((n) => join(root, n));
const texts = await Promise.all(files.map(f => readFile(f, 'utf8')));
function noAutolink() { const d = this.data(); (d.micromarkExtensions ??= []).push(gfmTable(), gfmFootnote(), gfmStrikethrough()); (d.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown()); }
function autolinkSyntaxOnly() { const d = this.data(); d.micromarkExtensions.push(gfmAutolinkLiteral()); const ext = gfmAutolinkLiteralFromMarkdown(); d.fromMarkdownExtensions.push({ ...ext, transforms: [] }); }
let p = unified().use(remarkParse);
if (mode === 'gfm') p = p.use(remarkGfm);
if (mode === 'noauto') p = p.use(noAutolink);
if (mode === 'syntaxonly') p = p.use(noAutolink).use(autolinkSyntaxOnly);
p = p.use(remarkFrontmatter, ['yaml', 'toml']).freeze();
for (let r = 0; r < 2; r++) { const a = performance.now(); for (const t of texts) p.parse(t); console.log(mode, r, (performance.now() - a).toFixed(0)); }
