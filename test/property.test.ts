import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { lintFiles, lintText } from '../src/index.js';
import { tempTree } from './helpers/cli.js';
// Shared with `npm run fuzz` (scripts/fuzz.mjs), which runs the same properties 100,000 times and more.
import { markdownDocument, positionProblems } from '../scripts/markdown-arbitrary.mjs';

// A fixed seed: the same documents every run, so a failure here is a failure everywhere.
const seed = 1616;

describe('random Markdown (fast-check)', () => {
  it('the position check catches a message outside the document or off its text', () => {
    const message = { ruleId: 'buzzword', severity: 'warning', message: 'm', expected: [], note: null, url: null } as const;
    const at = (line: number, column: number, endColumn: number, actual: string) => ({ path: 'x.md', counts: { errors: 0, warnings: 1, infos: 0, fatal: 0 }, messages: [{ ...message, line, column, endLine: line, endColumn, actual }] });
    expect(positionProblems('We leverage it.\n', at(1, 4, 12, 'leverage'))).toEqual([]);
    expect(positionProblems('We leverage it.\n', at(1, 3, 11, 'leverage'))).toEqual(['buzzword 1:3-1:11: points at " leverag", not "leverage"']);
    expect(positionProblems('We leverage it.\n', at(3, 1, 2, 'x'))).toEqual(['buzzword 3:1-3:2: lines outside the document (2 lines)']);
  });

  it('never throws, never fails a file, and every message is inside the document, pointing at its flagged text, the same twice', async () => {
    await fc.assert(
      fc.asyncProperty(markdownDocument, async (text) => {
        const first = await lintText(text, { filePath: 'random.md' });
        expect(positionProblems(text, first)).toEqual([]);
        expect(await lintText(text, { filePath: 'random.md' })).toEqual(first);
      }),
      { seed, numRuns: 300 },
    );
  });

  it('gives the same results in process and on the worker pool', async () => {
    const documents = fc.sample(markdownDocument, { seed, numRuns: 40 });
    const dir = tempTree(Object.fromEntries(documents.map((text, i) => [`doc-${String(i).padStart(2, '0')}.md`, text])));
    const inProcess = await lintFiles([dir], { cwd: dir, workers: 1 });
    const pooled = await lintFiles([dir], { cwd: dir, workers: 2 });
    expect(pooled).toEqual(inProcess);
    expect(inProcess.results.map((r) => r.path)).toEqual(documents.map((_, i) => `doc-${String(i).padStart(2, '0')}.md`));
    expect(inProcess.counts.fatal).toBe(0);
  });
});
