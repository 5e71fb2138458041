import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toNlcst } from 'mdast-util-to-nlcst';
import { ParseEnglish } from 'parse-english';
import { VFile } from 'vfile';
import { fixturesRoot, sharedRoot } from './helpers/fixtures.js';
import { markdownFiles } from './helpers/markdown-tree.js';
import { processorFor } from '../src/text/parse-markdown.js';
import { parseInParts, partStarts } from '../src/text/markdown-parts.js';
import { proseOf } from '../src/text/prose-parts.js';

// A big file is parsed and converted to nlcst in parts (linear time); the trees must be those of
// the whole file. A part length of 1 makes every possible split point a split.
const english = new ParseEnglish();
const options = { ignore: ['urlLiteral'] };

function expectPartsLikeWhole(text: string, length: number): void {
  const whole = processorFor(text, false).parse(text);
  const inParts = processorFor(text, false, true);
  expect(JSON.stringify(parseInParts(text, (part) => inParts.parse(part), length))).toBe(JSON.stringify(whole));
  const before = JSON.stringify(whole);
  const prose = proseOf(whole, text, english, options, length, 0);
  expect(JSON.stringify(whole), 'the document tree is left as it was').toBe(before);
  expect(JSON.stringify(prose.children)).toBe(JSON.stringify(toNlcst(whole, new VFile(text), english, options).children));
}

const cases: Record<string, string> = {
  'a link defined in a later part': 'See [the guide] and [docs][d].\n\nMore text.\n\n[the guide]: https://a.example\n\n[d]: https://d.example\n',
  'a footnote defined in a later part': 'A claim.[^src]\n\nNext paragraph.\n\n[^src]: The source.\n',
  'a bracket that a later line only seems to define': 'Keep [x] as text.\n\nMore.\n\n```\n[x]: not a definition\n```\n\nEnd.\n',
  'a fence with blank lines and prose-like lines in it': '```\nfirst\n\nSecond line, in the code\n\n```\n\nAfter it.\n',
  'an HTML comment over blank lines': '<!--\n\nHidden text\n\n-->\n\nShown text.\n',
  'a list loose across a blank line': '- one\n\n- two\n\nParagraph.\n\n1. a\n\n2. b\n',
  'a lowercase start after a full stop': 'It ends here.\n\nlowercase start of the next block.\n\n![an image alt](x.png)\n',
  'frontmatter with blank lines': '---\ntitle: x\n\nsummary: y\n---\n\nBody text.\n\n---\nnot: frontmatter\n---\n\nEnd.\n',
  'TOML frontmatter with blank lines': '+++\ntitle = "x"\n\nsummary = "y"\n+++\n\nBody text.\n',
  'a table between paragraphs': 'Before.\n\n| a | b |\n| - | - |\n| Plan | Price. |\n\nAfter.\n',
};

describe('a big file in parts gives the trees of the whole file', () => {
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => {
      expect(partStarts(text, 1).length).toBeGreaterThan(1);
      expectPartsLikeWhole(text, 1);
    });
  }

  it('every fixture file, split at every possible place', () => {
    for (const file of markdownFiles(fixturesRoot)) expectPartsLikeWhole(readFileSync(file, 'utf8'), 1);
  }, 120_000);

  it('the fixture files as one file', () => {
    const text = markdownFiles(fixturesRoot)
      .sort()
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n\n');
    expectPartsLikeWhole(text, 512);
  }, 120_000);

  const corpus = join(sharedRoot, 'corpus', 'rust-blog');
  it.skipIf(!existsSync(corpus))(`80 rust-blog posts as one file (links defined in other posts)${existsSync(corpus) ? '' : ' (skipped: ../shared/corpus/rust-blog is absent)'}`, () => {
    const text = markdownFiles(corpus)
      .sort()
      .slice(0, 80)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n\n');
    expectPartsLikeWhole(text, 4096);
  }, 300_000);
});
