// Regenerates the README's option and rule tables from the code (`npm run readme`);
// test/readme.test.ts fails when they drift.
import { readFileSync, writeFileSync } from 'node:fs';
import { readmeTables } from '../dist/cli/readme-tables.js';

const path = new URL('../README.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = readmeTables(before);
if (after !== before) writeFileSync(path, after);
console.log(after === before ? 'README tables up to date' : 'README tables updated');
