import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempTree } from './helpers/cli.js';
import { fixturesRoot } from './helpers/fixtures.js';
import { loadBuiltinPersonas } from '../src/data/load-data.js';

// undefined-acronym leaves alone the acronyms the page's readers know: the knownAcronyms of its
// declared personas, else of its clear best fit.
type Report = { results: { path: string; messages: { ruleId: string; actual: string | null; message: string }[] }[] };
const acronymsOf = (report: Report, path: string) => report.results.find((r) => r.path === path)!.messages.filter((m) => m.ruleId === 'undefined-acronym').map((m) => m.actual);
const lint = (dir: string, args: string[]) => {
  const run = runCli(['--format', 'json', ...args], { cwd: dir });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Report;
};

// A page that `persona-lint score` names as Platform Perry's, with acronyms of that job added.
const platformPage = `${readFileSync(join(fixturesRoot, 'personas/platform-perry/ci-platform-slos.md'), 'utf8')}\nWe plan for HA, watch the IOPS of every volume, and track the QXR of each team.\n`;

describe('the readers’ vocabulary', () => {
  it('every built-in persona lists the acronyms of its role, and `personas <id>` shows them', () => {
    for (const persona of loadBuiltinPersonas()) expect(persona.knownAcronyms?.length ?? 0, persona.id).toBeGreaterThanOrEqual(15);
    const perry = runCli(['personas', 'perry']).stdout;
    expect(perry).toContain('Known acronyms (undefined-acronym leaves them alone on pages for this persona):\n  SRE, SLO, SLA, SLI, HA,');
  });

  it('on a page whose clear best fit is a persona, that persona’s acronyms are known; `audience: false` flags them', () => {
    const dir = tempTree({ 'slos.md': platformPage });
    const score = JSON.parse(runCli(['score', '-f', 'json', 'slos.md'], { cwd: dir }).stdout);
    expect(score.documents[0].best).toBe('platform-perry');
    expect(acronymsOf(lint(dir, ['slos.md']), 'slos.md')).toEqual(['QXR']);
    const off = tempTree({ 'slos.md': platformPage, '.personalintrc.json': JSON.stringify({ rules: { 'undefined-acronym': ['warn', { audience: false }] } }) });
    expect(acronymsOf(lint(off, ['slos.md']), 'slos.md')).toEqual(['SLI', 'HA', 'IOPS', 'QXR']);
  });

  it('a page under 150 words is too short to tell its readers, however sure relevance is', () => {
    const dir = tempTree({ 'short.md': 'SAST (see below) runs, then DAST (v2 only), ZAP (optional) and KEV (CISA Catalog).\n' });
    const score = JSON.parse(runCli(['score', '-f', 'json', 'short.md'], { cwd: dir }).stdout);
    expect(score.documents[0].best).toBe('infosec-shiloh');
    expect(score.documents[0].confidence).toBeGreaterThanOrEqual(0.9);
    expect(acronymsOf(lint(dir, ['short.md']), 'short.md')).toEqual(['SAST', 'DAST', 'ZAP', 'KEV', 'CISA']);
  });

  it('a team’s own persona lists its terms once, and the pages written for it stop flagging them', () => {
    const page = '# Deal desk\n\nThe AE owns the quote, the SE runs the demo, the TAM follows up and the CSM signs off in the QBR.\n';
    const files = { 'sales/quote.md': `---\npersona: sales-sam\n---\n\n${page}`, 'docs/other.md': page };
    const sam = { id: 'sales-sam', name: 'Sales Sam', aliases: ['sam'], knownAcronyms: ['AE', 'SE', 'TAM', 'CSM'] };
    const base = loadBuiltinPersonas().find((p) => p.id === 'back-office-blake')!;
    const dir = tempTree({ ...files, '.personalintrc.json': JSON.stringify({ personaProfiles: [{ ...base, ...sam }] }) });
    const report = lint(dir, ['sales/quote.md', 'docs/other.md']);
    // QBR is not Sam's; the page without a persona (and no clear best fit) flags them all.
    expect(acronymsOf(report, 'sales/quote.md')).toEqual(['QBR']);
    expect(acronymsOf(report, 'docs/other.md')).toEqual(['AE', 'SE', 'TAM', 'CSM', 'QBR']);
    // `persona-lint acronyms` lists first bare uses by the same verdicts.
    const inventory = JSON.parse(runCli(['acronyms', '--format', 'json', 'sales', 'docs'], { cwd: dir }).stdout);
    const firstBare = (name: string) => inventory.acronyms.find((a: { acronym: string }) => a.acronym === name).firstUsedBareIn.map((p: { path: string }) => p.path);
    expect(firstBare('AE')).toEqual(['docs/other.md']);
    expect(firstBare('QBR')).toEqual(['sales/quote.md', 'docs/other.md'].sort());
  });

  it('a bad knownAcronyms entry is a config error naming the key and the file (exit 2)', () => {
    const base = loadBuiltinPersonas().find((p) => p.id === 'back-office-blake')!;
    const dir = tempTree({ 'a.md': '# A\n', '.personalintrc.json': JSON.stringify({ personaProfiles: [{ ...base, id: 'sales-sam', name: 'Sales Sam', aliases: ['sam'], knownAcronyms: ['account exec'] }] }) });
    const run = runCli(['a.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.personalintrc.json');
    expect(run.stderr).toContain('knownAcronyms');
  });
});
