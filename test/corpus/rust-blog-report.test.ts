import { describe, it, expect, beforeAll } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileResult } from '../../src/core/types.js';
import { reporterNames } from '../../src/reporters/index.js';
import { runCliAsync } from '../helpers/cli.js';
import { sharedRoot } from '../helpers/fixtures.js';
import { reportAllAsync, type AllReports } from '../helpers/reports.js';
import { chromiumPresent, chromiumSkipReason, expectedAverages, expectedCells, folderAverages, heatmapCells, openReport, screenshotPath } from '../helpers/browser.js';

const corpus = join(sharedRoot, 'corpus', 'rust-blog');
const present = existsSync(corpus);
const skipReason = present ? '' : ' (skipped: ../shared/corpus/rust-blog is not here, as in a user’s own clone)';

// Real Markdown written by others, 754 posts: one unsharded run in every format, four shard runs
// (two at a time, one thread each, as on two CI machines) and their merge in every format.
describe.skipIf(!present)(`rust-blog corpus: shards and the HTML report${skipReason}`, () => {
  const out = mkdtempSync(join(tmpdir(), 'persona-lint-rust-blog-'));
  let whole: AllReports;
  let merged: AllReports;

  beforeAll(async () => {
    const shard = (i: number) => runCliAsync(['.', '--workers', '1', '--shard', `${i}/4`, '-f', 'json', '-o', join(out, `shard-${i}.json`)], { cwd: corpus });
    const [unsharded, ...shards] = await Promise.all([reportAllAsync(['.'], mkdtempSync(join(out, 'whole-')), corpus), shard(1), shard(2)]);
    shards.push(...(await Promise.all([shard(3), shard(4)])));
    for (const run of shards) expect([run.code, run.stderr]).toEqual([0, '']);
    whole = unsharded;
    merged = await reportAllAsync(['merge', ...[1, 2, 3, 4].map((i) => join(out, `shard-${i}.json`))], mkdtempSync(join(out, 'merged-')), corpus);
  }, 1_200_000);

  it('the four shards merged equal the unsharded run in every format', () => {
    expect(JSON.parse(whole.files.json).results).toHaveLength(754);
    for (const format of reporterNames) expect(merged.files[format], format).toBe(whole.files[format]);
    expect([merged.code, merged.stderr]).toEqual([whole.code, whole.stderr]);
  });

  it('each shard holds about a quarter of the bytes', () => {
    const bytes = [1, 2, 3, 4].map((i) => (JSON.parse(readFileSync(join(out, `shard-${i}.json`), 'utf8')).results as FileResult[]).reduce((n, r) => n + statSync(join(corpus, r.path)).size, 0));
    const total = bytes.reduce((a, b) => a + b, 0);
    for (const part of bytes) expect(Math.abs(part - total / 4) / total).toBeLessThan(0.03);
  });

  describe.skipIf(!chromiumPresent)(`the HTML report in Chromium${chromiumSkipReason}`, () => {
    it('shows every fit of the JSON report and the folder averages, fetches nothing, and reads without scripts and styles', async () => {
      const results: FileResult[] = JSON.parse(whole.files.json).results;
      const htmlFile = join(out, 'rust-blog.html');
      writeFileSync(htmlFile, whole.files.html);
      const opened = await openReport(htmlFile);
      try {
        expect(await heatmapCells(opened.page)).toEqual(expectedCells(results));
        expect(await folderAverages(opened.page)).toEqual(expectedAverages(results));
        expect(opened.requests).toEqual([]);
        await opened.page.screenshot({ path: screenshotPath('rust-blog-top') });
        console.log(`rust-blog HTML report: ${(statSync(htmlFile).size / 1e6).toFixed(2)} MB, ${results.length} documents, load event after ${opened.loadMs} ms`);
      } finally {
        await opened.close();
      }
      const strict = await openReport(htmlFile, { strict: true });
      try {
        expect(await heatmapCells(strict.page)).toEqual(expectedCells(results));
        expect(await strict.page.locator('details.folder tbody tr').last().isVisible()).toBe(true);
        await strict.page.locator('#heatmap').scrollIntoViewIfNeeded();
        await strict.page.screenshot({ path: screenshotPath('rust-blog-heatmap-no-scripts-no-styles') });
        expect(strict.requests).toEqual([]);
      } finally {
        await strict.close();
      }
    });
  });
});
