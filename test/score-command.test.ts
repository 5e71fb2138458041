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
    expect(lines[0].trim().split(/ +/)).toEqual([...shortNames, 'best', 'fit', 'document']);
    // The path comes last and whole, so it can be copied.
    // A page written for no persona in particular is unclear: its best fit is a guess, marked ?.
    expect(lines[1]).toMatch(new RegExp(`^( +\\d+ ){${personaIds.length}} +[a-z]+ \\d+% \\? +plain\\.md$`));
    const payton = column('program-management-payton');
    expect(lines[2]).toMatch(new RegExp(`^( +\\d+ ){${payton}} +\\d+\\*( +\\d+ ){${personaIds.length - payton - 1}} +payton \\d+% +program\\.md$`));
    const rory = column('release-rory');
    expect(lines[3]).toMatch(new RegExp(`^( +\\d+ ){${rory}} +\\d+\\*( +\\d+ ){${personaIds.length - rory - 1}} +rory \\d+% +release\\.md$`));
    expect(lines.slice(5, 8)).toEqual([
      '* declared persona (frontmatter, config or --persona); best fit: the most',
      'relevant persona and its probability, ? when no persona clearly leads, a = b',
      'when two or more tie',
    ]);
    // Why: the words behind the two most relevant personas of each document, under its path.
    expect(lines).toContain('why (the words behind relevance)');
    const why = lines.indexOf('release.md');
    expect(lines[why + 1]).toMatch(/^  rory \d+%: .*\bqa\b/);
    const summary = lines.findIndex((l) => l.startsWith('persona '));
    expect(lines[summary]).toBe('persona  mean fit  best for  declared  most often missing');
    expect(lines[summary + 1]).toMatch(/^avery +\d+\.\d +\d +0  /);
    expect(lines.find((l) => l.startsWith('rory '))).toMatch(/^rory +\d+\.\d +1 +1  cost-effective delivery \(1\)/);
    // Nothing but the table (whose paths are never cut) is wider than the 80 columns of a pipe.
    expect(lines.slice(1).filter((l) => !l.endsWith('.md') && l.length > 80)).toEqual([]);
  });

  it('shows a tie after rounding as a tie, and counts it as nobody’s best fit', () => {
    const base = JSON.parse(runCli(['personas', 'platform-perry', '-f', 'json']).stdout);
    const twin = (id: string, alias: string) => JSON.stringify({ ...base, id, name: id, aliases: [alias], groupNames: [alias] });
    const dir = tempTree({
      '.personalintrc.json': JSON.stringify({ personaProfiles: ['dana.json', 'drew.json'] }),
      'dana.json': twin('data-dana', 'dana'),
      'drew.json': twin('data-drew', 'drew'),
      'page.md': '# Platform\n\nOur platform team runs the internal developer platform and the pipelines.\n',
    });
    const run = runCli(['score', 'page.md'], { cwd: dir });
    expect(run.code).toBe(0);
    const [header, row] = run.stdout.split('\n');
    expect(header.trim().split(/ +/).slice(-5)).toEqual(['dana', 'drew', 'best', 'fit', 'document']);
    expect(row).toMatch(/ dana = drew \d+%  page\.md$/);
    const json = JSON.parse(runCli(['score', '-f', 'json', 'page.md'], { cwd: dir }).stdout);
    expect(json.documents[0].tied).toEqual(['data-dana', 'data-drew']);
    expect(json.summary.filter((s: { bestFor: number }) => s.bestFor > 0)).toEqual([]);
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
    expect(run.stdout).toContain('\ncould not be scored\n  bin.md: File is not text (it contains NUL bytes).\n');
  });
});
