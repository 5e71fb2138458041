import { describe, it, expect } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { runCli, tempTree } from './helpers/cli.js';
import { validateSarif, validateWith } from './helpers/validators.js';

describe('--report <format>=<file>', () => {
  it('writes several reports in one run besides the --format on stdout; each is valid', () => {
    const dir = tempTree({
      'docs/café launch.md': '---\npersona: platfrom-perry\n---\n\n# Ünïcode\n\nWe leverage synergy 🚀.\n',
      'docs/latin1.md': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
      'docs/clean.md': '# Clean\n\nPlain words.\n',
    });
    const formats = { sarif: 'out/r.sarif', codequality: 'out/gl-code-quality-report.json', junit: 'out/junit.xml', checkstyle: 'out/checkstyle.xml', github: 'out/github.txt', markdown: 'out/summary.md', json: 'out/r.json' };
    const run = runCli(['-f', 'stylish', ...Object.entries(formats).flatMap(([f, p]) => ['--report', `${f}=${p}`]), 'docs'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✖ 4 problems (2 errors, 2 warnings) in 3 files checked.');
    const read = (f: keyof typeof formats) => readFileSync(join(dir, formats[f]), 'utf8');
    expect(validateSarif(JSON.parse(read('sarif')))).toEqual({ valid: true, errors: [] });
    expect(validateWith('test/schemas/codequality.schema.json', JSON.parse(read('codequality')))).toEqual({ valid: true, errors: [] });
    expect(validateWith('rules/schemas/report.schema.json', JSON.parse(read('json')))).toEqual({ valid: true, errors: [] });
    expect(XMLValidator.validate(read('junit'))).toBe(true);
    expect(XMLValidator.validate(read('checkstyle'))).toBe(true);
    expect(read('github').split('\n')[0]).toBe('::error file=docs/café launch.md,line=2,col=10,endLine=2,endColumn=24,title=persona-lint (frontmatter)::Unknown persona “platfrom-perry”; did you mean “platform-perry”? Known: app-dev-avery, back-office-blake, compliance-cooper, infosec-shiloh, platform-perry, program-management-payton, release-rory, tech-exec-tristan.');
    expect(read('markdown')).toContain('| `docs/café launch.md` |');
    expect(JSON.parse(read('sarif')).runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri)).toEqual([
      'docs/caf%C3%A9%20launch.md',
      'docs/caf%C3%A9%20launch.md',
      'docs/caf%C3%A9%20launch.md',
      'docs/latin1.md',
    ]);
  });

  it('rejects a malformed spec or an unknown format before linting (exit 2)', () => {
    const dir = tempTree({ 'a.md': 'x\n' });
    const noFile = runCli(['--report', 'sarif', 'a.md'], { cwd: dir });
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toBe('persona-lint: --report takes <format>=<file>, e.g. --report sarif=persona-lint.sarif, not "sarif"\n');
    const unknown = runCli(['--report', 'pdf=out.pdf', 'a.md'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('persona-lint: Unknown format "pdf" in --report pdf=out.pdf; choose one of: stylish, json, sarif, codequality, junit, github, checkstyle, markdown, html, rdjson\n');
    expect(existsSync(join(dir, 'out.pdf'))).toBe(false);
  });
});
