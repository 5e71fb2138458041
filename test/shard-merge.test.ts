import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseShard, selectShard } from '../src/ci/shards.js';
import { reporterNames } from '../src/reporters/index.js';
import { reportAll } from './helpers/reports.js';
import { runCli, tempTree } from './helpers/cli.js';
import { repoRoot } from './helpers/fixtures.js';

describe('selectShard', () => {
  const dir = tempTree(Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`docs/${String.fromCharCode(97 + (i % 7))}/page-${i}.md`, 'x'.repeat(100 + ((i * 7919) % 3000))])));
  const files = Array.from({ length: 40 }, (_, i) => join(dir, `docs/${String.fromCharCode(97 + (i % 7))}/page-${i}.md`));
  const bytes = (list: string[]) => list.reduce((n, f) => n + statSync(f).size + 1, 0);

  it('splits the files into n parts of consecutive repository-relative paths, whatever order they come in', () => {
    const sorted = [...files].sort();
    const parts = [1, 2, 3, 4].map((index) => selectShard([...files].reverse(), { index, total: 4 }, dir));
    expect(parts.flat()).toEqual(sorted);
    expect(parts.map((part) => part.length).every((n) => n > 0)).toBe(true);
  });

  it('balances the parts by bytes: each within one file of an equal share', () => {
    const parts = [1, 2, 3, 4].map((index) => selectShard(files, { index, total: 4 }, dir));
    const share = bytes(files) / 4;
    const largest = Math.max(...files.map((f) => statSync(f).size + 1));
    for (const part of parts) expect(Math.abs(bytes(part) - share)).toBeLessThanOrEqual(largest);
  });

  it('1/1 is every file; more shards than files leaves some empty', () => {
    expect(selectShard(files, { index: 1, total: 1 }, dir)).toEqual(files);
    const few = files.slice(0, 2);
    expect([1, 2, 3, 4, 5].map((index) => selectShard(few, { index, total: 5 }, dir)).flat().sort()).toEqual([...few].sort());
  });
});

describe('parseShard', () => {
  it('reads i/n, and GitLab’s CI_NODE_INDEX/CI_NODE_TOTAL for auto (1/1 outside a parallel job)', () => {
    expect(parseShard('2/4', {})).toEqual({ index: 2, total: 4 });
    expect(parseShard('auto', { CI_NODE_INDEX: '3', CI_NODE_TOTAL: '4' })).toEqual({ index: 3, total: 4 });
    expect(parseShard('auto', {})).toEqual({ index: 1, total: 1 });
  });

  it('rejects what is not i/n with 1 ≤ i ≤ n', () => {
    expect(() => parseShard('5/4', {})).toThrow('--shard takes <i>/<n> with 1 ≤ i ≤ n, e.g. 2/4, not "5/4"');
    expect(() => parseShard('0/4', {})).toThrow('not "0/4"');
    expect(() => parseShard('two', {})).toThrow('not "two"');
    expect(() => parseShard('auto', { CI_NODE_TOTAL: '4' })).toThrow('--shard auto (CI_NODE_INDEX/CI_NODE_TOTAL) takes <i>/<n> with 1 ≤ i ≤ n, e.g. 2/4, not "/4"');
  });
});

