import { describe, it, expect } from 'vitest';
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
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

const cacheFile = (dir: string) => join(dir, '.cache', 'results.json');

/** Rewrites every stored message, so a result that comes from the cache shows it. */
function markCachedResults(dir: string): void {
  const data = JSON.parse(readFileSync(cacheFile(dir), 'utf8'));
  for (const entry of Object.values(data.entries) as { result: { messages: { message: string }[] } }[]) {
    for (const message of entry.result.messages) message.message = fromCache;
  }
  writeFileSync(cacheFile(dir), JSON.stringify(data));
}

const firstMessages = (run: JsonRun) => Object.fromEntries(run.results.map((r) => [r.path, r.messages[0]?.message]));

describe('--cache', () => {
  it('gives the same results as a run without it, then reuses them even when every mtime changed', () => {
    const dir = tempTree({ 'a.md': buzz('leverage'), 'b.md': buzz('synergize'), 'c.md': '# Plain\n\nNothing to see.\n' });
    const uncached = lint(dir, [], false);
    const first = lint(dir);
    expect(first.results).toEqual(uncached.results);
    expect(existsSync(cacheFile(dir))).toBe(true);
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

  it('ignores a corrupt, foreign or half-valid cache file, lints, and rewrites it', () => {
    const dir = tempTree({ 'a.md': buzz('leverage'), 'b.md': buzz('synergize') });
    const expected = lint(dir, [], false).results;
    mkdirSync(join(dir, '.cache'));
    for (const junk of ['{"entries": {"a": ', '[1, 2, 3]', JSON.stringify({ tool: 'eslint', format: 1, entries: {} }), '\u0000\u0001binary']) {
      writeFileSync(cacheFile(dir), junk);
      expect(lint(dir).results).toEqual(expected);
      const rewritten = JSON.parse(readFileSync(cacheFile(dir), 'utf8'));
      expect(rewritten.tool).toBe('persona-lint');
      expect(Object.keys(rewritten.entries).map((path) => path.split('/').pop())).toEqual(['a.md', 'b.md']);
    }
    // One broken entry is one miss; the other entry still hits.
    markCachedResults(dir);
    const data = JSON.parse(readFileSync(cacheFile(dir), 'utf8'));
    data.entries[join(dir, 'a.md')].result = 'garbage';
    writeFileSync(cacheFile(dir), JSON.stringify(data));
    expect(firstMessages(lint(dir))).toEqual({ 'a.md': expected[0].messages[0].message, 'b.md': fromCache });
  });

  it('never stores a file that could not be linted', () => {
    const dir = tempTree({ 'a.md': buzz('leverage'), 'bad.md': Buffer.from([0x41, 0x00, 0x42, 0xff]) });
    const run = lint(dir);
    expect(run.results[1].messages[0].message).toBe('File is not text (it contains NUL bytes).');
    const stored = Object.keys(JSON.parse(readFileSync(cacheFile(dir), 'utf8')).entries).map((path) => path.split('/').pop());
    expect(stored).toEqual(['a.md']);
  });

  it('defaults to node_modules/.cache/persona-lint in the working directory', () => {
    const dir = tempTree({ 'a.md': buzz('leverage') });
    const run = runCli(['--cache', 'a.md'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'node_modules', '.cache', 'persona-lint', 'results.json'), 'utf8')).entries)).toEqual([join(dir, 'a.md')]);
  });

  it('a cache location that cannot be written is a warning, not a failed run', () => {
    const dir = tempTree({ 'a.md': buzz('leverage'), 'taken': 'a file, not a directory' });
    const run = runCli(['--cache', '--cache-location', 'taken', '-f', 'json', 'a.md'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).results[0].messages).toHaveLength(1);
    expect(run.stderr).toContain(`persona-lint: cannot write the cache ${join(dir, 'taken', 'results.json')}`);
  });
});
