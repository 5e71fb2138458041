// Regenerates the README's option and rule tables from the code (`npm run readme`);
// test/readme.test.ts fails when they drift.
import { readFileSync, writeFileSync } from 'node:fs';
import { readmeTables, fixableTable, pagesWithFixes } from '../dist/cli/readme-tables.js';

const path = new URL('../README.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = readmeTables(before);
if (after !== before) writeFileSync(path, after);
console.log(after === before ? 'README tables up to date' : 'README tables updated');

// The rule pages' tables of fixable entries, from the word packs.
for (const id of pagesWithFixes) {
  const page = new URL(`../docs/rules/${id}.md`, import.meta.url);
  const text = readFileSync(page, 'utf8');
  const updated = fixableTable(text, id);
  if (updated !== text) writeFileSync(page, updated);
  console.log(`docs/rules/${id}.md: fixable entries ${updated === text ? 'up to date' : 'updated'}`);
}
