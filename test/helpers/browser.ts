import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { FileResult } from '../../src/core/types.js';
import { repoRoot } from './fixtures.js';

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it when missing). */
export const chromiumPath = '/usr/bin/chromium';
export const chromiumPresent = existsSync(chromiumPath);
export const chromiumSkipReason = chromiumPresent ? '' : ` (skipped: ${chromiumPath} is not installed; .ci/run installs the chromium package)`;

/** Where the tests leave their screenshots (git-ignored), for a person to look at. */
export const screenshotDir = join(repoRoot, 'test-results', 'screenshots');

/** The address the report is served from: a name that cannot resolve, so any other request is visible. */
export const reportUrl = 'http://report.invalid/report.html';

export interface OpenedReport {
  page: Page;
  /** Every request the page made other than the report itself (each one was aborted). */
  requests: string[];
  /** Milliseconds from navigation to the load event. */
  loadMs: number;
  close: () => Promise<void>;
}

/**
 * Opens an HTML report in headless Chromium with a fresh profile. Every request goes through a
 * route: the report is served from `reportUrl`, anything else is recorded and aborted. `strict`
 * turns JavaScript off and serves the page with a Content-Security-Policy that blocks inline
 * styles and scripts, as the Jenkins and GitLab artifact viewers do.
 */
export async function openReport(htmlFile: string, options: { strict?: boolean; viewport?: { width: number; height: number } } = {}): Promise<OpenedReport> {
  const profile = mkdtempSync(join(tmpdir(), 'persona-lint-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    javaScriptEnabled: !options.strict,
    viewport: options.viewport ?? { width: 1400, height: 1000 },
  });
  const requests: string[] = [];
  const body = readFileSync(htmlFile);
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url !== reportUrl) {
      requests.push(url);
      return route.abort();
    }
    const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
    if (options.strict) headers['content-security-policy'] = "default-src 'none'; style-src 'none'; script-src 'none'";
    return route.fulfill({ status: 200, headers, body });
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const start = Date.now();
  await page.goto(reportUrl, { waitUntil: 'load', timeout: 120_000 });
  const loadMs = Date.now() - start;
  return {
    page,
    requests,
    loadMs,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function screenshotPath(name: string): string {
  mkdirSync(screenshotDir, { recursive: true });
  return join(screenshotDir, `${name}.png`);
}

/** What the heatmap shows per document: its path and each persona cell's text. */
export async function heatmapCells(page: Page): Promise<Record<string, Record<string, string>>> {
  return page.$$eval('table.heatmap tbody tr[data-path]', (rows) =>
    Object.fromEntries(rows.map((row) => [(row as HTMLElement).dataset.path!, Object.fromEntries([...row.querySelectorAll('td[data-persona]')].map((td) => [(td as HTMLElement).dataset.persona!, td.textContent ?? '']))])),
  );
}

/** The cell text the heatmap must show for each document and persona: the fit, `*` when declared. */
export function expectedCells(results: FileResult[]): Record<string, Record<string, string>> {
  return Object.fromEntries(
    // A file that could not be scored (a fatal message) has its row, with no figures.
    results.map((r) => [r.path, Object.fromEntries((r.personas?.scores ?? []).map((s) => [s.id, `${s.fit}${r.personas!.declared.includes(s.id) ? '*' : ''}`]))]),
  );
}

/** Mean fit per folder and persona, one decimal, as the folder-average rows must show. */
export function expectedAverages(results: FileResult[]): Record<string, Record<string, string>> {
  const sums = new Map<string, Map<string, number[]>>();
  for (const r of results) {
    const folder = r.path.includes('/') ? r.path.slice(0, r.path.lastIndexOf('/')) : '.';
    const byPersona = sums.get(folder) ?? new Map<string, number[]>();
    for (const s of r.personas?.scores ?? []) byPersona.set(s.id, [...(byPersona.get(s.id) ?? []), s.fit]);
    sums.set(folder, byPersona);
  }
  return Object.fromEntries([...sums].map(([folder, byPersona]) => [folder, Object.fromEntries([...byPersona].map(([id, fits]) => [id, String(Math.round((10 * fits.reduce((a, b) => a + b, 0)) / fits.length) / 10)]))]));
}

/** The folder-average row of each folder of the heatmap: folder → persona → text. */
export async function folderAverages(page: Page): Promise<Record<string, Record<string, string | null>>> {
  return page.$$eval('details.folder', (folders) =>
    Object.fromEntries(
      folders.map((f) => {
        const ids = [...f.querySelectorAll('thead th[data-persona]')].map((th) => (th as HTMLElement).dataset.persona!);
        const cells = [...f.querySelectorAll('tr.average td')].slice(0, ids.length).map((td) => td.textContent);
        return [f.querySelector('summary strong')!.textContent!.replace(/\/$/, ''), Object.fromEntries(ids.map((id, i) => [id, cells[i]]))];
      }),
    ),
  );
}
