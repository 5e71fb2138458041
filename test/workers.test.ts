import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { runCli, tempTree } from './helpers/cli.js';
import { poolSize, minFilesForPool } from '../src/run/pool.js';
import lintInWorker from '../src/run/lint-worker.js';
import { loadConfigFile } from '../src/config/load-config.js';
import { parseWorkers } from '../src/run/lint-paths.js';
import { ConfigError, reviveError } from '../src/core/errors.js';

const buzz = (word: string) => `# Title\n\nWe ${word} it.\n`;
const leverage = '“leverage” is a buzzword; use “use”, “build on” or “take advantage of” instead.';

describe('--workers', () => {
  it('returns results in file order, the same as an in-process run, in every format', () => {
    // Large files first: in a pool they finish after the small ones behind them.
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) {
      const name = `doc-${String(i).padStart(2, '0')}.md`;
      files[name] = i < 4 ? `# Long ${i}\n\n${'Plain words in a sentence that says little.\n\n'.repeat(300)}We leverage it.\n` : buzz(i % 2 ? 'leverage' : 'synergize');
    }
    const dir = tempTree(files);
    for (const format of ['json', 'stylish']) {
      const inProcess = runCli(['--workers', '1', '-f', format, '.'], { cwd: dir });
      const pooled = runCli(['--workers', '3', '-f', format, '.'], { cwd: dir });
      expect(inProcess.code).toBe(0);
      expect(pooled.code).toBe(0);
      expect(pooled.stdout).toBe(inProcess.stdout);
    }
    const paths = JSON.parse(runCli(['--workers', '2', '-f', 'json', '.'], { cwd: dir }).stdout).results.map((r: { path: string }) => r.path);
    expect(paths).toEqual(Object.keys(files));
  });

  it('a file that makes the parser throw is one fatal message on that file, in process and in the pool', () => {
    // Nesting this deep would overflow the stack in mdast-util-to-nlcst: it is refused before parsing, alike in both.
    const dir = tempTree({ 'a.md': buzz('leverage'), 'deep.md': `${'>'.repeat(20_000)} deep\n`, 'z.md': buzz('leverage') });
    const runs = ['1', '2'].map((workers) => runCli(['--workers', workers, '-f', 'json', '.'], { cwd: dir }));
    for (const run of runs) {
      expect(run.code).toBe(1);
      const results = JSON.parse(run.stdout).results;
      expect(results.map((r: { path: string; messages: { message: string; fatal?: boolean }[] }) => [r.path, r.messages.map((m) => m.message), r.messages[0].fatal ?? false])).toEqual([
        ['a.md', [leverage], false],
        ['deep.md', ['Cannot lint file: line 1 nests block quotes and lists more than 100 levels deep; persona-lint reads up to 100 levels. Flatten the nesting there.'], true],
        ['z.md', [leverage], false],
      ]);
    }
    expect(runs[1].stdout).toBe(runs[0].stdout);
  });

  it('a worker that dies on a file becomes one fatal message for that file, and the pool lints the rest', () => {
    // A real crash: the heap limit applies to each worker, and parsing the big file exhausts it.
    // The worker is terminated (ERR_WORKER_OUT_OF_MEMORY); the pool replaces it.
    const paragraph = `${'We leverage synergy to build a robust platform for every team. '.repeat(8)}\n\n`;
    const files: Record<string, string> = { 'big.md': `# Big\n\n${paragraph.repeat(3000)}` };
    for (const name of ['a', 'c', 'd', 'e', 'f']) files[`${name}.md`] = buzz('leverage');
    const dir = tempTree(files);
    // No time budget: on a busy machine it could stop the file before the heap runs out.
    // --every-repeat: the five small files share their sentence, and each must show its message.
    const run = runCli(['--workers', '2', '--time-budget', '0', '--every-repeat', '-f', 'json', '.'], { cwd: dir, env: { NODE_OPTIONS: '--max-old-space-size=48' } });
    expect(run.code, run.stderr).toBe(1);
    const results = JSON.parse(run.stdout).results as { path: string; messages: { message: string; fatal?: boolean }[] }[];
    expect(results.map((r) => r.path)).toEqual(['a.md', 'big.md', 'c.md', 'd.md', 'e.md', 'f.md']);
    const big = results[1];
    expect(big.messages).toHaveLength(1);
    expect(big.messages[0].fatal).toBe(true);
    expect(big.messages[0].message).toBe('Cannot lint file: the worker linting it stopped: Worker terminated due to reaching memory limit: JS heap out of memory');
    for (const result of results.filter((r) => r.path !== 'big.md')) expect(result.messages.map((m) => m.message)).toEqual([leverage]);
  });

  it('a config error is exit 2 with the same message whatever --workers says', () => {
    const files: Record<string, string> = { '.personalintrc.json': JSON.stringify({ rules: { buzzword: 'loud' } }) };
    for (let i = 0; i < 4; i++) files[`doc-${i}.md`] = buzz('leverage');
    const dir = tempTree(files);
    const runs = ['1', '2'].map((workers) => runCli(['--workers', workers, '.'], { cwd: dir }));
    for (const run of runs) expect(run.code).toBe(2);
    expect(runs[0].stderr).toContain('Invalid config in');
    expect(runs[1].stderr).toBe(runs[0].stderr);
  });

  it('rejects a --workers value that is not a whole number from 1 or auto', () => {
    const dir = tempTree({ 'a.md': buzz('leverage') });
    for (const value of ['0', 'many', '1.5', '-2']) {
      const run = runCli([`--workers=${value}`, 'a.md'], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`persona-lint: --workers takes a whole number from 1 or "auto", not "${value}"\n`);
    }
    expect(runCli(['--workers', 'auto', 'a.md'], { cwd: dir }).code).toBe(0);
  });
});

describe('pool size', () => {
  it('auto stays in process below the threshold, then uses every core it can fill', () => {
    expect(poolSize('auto', minFilesForPool - 1)).toBe(1);
    expect(poolSize(undefined, 1)).toBe(1);
    expect(poolSize('auto', 10_000)).toBe(availableParallelism());
    expect(poolSize('auto', minFilesForPool)).toBe(Math.min(availableParallelism(), 2));
    expect(parseWorkers('auto')).toBe('auto');
    expect(parseWorkers('3')).toBe(3);
  });

  it('an explicit count is used as given, but never more threads than files or cores', () => {
    expect(poolSize(1, 500)).toBe(1);
    expect(poolSize(4, 500)).toBe(Math.min(4, availableParallelism()));
    expect(poolSize(64, 500)).toBe(availableParallelism());
    expect(poolSize(4, 2)).toBe(2);
  });
});

describe('worker messages', () => {
  it('a config error thrown in a worker comes back as the same ConfigError', async () => {
    const dir = tempTree({ 'bad.json': JSON.stringify({ rules: { nope: 'error' } }), 'a.md': buzz('leverage') });
    const expected = await loadConfigFile(join(dir, 'bad.json')).catch((error: unknown) => error as ConfigError);
    expect(expected).toBeInstanceOf(ConfigError);
    const reply = await lintInWorker({ path: join(dir, 'a.md'), options: { cwd: dir, configFile: join(dir, 'bad.json') }, jsConfig: { allow: true } });
    expect('error' in reply && reply.error.kind).toBe('config');
    const revived = 'error' in reply ? reviveError(reply.error) : undefined;
    expect(revived).toBeInstanceOf(ConfigError);
    expect(revived!.message).toBe(expected.message);
  });
});
