// The floor: what any linter on the natural-language tree must pay. Reads every Markdown file
// under a directory, parses it (remark-parse + remark-frontmatter) and converts it to nlcst
// (mdast-util-to-nlcst + parse-english), nothing else.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { toNlcst } from 'mdast-util-to-nlcst';
import { ParseEnglish } from 'parse-english';
import { VFile } from 'vfile';

const root = process.argv[2];
if (!root) {
  console.error('usage: node bench/floor.mjs <directory>');
  process.exit(2);
}
const files = (await readdir(root, { recursive: true }))
  .filter((name) => /\.(md|markdown|mdx)$/.test(name))
  .sort()
  .map((name) => join(root, name));
const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).freeze();
const english = new ParseEnglish();
let words = 0;
for (const path of files) {
  const file = new VFile({ path, value: await readFile(path, 'utf8') });
  const tree = toNlcst(markdown.parse(file), file, english);
  words += tree.children.length;
}
console.log(`${files.length} files, ${words} paragraphs`);
