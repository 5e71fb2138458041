import { describe, it, expect } from 'vitest';
import { runCli, tempTree } from './helpers/cli.js';
import { validateWith } from './helpers/validators.js';

const schema = 'rules/schemas/report.schema.json';

describe('--stdin: the editor contract', () => {
  it('lints standard input under --stdin-filename, with that file’s config, and the output matches the JSON Schema', () => {
    const dir = tempTree({ 'docs/.personalintrc.json': '{"rules": {"buzzword": "error"}}' });
    const run = runCli(['--stdin', '--stdin-filename', 'docs/new page.md', '-f', 'json'], { cwd: dir, input: '# Nëw\n\nWe leverage it.\n' });
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(validateWith(schema, out)).toEqual({ valid: true, errors: [] });
    expect(out.results).toHaveLength(1);
    expect(out.results[0].path).toBe('docs/new page.md');
    expect(out.results[0].messages[0]).toMatchObject({ ruleId: 'buzzword', severity: 'error', line: 3, column: 4, endLine: 3, endColumn: 12, actual: 'leverage' });
  });

  it('without --stdin-filename the path is <text>', () => {
    const run = runCli(['--stdin', '-f', 'json'], { cwd: tempTree({}), input: 'We leverage it.\n' });
    const out = JSON.parse(run.stdout);
    expect(validateWith(schema, out).valid).toBe(true);
    expect(out.results[0].path).toBe('<text>');
  });

  it('rejects file arguments, --stdin-filename alone and --changed-since with --stdin (exit 2)', () => {
    const dir = tempTree({ 'a.md': 'x\n' });
    expect(runCli(['--stdin', 'a.md'], { cwd: dir, input: 'x' }).stderr).toBe('persona-lint: --stdin lints standard input; name no files with it (use --stdin-filename for the path).\n');
    expect(runCli(['--stdin-filename', 'a.md'], { cwd: dir }).stderr).toBe('persona-lint: --stdin-filename names the text read with --stdin; add --stdin.\n');
    const both = runCli(['--stdin', '--changed-since', 'main'], { cwd: dir, input: 'x' });
    expect(both.code).toBe(2);
    expect(both.stderr).toBe('persona-lint: --changed-since lints files from git; it cannot be combined with --stdin.\n');
  });
});

describe('the JSON output schema', () => {
  it('describes file output too: fatal messages, gates, baseline flags', () => {
    const dir = tempTree({ 'a b.md': '# A\n\nWe leverage it.\n', 'bad.md': Buffer.from([0xe9, 0x0a]) });
    runCli(['--write-baseline', 'b.json', 'a b.md'], { cwd: dir });
    const run = runCli(['-f', 'json', '--baseline', 'b.json', '--min-fit', '10', '.'], { cwd: dir });
    const out = JSON.parse(run.stdout);
    expect(validateWith(schema, out)).toEqual({ valid: true, errors: [] });
    expect(out.gateFailures).toEqual([]);
    expect(out.results.map((r: { path: string; messages: { fatal?: boolean; baseline?: boolean }[] }) => [r.path, r.messages[0].fatal ?? false, r.messages[0].baseline ?? false])).toEqual([
      ['a b.md', false, true],
      ['bad.md', true, false],
    ]);
  });

  it('rejects what is not the contract', () => {
    const out = { version: 1, tool: { name: 'persona-lint', version: '0' }, results: [{ path: 'a.md', messages: [{ ruleId: 'x', severity: 'fatal' }], counts: { errors: 0, warnings: 0, infos: 0, fatal: 0 } }], counts: { errors: 0, warnings: 0, infos: 0, fatal: 0 } };
    expect(validateWith(schema, out).valid).toBe(false);
  });
});
