import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempTree } from './helpers/cli.js';
import { fixturesRoot, personaIds } from './helpers/fixtures.js';
import { loadBuiltinPersonas } from '../src/data/load-data.js';

// The columns are the built-in personas (read from rules/personas/), by their first alias.
const shortNames = loadBuiltinPersonas().map((p) => p.aliases[0] ?? p.id);
const column = (id: string) => personaIds.indexOf(id);

const fixture = (path: string) => readFileSync(join(fixturesRoot, path), 'utf8');
const tree = () =>
  tempTree({
    '.personalintrc.json': '{}',
    'release.md': fixture('persona-fit/threshold-by-persona.md'),
    'program.md': fixture('persona-fit/above-min-fit.md'),
    'plain.md': '# Notes\n\nWe walked to the lake and back.\n',
  });

describe('persona-lint score', () => {
  it('prints documents × personas with the declared persona marked, the best fit per row, and a summary', () => {
    const run = runCli(['score', '.'], { cwd: tree() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0].split(/ +/)).toEqual(['document', ...shortNames, 'best', 'fit']);
    // A page written for no persona in particular is unclear: its best fit is a guess, marked ?.
    expect(lines[1]).toMatch(new RegExp(`^plain\\.md  ( +\\d+ ){${personaIds.length}} +[a-z]+ \\d+% \\?$`));
    const payton = column('program-management-payton');
    expect(lines[2]).toMatch(new RegExp(`^program\\.md( +\\d+ ){${payton}} +\\d+\\*( +\\d+){${personaIds.length - payton - 1}} +payton \\d+%$`));
    const rory = column('release-rory');
    expect(lines[3]).toMatch(new RegExp(`^release\\.md( +\\d+ ){${rory}} +\\d+\\*( +\\d+){${personaIds.length - rory - 1}} +rory \\d+%$`));
    expect(lines).toContain('* declared persona (frontmatter, config or --persona); best fit: the most relevant persona and its probability, ? when no persona clearly leads');
    // Why: the words behind the two most relevant personas of each document.
    expect(lines).toContain('why (the words behind relevance)');
    expect(lines.find((l) => l.startsWith('release.md  rory'))).toMatch(/^release\.md  rory \d+%: .*\bqa\b.* \| [a-z]+ \d+%: /);
    const summary = lines.findIndex((l) => l.startsWith('persona '));
    expect(lines[summary]).toBe('persona                    mean fit  best fit for  declared by  key concepts most often missing');
    expect(lines[summary + 1]).toMatch(/^app-dev-avery +\d+\.\d +\d +0  /);
    expect(lines.find((l) => l.startsWith('release-rory'))).toMatch(/^release-rory +\d+\.\d +1 +1  cost-effective delivery \(1\)/);
  });

  it('--format json gives the same table with fits, declared personas and the summary', () => {
    const run = runCli(['score', '-f', 'json', '.'], { cwd: tree() });
    const out = JSON.parse(run.stdout);
    expect(out.version).toBe(1);
    expect(out.personas.map((p: { short: string }) => p.short)).toEqual(shortNames);
    expect(out.documents.map((d: { path: string; declared: string[]; unclear: boolean }) => [d.path, d.declared, d.unclear])).toEqual([
      ['plain.md', [], true],
      ['program.md', ['program-management-payton'], false],
      ['release.md', ['release-rory'], false],
    ]);
    expect(out.documents.slice(1).map((d: { best: string }) => d.best)).toEqual(['program-management-payton', 'release-rory']);
    expect(Object.keys(out.documents[0].fits)).toHaveLength(personaIds.length);
    const release = out.documents[2];
    expect(release.confidence).toBe(release.relevance['release-rory']);
    expect(release.why['release-rory']).toContain('qa');
    const rory = out.summary.find((s: { id: string }) => s.id === 'release-rory');
    expect(rory).toMatchObject({ name: 'Release Rory', bestFor: 1, declaredBy: 1, mostMissing: [{ label: 'cost-effective delivery', documents: 1 }, expect.anything(), expect.anything()].slice(0, rory.mostMissing.length) });
    const fits = out.documents.map((d: { fits: Record<string, number> }) => d.fits['release-rory']);
    expect(rory.meanFit).toBeCloseTo(fits.reduce((a: number, b: number) => a + b, 0) / fits.length, 1);
  });

  it('--format csv writes one row per document, with the same numbers as the JSON', () => {
    const dir = tree();
    const json = JSON.parse(runCli(['score', '-f', 'json', '.'], { cwd: dir }).stdout);
    const csv = runCli(['score', '-f', 'csv', '.'], { cwd: dir }).stdout;
    const rows = csv.trimEnd().split('\r\n').map((r) => r.split(','));
    expect(rows[0]).toEqual(['path', 'declared', 'best', ...personaIds]);
    expect(rows).toHaveLength(4);
    for (const [i, doc] of json.documents.entries()) {
      expect(rows[i + 1]).toEqual([doc.path, doc.declared.join(';'), doc.best ?? '', ...rows[0].slice(3).map((id) => String(doc.fits[id]))]);
    }
  });

  it('marks --persona as declared, writes --output-file, and rejects other formats', () => {
    const dir = tree();
    const run = runCli(['score', '--persona', 'cio', '-f', 'json', '-o', 'out/score.json', 'plain.md'], { cwd: dir });
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'out/score.json'), 'utf8')).documents[0].declared).toEqual(['tech-exec-tristan']);
    const bad = runCli(['score', '-f', 'sarif', '.'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Unknown format "sarif" for score; choose one of: stylish, json, csv');
  });

  it('lists a file that cannot be read and exits 1', () => {
    const dir = tempTree({ '.personalintrc.json': '{}', 'bin.md': Buffer.from([0x00, 0x01]), 'ok.md': '# Fine\n' });
    const run = runCli(['score', '.'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('bin.md    could not be scored: File is not text (it contains NUL bytes).');
  });
});
