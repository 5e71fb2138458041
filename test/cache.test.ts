import { describe, it, expect } from 'vitest';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, tempTree } from './helpers/cli.js';

const buzz = (word: string) => `# Title\n\nWe ${word} it.\n`;
const fromCache = 'taken from the cache';

interface JsonRun {
  code: number;
  stderr: string;
  results: { path: string; messages: { message: string; severity: string; ruleId: string }[] }[];
}

function lint(dir: string, extra: string[] = [], cache = true): JsonRun {
  const args = cache ? ['--cache', '--cache-location', '.cache', ...extra, '-f', 'json', '.'] : [...extra, '-f', 'json', '.'];
  const run = runCli(args, { cwd: dir });
  expect(run.code, run.stderr).toBeLessThan(2);
  return { code: run.code, stderr: run.stderr, results: JSON.parse(run.stdout).results };
}

const entriesDir = (dir: string, location = '.cache') => join(dir, location, 'files-v2');

/** The entry files of a cache, each with its parsed content. */
function entries(dir: string, location?: string): { file: string; entry: { path: string; key: string; result: { messages: { message: string }[] } } }[] {
  const folder = entriesDir(dir, location);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .sort()
    .map((name) => ({ file: join(folder, name), entry: JSON.parse(readFileSync(join(folder, name), 'utf8')) }));
}

const storedPaths = (dir: string, location?: string) => entries(dir, location).map((e) => e.entry.path).sort();

/** Rewrites every stored message, so a result that comes from the cache shows it. */
function markCachedResults(dir: string): void {
  for (const { file, entry } of entries(dir)) {
    for (const message of entry.result.messages) message.message = fromCache;
    writeFileSync(file, JSON.stringify(entry));
  }
}

const firstMessages = (run: JsonRun) => Object.fromEntries(run.results.map((r) => [r.path, r.messages[0]?.message]));

