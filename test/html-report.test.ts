import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileResult, LintReport } from '../src/core/types.js';
import { html } from '../src/reporters/html.js';
import { runCli } from './helpers/cli.js';
import { chromiumPresent, chromiumSkipReason, expectedAverages, expectedCells, folderAverages, heatmapCells, openReport, screenshotPath } from './helpers/browser.js';

describe.skipIf(!chromiumPresent)(`--format html in Chromium, on the fixtures${chromiumSkipReason}`, () => {
  let out: string;
  let report: LintReport & { results: FileResult[] };
  let htmlFile: string;

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'persona-lint-html-'));
    htmlFile = join(out, 'report.html');
    // --min-fit 60 fails some declared personas' gates, so the page has failed gates to show.
    const run = runCli(['fixtures', '--min-fit', '60', '-f', 'json', '-o', join(out, 'report.json'), '--report', `html=${htmlFile}`]);
    expect(run.code, run.stderr).toBe(1);
    report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  });

  it('shows every document × persona fit of the JSON report, the declared persona marked * and the best fit bold', async () => {
    const opened = await openReport(htmlFile);
    try {
      expect(await heatmapCells(opened.page)).toEqual(expectedCells(report.results));
      const bold = await opened.page.$$eval('table.heatmap tbody tr[data-path]', (rows) => Object.fromEntries(rows.map((r) => [(r as HTMLElement).dataset.path!, (r.querySelector('td[data-persona] strong')?.parentElement as HTMLElement | undefined)?.dataset.persona ?? null])));
      expect(bold).toEqual(Object.fromEntries(report.results.map((r) => [r.path, r.personas?.best ?? null])));
      const averages = await folderAverages(opened.page);
      expect(averages).toEqual(expectedAverages(report.results));
      expect(opened.requests).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('lists the failed gates, the mismatches and the per-persona summary of the run', async () => {
    const opened = await openReport(htmlFile);
    try {
      const { page } = opened;
      expect(report.gateFailures!.length).toBeGreaterThan(0);
      expect(await page.locator('#gates tbody tr').count()).toBe(report.gateFailures!.length);
      expect(await page.locator('#gates tbody tr').first().textContent()).toContain(`${report.gateFailures![0].path}${report.gateFailures![0].persona}min-fit`);
      const mismatches = report.results.filter((r) => r.personas && r.personas.declared.length > 0 && r.personas.best !== null && !r.personas.declared.includes(r.personas.best));
      expect(await page.locator('#mismatches tbody tr td:first-child').allTextContents()).toEqual(mismatches.map((r) => r.path));
      const declaring = (id: string) => report.results.filter((r) => r.personas?.declared.includes(id)).length;
      // An unclear page counts for nobody's best fit (docs/scoring.md).
      const bestFor = (id: string) => report.results.filter((r) => r.personas?.best === id && !r.personas.unclear).length;
      const rows = await page.locator('#personas tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
      const ids = (await page.locator('#personas tbody tr td:first-child small').allTextContents()).map((t) => t.replace(/[()]/g, ''));
      expect(rows.map((cells, i) => [ids[i], cells[1], cells[2]])).toEqual(ids.map((id) => [id, String(declaring(id)), String(bestFor(id))]));
      expect(await page.locator('#phrases-buzzword + table tbody tr').count()).toBeGreaterThan(0);
    } finally {
      await opened.close();
    }
  });

  it("links each document to its messages: line, rule, message and suggestion, as in the JSON report", async () => {
    const opened = await openReport(htmlFile);
    try {
      const { page } = opened;
      const result = report.results.find((r) => r.messages.some((m) => m.line !== null && m.expected.length > 0))!;
      await page.locator(`tr[data-path="${result.path}"] th a`).click();
      const target = page.locator('article:target');
      expect(await target.locator('h3').textContent()).toBe(result.path);
      const rows = await target.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
      expect(rows).toEqual(result.messages.map((m) => [m.line === null ? '–' : `${m.line}:${m.column}`, m.severity, m.ruleId, m.message, m.expected.length > 0 ? m.expected.slice(0, 5).join(', ') : '–']));
    } finally {
      await opened.close();
    }
  });

  it('reads with JavaScript and inline styles blocked: tables, numbers and folders that open and close', async () => {
    const opened = await openReport(htmlFile, { strict: true });
    try {
      const { page } = opened;
      // Styles are blocked: a heat cell has no colour, and no script added the toolbar.
      const cell = page.locator('table.heatmap td[data-persona]').first();
      expect(await cell.evaluate((td) => getComputedStyle(td).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
      expect(await page.locator('.toolbar').count()).toBe(0);
      expect(await heatmapCells(page)).toEqual(expectedCells(report.results));
      const folder = page.locator('details.folder').first();
      const firstRow = folder.locator('tbody tr').first();
      expect(await firstRow.isVisible()).toBe(true);
      await folder.locator('summary').click();
      expect(await firstRow.isVisible()).toBe(false);
      await folder.locator('summary').click();
      expect(await firstRow.isVisible()).toBe(true);
      expect(await page.locator('#messages article').first().isVisible()).toBe(true);
      await page.locator('#heatmap').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath('fixtures-heatmap-no-scripts-no-styles') });
      expect(opened.requests).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('with scripts: filters by path, sorts by a persona’s fit, and saves a screenshot', async () => {
    const opened = await openReport(htmlFile);
    try {
      const { page } = opened;
      await page.locator('#heatmap').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath('fixtures-heatmap') });
      await page.fill('#filter', 'persona-mismatch');
      const shown = await page.locator('table.heatmap tbody tr:not([hidden])').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.path));
      expect(shown).toEqual(report.results.map((r) => r.path).filter((p) => p.includes('persona-mismatch')));
      await page.fill('#filter', '');
      await page.selectOption('#sort', 'release-rory');
      const folder = page.locator('details.folder').filter({ has: page.locator('tbody tr:nth-child(3)') }).first();
      const fits = (await folder.locator('tbody td[data-persona="release-rory"]').evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).dataset.fit))));
      expect(fits).toEqual([...fits].sort((a, b) => b - a));
      expect(opened.requests).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('prints: the toolbar goes, every folder’s rows stay, and Chromium makes a PDF of it', async () => {
    const opened = await openReport(htmlFile);
    try {
      const { page } = opened;
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.toolbar').isVisible()).toBe(false);
      expect(await page.locator('table.heatmap tbody tr').last().isVisible()).toBe(true);
      const pdf = await page.pdf({ format: 'A4', landscape: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await opened.close();
    }
  });

  it('writes one file of a sensible size', () => {
    expect(statSync(htmlFile).size).toBeGreaterThan(10_000);
    expect(statSync(htmlFile).size).toBeLessThan(2_000_000);
  });
});

describe.skipIf(!chromiumPresent)(`the HTML reporter escapes what it embeds${chromiumSkipReason}`, () => {
  it('a path and a message with </script> and markup show as text, and the embedded JSON still parses', async () => {
    const nasty = 'docs/</script><script>window.pwned=1</script><!--.md';
    const report: LintReport = {
      counts: { errors: 1, warnings: 0, infos: 0, fatal: 0 },
      results: [
        {
          path: nasty,
          messages: [{ ruleId: 'buzzword', severity: 'error', message: 'Say <b>no</b> to “leverage” & </script>', line: 1, column: 1, endLine: 1, endColumn: 9, actual: 'leverage', expected: ['use'], note: null, url: null }],
          counts: { errors: 1, warnings: 0, infos: 0, fatal: 0 },
          personas: { declared: ['release-rory'], best: 'release-rory', scores: [{ id: 'release-rory', fit: 42, coverage: 0.5, found: [], missing: ['x</script>'], breakdown: [] }] },
        },
      ],
    };
    const file = join(mkdtempSync(join(tmpdir(), 'persona-lint-html-')), 'nasty.html');
    writeFileSync(file, html(report, { color: false, rules: [], cwd: '/' }));
    const opened = await openReport(file);
    try {
      const { page } = opened;
      expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
      const data = await page.evaluate(() => JSON.parse(document.getElementById('persona-lint-data')!.textContent!));
      expect(data.documents[0].path).toBe(nasty);
      expect(data.summary[0].mostMissing[0].label).toBe('x</script>');
      expect(await page.locator('#d-1 h3').textContent()).toBe(nasty);
      expect(await page.locator('#d-1 tbody td').nth(3).textContent()).toBe('Say <b>no</b> to “leverage” & </script>');
      expect(await page.locator('.toolbar').count()).toBe(1); // the script ran on the escaped data
    } finally {
      await opened.close();
    }
  });
});
