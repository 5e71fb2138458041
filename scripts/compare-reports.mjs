#!/usr/bin/env node
// Behaviour check for refactors: the JSON report of the corpus and of fixtures/ must not change.
//   node scripts/compare-reports.mjs --save <dir> [--cli <path/to/cli.js>] [--cwd <repo>]
//     writes <dir>/<name>.json with a (possibly older) build's CLI
//   node scripts/compare-reports.mjs --against <dir>
//     runs this checkout's build and exits 1 when any report differs from the saved one
// Reports come from `--format json --workers 1`, run from the repo root, so paths are comparable.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const repo = resolve(new URL('..', import.meta.url).pathname);
const { values } = parseArgs({ options: { save: { type: 'string' }, against: { type: 'string' }, cli: { type: 'string' }, cwd: { type: 'string' }, only: { type: 'string' } } });
if (!values.save === !values.against) {
  console.error('Give one of --save <dir> or --against <dir>.');
  process.exit(2);
}
const cwd = resolve(values.cwd ?? repo);
const cli = resolve(values.cli ?? join(repo, 'dist', 'cli', 'main.js'));
const targets = { fixtures: 'fixtures', 'rust-blog': '../shared/corpus/rust-blog' };

/** The report as text, without what legitimately differs between two checkouts (none today: no timings, paths are relative to cwd or absolute outside it). */
function report(target) {
  const run = spawnSync(process.execPath, [cli, target, '--format', 'json', '--workers', '1'], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0 && run.status !== 1) throw new Error(`${cli} ${target} exited ${run.status}: ${run.stderr}`);
  const parsed = JSON.parse(run.stdout);
  return `${JSON.stringify(parsed, null, 2).split(cwd).join('<cwd>')}\n`;
}

let differences = 0;
for (const [name, target] of Object.entries(targets)) {
  if (values.only && values.only !== name) continue;
  if (!existsSync(resolve(cwd, target))) {
    console.log(`${name}: skipped, ${resolve(cwd, target)} is absent`);
    continue;
  }
  const text = report(target);
  if (values.save) {
    mkdirSync(values.save, { recursive: true });
    writeFileSync(join(values.save, `${name}.json`), text);
    console.log(`${name}: saved ${text.length} characters`);
    continue;
  }
  const before = readFileSync(join(values.against, `${name}.json`), 'utf8');
  if (before === text) {
    console.log(`${name}: identical (${JSON.parse(text).results.length} files)`);
    continue;
  }
  differences++;
  const a = before.split('\n');
  const b = text.split('\n');
  const at = a.findIndex((line, i) => line !== b[i]);
  console.log(`${name}: DIFFERENT from line ${at + 1}:\n- ${a[at]}\n+ ${b[at]}`);
  writeFileSync(join(values.against, `${name}.after.json`), text);
}
process.exit(differences > 0 ? 1 : 0);
