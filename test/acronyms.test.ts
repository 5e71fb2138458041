import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempTree } from './helpers/cli.js';

// `persona-lint acronyms` and undefined-acronym's `glossary`, through the built binary.

/** A small docs tree: a team's acronyms (AE, SE, DRI, PTO) and others (XYZ, NPS, SAST). */
const pages = {
  '.gitignore': 'drafts/\n',
  'docs/planning.md': '# Planning\n\nThe AE and the SE agree with the DRI before anyone takes PTO.\n\nThe XYZ report is new.\n',
  'docs/sales.md': '# Sales\n\nAn account executive (AE) owns the deal; the AE asks the SE for a demo.\n\nSAST runs on every API change.\n',
  'docs/security.md': '# Security\n\nStatic application security testing (SAST) reads the code. The NPS survey asks the DRI.\n',
  'drafts/ignored.md': 'The QQQ draft is ignored, as a lint run ignores it.\n',
};

describe('persona-lint acronyms', () => {
  it('lists each acronym with its uses, the files expanding it and the files using it unexpanded first, as JSON', () => {
    const run = runCli(['acronyms', '-f', 'json', '.'], { cwd: tempTree(pages) });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.files).toBe(3);
    const entry = (acronym: string) => report.acronyms.find((a: { acronym: string }) => a.acronym === acronym);
    expect(entry('AE')).toEqual({
      acronym: 'AE',
      uses: 3,
      files: 2,
      known: null,
      knownBy: null,
      expandedIn: [{ path: 'docs/sales.md', line: 3, column: 23, longForm: 'account executive' }],
      firstUsedBareIn: [{ path: 'docs/planning.md', line: 3, column: 5 }],
    });
    expect(entry('SAST')).toEqual({
      acronym: 'SAST',
      uses: 2,
      files: 2,
      known: null,
      knownBy: null,
      expandedIn: [{ path: 'docs/security.md', line: 3, column: 38, longForm: 'static application security testing' }],
      firstUsedBareIn: [{ path: 'docs/sales.md', line: 5, column: 1 }],
    });
    // DRI and XYZ are in many Debian package descriptions: known to technical readers, so not listed as used bare, as the rule does not flag them.
    expect(entry('DRI')).toMatchObject({ uses: 2, files: 2, known: 'debian', knownBy: expect.stringMatching(/^Debian descriptions \(\d+ packages\)$/), firstUsedBareIn: [] });
    expect(entry('XYZ')).toMatchObject({ known: 'debian', firstUsedBareIn: [] });
    expect(entry('API')).toMatchObject({ uses: 1, known: 'common', knownBy: 'common list', firstUsedBareIn: [] });
    // Most used first; ignored files are left out, as the lint command leaves them out.
    expect(report.acronyms[0].acronym).toBe('AE');
    expect(entry('QQQ')).toBeUndefined();
    expect(report.unknown).toEqual(['AE', 'NPS', 'PTO', 'SAST', 'SE']);
  });

  it('with unexpanded: false, lists only the first uses the rule reports, those before the page expands the acronym', () => {
    const tree = tempTree({
      ...pages,
      'docs/scan.md': '# Scans\n\nRun DAST nightly. Dynamic application security testing (DAST) probes the app.\n',
      '.personalintrc.json': JSON.stringify({ rules: { 'undefined-acronym': ['warn', { unexpanded: false }] } }),
    });
    const report = JSON.parse(runCli(['acronyms', '-f', 'json', '.'], { cwd: tree }).stdout);
    const entry = (acronym: string) => report.acronyms.find((a: { acronym: string }) => a.acronym === acronym);
    expect(entry('DAST').firstUsedBareIn).toEqual([{ path: 'docs/scan.md', line: 3, column: 5 }]);
    expect(entry('AE').firstUsedBareIn).toEqual([]);
    expect(report.unknown).toEqual(['DAST']);
    // The lint run agrees: one undefined-acronym message, at the same place.
    const lint = JSON.parse(runCli(['-f', 'json', 'docs'], { cwd: tree }).stdout);
    const messages = lint.results.flatMap((r: { path: string; messages: { ruleId: string; line: number; column: number }[] }) => r.messages.filter((m) => m.ruleId === 'undefined-acronym').map((m) => [r.path, m.line, m.column]));
    expect(messages).toEqual([['docs/scan.md', 3, 5]]);
  });

  it('prints a listing and the allow list to paste', () => {
    const run = runCli(['acronyms', 'docs'], { cwd: tempTree(pages) });
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual(['AE  3 uses in 2 files', '  expanded in docs/sales.md:3:23 “account executive”', '  first used unexpanded in docs/planning.md:3:5']);
    expect(lines).toContain('API  1 use in 1 file · known (common)');
    expect(lines).toContainEqual(expect.stringMatching(/^DRI {2}2 uses in 2 files · known \(Debian descriptions \(\d+ packages\)\)$/));
    expect(lines.at(-2)).toBe('8 acronyms in 3 files; 5 unknown and used unexpanded somewhere.');
    expect(lines.at(-1)).toBe('Expand them, define them in a glossary, or allow them: "allow": ["AE","NPS","PTO","SAST","SE"]');
  });

  it('lists first uses where the rule reports them: not after words spelling the acronym, and at a name the acronym ends', () => {
    const cwd = tempTree({
      'a.md': '# Notes\n\nWe started the Quantum Ledger Tool project last year. Today the QLT ships weekly.\n',
      'b.md': '# Notes\n\nRequests pass the Acme WQP gateway first. A new WQP route follows.\n\nThe web query proxy (WQP) is explained later.\n',
    });
    const report = JSON.parse(runCli(['acronyms', '-f', 'json', '.'], { cwd }).stdout);
    const entry = (acronym: string) => report.acronyms.find((a: { acronym: string }) => a.acronym === acronym);
    expect(entry('QLT')).toMatchObject({ uses: 1, firstUsedBareIn: [] });
    expect(entry('WQP')).toMatchObject({ uses: 3, firstUsedBareIn: [{ path: 'b.md', line: 3, column: 24 }] });
    // The lint run reports the same places.
    const messages = JSON.parse(runCli(['-f', 'json', '.'], { cwd }).stdout).results.flatMap((r: { path: string; messages: { ruleId: string; line: number; column: number }[] }) =>
      r.messages.filter((m) => m.ruleId === 'undefined-acronym').map((m) => `${r.path}:${m.line}:${m.column}`),
    );
    expect(messages).toEqual(['b.md:3:24']);
  });

  it('refuses a format or an option it does not take (exit 2)', () => {
    const cwd = tempTree(pages);
    expect(runCli(['acronyms', '-f', 'sarif', '.'], { cwd })).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown format "sarif" for acronyms') });
    expect(runCli(['acronyms', '--persona', 'rory', '.'], { cwd })).toMatchObject({ code: 2, stderr: expect.stringContaining('--persona does not apply to acronyms') });
  });
});

