import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempTree } from './helpers/cli.js';
import { fixturesRoot } from './helpers/fixtures.js';
import { applyFixes } from '../src/fix/apply-fixes.js';
import type { Message } from '../src/core/types.js';

const fixFixtures = join(fixturesRoot, 'fix');
// fixtures/fix/<case>.md is fixed into exactly <case>.fixed (and, as every fixture, lints to <case>.expected).
const cases = readdirSync(fixFixtures).filter((name) => name.endsWith('.md'));

/** A temp dir with the fixture as page.md and an empty config, so only the defaults apply. */
function copyOf(name: string): { dir: string; page: string } {
  const dir = tempTree({ '.personalintrc.json': '{}\n' });
  copyFileSync(join(fixFixtures, name), join(dir, 'page.md'));
  return { dir, page: join(dir, 'page.md') };
}

describe('--fix on fixtures', () => {
  it.each(cases)('%s: fixed to exactly the .fixed file; a second run changes nothing', (name) => {
    const { dir, page } = copyOf(name);
    const first = runCli(['--fix', '--no-color', 'page.md'], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    expect(readFileSync(page, 'utf8')).toBe(readFileSync(join(fixFixtures, name.replace(/\.md$/, '.fixed')), 'utf8'));
    const second = runCli(['--fix', 'page.md'], { cwd: dir });
    expect(second.stderr).toBe('');
    expect(second.stdout).toBe(first.stdout);
    expect(readFileSync(page, 'utf8')).toBe(readFileSync(join(fixFixtures, name.replace(/\.md$/, '.fixed')), 'utf8'));
  });

  it('says what it changed, keeps case, and reports what remains', () => {
    const { dir } = copyOf('words.md');
    const run = runCli(['--fix', '-f', 'json', 'page.md'], { cwd: dir });
    expect(run.stderr).toBe(
      `page.md: 18 fixes (“Utilize” → “Use”, “whitelist” → “allowlist”, “Simply run” → “Run”, “You can simply” → “You can”, “you just” → “you”, “Just add” → “Add”, “his or her” → “their”, “him or her” → “them”, “utilize” → “use”, “blacklist” → “denylist”, “In this day and age” → “Today”, “learnings” → “lessons”, “blazing fast” → “fast”, “world's first” → “first”, “ultra-fast” → “fast”, “master branch” → “main branch”, “Simply click” → “Click”, “You can just” → “You can”)\n`,
    );
    const remaining = JSON.parse(run.stdout).results[0].messages.map((m: Message) => `${m.line}:${m.column} ${m.ruleId} ${m.actual} ${m.fix ? 'fixable' : 'not fixable'}`);
    expect(remaining).toEqual(['12:3 buzzword UTILIZE not fixable', '12:27 buzzword utilized not fixable', '12:40 alienating-language whitelisted not fixable']);
  });

  it('--fix-dry-run prints a unified diff and writes nothing', () => {
    const { dir, page } = copyOf('untouched.md');
    const run = runCli(['--fix-dry-run', '-f', 'json', '-o', 'report.json', 'page.md'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        '--- a/page.md',
        '+++ b/page.md',
        '@@ -7,3 +7,3 @@',
        ' ',
        '-Run `utilize --whitelist` and read [the utilize guide](https://example.com/utilize/whitelist "utilize").',
        '+Run `utilize --whitelist` and read [the use guide](https://example.com/utilize/whitelist "utilize").',
        ' See https://example.com/utilize and <https://example.com/whitelist>.',
        '@@ -19,2 +19,2 @@',
        ' ',
        '-![utilize the whitelist](img/utilize.png)',
        '+![use the allowlist](img/utilize.png)',
        '',
      ].join('\n'),
    );
    expect(readFileSync(page, 'utf8')).toBe(readFileSync(join(fixFixtures, 'untouched.md'), 'utf8'));
  });

  it('leaves a file that cannot be parsed byte for byte, and reports it', () => {
    const bytes = Buffer.from([0x55, 0x74, 0x69, 0x6c, 0x69, 0x7a, 0x65, 0x20, 0xe9, 0x0a]);
    const dir = tempTree({ '.personalintrc.json': '{}\n', 'bad.md': bytes });
    const run = runCli(['--fix', '-f', 'json', 'bad.md'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).results[0].messages[0]).toMatchObject({ ruleId: 'fatal', fatal: true });
    expect(readFileSync(join(dir, 'bad.md')).equals(bytes)).toBe(true);
  });

  it('keeps a byte order mark and CRLF line ends', () => {
    const dir = tempTree({ '.personalintrc.json': '{}\n', 'page.md': '\uFEFF# Title\r\n\r\nWe utilize it.\r\n' });
    runCli(['--fix', 'page.md'], { cwd: dir });
    expect(readFileSync(join(dir, 'page.md'), 'utf8')).toBe('\uFEFF# Title\r\n\r\nWe use it.\r\n');
  });

  it('cannot be combined with --stdin', () => {
    const run = runCli(['--fix', '--stdin'], { cwd: tempTree({}), input: 'We utilize it.\n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('persona-lint: --fix and --fix-dry-run change files; they cannot be combined with --stdin.\n');
  });
});

describe('applyFixes', () => {
  const at = (start: number, end: number, text: string) => ({ fix: { range: [start, end], text } }) as Message;

  it('applies fixes from the start of the file; one that overlaps an applied fix waits for the next pass', () => {
    const { output, applied } = applyFixes('one two three', [at(8, 13, '3'), at(0, 7, '1 2'), at(4, 9, 'x')]);
    expect(output).toBe('1 2 3');
    expect(applied.map((m) => m.fix!.text)).toEqual(['1 2', '3']);
  });
});
