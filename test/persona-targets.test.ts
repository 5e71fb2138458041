import { describe, it, expect } from 'vitest';
import { lintText } from '../src/index.js';
import { runCli, tempTree } from './helpers/cli.js';
import { personaIds } from './helpers/fixtures.js';

const body = '\n# Release day\n\nEvery change in the release is a merge request tied to the release milestone.\n';

describe('target personas from frontmatter', () => {
  it.each([
    ['a YAML id', '---\npersona: platform-perry\n---\n', ['platform-perry']],
    ['a YAML alias', '---\npersona: cio\n---\n', ['tech-exec-tristan']],
    ['an alias in capitals', '---\npersona: Rory\n---\n', ['release-rory']],
    ['a YAML block list', '---\npersona:\n  - rory\n  - payton\n---\n', ['release-rory', 'program-management-payton']],
    ['a YAML flow list', '---\npersona: [shiloh, cooper]\n---\n', ['infosec-shiloh', 'compliance-cooper']],
    ['a comma-separated string', '---\npersona: rory, payton\n---\n', ['release-rory', 'program-management-payton']],
    ['a TOML string', '+++\npersona = "avery"\n+++\n', ['app-dev-avery']],
    ['a TOML list', '+++\npersona = ["blake", "tristan"]\n+++\n', ['back-office-blake', 'tech-exec-tristan']],
    ['a duplicate', '---\npersona: [rory, release-rory]\n---\n', ['release-rory']],
    ['an unknown name next to a known one (the unknown one is an error)', '---\npersona: [rory, tristen]\n---\n', ['release-rory']],
    ['no persona key', '---\ntitle: x\n---\n', []],
    ['no frontmatter', '', []],
  ])('%s', async (_name, frontmatter, declared) => {
    const result = await lintText(frontmatter + body, { cwd: tempTree({ '.personalintrc.json': '{}' }), filePath: 'doc.md' });
    expect(result.personas?.declared).toEqual(declared);
    // Every known persona is scored whether or not any is declared.
    expect(result.personas?.scores).toHaveLength(personaIds.length);
  });

  it('an unknown name is an error on its frontmatter line with a did-you-mean', async () => {
    const result = await lintText('---\ntitle: x\npersona: [rory, tristen]\n---\n' + body, { cwd: tempTree({ '.personalintrc.json': '{}' }), filePath: 'doc.md' });
    const errors = result.messages.filter((m) => m.ruleId === 'frontmatter');
    expect(errors.map((m) => [m.line, m.column, m.endColumn, m.severity, m.expected])).toEqual([[3, 17, 24, 'error', ['tech-exec-tristan']]]);
    expect(errors[0].message).toMatch(/^Unknown persona “tristen”; did you mean “tech-exec-tristan”\?/);
  });
});

describe('target personas from config, overrides and --persona', () => {
  const page = (persona?: string) => `${persona ? `---\npersona: ${persona}\n---\n` : ''}${body}`;
  const tree = () =>
    tempTree({
      '.personalintrc.json': JSON.stringify({
        persona: 'platform-perry',
        overrides: [
          { files: 'solutions/**', persona: ['tech-exec-tristan', 'back-office-blake'] },
          { files: 'docs/**', persona: 'app-dev-avery' },
        ],
      }),
      'index.md': page(),
      'solutions/pricing.md': page(),
      'docs/install.md': page(),
      'docs/release.md': page('rory'),
    });
  const declared = (args: string[], cwd: string) => {
    const run = runCli(['-f', 'json', ...args], { cwd });
    expect(run.stderr).toBe('');
    return Object.fromEntries(JSON.parse(run.stdout).results.map((r: { path: string; personas: { declared: string[] } }) => [r.path, r.personas.declared]));
  };

  it('the config sets every page, overrides set pages by glob, frontmatter wins over both', () => {
    expect(declared(['.'], tree())).toEqual({
      'docs/install.md': ['app-dev-avery'],
      'docs/release.md': ['release-rory'],
      'index.md': ['platform-perry'],
      'solutions/pricing.md': ['tech-exec-tristan', 'back-office-blake'],
    });
  });

  it('--persona (ids or aliases, repeatable) wins over frontmatter and config', () => {
    const all = ['security', 'compliance-cooper'];
    expect(declared(['--persona', all[0], '--persona', all[1], '.'], tree())).toEqual({
      'docs/install.md': ['infosec-shiloh', 'compliance-cooper'],
      'docs/release.md': ['infosec-shiloh', 'compliance-cooper'],
      'index.md': ['infosec-shiloh', 'compliance-cooper'],
      'solutions/pricing.md': ['infosec-shiloh', 'compliance-cooper'],
    });
  });

  it('an unknown --persona is a usage error', () => {
    const run = runCli(['--persona', 'nobody', 'index.md'], { cwd: tree() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown persona "nobody"');
  });
});

describe('minFit', () => {
  it('is set globally, per persona and per glob, as --print-config shows', () => {
    const dir = tempTree({
      '.personalintrc.json': JSON.stringify({ minFit: { default: 50, cio: 60 }, overrides: [{ files: 'drafts/**', minFit: 20 }, { files: 'solutions/**', minFit: { rory: 70 } }] }),
      'a.md': body,
    });
    const config = (file: string) => JSON.parse(runCli(['--print-config', file], { cwd: dir }).stdout).minFit;
    expect(config('a.md')).toEqual({ default: 50, byPersona: { 'tech-exec-tristan': 60 } });
    expect(config('drafts/a.md')).toEqual({ default: 20, byPersona: {} });
    expect(config('solutions/a.md')).toEqual({ default: 50, byPersona: { 'tech-exec-tristan': 60, 'release-rory': 70 } });
  });

  it.each([
    ['{"minFit": 120}', 'minFit'],
    ['{"minFit": {"tristen": 60}}', 'minFit.tristen: unknown persona; use "default" or one of: '],
    ['{"overrides": [{"files": "x/**", "minFit": {"nobody": 1}}]}', 'overrides[0].minFit.nobody: unknown persona'],
  ])('an invalid setting %s is exit 2 naming the key', (content, expected) => {
    const run = runCli(['a.md'], { cwd: tempTree({ '.personalintrc.json': content, 'a.md': body }) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.personalintrc.json');
    expect(run.stderr).toContain(expected);
  });
});
