import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fixturesRoot } from './helpers/fixtures.js';
import { VFile } from 'vfile';
import { parseMarkdown } from '../src/text/parse-markdown.js';
import { expectSameTree, fullGfm, markdownFiles } from './helpers/markdown-tree.js';

const cases: Record<string, string> = {
  plain: '# Title\n\nJust prose, with *emphasis* and `code`.\n',
  table: '| Plan | Price |\n| --- | ---: |\n| Free | 0 |\n\nA pipe | in prose.\n',
  footnote: 'Claim.[^1]\n\n[^1]: Source, 2024.\n',
  strikethrough: 'Old ~~price~~ and ~one~ tilde.\n',
  tasks: '- [ ] open\n- [x] done\n- [X] also done\n',
  url: 'See https://example.com/a_b_c?x=1, www.example.org and http://x.io.\n',
  email: 'Write to team@example.com or see https://example.com.\n',
  'email only': 'Write to a.b+c@mail.example.co.uk today.\n',
  'at without a domain': 'Ping @maintainers on the issue.\n',
  everything:
    '---\npersona: avery\n---\n\n| a | b |\n|---|---|\n| ~~x~~ | y[^n] |\n\n- [x] mail me@host.dev\n- www.site.com\n\n[^n]: https://ex.com/n.\n',
  toml: '+++\ntitle = "x"\n+++\n\nText | with ~ and [^x] that are not syntax.\n',
};

describe('parseMarkdown gives the tree of remark-parse + remark-gfm + remark-frontmatter', () => {
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => expectSameTree(`${name}.md`, text));
  }

  it('an escaped URL stays text, as in GitHub issues and comments (full GFM links it, without a position)', () => {
    const text = 'Open https\\://example.com/path today.\n';
    const reference = fullGfm.parse(new VFile({ value: text }));
    expect(JSON.stringify(reference)).toContain('"type":"link"');
    const ours = parseMarkdown(new VFile({ value: text }));
    expect(ours.children[0]).toMatchObject({ type: 'paragraph', children: [{ type: 'text', value: 'Open https://example.com/path today.' }] });
  });

  it('on every fixture file', () => {
    const files = markdownFiles(fixturesRoot);
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) expectSameTree(file, readFileSync(file, 'utf8'));
  });
});
