import { describe, it, expect, beforeAll } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempTree } from './helpers/cli.js';
import { git, tempRepo, writeFiles } from './helpers/git.js';

interface JsonOut {
  results: { path: string; messages: { line: number | null; actual: string | null; ruleId: string }[] }[];
}

const paths = (stdout: string) => (JSON.parse(stdout) as JsonOut).results.map((r) => r.path);
const places = (stdout: string) =>
  Object.fromEntries((JSON.parse(stdout) as JsonOut).results.map((r) => [r.path, r.messages.map((m) => `${m.line ?? '-'}:${m.actual ?? m.ruleId}`)]));

// A branch off main with every kind of change: committed, staged, unstaged, untracked, deleted,
// a non-Markdown file, a path with a space, and a change on main after the branch point.
let dir: string;
beforeAll(() => {
  ({ dir } = tempRepo({
    'old.md': '# Old\n\nWe leverage old things.\n',
    'edited.md': '# Edited\n\nPlain line three.\n\nWe leverage line five.\n',
    'deleted.md': '# Gone\n\nWe leverage it.\n',
    'docs/with space.md': '# Spaced\n\nWe leverage spaces.\n',
    'notes.txt': 'leverage\n',
  }));
  git(dir, 'switch', '--quiet', '--create', 'feature');
  writeFiles(dir, {
    'edited.md': '# Edited\n\nPlain line three.\n\nWe leverage line five.\n\nWe leverage synergy now.\n',
    'notes.txt': 'leverage synergy\n',
    'latin1.md': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
  });
  rmSync(join(dir, 'deleted.md'));
  git(dir, 'add', '--all');
  git(dir, 'commit', '--quiet', '--message', 'feature work');
  // main moves on after the branch point: its changes are not this branch's.
  git(dir, 'switch', '--quiet', 'main');
  writeFiles(dir, { 'old.md': '# Old\n\nWe leverage old things on main.\n' });
  git(dir, 'commit', '--quiet', '--all', '--message', 'main moves');
  git(dir, 'switch', '--quiet', 'feature');
  writeFiles(dir, { 'staged.md': '# Staged\n\nWe leverage staging.\n' });
  git(dir, 'add', 'staged.md');
  writeFiles(dir, { 'docs/with space.md': '# Spaced\n\nWe leverage spaces.\n\nUnstaged synergy here.\n', 'new.md': '# New\n\nWe leverage untracked files.\n' });
});

describe('--changed-since', () => {
  it('lints the Markdown files changed since the merge base: committed, staged, unstaged and untracked, not deleted ones', () => {
    const run = runCli(['--changed-since', 'main', '-f', 'json'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(paths(run.stdout)).toEqual(['docs/with space.md', 'edited.md', 'latin1.md', 'new.md', 'staged.md']);
    expect(run.code).toBe(1); // latin1.md cannot be linted
  });

  it('takes a commit too, and narrows to the paths given', () => {
    const base = git(dir, 'merge-base', 'main', 'feature').trim();
    expect(paths(runCli(['--changed-since', base, '-f', 'json', 'docs'], { cwd: dir }).stdout)).toEqual(['docs/with space.md']);
    expect(paths(runCli(['--changed-since', 'main', '-f', 'json', '.'], { cwd: join(dir, 'docs') }).stdout)).toEqual(['with space.md']);
  });

  it('reports every message of a changed file without --changed-lines-only', () => {
    const out = places(runCli(['--changed-since', 'main', '-f', 'json', 'edited.md'], { cwd: dir }).stdout);
    expect(out).toEqual({ 'edited.md': ['5:leverage', '7:leverage', '7:synergy'] });
  });

  it('lints nothing, and passes, when no Markdown changed', () => {
    const { dir: clean } = tempRepo({ 'a.md': 'We leverage it.\n' });
    const run = runCli(['--changed-since', 'HEAD'], { cwd: clean });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('✔ 0 files checked, no problems.\n');
  });

  it('outside a git repository, or with an unknown ref, is a usage error (exit 2)', () => {
    const outside = tempTree({ 'a.md': 'text\n' });
    const notRepo = runCli(['--changed-since', 'main'], { cwd: outside });
    expect(notRepo.code).toBe(2);
    expect(notRepo.stderr).toBe(`persona-lint: --changed-since needs a git repository, and ${outside} is not inside one.\n`);
    const unknown = runCli(['--changed-since', 'no-such-branch'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^persona-lint: --changed-since: unknown git ref "no-such-branch" \(not a branch, tag or commit in .+\)\.\n$/);
    const option = runCli(['--changed-since=--help'], { cwd: dir });
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('unknown git ref "--help"');
  });
});

describe('--changed-lines-only', () => {
  it('keeps line-level messages on added or modified lines only; untracked and new files count as all new', () => {
    const run = runCli(['--changed-since', 'main', '--changed-lines-only', '-f', 'json'], { cwd: dir });
    expect(places(run.stdout)).toEqual({
      'docs/with space.md': ['5:synergy'],
      'edited.md': ['7:leverage', '7:synergy'],
      'latin1.md': ['-:fatal'],
      'new.md': ['3:leverage'],
      'staged.md': ['3:leverage'],
    });
  });

  it('keeps document-level messages of changed files (here the fatal one)', () => {
    const run = runCli(['--changed-since', 'main', '--changed-lines-only', 'latin1.md'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('-  error  File is not valid UTF-8 text.  fatal');
  });

  it('reads the diff of names git quotes (tab, double quote) and of unicode names', () => {
    // (A backslash in a name is left out: globby reads it as an escape when walking a directory.)
    const names = ['tab\there "quoted".md', 'ünï cødé.md'];
    const { dir: repo } = tempRepo(Object.fromEntries(names.map((n) => [n, '# T\n\nWe leverage one.\n'])));
    writeFiles(repo, Object.fromEntries(names.map((n) => [n, '# T\n\nWe leverage one.\n\nWe leverage two.\n'])));
    const run = runCli(['--changed-since', 'HEAD', '--changed-lines-only', '-f', 'json'], { cwd: repo });
    expect(places(run.stdout)).toEqual(Object.fromEntries(names.map((n) => [n, ['5:leverage']])));
  });

  it('needs --changed-since', () => {
    const run = runCli(['--changed-lines-only', 'edited.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('persona-lint: --changed-lines-only needs --changed-since <git-ref> to know what changed.\n');
  });
});