describe('undefined-acronym glossary', () => {
  const flagged = (stdout: string) =>
    JSON.parse(stdout)
      .results.flatMap((r: { path: string; messages: { ruleId: string; actual: string }[] }) => r.messages.filter((m) => m.ruleId === 'undefined-acronym').map((m) => `${r.path} ${m.actual}`))
      .sort();

  it('a glossary page makes the team’s acronyms known in every file; the others stay flagged', () => {
    const cwd = tempTree(pages);
    const before = runCli(['-f', 'json', 'docs'], { cwd });
    expect(flagged(before.stdout)).toEqual(['docs/planning.md AE', 'docs/planning.md PTO', 'docs/planning.md SE', 'docs/sales.md SAST', 'docs/sales.md SE', 'docs/security.md NPS']);
    writeFileSync(join(cwd, 'docs', 'glossary.md'), '# Glossary\n\n- **AE**: account executive\n- Solutions Engineer (SE)\n\n| Term | Meaning |\n| --- | --- |\n| DRI | Directly Responsible Individual |\n| PTO | Paid time off |\n');
    writeFileSync(join(cwd, '.personalintrc.json'), JSON.stringify({ rules: { 'undefined-acronym': ['warn', { glossary: ['docs/glossary.md'] }] } }));
    const after = runCli(['-f', 'json', 'docs'], { cwd });
    // The glossary page is linted too, and flags nothing of its own.
    expect(flagged(after.stdout)).toEqual(['docs/sales.md SAST', 'docs/security.md NPS']);
    expect(JSON.parse(after.stdout).results.map((r: { path: string }) => r.path)).toContain('docs/glossary.md');
  });

  it('a term list works the same, and a changed glossary renews cached results', () => {
    const cwd = tempTree({ ...pages, 'terms.txt': '# Our roles\nAE account executive\nSE\n', '.personalintrc.json': JSON.stringify({ rules: { 'undefined-acronym': ['warn', { glossary: ['terms.txt'] }] } }) });
    const run = () => flagged(runCli(['-f', 'json', '--cache', '--cache-location', '.cache', 'docs'], { cwd }).stdout);
    expect(run()).toEqual(['docs/planning.md PTO', 'docs/sales.md SAST', 'docs/security.md NPS']);
    writeFileSync(join(cwd, 'terms.txt'), '# Our roles\nAE account executive\nSE\nDRI\nPTO\n');
    expect(run()).toEqual(['docs/sales.md SAST', 'docs/security.md NPS']);
  });

  it('a missing glossary file is a config error naming the key and the file (exit 2)', () => {
    const cwd = tempTree({ ...pages, '.personalintrc.json': JSON.stringify({ rules: { 'undefined-acronym': ['warn', { glossary: ['docs/glossary.md'] }] } }) });
    const run = runCli(['docs'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('rules.undefined-acronym[1].glossary[0]: cannot read the glossary docs/glossary.md: no such file');
    expect(run.stderr).toContain('.personalintrc.json');
  });
});
