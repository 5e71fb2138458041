// Prints a random sample of one rule's messages on a corpus, each with its sentence, for a
// precision review: `node scripts/sample-messages.mjs <dir> <rule-id>[,<rule-id>...] [count] [seed]`.
// Build first (npm run build). The counts per rule come first.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lintFiles } from '../dist/index.js';

const [dir, ruleId, countArg = '30', seedArg = '1'] = process.argv.slice(2);
if (!dir || !ruleId) {
  console.error('usage: node scripts/sample-messages.mjs <dir> <rule-id> [count] [seed]');
  process.exit(2);
}
const root = resolve(dir);
const report = await lintFiles([root], { cwd: root });
const perRule = {};
const found = [];
for (const result of report.results) {
  for (const m of result.messages) {
    perRule[m.ruleId] = (perRule[m.ruleId] ?? 0) + 1;
    if (ruleId.split(',').includes(m.ruleId)) found.push({ path: result.path, m });
  }
}
console.log(`${report.results.length} files; messages per rule: ${JSON.stringify(perRule)}`);

// A small seeded generator, so a sample can be drawn again.
let seed = Number(seedArg) || 1;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pool = [...found];
const sample = [];
while (sample.length < Number(countArg) && pool.length > 0) sample.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);

const sentenceAround = (text, line, column) => {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < line - 1; i++) offset += lines[i].length + 1;
  offset += column - 1;
  // The text around the message, up to the sentence ends on either side (at most 160 characters).
  const from = Math.max(0, offset - 160);
  const window = text.slice(from, offset + 160);
  const at = offset - from;
  const start = Math.max(0, ...['. ', '.\n', '\n\n'].map((end) => window.lastIndexOf(end, at - 1) + 2)) || 0;
  const stops = ['. ', '.\n', '\n\n'].map((end) => window.indexOf(end, at)).filter((k) => k >= 0);
  const end = stops.length > 0 ? Math.min(...stops) + 1 : window.length;
  return window.slice(start, end).replace(/\s+/g, ' ');
};

sample.forEach(({ path, m }, i) => {
  const text = readFileSync(join(root, path), 'utf8');
  console.log(`\n#${i + 1} ${m.ruleId} ${path}:${m.line}:${m.column} [${m.actual}] ${m.message}\n   ${m.line ? sentenceAround(text, m.line, m.column) : ''}`);
});
