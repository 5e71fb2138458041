// npm run eval:personas: how often best fit (relevance) names the labelled persona, and how
// persona-mismatch behaves, on fixtures/personas/ and on ../shared/corpus/gitlab-docs.
//
//   node scripts/eval-personas.mjs [--json]
//
// For each set: top-1, top-2, per-persona recall and precision, the confusion matrix, pages marked
// unclear, and the two persona-mismatch figures: false alarms when every page declares its
// labelled persona, recall when every page declares another persona's label (chosen at random with
// a fixed seed). The gitlab-docs figures are cross-validated when weights were fitted to it: each
// page is scored with the weights fitted without its source folder (rules/relevance-weights.json).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintText } from '../dist/index.js';
import { loadBuiltinPersonas } from '../dist/data/load-data.js';
import { dataWithout, gitlabDocs, labelledPages, readBackground } from './fit-relevance.mjs';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
export { gitlabDocs };
const personaIds = loadBuiltinPersonas().map((p) => p.id);

/** The labelled single-persona pages of fixtures/personas: the folder is the label. */
export function fixturePages() {
  const root = join(repo, 'fixtures', 'personas');
  return readdirSync(root)
    .filter((folder) => personaIds.includes(folder) && statSync(join(root, folder)).isDirectory())
    .flatMap((folder) =>
      readdirSync(join(root, folder))
        .filter((name) => name.endsWith('.md'))
        .sort()
        .map((name) => ({ path: `fixtures/personas/${folder}/${name}`, file: join(root, folder, name), label: folder, fold: folder })),
    );
}

/**
 * Scores each gitlab-docs page with the weights fitted without its source folder, at the shipped
 * documentation share and temperature: the figures say how the method does on pages it was not fitted on.
 */
export function crossValidation(pages) {
  const background = readBackground();
  const { domainShare, temperature, minTerms } = JSON.parse(readFileSync(join(repo, 'rules', 'relevance', 'weights.json'), 'utf8')).params;
  const byFold = new Map();
  return (page) => {
    if (!byFold.has(page.fold)) byFold.set(page.fold, dataWithout(background, pages, page.fold, { domainShare, temperature, minTerms }));
    return byFold.get(page.fold);
  };
}

/** mulberry32: a small seeded generator, so the wrong labels are the same on every run. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const wrongLabelSeed = 10;

async function lint(page, persona, relevanceData) {
  const text = readFileSync(page.file, 'utf8');
  return lintText(text, { cwd: repo, filePath: page.file, persona: [persona], relevanceData });
}

/**
 * Every figure of one labelled set. `dataFor(page)` gives the relevance data to score a page with
 * (cross-validation); without it, the shipped data.
 */
export async function evaluate(pages, dataFor = () => undefined) {
  const random = seeded(wrongLabelSeed);
  const confusion = Object.fromEntries(personaIds.map((id) => [id, Object.fromEntries(personaIds.map((o) => [o, 0]))]));
  const rows = [];
  for (const page of pages) {
    const data = dataFor(page);
    const right = await lint(page, page.label, data);
    const others = personaIds.filter((id) => id !== page.label);
    const wrongLabel = others[Math.floor(random() * others.length)];
    const wrong = await lint(page, wrongLabel, data);
    const ranked = right.personas.scores.map((s) => s.id);
    const mismatch = (result) => result.messages.some((m) => m.ruleId === 'persona-mismatch');
    confusion[page.label][ranked[0]]++;
    rows.push({
      path: page.path,
      label: page.label,
      ranked,
      best: right.personas.best,
      unclear: right.personas.unclear ?? right.personas.best === null,
      top: right.personas.scores.slice(0, 3).map((s) => `${s.id} ${s.probability ?? s.fit}`),
      falseAlarm: mismatch(right),
      wrongLabel,
      caught: mismatch(wrong),
    });
  }
  const share = (n, d) => (d === 0 ? null : n / d);
  const perPersona = Object.fromEntries(
    personaIds.map((id) => {
      const labelled = rows.filter((r) => r.label === id);
      const predicted = rows.filter((r) => r.ranked[0] === id);
      return [id, { pages: labelled.length, recall: share(labelled.filter((r) => r.ranked[0] === id).length, labelled.length), precision: share(predicted.filter((r) => r.label === id).length, predicted.length) }];
    }),
  );
  return {
    pages: rows.length,
    top1: share(rows.filter((r) => r.ranked[0] === r.label).length, rows.length),
    top2: share(rows.filter((r) => r.ranked.slice(0, 2).includes(r.label)).length, rows.length),
    unclear: rows.filter((r) => r.unclear).length,
    perPersona,
    confusion,
    mismatchFalseAlarms: share(rows.filter((r) => r.falseAlarm).length, rows.length),
    mismatchRecall: share(rows.filter((r) => r.caught).length, rows.length),
    wrong: rows.filter((r) => r.ranked[0] !== r.label),
  };
}

const percent = (x) => (x === null ? '   -' : `${(100 * x).toFixed(1)}%`);
const short = (id) => id.split('-').pop();

/** The figures as the terminal shows them. */
export function formatFigures(name, figures, note = '') {
  const lines = [`== ${name} (${figures.pages} pages)${note ? ` — ${note}` : ''}`];
  lines.push(`top-1 ${percent(figures.top1)}   top-2 ${percent(figures.top2)}   unclear ${figures.unclear}`);
  lines.push(`persona-mismatch: false alarms ${percent(figures.mismatchFalseAlarms)} (labelled persona declared), recall ${percent(figures.mismatchRecall)} (a wrong persona declared, seed ${wrongLabelSeed})`);
  lines.push('', `${'persona'.padEnd(28)} pages  recall  precision`);
  for (const [id, p] of Object.entries(figures.perPersona)) lines.push(`${id.padEnd(28)} ${String(p.pages).padStart(5)}  ${percent(p.recall).padStart(6)}  ${percent(p.precision).padStart(9)}`);
  lines.push('', `${'label \\ best'.padEnd(14)}${personaIds.map((id) => short(id).padStart(9)).join('')}`);
  for (const id of personaIds) lines.push(`${short(id).padEnd(14)}${personaIds.map((o) => String(figures.confusion[id][o] || '.').padStart(9)).join('')}`);
  lines.push('', 'wrong:');
  for (const w of figures.wrong) lines.push(`  ${w.path} (${short(w.label)}): ${w.top.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const json = process.argv.includes('--json');
  const out = {};
  const fixtures = await evaluate(fixturePages());
  out.fixtures = fixtures;
  if (!json) process.stdout.write(formatFigures('fixtures/personas', fixtures));
  if (existsSync(join(gitlabDocs, 'labels.tsv'))) {
    const pages = labelledPages(gitlabDocs);
    const gitlab = await evaluate(pages, crossValidation(pages));
    out.gitlabDocs = gitlab;
    if (!json) process.stdout.write(`\n${formatFigures('../shared/corpus/gitlab-docs', gitlab, 'cross-validated: each page scored with weights fitted without its source folder')}`);
  } else if (!json) {
    process.stdout.write(`\n== ../shared/corpus/gitlab-docs: skipped (${gitlabDocs} is not here, as in a user's own clone)\n`);
  }
  if (json) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}
