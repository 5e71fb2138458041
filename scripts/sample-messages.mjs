// Prints a random sample of one rule's messages on a corpus, each with its sentence, for a
// precision review: `node scripts/sample-messages.mjs <dir> <rule-id> [count] [seed]`.
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
    if (m.ruleId === ruleId) found.push({ path: result.path, m });
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
  const before = text.lastIndexOf('\n\n', offset);
  const after = text.indexOf('\n\n', offset);
  const block = text.slice(before < 0 ? 0 : before + 2, after < 0 ? text.length : after).replace(/\s+/g, ' ');
  const at = offset - (before < 0 ? 0 : before + 2);
  const start = Math.max(block.lastIndexOf('. ', at - 1) + 2, at - 200, 0);
  const end = block.indexOf('. ', at);
  return block.slice(start, end < 0 ? Math.min(block.length, at + 200) : Math.min(end + 1, at + 200));
};

sample.forEach(({ path, m }, i) => {
  const text = readFileSync(join(root, path), 'utf8');
  console.log(`\n#${i + 1} ${path}:${m.line}:${m.column} [${m.actual}] ${m.message}\n   ${m.line ? sentenceAround(text, m.line, m.column) : ''}`);
});