describe('--shard and merge on the fixtures', () => {
  const out = mkdtempSync(join(tmpdir(), 'persona-lint-shards-'));
  const shardFile = (i: number) => join(out, `shard-${i}.json`);
  let baseline: string;

  beforeAll(() => {
    baseline = join(out, 'baseline.json');
    // A baseline of part of the run, so the merge has messages it accepts and messages it counts.
    const recorded = runCli(['fixtures/buzzword', '--write-baseline', baseline, '-f', 'json']);
    expect(recorded.code, recorded.stderr).toBeLessThan(2);
    for (let i = 1; i <= 4; i++) {
      const run = runCli(['fixtures', '--shard', `${i}/4`, '-f', 'json', '-o', shardFile(i)]);
      // A shard gathers results; the merge judges them: exit 0 though the fixtures have errors.
      expect(run, run.stderr).toMatchObject({ code: 0, stderr: '' });
    }
  });

  it('each shard report records its shard, the tool version and the configuration hash', () => {
    const reports = [1, 2, 3, 4].map((i) => JSON.parse(readFileSync(shardFile(i), 'utf8')));
    expect(reports.map((r) => r.shard)).toEqual([1, 2, 3, 4].map((index) => ({ index, total: 4 })));
    expect(new Set(reports.map((r) => r.tool.version))).toEqual(new Set([JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version]));
    expect(reports[0].configHash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(reports.map((r) => r.configHash)).size).toBe(1);
    expect(reports.every((r) => r.results.length > 0)).toBe(true);
  });

  it('merged, the shards give the unsharded run in every format, with gates, --max-warnings and the baseline applied once', () => {
    const judging = ['--min-fit', '40', '--max-warnings', '3', '--baseline', baseline];
    const whole = reportAll(['fixtures', ...judging], mkdtempSync(join(out, 'whole-')));
    const merged = reportAll(['merge', shardFile(3), shardFile(1), shardFile(4), shardFile(2), ...judging], mkdtempSync(join(out, 'merged-')));
    for (const format of reporterNames) expect(merged.files[format], format).toBe(whole.files[format]);
    expect([merged.code, merged.stderr]).toEqual([whole.code, whole.stderr]);
    const json = JSON.parse(whole.files.json);
    expect(json.gateFailures.length).toBeGreaterThan(0);
    expect(json.results.some((r: { messages: { baseline?: boolean }[] }) => r.messages.some((m) => m.baseline))).toBe(true);
    expect(whole.stderr).toContain('below --min-fit 40.');
  });

  it('refuses a missing shard, a shard given twice, mixed totals and a report that is not one', () => {
    expect(runCli(['merge', shardFile(1), shardFile(2), shardFile(4)])).toMatchObject({ code: 2, stdout: '', stderr: "persona-lint: Shard 3/4 is missing: every shard's report is needed for a complete run.\n" });
    expect(runCli(['merge', shardFile(1), shardFile(2), shardFile(2), shardFile(3), shardFile(4)])).toMatchObject({ code: 2, stderr: `persona-lint: Shard 2/4 is given twice: ${shardFile(2)} and ${shardFile(2)}.\n` });
    const two = join(out, 'two-of-2.json');
    writeFileSync(two, JSON.stringify({ ...JSON.parse(readFileSync(shardFile(2), 'utf8')), shard: { index: 2, total: 2 } }));
    expect(runCli(['merge', shardFile(1), two]).stderr).toBe(`persona-lint: ${shardFile(1)} is shard 1/4 but ${two} is shard 2/2: every shard of a run has the same total.\n`);
    const other = join(out, 'other.json');
    writeFileSync(other, '{"results": []}');
    expect(runCli(['merge', other])).toMatchObject({ code: 2, stderr: `persona-lint: ${other} is not a persona-lint JSON report (write one with --format json or --report json=<file>).\n` });
    expect(runCli(['merge'])).toMatchObject({ code: 2, stderr: 'persona-lint: merge needs the JSON reports of the shards: persona-lint merge <report.json...>\n' });
  });

  it('refuses reports of another version or another configuration', () => {
    const old = join(out, 'old-version.json');
    writeFileSync(old, JSON.stringify({ ...JSON.parse(readFileSync(shardFile(3), 'utf8')), tool: { name: 'persona-lint', version: '0.0.9' } }));
    const version = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version;
    expect(runCli(['merge', shardFile(1), shardFile(2), old, shardFile(4)])).toMatchObject({ code: 2, stderr: `persona-lint: ${old} was written by persona-lint 0.0.9, this is ${version}: run every shard and the merge with the same version.\n` });
    // The same files with another target persona: another configuration.
    const persona = join(out, 'persona-shard-3.json');
    expect(runCli(['fixtures', '--shard', '3/4', '--persona', 'release-rory', '-f', 'json', '-o', persona]).code).toBe(0);
    const hash = (file: string) => JSON.parse(readFileSync(file, 'utf8')).configHash.slice(0, 12);
    expect(runCli(['merge', shardFile(1), shardFile(2), persona, shardFile(4)])).toMatchObject({
      code: 2,
      stderr: `persona-lint: ${persona} and ${shardFile(1)} were made with different configurations (config hash ${hash(persona)} vs ${hash(shardFile(1))}): run every shard with the same config files and options.\n`,
    });
  });

  it('leaves the verdict to the merge: judging options and --quiet are refused on a shard, linting options on a merge', () => {
    expect(runCli(['fixtures', '--shard', '1/4', '--min-fit', '50'])).toMatchObject({ code: 2, stderr: 'persona-lint: --shard lints one part of the files; pass --baseline, --write-baseline, --min-fit and --min-coverage to `persona-lint merge`, which applies them once to the whole run.\n' });
    expect(runCli(['fixtures', '--shard', '1/4', '--quiet']).code).toBe(2);
    expect(runCli(['merge', shardFile(1), '--cache', '--persona', 'rory'])).toMatchObject({ code: 2, stderr: 'persona-lint: --cache, --persona do not apply to merge: pass them to the --shard runs.\n' });
  });

  it('--shard auto reads CI_NODE_INDEX and CI_NODE_TOTAL', () => {
    const auto = join(out, 'auto.json');
    expect(runCli(['fixtures', '--shard', 'auto', '-f', 'json', '-o', auto], { env: { CI_NODE_INDEX: '2', CI_NODE_TOTAL: '4' } }).code).toBe(0);
    const report = JSON.parse(readFileSync(auto, 'utf8'));
    expect(report.shard).toEqual({ index: 2, total: 4 });
    expect(report.results).toEqual(JSON.parse(readFileSync(shardFile(2), 'utf8')).results);
  });
});
