// npm run fuzz: the property test (test/property.test.ts) at scale, on the built code.
//
//   node scripts/fuzz.mjs [--runs 100000] [--seed <n>] [--pool-every 2000] [--twice-every 1] [--out fuzz-report.json]
//
// Every document: lintText never throws, never gives a fatal message, and every message is inside
// the document and points at its flagged text; every --twice-every documents, a second run gives
// the same result. Every
// --pool-every documents, the last 50 are linted as files in process and on a 2-thread pool, which
// must agree. Prints the count, the seed and the slowest document at the end.
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { lintFiles, lintText } from '../dist/index.js';
import { markdownDocument, positionProblems } from './markdown-arbitrary.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '100000' }, seed: { type: 'string' }, 'pool-every': { type: 'string', default: '2000' }, 'twice-every': { type: 'string', default: '1' }, out: { type: 'string' } } });
const runs = Number(values.runs);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const poolEvery = Number(values['pool-every']);
const twiceEvery = Number(values['twice-every']);
const recent = [];
let count = 0;
let poolChecks = 0;
let slowest = { ms: 0, text: '' };
// The first document loads the parser, the rules and the data: not the document's own time.
await lintText('# Warm-up\n\nWe leverage synergy.\n');
const started = performance.now();

async function comparePool() {
  const dir = mkdtempSync(join(tmpdir(), 'persona-lint-fuzz-'));
  try {
    recent.forEach((text, i) => writeFileSync(join(dir, `doc-${String(i).padStart(2, '0')}.md`), text));
    const inProcess = await lintFiles([dir], { cwd: dir, workers: 1 });
    const pooled = await lintFiles([dir], { cwd: dir, workers: 2 });
    if (!isDeepStrictEqual(inProcess, pooled)) throw new Error(`pool and process differ on one of: ${JSON.stringify(recent)}`);
    poolChecks++;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await fc.assert(
  fc.asyncProperty(markdownDocument, async (text) => {
    const start = performance.now();
    const first = await lintText(text, { filePath: 'random.md' });
    const ms = performance.now() - start;
    if (ms > slowest.ms) slowest = { ms, text };
    const problems = positionProblems(text, first);
    if (problems.length > 0) throw new Error(problems.join('\n'));
    count++;
    if (count % twiceEvery === 0 && !isDeepStrictEqual(await lintText(text, { filePath: 'random.md' }), first)) throw new Error('a second run differs');
    recent.push(text);
    if (recent.length > 50) recent.shift();
    if (count % poolEvery === 0) await comparePool();
    if (count % 5000 === 0) process.stderr.write(`fuzz: ${count} documents, ${poolChecks} pool checks, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }),
  { seed, numRuns: runs, endOnFailure: true },
);
const summary = { documents: count, seed, poolChecks, seconds: Math.round((performance.now() - started) / 1000), slowest: { ms: Math.round(slowest.ms), characters: slowest.text.length, text: slowest.text } };
if (values.out) writeFileSync(values.out, `${JSON.stringify(summary, null, 2)}\n`);
console.log(JSON.stringify({ ...summary, slowest: { ...summary.slowest, text: `${JSON.stringify(slowest.text).slice(0, 300)}…` } }, null, 2));
