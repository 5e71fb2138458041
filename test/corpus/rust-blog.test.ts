import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintFiles } from '../../src/index.js';
import { sharedRoot } from '../helpers/fixtures.js';
import { expectSameTree, markdownFiles } from '../helpers/markdown-tree.js';

const corpus = join(sharedRoot, 'corpus', 'rust-blog');
const present = existsSync(corpus);

// Real Markdown written by others: no crash and no fatal message on any of it.
describe.skipIf(!present)(`rust-blog corpus${present ? '' : ' (skipped: ../shared/corpus/rust-blog is not here, as in a user’s own clone)'}`, () => {
  it('lints every post without a fatal message', async () => {
    const report = await lintFiles([corpus], { cwd: corpus });
    expect(report.results.length).toBe(754);
    const fatal = report.results.filter((r) => r.counts.fatal > 0).map((r) => `${r.path}: ${r.messages[0].message}`);
    expect(fatal).toEqual([]);
    const perRule: Record<string, number> = {};
    for (const r of report.results) for (const m of r.messages) perRule[m.ruleId] = (perRule[m.ruleId] ?? 0) + 1;
    console.log(`rust-blog: ${report.results.length} files, messages per rule: ${JSON.stringify(perRule)}`);
    // 754 files take about 40 s of CPU; on a loaded shared machine the wall time is several times that.
  }, 600_000);

  it('parses every post to the tree remark-parse + remark-gfm + remark-frontmatter give', () => {
    const files = markdownFiles(corpus);
    expect(files.length).toBe(754);
    for (const file of files) expectSameTree(file, readFileSync(file, 'utf8'));
  }, 300_000);
});
