import { describe, it, expect } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { lintFiles } from '../src/index.js';
import { loadBuiltinPersonas } from '../src/data/load-data.js';
import { parseDocument } from '../src/text/document.js';
import { readFileSync } from 'node:fs';
import type { FileResult } from '../src/core/types.js';
import { fixturesRoot } from './helpers/fixtures.js';
import { defaultMinFit } from '../src/data/min-fit.js';

// The labelled set in fixtures/personas was written from the handbook by others, without the
// profiles' word lists: <persona-id>/ pages are for that persona, mixed/ pages list `expected:`
// personas, off-target/ pages are for nobody.
const root = join(fixturesRoot, 'personas');
const ids = loadBuiltinPersonas().map((p) => p.id);
const folders = readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory());

async function scoreFolder(folder: string): Promise<FileResult[]> {
  return (await lintFiles([join('personas', folder)], { cwd: fixturesRoot })).results;
}

const short = (id: string) => id.split('-').pop()!;

describe('best fit on the labelled pages', () => {
  it('is right for at least 80% of the single-persona pages (prints the confusion matrix)', async () => {
    const confusion = new Map(ids.map((id) => [id, new Map(ids.map((other) => [other, 0]))]));
    const wrong: string[] = [];
    let total = 0;
    let correct = 0;
    for (const folder of folders.filter((f) => ids.includes(f))) {
      for (const result of await scoreFolder(folder)) {
        const best = result.personas!.best!;
        total++;
        if (best === folder) correct++;
        else wrong.push(`${result.path}: ${result.personas!.scores.slice(0, 3).map((s) => `${s.id} ${s.fit}`).join(', ')}`);
        confusion.get(folder)!.set(best, confusion.get(folder)!.get(best)! + 1);
      }
    }
    const header = `${'label \\ best'.padEnd(14)}${ids.map((id) => short(id).padStart(8)).join('')}`;
    const rows = ids.map((id) => `${short(id).padEnd(14)}${ids.map((other) => String(confusion.get(id)!.get(other) || '.').padStart(8)).join('')}`);
    console.log(`best-fit accuracy: ${correct}/${total} = ${((100 * correct) / total).toFixed(1)}%\n${header}\n${rows.join('\n')}\nwrong:\n  ${wrong.join('\n  ')}`);
    expect(total).toBeGreaterThanOrEqual(40);
    expect(correct / total).toBeGreaterThanOrEqual(0.8);
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
