import { describe, it, expect } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempTree } from './helpers/cli.js';
import { personaIds } from './helpers/fixtures.js';

const buzz = '# Title\n\nWe leverage synergy.\n';

describe('exit codes and formats', () => {
  it('exits 0 with warnings only, and prints them grouped by file with a summary, wrapped to 80 columns', () => {
    const dir = tempTree({ 'doc.md': buzz });
    const run = runCli(['doc.md'], { cwd: dir, env: { COLUMNS: '' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'doc.md',
        '  3:4   warning  “leverage” is a buzzword; use “use”, “build on” or     buzzword',
        '                 “take advantage of” instead.',
        '  3:13  warning  “synergy” is a buzzword; use “cooperation”, “combined  buzzword',
        '                 benefit” or “working together” instead.',
        '',
        '⚠ 2 problems (0 errors, 2 warnings) in 1 file checked.',
        '',
      ].join('\n'),
    );
  });

  it('exits 1 when warnings exceed --max-warnings, 0 when they do not', () => {
    const dir = tempTree({ 'doc.md': buzz });
    expect(runCli(['--max-warnings', '1', 'doc.md'], { cwd: dir }).code).toBe(1);
    expect(runCli(['--max-warnings', '2', 'doc.md'], { cwd: dir }).code).toBe(0);
    const bad = runCli(['--max-warnings', 'lots', 'doc.md'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-warnings takes a whole number, not "lots"');
  });

  it('exits 1 on errors, and --quiet hides warnings', () => {
    const dir = tempTree({ 'doc.md': buzz, '.personalintrc.json': JSON.stringify({ rules: { buzzword: 'error' } }) });
    const run = runCli(['doc.md'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('3:4   error  “leverage”');
    const quietDir = tempTree({ 'doc.md': buzz });
    const quiet = runCli(['--quiet', 'doc.md'], { cwd: quietDir });
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).not.toContain('leverage');
  });

  it('prints the JSON contract with a version and every message field', () => {
    const dir = tempTree({ 'doc.md': buzz });
    const run = runCli(['--format', 'json', 'doc.md'], { cwd: dir });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.version).toBe(1);
    expect(out.tool.name).toBe('persona-lint');
    expect(out.counts).toEqual({ errors: 0, warnings: 2, infos: 0, fatal: 0 });
    expect(out.results[0].path).toBe('doc.md');
    expect(out.results[0].messages[0]).toEqual({
      ruleId: 'buzzword',
      severity: 'warning',
      message: '“leverage” is a buzzword; use “use”, “build on” or “take advantage of” instead.',
      line: 3,
      column: 4,
      endLine: 3,
      endColumn: 12,
      actual: 'leverage',
      expected: ["use", "build on", "take advantage of"],
      note: expect.any(String),
      url: 'https://github.com/persona-lint/persona-lint/blob/main/docs/rules/buzzword.md',
    });
  });

  it('writes the report to --output-file and nothing to stdout', () => {
    const dir = tempTree({ 'doc.md': buzz });
    const run = runCli(['-f', 'json', '-o', 'out/report.json', 'doc.md'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8')).results).toHaveLength(1);
  });

  it('uses colour only when asked or on a TTY without NO_COLOR', () => {
    const dir = tempTree({ 'doc.md': buzz });
    expect(runCli(['doc.md'], { cwd: dir }).stdout).not.toContain('\u001b[');
    expect(runCli(['--color', 'doc.md'], { cwd: dir }).stdout).toContain('\u001b[33mwarning');
  });

  it('rejects unknown options and formats with exit 2', () => {
    const dir = tempTree({ 'doc.md': buzz });
    const option = runCli(['--bogus'], { cwd: dir });
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("Unknown option '--bogus'");
    const format = runCli(['-f', 'yaml', 'doc.md'], { cwd: dir });
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('Unknown format "yaml"; choose one of: stylish, json');
  });

  it('prints help and version', () => {
    expect(runCli(['--help']).stdout).toContain('Usage: persona-lint [options]');
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('file discovery', () => {
  it('a bare persona-lint lints ., walking for .md/.markdown/.mdx, skipping node_modules, .gitignore and .personalintignore', () => {
    const dir = tempTree({
      'a.md': buzz,
      'docs/b.markdown': buzz,
      'docs/c.mdx': buzz,
      'docs/notes.txt': buzz,
      'node_modules/pkg/readme.md': buzz,
      'build/out.md': buzz,
      'drafts/wip.md': buzz,
      '.gitignore': 'build/\n',
      '.personalintignore': 'drafts/\n',
    });
    const run = runCli(['--format', 'json'], { cwd: dir });
    expect(JSON.parse(run.stdout).results.map((r: { path: string }) => r.path)).toEqual(['a.md', 'docs/b.markdown', 'docs/c.mdx']);
  });

  it('always lints a file named explicitly, even when ignored', () => {
    const dir = tempTree({ 'build/out.md': buzz, '.gitignore': 'build/\n' });
    const run = runCli(['--format', 'json', 'build/out.md'], { cwd: dir });
    expect(JSON.parse(run.stdout).results.map((r: { path: string }) => r.path)).toEqual(['build/out.md']);
  });

  it('expands globs and honours config ignores', () => {
    const dir = tempTree({ 'docs/a.md': buzz, 'docs/deep/b.md': buzz, 'docs/skip/c.md': buzz, 'other.md': buzz, '.personalintrc.json': '{"ignores": ["docs/skip/**"]}' });
    const run = runCli(['--format', 'json', 'docs/**/*.md'], { cwd: dir });
    expect(JSON.parse(run.stdout).results.map((r: { path: string }) => r.path)).toEqual(['docs/a.md', 'docs/deep/b.md']);
  });

  it('a path that does not exist is a usage error naming it', () => {
    const dir = tempTree({ 'a.md': buzz });
    const run = runCli(['a.md', 'missing.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('persona-lint: No such file or directory: missing.md\n');
    const glob = runCli(['nothing/**/*.md'], { cwd: dir });
    expect(glob.code).toBe(2);
    expect(glob.stderr).toContain('No files matching the pattern "nothing/**/*.md" were found.');
  });
});

describe('bad input', () => {
  it('reports one fatal message per unreadable file and keeps the other results (exit 1)', () => {
    const dir = tempTree({
      'good.md': buzz,
      'latin1.md': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
      'binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]),
    });
    const run = runCli(['--format', 'json', '.'], { cwd: dir });
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout).results;
    expect(results.map((r: { path: string; messages: { message: string; fatal?: boolean }[] }) => [r.path, r.messages[0].message, r.messages[0].fatal ?? false])).toEqual([
      ['binary.md', 'File is not text (it contains NUL bytes).', true],
      ['good.md', '“leverage” is a buzzword; use “use”, “build on” or “take advantage of” instead.', false],
      ['latin1.md', 'File is not valid UTF-8 text.', true],
    ]);
  });

  it('reports broken frontmatter on the file and lints the rest of it', () => {
    const dir = tempTree({ 'doc.md': '---\ntitle: [unclosed\n---\n\nWe leverage it.\n' });
    const run = runCli(['doc.md'], { cwd: dir, env: { COLUMNS: '300' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('2:17  error    Frontmatter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] (line 2, column 17)');
    expect(run.stdout).toContain('5:4   warning  “leverage” is a buzzword');
  });
});

describe('inline comments', () => {
  it('disable, enable and disable-next-line, with and without rule ids', () => {
    const text = [
      'We leverage A.', // 1: flagged
      '',
      '<!-- persona-lint-disable buzzword -->',
      '',
      'We leverage B.', // 5: off
      '',
      '<!-- persona-lint-enable buzzword -->',
      '',
      'We leverage C.', // 9: flagged
      '',
      '<!-- persona-lint-disable-next-line -->',
      'We leverage D.', // 12: off
      'We leverage E.', // 13: flagged
      '',
      '<!-- persona-lint-disable -->',
      '',
      'We leverage F.', // 17: off
      '',
    ].join('\n');
    const dir = tempTree({ 'doc.md': text });
    const out = JSON.parse(runCli(['-f', 'json', 'doc.md'], { cwd: dir }).stdout);
    expect(out.results[0].messages.map((m: { line: number }) => m.line)).toEqual([1, 9, 13]);
  });
});

describe('configuration', () => {
  const setting = (dir: string) => JSON.parse(runCli(['--print-config', 'docs/a.md'], { cwd: dir }).stdout).rules.buzzword.severity;

  it.each([
    ['.personalintrc.json', '{"rules": {"buzzword": "error"}}'],
    ['.personalintrc', 'rules:\n  buzzword: error\n'],
    ['.personalintrc.yaml', 'rules:\n  buzzword: error\n'],
    ['.personalintrc.js', 'module.exports = { rules: { buzzword: "error" } };'],
    ['.personalintrc.mjs', 'export default { rules: { buzzword: "error" } };'],
    ['personalint.config.js', 'module.exports = { rules: { buzzword: "error" } };'],
    ['package.json', '{"name": "x", "personalint": {"rules": {"buzzword": "error"}}}'],
  ])('finds %s from the linted file’s directory upward', (name, content) => {
    const dir = tempTree({ [name]: content, 'docs/a.md': buzz });
    expect(setting(dir)).toBe('error');
    expect(runCli(['docs/a.md'], { cwd: join(dir, 'docs') === dir ? dir : dir }).code).toBe(1);
  });

  it('the nearest config wins', () => {
    const dir = tempTree({ '.personalintrc.json': '{"rules": {"buzzword": "error"}}', 'docs/.personalintrc.json': '{"rules": {"buzzword": "off"}}', 'docs/a.md': buzz });
    expect(setting(dir)).toBe('off');
  });

  it('--config uses one file for every path', () => {
    const dir = tempTree({ 'strict.json': '{"rules": {"buzzword": "error"}}', 'docs/a.md': buzz });
    expect(runCli(['--config', 'strict.json', 'docs/a.md'], { cwd: dir }).code).toBe(1);
    const missing = runCli(['--config', 'nope.json', 'docs/a.md'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json');
  });

  it('per-glob overrides set severity and options', () => {
    const dir = tempTree({
      '.personalintrc.json': JSON.stringify({ overrides: [{ files: 'solutions/**', rules: { buzzword: 'error' } }] }),
      'solutions/a.md': buzz,
      'docs/a.md': buzz,
    });
    expect(runCli(['docs'], { cwd: dir }).code).toBe(0);
    expect(runCli(['solutions'], { cwd: dir }).code).toBe(1);
  });

  it('adds and removes words from the buzzword pack', () => {
    const dir = tempTree({
      '.personalintrc.json': JSON.stringify({ packs: { buzzword: { remove: ['synergy'], add: ['frobnicate', { term: 'rockstar', alternatives: ['expert'], why: 'Vague.' }] } } }),
      'a.md': 'We leverage synergy to frobnicate with rockstar developers.\n',
    });
    const out = JSON.parse(runCli(['-f', 'json', 'a.md'], { cwd: dir }).stdout);
    expect(out.results[0].messages.map((m: { actual: string; expected: string[] }) => [m.actual, m.expected])).toEqual([
      ['leverage', ["use", "build on", "take advantage of"]],
      ['frobnicate', []],
      ['rockstar', ['expert']],
    ]);
  });

  it.each([
    ['{"rules": {"buzzword": "loud"}}', 'rules.buzzword: must be one of "off", "info", "warn", "error"'],
    ['{"rules": {"buzzwords": "warn"}}', 'rules.buzzwords: unknown rule; known rules: '],
    ['{"rulez": {}}', 'rulez: is not a known key'],
    ['{"overrides": [{"rules": {}}]}', 'overrides[0].files: is required'],
    ['{"packs": {"frontmatter": {"add": ["x"]}}}', 'packs.frontmatter: no word pack for this rule'],
    ['{"persona": "tristen"}', 'persona: unknown persona "tristen"'],
    ['{"rules": {"undefined-acronym": ["warn", {"unexpanded": "articles"}]}}', 'rules.undefined-acronym[1].unexpanded: must be one of true, false, "docs"'],
    ['{"personaProfiles": [{"id": "tech-exec-tristan", "readingAge": "old"}]}', 'personaProfiles[0].readingAge: must be number'],
    ['{"rules": ', 'cannot be parsed'],
  ])('an invalid config %s is exit 2 naming the file and key', (content, expected) => {
    const dir = tempTree({ '.personalintrc.json': content, 'a.md': buzz });
    const run = runCli(['a.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.personalintrc.json');
    expect(run.stderr).toContain(expected);
  });

  it('adds a persona profile from a file and overrides a built-in field', () => {
    const base = JSON.parse(runCli(['personas', 'platform-perry', '-f', 'json']).stdout);
    const dir = tempTree({
      '.personalintrc.json': JSON.stringify({ personaProfiles: ['personas/data-dana.json', { id: 'tech-exec-tristan', readingAge: 15 }] }),
      'personas/data-dana.json': JSON.stringify({ ...base, id: 'data-dana', name: 'Data Dana', aliases: ['dana'], groupNames: ['data team'] }),
    });
    expect(runCli(['personas'], { cwd: dir }).stdout).toContain('data-dana');
    expect(JSON.parse(runCli(['personas', 'tristan', '-f', 'json'], { cwd: dir }).stdout).readingAge).toBe(15);
  });
});

describe('personas command', () => {
  it('lists the personas of rules/personas/ and shows one by id or alias', () => {
    // An entry starts at the margin with its id; its text and aliases are indented under it.
    const list = runCli(['personas']).stdout.split('\n\n')[0].split('\n');
    expect(list.filter((line) => !line.startsWith(' ')).map((line) => line.split(' ')[0])).toEqual(personaIds);
    const one = runCli(['personas', 'cio']).stdout;
    expect(one).toContain('Tech Exec Tristan (tech-exec-tristan)');
    expect(one).toContain('Job to be done: Lead the technology vision');
    const missing = runCli(['personas', 'nobody']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Unknown persona "nobody"');
  });
});

describe('the repository lints itself', () => {
  it('its own .personalintrc.json lints its README without problems', () => {
    expect(existsSync('.personalintrc.json')).toBe(true);
    const run = runCli(['README.md']);
    expect(run.stdout).toBe('✔ 1 file checked, no problems.\n');
    expect(run.code).toBe(0);
  });
});
