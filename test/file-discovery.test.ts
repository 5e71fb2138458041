import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { cliPath, runCli, tempTree, type CliRun } from './helpers/cli.js';
import { git, tempRepo, writeFiles } from './helpers/git.js';

const page = '# Page\n\nOur synergy wins.\n';
const paths = (run: CliRun): string[] => JSON.parse(run.stdout).results.map((r: { path: string }) => r.path);

describe('paths that expand to no file', () => {
  it('a folder that an enclosing repository ignores is an error naming the path and the ignore file; --no-ignore lints it', () => {
    const { dir } = tempRepo({ '.gitignore': '# build output\nvendored/\n', 'README.md': '# Readme\n' });
    writeFiles(dir, { 'vendored/docs/a.md': page, 'vendored/docs/sub/b.md': page });
    const inside = runCli(['.'], { cwd: join(dir, 'vendored/docs') });
    expect(inside.code).toBe(2);
    expect(inside.stdout).toBe('');
    expect(inside.stderr).toBe(`persona-lint: All files matched by "." are ignored (by ${join(dir, '.gitignore')}:2 "vendored/"). Lint them anyway with --no-ignore.\n`);
    const named = runCli(['vendored'], { cwd: dir });
    expect(named.code).toBe(2);
    expect(named.stderr).toBe('persona-lint: All files matched by "vendored" are ignored (by .gitignore:2 "vendored/"). Lint them anyway with --no-ignore.\n');
    const glob = runCli(['vendored/**/*.md'], { cwd: dir });
    expect(glob.stderr).toBe('persona-lint: All files matched by "vendored/**/*.md" are ignored (by .gitignore:2 "vendored/"). Lint them anyway with --no-ignore.\n');
    const anyway = runCli(['--no-ignore', '-f', 'json', '.'], { cwd: join(dir, 'vendored/docs') });
    expect(anyway.code).toBe(0);
    expect(paths(anyway)).toEqual(['a.md', 'sub/b.md']);
  });

  it('names a .personalintignore or the config’s `ignores` when they are the reason', () => {
    const dir = tempTree({ '.personalintignore': 'drafts/\n', 'drafts/a.md': page, 'legal/.personalintrc.json': '{"ignores": ["**/*.md"]}', 'legal/terms.md': page });
    expect(runCli(['drafts'], { cwd: dir }).stderr).toBe('persona-lint: All files matched by "drafts" are ignored (by .personalintignore:1 "drafts/"). Lint them anyway with --no-ignore.\n');
    expect(runCli(['legal'], { cwd: dir }).stderr).toBe('persona-lint: All files matched by "legal" are ignored (by "ignores" in legal/.personalintrc.json). Lint them anyway with --no-ignore.\n');
    const anyway = runCli(['--no-ignore', '-f', 'json', 'drafts', 'legal'], { cwd: dir });
    expect(paths(anyway)).toEqual(['drafts/a.md', 'legal/terms.md']);
  });

  it('with part of a folder ignored, the rest is linted and nothing is said about the ignored part', () => {
    const dir = tempTree({ '.personalintignore': 'drafts/\n', 'drafts/a.md': page, 'b.md': page });
    const run = runCli(['-f', 'json', '.'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(paths(run)).toEqual(['b.md']);
  });

  it('--no-ignore never walks node_modules or .git', () => {
    const { dir } = tempRepo({ '.gitignore': 'node_modules/\n', 'node_modules/pkg/README.md': page, 'docs/a.md': page });
    writeFiles(dir, { '.git/notes.md': page });
    expect(paths(runCli(['--no-ignore', '-f', 'json', '.'], { cwd: dir }))).toEqual(['docs/a.md']);
  });

  it('a file named explicitly is linted even when ignored', () => {
    const dir = tempTree({ '.personalintignore': 'drafts/\n', 'drafts/a.md': page });
    expect(paths(runCli(['-f', 'json', 'drafts/a.md'], { cwd: dir }))).toEqual(['drafts/a.md']);
  });

  it('a folder with no Markdown at all is exit 2, like a glob that matches nothing; --no-error-on-unmatched-pattern allows both', () => {
    const dir = tempTree({ 'notes/a.txt': 'text\n', 'docs/a.md': page });
    const folder = runCli(['notes'], { cwd: dir });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe('persona-lint: No Markdown files found in notes (looked for *.md, *.markdown, *.mdx).\n');
    const allowed = runCli(['--no-error-on-unmatched-pattern', 'notes', 'nothing/*.md'], { cwd: dir });
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toBe('✔ 0 files checked, no problems.\n');
    const mixed = runCli(['--no-error-on-unmatched-pattern', '-f', 'json', 'notes', 'docs'], { cwd: dir });
    expect(paths(mixed)).toEqual(['docs/a.md']);
  });
});

describe('symbolic links in a walk', () => {
  it('are not followed (files or folders): a linked page is linted only when named', () => {
    const outside = tempTree({ 'shared.md': page, 'folder/inner.md': page });
    const dir = tempTree({ 'docs/own.md': page });
    symlinkSync(join(outside, 'shared.md'), join(dir, 'docs/linked.md'));
    symlinkSync(join(outside, 'folder'), join(dir, 'docs/linked-folder'));
    expect(paths(runCli(['-f', 'json', 'docs'], { cwd: dir }))).toEqual(['docs/own.md']);
    expect(paths(runCli(['-f', 'json', 'docs', 'docs/linked.md'], { cwd: dir }))).toEqual(['docs/linked.md', 'docs/own.md']);
  });
});

// Permissions do not bind root's capabilities: as root, the CLI runs without them (setpriv drops
// every capability), so the owner's permission bits apply. It stays uid 0, so it can still reach
// a checkout under a folder closed to others (mktemp -d makes one).
const asRoot = process.getuid?.() === 0;
const dropCapabilities = ['setpriv', '--bounding-set=-all', '--inh-caps=-all'];
function runUnprivileged(args: string[], cwd: string): CliRun {
  const command = asRoot ? [...dropCapabilities, process.execPath] : [process.execPath];
  // HOME is the tree: cosmiconfig also looks in the home folder. Wide enough for a message per line.
  const run = spawnSync(command[0], [...command.slice(1), cliPath, ...args], { cwd, encoding: 'utf8', env: { ...process.env, HOME: cwd, NO_COLOR: '1', COLUMNS: '300' } });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}
const canDropPrivileges = !asRoot || spawnSync(dropCapabilities[0], [...dropCapabilities.slice(1), 'true']).status === 0;

describe.skipIf(!canDropPrivileges)(`unreadable folders and files${canDropPrivileges ? '' : ' (skipped: running as root without setpriv to drop capabilities)'}`, () => {
  function lockedTree(): string {
    const dir = tempTree({ 'docs/a.md': page, 'docs/locked/b.md': page, 'docs/open/c.md': page, 'docs/secret.md': page });
    chmodSync(dir, 0o755); // mkdtemp makes it private to its owner
    chmodSync(join(dir, 'docs/locked'), 0o000);
    chmodSync(join(dir, 'docs/secret.md'), 0o000);
    return dir;
  }

  it('each is one fatal message naming it, and the walk goes on', () => {
    const dir = lockedTree();
    const run = runUnprivileged(['docs'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        'docs/a.md',
        '  3:5  warning  “synergy” is a buzzword; use “cooperation”, “combined benefit” or “working together” instead.  buzzword',
        '',
        'docs/locked',
        '  -  error  Cannot read folder (EACCES: permission denied); the files in it were not linted.  fatal',
        '',
        'docs/open/c.md',
        '  3:5  warning  “synergy” is a buzzword; use “cooperation”, “combined benefit” or “working together” instead.  buzzword',
        '',
        'docs/secret.md',
        '  -  error  Cannot read file: EACCES: permission denied  fatal',
        '',
        '✖ 4 problems (2 errors, 2 warnings) in 4 files checked.',
        '',
      ].join('\n'),
    );
  });

  it('a glob is not stopped by a locked folder either', () => {
    const dir = lockedTree();
    const run = runUnprivileged(['-f', 'json', 'docs/*.md'], dir);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).results.map((r: { path: string; messages: { ruleId: string }[] }) => [r.path, r.messages.map((m) => m.ruleId)])).toEqual([
      ['docs/a.md', ['buzzword']],
      ['docs/locked', ['fatal']],
      ['docs/secret.md', ['fatal']],
    ]);
  });
});

describe('--changed-since', () => {
  it('asks the repository of the linted path, not the working directory’s', () => {
    const { dir } = tempRepo({ 'docs/old.md': page });
    writeFiles(dir, { 'docs/new.md': page });
    const elsewhere = tempTree({ 'other.md': page });
    const run = runCli(['--changed-since', 'main', '-f', 'json', join(dir, 'docs')], { cwd: elsewhere });
    expect(run.stderr).toBe('');
    expect(paths(run)).toEqual([join(dir, 'docs/new.md')]);
    git(dir, 'add', '--all');
    const glob = runCli(['--changed-since', 'HEAD', '-f', 'json', `${dir}/docs/*.md`], { cwd: elsewhere });
    expect(paths(glob)).toEqual([join(dir, 'docs/new.md')]);
  });
});
