import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { lintFiles } from '../src/index.js';
import { parseDocument } from '../src/text/document.js';
import { readFileSync } from 'node:fs';
import type { FileResult } from '../src/core/types.js';
import { fixturesRoot } from './helpers/fixtures.js';
import { defaultMinFit } from '../src/data/min-fit.js';
import { evaluate, fixturePages, formatFigures } from '../scripts/eval-personas.mjs';
import { assertFigures, type Figures } from './helpers/persona-figures.js';

// The labelled set in fixtures/personas was written from the handbook by others, without the
// profiles' word lists: <persona-id>/ pages are for that persona, mixed/ pages list `expected:`
// personas, off-target/ pages are for nobody.
const root = join(fixturesRoot, 'personas');

async function scoreFolder(folder: string): Promise<FileResult[]> {
  return (await lintFiles([join('personas', folder)], { cwd: fixturesRoot })).results;
}


// The figures of `npm run eval:personas` (scripts/eval-personas.mjs), asserted so that accuracy
// cannot silently regress; the gitlab-docs figures are in test/corpus/gitlab-docs.test.ts.
// docs/scoring.md explains the sets and the method.
describe('best fit (relevance) on the labelled pages', () => {
  it('fixtures/personas: top-1 at least 94% (the issue asks 85%), every persona at least 5 of 6, persona-mismatch quiet on the right persona and loud on a wrong one', async () => {
    const figures: Figures = await evaluate(fixturePages());
    console.log(formatFigures('fixtures/personas', figures));
    // Measured: 49 of 52 first, all in the top two, 3 false alarms, 51 of 52 wrong labels caught.
    assertFigures(figures, { pages: 52, top1: 49 / 52, top2: 1, recall: 5 / 6, mismatchFalseAlarms: 3 / 52, mismatchRecall: 51 / 52 });
  });

  it('ranks the expected personas of most mixed pages in the top two, and one of them first on every page', async () => {
    const lines: string[] = [];
    let bothInTopTwo = 0;
    const results = await scoreFolder('mixed');
    for (const result of results) {
      const expected = parseDocument(result.path, readFileSync(join(fixturesRoot, result.path), 'utf8')).frontmatter!.data.expected as string[];
      const ranked = result.personas!.scores.map((s) => s.id);
      expect(expected.length, result.path).toBe(2);
      expect(expected, `${result.path}: best fit ${ranked[0]}`).toContain(ranked[0]);
      if (expected.every((id) => ranked.slice(0, 2).includes(id))) bothInTopTwo++;
      lines.push(`${result.path} (expected ${expected.join(', ')}): ${result.personas!.scores.slice(0, 3).map((s) => `${s.id} ${s.fit}`).join(', ')}`);
    }
    console.log(`mixed pages with both expected personas in the top two: ${bothInTopTwo}/${results.length}\n  ${lines.join('\n  ')}`);
    expect(bothInTopTwo / results.length).toBeGreaterThanOrEqual(0.6);
  });

  it(`gives off-target pages a fit under the default minFit (${defaultMinFit}) for every persona`, async () => {
    const results = await scoreFolder('off-target');
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      console.log(`${result.path}: ${result.personas!.scores.slice(0, 3).map((s) => `${s.id} ${s.fit}`).join(', ')}`);
      expect(result.personas!.scores[0].fit, result.path).toBeLessThan(defaultMinFit);
    }
  });
});
