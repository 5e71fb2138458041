// The HTML report at scale: lints a generated tree of 10,000 short documents (100 folders of 100,
// personas declared on most, buzzwords and persona vocabulary mixed in) to an HTML report, then
// opens it in headless Chromium and times the load. Also the rust-blog corpus, when present.
// A script, not a test: it prints a table and writes bench/html-results.json.
//
//   node bench/html-report.mjs [--documents 10000] [--no-rust-blog]
//
// Needs Debian's chromium (/usr/bin/chromium) and GNU time for peak memory (optional).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const { values } = parseArgs({ options: { documents: { type: 'string', default: '10000' }, 'no-rust-blog': { type: 'boolean', default: false }, output: { type: 'string', default: join(repo, 'bench', 'html-results.json') } } });
const cli = join(repo, 'dist', 'cli', 'main.js');
const gnuTime = ['/usr/bin/time', '/bin/time'].find((path) => existsSync(path));
const scratch = mkdtempSync(join(tmpdir(), 'persona-lint-html-bench-'));

const personas = ['release-rory', 'tech-exec-tristan', 'platform-perry', 'app-dev-avery', 'infosec-shiloh', 'compliance-cooper', 'program-management-payton', 'back-office-blake'];
const sentences = [
  'Release managers ship on a predictable cadence and track every milestone on one board.',
  'The release process now has fewer manual steps, so delivery dates hold.',
  'Leaders see the return on investment within two quarters and the budget stays flat.',
  'This cuts costs across the business and delivers value the board can measure.',
  'Platform engineers automate pipelines from commit to production with infrastructure as code.',
  'Uptime and platform stability improved while queue times fell under two minutes.',
  'Developers get fast feedback in the merge request and spend less time waiting on builds.',
  'Security teams scan dependencies and remediate vulnerabilities before they reach production.',
  'Every change leaves an audit trail, and policies as code keep controls consistent.',
  'Program managers see dependencies across teams and coordinate the roadmap in one place.',
  'Finance and procurement approve tools faster when there is one vendor and one contract.',
  'Our seamless, best-in-class platform lets you leverage synergy and move the needle.',
  'It is a game-changer that empowers robust, world-class innovation.',
  'Even a junior engineer can simply do it; it is easy for anyone who is not a dummy.',
  'The team measured a 40% drop in failed deployments over six months.',
  'Customers told us the new dashboard saved each of them a day every week.',
];

/** A deterministic pseudo-random sequence (mulberry32), so every run generates the same tree. */
function random(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generateTree(root, count) {
  const next = random(14);
  const pick = (list) => list[Math.floor(next() * list.length)];
  for (let i = 0; i < count; i++) {
    const folder = join(root, `section-${String(Math.floor(i / 100)).padStart(3, '0')}`);
    mkdirSync(folder, { recursive: true });
    const declared = next() < 0.8 ? `persona: ${pick(personas)}\n` : '';
    const paragraphs = Array.from({ length: 2 + Math.floor(next() * 3) }, () => Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(sentences)).join(' '));
    writeFileSync(join(folder, `page-${String(i).padStart(5, '0')}.md`), `---\ntitle: Page ${i}\n${declared}---\n\n# Page ${i}\n\n${paragraphs.join('\n\n')}\n`);
  }
}

function timed(args, cwd) {
  const mem = join(scratch, 'time.txt');
  const [file, argv] = gnuTime ? [gnuTime, ['-f', '%M', '-o', mem, process.execPath, cli, ...args]] : [process.execPath, [cli, ...args]];
  const start = process.hrtime.bigint();
  const run = spawnSync(file, argv, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0 && run.status !== 1) throw new Error(`persona-lint exited ${run.status}: ${run.stderr}`);
  return { seconds, peakMb: gnuTime ? Number(readFileSync(mem, 'utf8').trim().split('\n').pop()) / 1024 : null };
}

/** Opens the report in Chromium (fresh profile, no network) and times navigation to the load event, median of three. */
async function loadTimes(htmlFile) {
  const profile = mkdtempSync(join(scratch, 'profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const url = 'http://report.invalid/report.html';
  const body = readFileSync(htmlFile);
  let outside = 0;
  await context.route('**/*', (route) => (route.request().url() === url ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }) : (outside++, route.abort())));
  const page = context.pages()[0] ?? (await context.newPage());
  const samples = [];
  const rendered = [];
  for (let i = 0; i < 3; i++) {
    const start = Date.now();
    await page.goto(url, { waitUntil: 'load', timeout: 300_000 });
    samples.push(Date.now() - start);
    // Two animation frames after load: the page has been laid out and painted.
    rendered.push(Math.round(await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now())))))));
  }
  const rows = await page.locator('table.heatmap tbody tr').count();
  await context.close();
  samples.sort((a, b) => a - b);
  rendered.sort((a, b) => a - b);
  return { loadMs: samples[1], loadSamplesMs: samples, paintedMs: rendered[1], heatmapRows: rows, requestsOutside: outside };
}

async function measure(label, dir, cwd) {
  const html = join(scratch, `${label}.html`);
  const lint = timed([dir, '-f', 'html', '-o', html], cwd);
  const browser = await loadTimes(html);
  const row = { label, documents: browser.heatmapRows, htmlMb: statSync(html).size / 1e6, lintSeconds: lint.seconds, lintPeakMb: lint.peakMb, ...browser };
  console.log(`${label}: ${row.documents} documents, ${row.htmlMb.toFixed(2)} MB of HTML, lint + report ${lint.seconds.toFixed(1)} s (peak ${lint.peakMb?.toFixed(0) ?? '?'} MB), Chromium load ${browser.loadMs} ms (${browser.loadSamplesMs.join(', ')}), painted after ${browser.paintedMs} ms, ${browser.requestsOutside} requests outside the file`);
  return row;
}

try {
  const load = loadavg().map((n) => Math.round(n * 100) / 100);
  console.log(`html bench: load average ${load.join(' ')} at the start`);
  const rows = [];
  const rustBlog = join(repo, '..', 'shared', 'corpus', 'rust-blog');
  if (!values['no-rust-blog'] && existsSync(rustBlog)) rows.push(await measure('rust-blog', '.', rustBlog));
  const tree = join(scratch, 'tree');
  generateTree(tree, Number(values.documents));
  rows.push(await measure(`generated-${values.documents}`, '.', tree));
  writeFileSync(values.output, `${JSON.stringify({ date: new Date().toISOString(), loadAverageAtStart: load, rows }, null, 2)}\n`);
  console.log(`\n| report | documents | HTML MB | lint + report s | peak MB | Chromium load ms | painted ms |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n${rows.map((r) => `| ${r.label} | ${r.documents} | ${r.htmlMb.toFixed(2)} | ${r.lintSeconds.toFixed(1)} | ${r.lintPeakMb?.toFixed(0) ?? '–'} | ${r.loadMs} | ${r.paintedMs} |`).join('\n')}\n\nWrote ${values.output}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
