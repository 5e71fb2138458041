import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { repoRoot } from './helpers/fixtures.js';
import { git, tempRepo, writeFiles } from './helpers/git.js';
import { cloneCheckout } from './helpers/checkout-clone.js';

const present = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;

interface Hook {
  id: string;
  entry: string;
  language: string;
  types?: string[];
  [key: string]: unknown;
}

/** The hooks as users get them from `.pre-commit-hooks.yaml`. */
const published: Hook[] = YAML.parse(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8'));
/** The README's `.pre-commit-config.yaml`, which this test runs. */
const readmeConfig = readFileSync(join(repoRoot, 'README.md'), 'utf8').split('<!-- example: .pre-commit-config.yaml -->\n```yaml\n')[1]?.split('\n```\n')[0] ?? '';

describe('.pre-commit-hooks.yaml', () => {
  it('publishes a node hook for staged Markdown and one for staged MDX, with filenames passed as arguments', () => {
    expect(published.map(({ id, entry, language, types }) => ({ id, entry, language, types }))).toEqual([
      { id: 'persona-lint', entry: 'persona-lint', language: 'node', types: ['markdown'] },
      { id: 'persona-lint-mdx', entry: 'persona-lint', language: 'node', types: ['mdx'] },
    ]);
    for (const hook of published) expect(hook.pass_filenames).toBeUndefined(); // pre-commit's default: pass them
  });

  it('the README config uses both hooks from the repository URL', () => {
    const config = YAML.parse(readmeConfig);
    expect(config.repos).toHaveLength(1);
    expect(config.repos[0].repo).toBe('https://github.com/persona-lint/persona-lint');
    expect(config.repos[0].hooks.map((h: Hook) => h.id)).toEqual(['persona-lint', 'persona-lint-mdx']);
  });
});

// The real framework installing the hook the way every user does: from a git URL and a rev. The URL
// is a file:// clone of this checkout; pre-commit clones it, runs `npm install` and `npm pack` there
// and installs the tarball with the system's node. One environment serves every case below.
describe.skipIf(!present)(`pre-commit framework, hook installed from a git URL${present ? '' : ' (skipped: the pre-commit command is not installed; .ci/run installs it)'}`, () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  // git runs hooks with their output on standard error.
  const commit = (message: string) => {
    const run = spawnSync('git', ['commit', '--message', message], { cwd: dir, env, encoding: 'utf8' });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  };

  beforeAll(() => {
    const clone = cloneCheckout();
    const config = readmeConfig.replace('https://github.com/persona-lint/persona-lint', clone.url).replace(/rev: .*/, `rev: ${clone.rev}`);
    ({ dir } = tempRepo({ '.pre-commit-config.yaml': `${config}\n`, '.personalintrc.json': '{"rules": {"buzzword": "error"}}\n' }));
    env = {
      ...process.env,
      PRE_COMMIT_HOME: mkdtempSync(join(tmpdir(), 'pre-commit-home-')),
      // The npm cache answers without asking the registry about every package again.
      npm_config_prefer_offline: 'true',
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      NO_COLOR: '1',
    };
    const install = spawnSync('pre-commit', ['install', '--install-hooks'], { cwd: dir, env, encoding: 'utf8' });
    console.log(`pre-commit install --install-hooks:\n${install.stdout}${install.stderr}`);
    expect(install.status).toBe(0);
    expect(install.stdout).toContain('pre-commit installed at .git/hooks/pre-commit');
  }, 900_000);

  it('blocks a commit whose staged Markdown has an error, and shows the message', () => {
    writeFiles(dir, { 'docs/launch.md': '# Launch\n\nOur synergy wins.\n', 'notes.txt': 'Our synergy wins.\n' });
    git(dir, 'add', '--all');
    const run = commit('bad page');
    console.log(`pre-commit, blocked commit:\n${run.output}`);
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/^persona-lint\.+Failed$/m);
    expect(run.output).toMatch(/^persona-lint \(MDX\)\.+\(no files to check\)Skipped$/m);
    // The hook's output is not a terminal: the message wraps in its column at 80 characters.
    expect(run.output).toContain('docs/launch.md\n  3:5  error  “synergy” is a buzzword; use “cooperation”, “combined     buzzword\n              benefit” or “working together” instead.\n');
    expect(run.output).not.toContain('notes.txt');
    expect(git(dir, 'log', '--format=%s')).toBe('base\n');
  });

  it('lets a clean commit through; unstaged Markdown is not checked', () => {
    writeFiles(dir, { 'docs/launch.md': '# Launch\n\nThe runner cache cuts build time.\n' });
    git(dir, 'add', '--all');
    writeFileSync(join(dir, 'draft.md'), 'Our synergy wins.\n');
    const run = commit('good page');
    console.log(`pre-commit, clean commit:\n${run.output}`);
    expect(run.status).toBe(0);
    expect(run.output).toMatch(/^persona-lint\.+Passed$/m);
    expect(git(dir, 'log', '--format=%s')).toBe('good page\nbase\n');
  });

  it('the MDX hook blocks prose in JSX children, not ESM or expressions, and lets a clean page through', () => {
    const page = (prose: string) => `import { Note } from './note.js'\nexport const synergy = 'leverage'\n\n# Page\n\n<Note kind="synergy">\n  ${prose}\n</Note>\n\n{synergy}\n`;
    writeFiles(dir, { 'docs/page.mdx': page('Our synergy wins.') });
    git(dir, 'add', 'docs/page.mdx');
    const blocked = commit('bad mdx');
    console.log(`pre-commit, blocked MDX commit:\n${blocked.output}`);
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toMatch(/^persona-lint \(MDX\)\.+Failed$/m);
    expect(blocked.output).toMatch(/docs\/page\.mdx\n {2}7:7 {2}error {2}“synergy” is a buzzword[^\n]*buzzword\n {14}benefit” or “working together” instead\.\n\n/);
    expect(blocked.output).not.toContain('leverage');
    writeFiles(dir, { 'docs/page.mdx': page('The runner cache cuts build time.') });
    git(dir, 'add', 'docs/page.mdx');
    const clean = commit('good mdx');
    expect(clean.status).toBe(0);
    expect(clean.output).toMatch(/^persona-lint \(MDX\)\.+Passed$/m);
  });
});