describe('--cache', () => {
  it('gives the same results as a run without it, then reuses them even when every mtime changed', () => {
    const dir = tempTree({ 'a.md': buzz('leverage'), 'b.md': buzz('synergize'), 'c.md': '# Plain\n\nNothing to see.\n' });
    const uncached = lint(dir, [], false);
    const first = lint(dir);
    expect(first.results).toEqual(uncached.results);
    expect(storedPaths(dir)).toEqual(['a.md', 'b.md', 'c.md']);
    markCachedResults(dir);
    const later = new Date(Date.now() + 3600_000);
    for (const name of ['a.md', 'b.md', 'c.md']) utimesSync(join(dir, name), later, later);
    const second = lint(dir);
    expect(firstMessages(second)).toEqual({ 'a.md': fromCache, 'b.md': fromCache, 'c.md': undefined });
    expect(second.results.map((r) => r.path)).toEqual(['a.md', 'b.md', 'c.md']);
  });

  it('lints a file again when its content changed, and only that file', () => {
    const dir = tempTree({ 'a.md': buzz('leverage'), 'b.md': buzz('synergize') });
    lint(dir);
    markCachedResults(dir);
    writeFileSync(join(dir, 'a.md'), buzz('synergy'));
    const run = lint(dir);
    expect(firstMessages(run)).toEqual({ 'a.md': '“synergy” is a buzzword; use “cooperation”, “combined benefit” or “working together” instead.', 'b.md': fromCache });
  });

  it('a changed config invalidates exactly the files it applies to', () => {
    const config = (severity: string) => JSON.stringify({ overrides: [{ files: ['one/**'], rules: { buzzword: severity } }] });
    const dir = tempTree({ '.personalintrc.json': config('warn'), 'one/a.md': buzz('leverage'), 'two/b.md': buzz('leverage') });
    lint(dir);
    markCachedResults(dir);
    writeFileSync(join(dir, '.personalintrc.json'), config('error'));
    const run = lint(dir);
    expect(run.results.map((r) => [r.path, r.messages[0].severity, r.messages[0].message])).toEqual([
      ['one/a.md', 'error', '“leverage” is a buzzword; use “use”, “build on” or “take advantage of” instead.'],
      ['two/b.md', 'warning', fromCache],
    ]);
    expect(run.code).toBe(1);
  });

  it('a changed persona profile or --persona lints again', () => {
    const config = (age: number) => JSON.stringify({ personaProfiles: [{ id: 'tech-exec-tristan', readingAge: age }] });
    const dir = tempTree({ '.personalintrc.json': config(15), 'a.md': buzz('leverage') });
    lint(dir);
    markCachedResults(dir);
    expect(firstMessages(lint(dir))['a.md']).toBe(fromCache);
    writeFileSync(join(dir, '.personalintrc.json'), config(16));
    expect(firstMessages(lint(dir))['a.md']).toContain('“leverage” is a buzzword');
    markCachedResults(dir);
    const messages = lint(dir, ['--persona', 'platform-perry']).results[0].messages.map((m) => m.message);
    expect(messages).not.toContain(fromCache);
    expect(messages).toContain('“leverage” is a buzzword; use “use”, “build on” or “take advantage of” instead.');
  });

  it('a corrupt, foreign or mismatched entry is a miss for its file only, and is rewritten', () => {
    const dir = tempTree({ 'a.md': buzz('leverage'), 'b.md': buzz('synergize') });
    const expected = lint(dir, [], false).results;
    lint(dir);
    const fileOf = (path: string) => entries(dir).find((e) => e.entry.path === path)!.file;
    for (const junk of ['{"tool": "persona-lint", "path": ', '[1, 2, 3]', JSON.stringify({ tool: 'eslint', path: 'a.md', key: 'x', result: {} }), '\u0000\u0001binary']) {
      markCachedResults(dir);
      writeFileSync(fileOf('a.md'), junk);
      expect(firstMessages(lint(dir))).toEqual({ 'a.md': expected[0].messages[0].message, 'b.md': fromCache });
      expect(storedPaths(dir)).toEqual(['a.md', 'b.md']);
      expect(entries(dir).find((e) => e.entry.path === 'a.md')!.entry.result.messages[0].message).toBe(expected[0].messages[0].message);
    }
    // An entry recorded for another path (a hash collision, a renamed file) never stands in.
    markCachedResults(dir);
    const b = entries(dir).find((e) => e.entry.path === 'b.md')!;
    writeFileSync(fileOf('a.md'), JSON.stringify(b.entry));
    expect(firstMessages(lint(dir))['a.md']).toBe(expected[0].messages[0].message);
  });

  it('one entry per file: a changed file replaces its entry, and a first-layout results.json is removed', () => {
    const dir = tempTree({ 'a.md': buzz('leverage'), 'b.md': buzz('synergize'), '.cache/results.json': '{"old": "layout"}' });
    lint(dir);
    expect(existsSync(join(dir, '.cache', 'results.json'))).toBe(false);
    writeFileSync(join(dir, 'a.md'), buzz('synergy'));
    lint(dir);
    expect(entries(dir)).toHaveLength(2);
    expect(storedPaths(dir)).toEqual(['a.md', 'b.md']);
  });

  it('a cache copied to another checkout path hits, keyed by the path from the repository root', () => {
    const dir = tempTree({ '.git/HEAD': 'ref: refs/heads/main\n', 'docs/a.md': buzz('leverage'), 'docs/b.md': buzz('synergize') });
    lint(join(dir, 'docs'), ['--cache-location', '../.cache']);
    expect(storedPaths(dir)).toEqual(['docs/a.md', 'docs/b.md']);
    markCachedResults(dir);
    const copy = join(tmpdir(), `persona-lint-copy-${Date.now()}`);
    cpSync(dir, copy, { recursive: true });
    // From the root of the copy this time: the shown paths change, the keys do not.
    const run = lint(copy, ['--cache-location', '.cache']);
    expect(firstMessages(run)).toEqual({ 'docs/a.md': fromCache, 'docs/b.md': fromCache });
  });

  it('never stores a file that could not be linted', () => {
    const dir = tempTree({ 'a.md': buzz('leverage'), 'bad.md': Buffer.from([0x41, 0x00, 0x42, 0xff]) });
    const run = lint(dir);
    expect(run.results[1].messages[0].message).toBe('File is not text (it contains NUL bytes).');
    expect(storedPaths(dir)).toEqual(['a.md']);
  });

  it('defaults to node_modules/.cache/persona-lint beside the package.json, as find-cache-dir does', () => {
    const dir = tempTree({ 'package.json': '{"name": "docs"}', 'docs/a.md': buzz('leverage') });
    const run = runCli(['--cache', 'a.md'], { cwd: join(dir, 'docs'), env: { CACHE_DIR: '' } });
    expect(run.code).toBe(0);
    // Entries are named from the project root (here, without git, the working directory).
    expect(storedPaths(dir, join('node_modules', '.cache', 'persona-lint'))).toEqual(['a.md']);
    expect(existsSync(join(dir, 'docs', 'node_modules'))).toBe(false);
  });

  it('defaults to .cache/persona-lint where there is no package.json, and creates no node_modules', () => {
    const dir = tempTree({ 'a.md': buzz('leverage') });
    const run = runCli(['--cache', 'a.md'], { cwd: dir, env: { CACHE_DIR: '' } });
    expect(run.code).toBe(0);
    expect(storedPaths(dir, join('.cache', 'persona-lint'))).toEqual(['a.md']);
    expect(readdirSync(dir).sort()).toEqual(['.cache', 'a.md']);
  });

  it('a cache location that cannot be written is a warning, not a failed run', () => {
    const dir = tempTree({ 'a.md': buzz('leverage'), 'taken': 'a file, not a directory' });
    const run = runCli(['--cache', '--cache-location', 'taken', '-f', 'json', 'a.md'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).results[0].messages).toHaveLength(1);
    expect(run.stderr).toContain(`persona-lint: cannot write the cache ${join(dir, 'taken')}: ENOTDIR`);
  });
});
