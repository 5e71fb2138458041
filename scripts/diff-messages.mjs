#!/usr/bin/env node
// What a change did to the messages of a run: counts per rule before and after, and every message
// removed or added, with the reason a message was removed where the tool can tell.
//   node scripts/diff-messages.mjs <before.json> <after.json> [--rules a,b] [--added]
// Both files are `persona-lint --format json` reports of the same files; run `npm run build` first.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseDocument } from '../dist/text/document.js';
import { inRanges, proseRegions } from '../dist/rules/helpers/prose-regions.js';
import { properNames } from '../dist/rules/helpers/proper-names.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { rules: { type: 'string' }, added: { type: 'boolean' } } });
if (positionals.length !== 2) {
  console.error('Usage: node scripts/diff-messages.mjs <before.json> <after.json> [--rules a,b] [--added]');
  process.exit(2);
}
const [before, after] = positionals.map((file) => JSON.parse(readFileSync(file, 'utf8')));
const only = values.rules?.split(',');
const wanted = (m) => m.line !== null && (!only || only.includes(m.ruleId));
const key = (path, m) => `${path}\0${m.ruleId}\0${m.line}:${m.column}\0${m.actual}\0${m.message}`;
// A message that only moved (same rule, same end, same words) is not removed: readability spans now start at the first word.
const endKey = (path, m) => `${path}\0${m.ruleId}\0${m.endLine}:${m.endColumn}`;

const counts = {};
const count = (m, side) => ((counts[m.ruleId] ??= { before: 0, after: 0 })[side]++);
const afterKeys = new Set();
const afterEnds = new Set();
for (const result of after.results) for (const m of result.messages) {
  count(m, 'after');
  afterKeys.add(key(result.path, m));
  afterEnds.add(endKey(result.path, m));
}
const beforeKeys = new Set();
const removed = [];
let moved = 0;
for (const result of before.results) for (const m of result.messages) {
  count(m, 'before');
  beforeKeys.add(key(result.path, m));
  if (!wanted(m) || afterKeys.has(key(result.path, m))) continue;
  if (afterEnds.has(endKey(result.path, m))) moved++;
  else removed.push({ path: result.path, m });
}

console.log('| rule | before | after |\n| --- | ---: | ---: |');
for (const [rule, { before: b, after: a }] of Object.entries(counts).sort()) console.log(`| ${rule} | ${b} | ${a} |`);
console.log(`\n${moved} messages moved (same rule and end, new start).`);

const docs = new Map();
const docOf = (path) => {
  if (!docs.has(path)) docs.set(path, parseDocument(path, readFileSync(path, 'utf8')));
  return docs.get(path);
};
const offsetOf = (text, line, column) => {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
};

/** Why a message is gone, where the new guards can tell; else the guard is a word pack's or a rule's own. */
function reason({ path, m }) {
  const doc = docOf(path);
  const start = offsetOf(doc.text, m.line, m.column);
  const end = offsetOf(doc.text, m.endLine, m.endColumn);
  if (inRanges(proseRegions(doc).quotations, start, end)) return 'inside a quotation (checkQuotations is off)';
  for (const sentence of doc.sentences) {
    const from = sentence.tokens.findIndex((t) => t.start.offset === start);
    const to = sentence.tokens.findIndex((t) => t.end.offset === end);
    if (from >= 0 && to >= from && properNames(doc)(sentence.tokens, from, to + 1)) return 'a name: capitalised mid-sentence in this document';
  }
  if (m.ruleId === 'persona-disparagement') return 'a persona’s given name is a person, not a team';
  return 'a word pack sense guard (see the entry’s comment in rules/<rule>.yml)';
}

const lineOf = (path, line) => readFileSync(path, 'utf8').split('\n')[line - 1]?.trim() ?? '';
const byReason = new Map();
for (const entry of removed) {
  const why = reason(entry);
  if (!byReason.has(why)) byReason.set(why, []);
  byReason.get(why).push(entry);
}
console.log(`\n## ${removed.length} messages removed${only ? ` (${only.join(', ')})` : ''}, by reason`);
for (const [why, entries] of byReason) {
  console.log(`\n### ${why} (${entries.length})\n`);
  for (const { path, m } of entries) console.log(`- ${path}:${m.line}:${m.column} ${m.ruleId} “${m.actual}” — ${lineOf(path, m.line).slice(0, 160)}`);
}
if (values.added) {
  console.log('\n## Messages added\n');
  for (const result of after.results) for (const m of result.messages) {
    if (wanted(m) && !beforeKeys.has(key(result.path, m)) && m.ruleId !== 'readability') console.log(`- ${result.path}:${m.line}:${m.column} ${m.ruleId} “${m.actual}” — ${lineOf(result.path, m.line).slice(0, 160)}`);
  }
}
