// Makes the relevance data in rules/relevance/ (run after `npm run build`):
//
//   node scripts/fit-relevance.mjs
//
// - background.json: how often general writing uses each term, counted over the rust-blog corpus
//   (a developer blog, 754 posts) and the buyer-persona handbook, both in ../shared.
// - weights.json: per persona, the mean term distribution of the gitlab-docs pages labelled for it
//   (../shared/corpus/gitlab-docs); the share of documentation in the background and the softmax
//   temperature, chosen together by cross-validated log loss (folds by source folder: no page is
//   scored with weights fitted on a page from its own folder).
//
// The relevance model itself (src/scoring/relevance.ts) mixes these with the profiles.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from '../dist/text/document.js';
import { loadBuiltinPersonas } from '../dist/data/load-data.js';
import { documentTerms, profileTerms, relevanceModel, scoreRelevance, termCounts } from '../dist/scoring/relevance.js';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const shared = join(repo, '..', 'shared');
export const gitlabDocs = join(shared, 'corpus', 'gitlab-docs');
const out = join(repo, 'rules', 'relevance');

/** The settings, chosen by cross-validated top-1 on gitlab-docs over a small grid (docs/scoring.md). */
export const params = { profileShare: 0.25, scale: 3 };

/** The documentation shares of the background tried; the one with the lowest cross-validated log loss is shipped. */
const domainShares = [0, 0.25, 0.5, 0.75, 0.9];

/** Terms general writing uses fewer times than this are left out of background.json (they count as rare). */
const minBackgroundCount = 3;

const read = (file) => parseDocument(file, readFileSync(file, 'utf8'));

/** The labelled gitlab-docs pages: label, fold (source folder) and term shares. */
export function labelledPages(dir = gitlabDocs) {
  const [header, ...rows] = readFileSync(join(dir, 'labels.tsv'), 'utf8').trim().split('\n');
  const columns = header.split('\t');
  return rows.map((row) => {
    const cells = Object.fromEntries(row.split('\t').map((value, i) => [columns[i], value]));
    const doc = read(join(dir, cells.file));
    return { path: cells.file, file: join(dir, cells.file), label: cells.persona, fold: dirname(cells.source), doc, shares: documentTerms(doc).shares };
  });
}

/** Per persona id, the mean term shares of its pages, rounded to keep the file small. */
export function fitPersonas(pages) {
  const personas = {};
  for (const id of [...new Set(pages.map((p) => p.label))].sort()) {
    const mine = pages.filter((p) => p.label === id);
    const sum = new Map();
    for (const page of mine) for (const [term, share] of page.shares) sum.set(term, (sum.get(term) ?? 0) + share / mine.length);
    personas[id] = Object.fromEntries([...sum].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([term, share]) => [term, Number(share.toPrecision(3))]));
  }
  return personas;
}

/** The fitted data without `fold`'s pages, at `settings` ({ domainShare, temperature, minTerms }): what cross-validation scores that fold with. */
export function dataWithout(background, pages, fold, settings) {
  return { background, fitted: { source: `gitlab-docs without ${fold}`, method: 'cross-validation fold', params: { ...params, ...settings }, personas: fitPersonas(pages.filter((p) => p.fold !== fold)) } };
}

/** Cross-validated relevance of every page: each scored with the weights fitted without its folder. */
export function crossValidated(background, pages, domainShare) {
  const personas = loadBuiltinPersonas();
  const byPage = new Map();
  for (const fold of [...new Set(pages.map((p) => p.fold))]) {
    const model = relevanceModel(personas, dataWithout(background, pages, fold, { domainShare, temperature: 1, minTerms: 0 }));
    for (const page of pages.filter((p) => p.fold === fold)) byPage.set(page.path, scoreRelevance(model, page.doc));
  }
  return byPage;
}

export function readBackground() {
  return JSON.parse(readFileSync(join(out, 'background.json'), 'utf8'));
}

function buildBackground() {
  const blog = join(shared, 'corpus', 'rust-blog');
  const files = [...readdirSync(blog, { recursive: true }).filter((name) => name.endsWith('.md')).sort().map((name) => join(blog, name)), join(shared, 'buyer-personas.md')];
  const counts = new Map();
  let tokens = 0;
  for (const file of files) {
    for (const [term, count] of termCounts(read(file)).counts) {
      counts.set(term, (counts.get(term) ?? 0) + count);
      tokens += count;
    }
  }
  // Terms the built-in model looks up keep their count even when rare.
  const needed = new Set(loadBuiltinPersonas().flatMap((p) => [...profileTerms(p).keys()]));
  const kept = [...counts].filter(([term, count]) => count >= minBackgroundCount || needed.has(term)).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return { source: `../shared/corpus/rust-blog (${files.length - 1} posts) and ../shared/buyer-personas.md; terms counted fewer than ${minBackgroundCount} times are left out unless a profile uses them`, documents: files.length, tokens, counts: Object.fromEntries(kept) };
}

/**
 * The documentation share of the background and the temperature with the lowest cross-validated
 * log loss: the background that ranks best, with probabilities neither over- nor under-confident.
 */
function fitSettings(background, pages) {
  const ids = loadBuiltinPersonas().map((p) => p.id);
  let best = { loss: Infinity };
  for (const domainShare of domainShares) {
    const scored = crossValidated(background, pages, domainShare);
    for (let temperature = 0.005; temperature <= 0.5; temperature += 0.005) {
      let loss = 0;
      for (const page of pages) {
        const relevance = scored.get(page.path).map((r) => r.relevance);
        const max = Math.max(...relevance);
        const sum = relevance.reduce((s, r) => s + Math.exp((r - max) / temperature), 0);
        loss -= (relevance[ids.indexOf(page.label)] - max) / temperature - Math.log(sum);
      }
      if (loss < best.loss) best = { domainShare, temperature: Number(temperature.toFixed(3)), loss };
    }
  }
  return { domainShare: best.domainShare, temperature: best.temperature };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!existsSync(join(gitlabDocs, 'labels.tsv'))) {
    console.error(`fit-relevance: ${gitlabDocs} is not here; it lives in ../shared/corpus.`);
    process.exit(2);
  }
  const background = buildBackground();
  writeFileSync(join(out, 'background.json'), `${JSON.stringify(background)}\n`);
  const pages = labelledPages();
  const settings = fitSettings(background, pages);
  const weights = {
    source: `../shared/corpus/gitlab-docs: ${pages.length} labelled pages`,
    method: `per persona, the mean of its pages’ term shares (1 + ln count, normalised per page); documentation share of the background (of ${domainShares.join(', ')}) and temperature by cross-validated log loss, folds by source folder`,
    params: { ...params, ...settings, minTerms: Math.min(...pages.map((p) => p.shares.size)) },
    personas: fitPersonas(pages),
  };
  writeFileSync(join(out, 'weights.json'), `${JSON.stringify(weights)}\n`);
  console.log(`background: ${Object.keys(background.counts).length} terms of ${background.tokens} occurrences; weights: ${Object.values(weights.personas).reduce((n, t) => n + Object.keys(t).length, 0)} terms; documentation share ${settings.domainShare}, temperature ${settings.temperature}`);
}
