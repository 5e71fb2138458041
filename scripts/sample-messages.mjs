#!/usr/bin/env node
// A blind sample of a corpus's messages for a precision review, drawn with a fixed seed so it can
// be drawn again: per rule, up to --per-rule messages chosen by a seeded hash (all of them where a rule has
// fewer), each with the sentence it sits in. The review file it writes has empty verdict and
// reason columns; a reviewer fills them one by one, and --score reads them back.
//   node scripts/sample-messages.mjs <dir> [--rules a,b] [--per-rule 25] [--seed 1] [--persona id] [--config file] [--every-repeat] [--out file.md]
//   node scripts/sample-messages.mjs --score file.md      precision per rule from a filled review
// Build first (npm run build). The counts per rule are printed first.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rules: { type: 'string' },
    'per-rule': { type: 'string', default: '25' },
    seed: { type: 'string', default: '1' },
    persona: { type: 'string' },
    config: { type: 'string' },
    out: { type: 'string' },
    score: { type: 'string' },
    'every-repeat': { type: 'boolean' },
  },
});

if (values.score) {
  printPrecision(readFileSync(values.score, 'utf8'));
  process.exit(0);
}
const [dir] = positionals;
if (!dir) {
  console.error('usage: node scripts/sample-messages.mjs <dir> [--rules a,b] [--per-rule N] [--seed S] [--persona id] [--config file] [--every-repeat] [--out file.md]');
  process.exit(2);
}

const { lintFiles } = await import('../dist/index.js');
const { collapseRepeatedSentences, defaultMinFiles } = await import('../dist/ci/repeated-sentences.js');
const root = resolve(dir);
// --config: one config file for every page (as the CLI's --config), e.g. to review a rule's option.
const linted = await lintFiles([root], { cwd: root, ...(values.persona ? { persona: values.persona } : {}), ...(values.config ? { configFile: resolve(values.config) } : {}) });
// What the CLI reports: a sentence repeated in many files is one message (unless --every-repeat).
const report = values['every-repeat'] ? linted : collapseRepeatedSentences(linted, defaultMinFiles, (path) => readFileSync(join(root, path), 'utf8'));
const byRule = new Map();
for (const result of report.results) {
  for (const message of result.messages) {
    if (!message.line) continue; // page-level figures (fit, coverage) have no sentence to judge
    if (!byRule.has(message.ruleId)) byRule.set(message.ruleId, []);
    byRule.get(message.ruleId).push({ path: result.path, message });
  }
}
const counts = Object.fromEntries([...byRule].map(([rule, found]) => [rule, found.length]).sort());
console.log(`${report.results.length} files; messages per rule: ${JSON.stringify(counts)}`);

// Per rule, the messages whose seeded hash is lowest: the same seed draws the same sample, and a
// change that removes messages keeps the rest of the sample as it was (the next ones move in).
const rank = ({ path, message }) => createHash('sha256').update(`${values.seed}\0${path}\0${message.line}:${message.column}\0${message.ruleId}\0${message.actual ?? ''}`).digest('hex');
const wanted = values.rules ? values.rules.split(',') : [...byRule.keys()].sort();
const sample = wanted.flatMap((rule) =>
  (byRule.get(rule) ?? [])
    .map((found) => ({ found, key: rank(found) }))
    .sort((a, b) => (a.key < b.key ? -1 : 1))
    .slice(0, Number(values['per-rule']))
    .map(({ found }) => found),
);

const rows = sample.map(({ path, message }, index) => {
  const text = readFileSync(join(root, path), 'utf8');
  const place = `${relative(process.cwd(), join(root, path))}:${message.line}:${message.column}`;
  return [index + 1, message.ruleId, place, message.message, sentenceAround(text, message.line, message.column), '', ''];
});
const table = [
  '| # | rule | place | message | sentence | verdict | reason |',
  '|---|---|---|---|---|---|---|',
  ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
].join('\n');
if (values.out) {
  writeFileSync(values.out, `${table}\n`);
  console.log(`${rows.length} messages written to ${values.out}`);
} else {
  console.log(table);
}

/** The text around a position, up to the sentence ends on either side (at most 200 characters each way). */
function sentenceAround(text, line, column) {
  const lines = text.split('\n');
  let offset = column - 1;
  for (let i = 0; i < line - 1; i++) offset += lines[i].length + 1;
  const from = Math.max(0, offset - 200);
  const window = text.slice(from, offset + 200);
  const at = offset - from;
  const ends = ['. ', '.\n', '? ', '! ', '\n\n', '|'];
  const start = Math.max(0, ...ends.map((end) => window.lastIndexOf(end, at - 1) + end.length));
  const stops = ends.map((end) => window.indexOf(end, at)).filter((k) => k >= 0);
  const end = stops.length > 0 ? Math.min(...stops) + 1 : window.length;
  return window.slice(start, end).replace(/\s+/g, ' ').trim();
}

/** A table cell: one line, pipes and backticks that would break the table escaped. */
function cell(value) {
  return String(value).replace(/\s+/g, ' ').replace(/\|/g, '\\|');
}

/** Precision per rule from a filled review: verdict `real` counts as right, anything else as wrong. */
function printPrecision(markdown) {
  const tally = new Map();
  for (const line of markdown.split('\n')) {
    const cells = line.split(/(?<!\\)\|/).map((c) => c.trim());
    if (cells.length < 8 || !/^\d+$/.test(cells[1])) continue;
    const [rule, verdict] = [cells[2], cells[6]];
    const entry = tally.get(rule) ?? { real: 0, all: 0 };
    entry.all++;
    if (verdict === 'real') entry.real++;
    tally.set(rule, entry);
  }
  for (const [rule, { real, all }] of tally) console.log(`${rule}: ${real}/${all} real (${((100 * real) / all).toFixed(1)}%)`);
}
