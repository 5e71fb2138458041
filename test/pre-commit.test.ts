import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { cliPath } from './helpers/cli.js';
import { repoRoot } from './helpers/fixtures.js';
import { git, tempRepo, writeFiles } from './helpers/git.js';

const present = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;

interface Hook {
  id: string;
  entry: string;
  language: string;
  types?: string[];
  [key: string]: unknown;
}

/** The hook as users get it from `.pre-commit-hooks.yaml`. */
const published: Hook[] = YAML.parse(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8'));

describe('.pre-commit-hooks.yaml', () => {
  it('publishes one node hook on staged Markdown files, with filenames passed as arguments', () => {
    expect(published).toEqual([
      {
        id: 'persona-lint',
        name: 'persona-lint',
        description: 'Lint Markdown against buyer personas (buzzwords, alienating language, persona fit).',
        entry: 'persona-lint',
        language: 'node',
        types: ['markdown'],
      },
    ]);
    expect(published[0].pass_filenames).toBeUndefined(); // pre-commit's default: pass them
  });
});

// The real framework, with the published hook as a `repo: local` hook: the same fields, except that
// the entry runs this checkout's build and node is the system one (nothing to download).
describe.skipIf(!present)(`pre-commit framework${present ? '' : ' (skipped: the pre-commit command is not installed; .ci/run installs it)'}`, () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  // git runs hooks with their output on standard error.
  const commit = (message: string) => {
    const run = spawnSync('git', ['commit', '--message', message], { cwd: dir, env, encoding: 'utf8' });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  };

  beforeAll(() => {
    const hook = { ...published[0], entry: `node ${JSON.stringify(cliPath)}`, language_version: 'system' };
    ({ dir } = tempRepo({ '.pre-commit-config.yaml': YAML.stringify({ repos: [{ repo: 'local', hooks: [hook] }] }) }));
    env = {
      ...process.env,
      PRE_COMMIT_HOME: mkdtempSync(join(tmpdir(), 'pre-commit-home-')),
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      NO_COLOR: '1',
    };
    const install = spawnSync('pre-commit', ['install'], { cwd: dir, env, encoding: 'utf8' });
    expect(install.stdout).toContain('pre-commit installed at .git/hooks/pre-commit');
  });

  it('blocks a commit whose staged Markdown has an error, and shows the message', () => {
    writeFiles(dir, { 'docs/launch.md': '---\npersona: platfrom-perry\n---\n\n# Launch\n', 'notes.txt': '---\npersona: platfrom-perry\n---\n' });
    git(dir, 'add', '--all');
    const run = commit('bad page');
    console.log(`pre-commit, blocked commit:\n${run.output}`);
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/^persona-lint\.+Failed$/m);
    expect(run.output).toContain('docs/launch.md\n  2:10  error  Unknown persona “platfrom-perry”; did you mean “platform-perry”?');
    expect(run.output).not.toContain('notes.txt');
    expect(git(dir, 'log', '--format=%s')).toBe('base\n');
  });

  it('lets a clean commit through; unstaged Markdown is not checked', () => {
    writeFiles(dir, { 'docs/launch.md': '---\npersona: platform-perry\n---\n\n# Launch\n\nThe runner cache cuts build time.\n' });
    git(dir, 'add', '--all');
    writeFileSync(join(dir, 'draft.md'), '---\npersona: nobody-at-all\n---\n');
    const run = commit('good page');
    console.log(`pre-commit, clean commit:\n${run.output}`);
    expect(run.status).toBe(0);
    expect(run.output).toMatch(/^persona-lint\.+Passed$/m);
    expect(git(dir, 'log', '--format=%s')).toBe('good page\nbase\n');
  });
});
