import { describe, it, expect } from 'vitest';
import { checkGates, describeGateFailure } from '../src/ci/gates.js';
import type { FileResult, PersonaScore } from '../src/core/types.js';
import { runCli, tempTree } from './helpers/cli.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesRoot } from './helpers/fixtures.js';

const score = (id: string, fit: number, coverage: number): PersonaScore => ({ id, fit, coverage, found: [], missing: [], breakdown: [] });
const file = (declared: string[], scores: PersonaScore[]): FileResult => ({
  path: 'docs/a.md',
  messages: [],
  counts: { errors: 0, warnings: 0, infos: 0, fatal: 0 },
  personas: { declared, best: scores[0]?.id ?? null, scores },
});

// The scores come from the scoring step (issue 4); these unit tests give them directly.
describe('checkGates', () => {
  const doc = file(['release-rory', 'app-dev-avery'], [score('release-rory', 72, 0.5), score('app-dev-avery', 40, 0.25), score('platform-perry', 10, 0)]);

  it('fails each declared persona under --min-fit or --min-coverage, and only declared ones', () => {
    expect(checkGates(doc, { minFit: 60, minCoverage: 0.4 })).toEqual([
      { path: 'docs/a.md', persona: 'app-dev-avery', gate: 'min-fit', actual: 40, required: 60 },
      { path: 'docs/a.md', persona: 'app-dev-avery', gate: 'min-coverage', actual: 0.25, required: 0.4 },
    ]);
    expect(checkGates(doc, { minFit: 40, minCoverage: 0.25 })).toEqual([]);
    expect(checkGates(doc, {})).toEqual([]);
  });

  it('does nothing for a document without declared personas or without scores', () => {
    expect(checkGates(file([], [score('release-rory', 5, 0)]), { minFit: 60 })).toEqual([]);
    expect(checkGates({ ...doc, personas: undefined }, { minFit: 60 })).toEqual([]);
  });

  it('with a baseline: a recorded score excuses the gate, and a drop below it fails', () => {
    const recorded = (id: string) => (id === 'app-dev-avery' ? { fit: 40, coverage: 0.3 } : undefined);
    expect(checkGates(doc, { minFit: 60 }, recorded)).toEqual([{ path: 'docs/a.md', persona: 'app-dev-avery', gate: 'baseline-coverage', actual: 0.25, required: 0.3 }]);
    expect(checkGates(doc, { minFit: 60, minCoverage: 0.2 }, () => ({ fit: 72, coverage: 0.5 }))).toEqual([
      { path: 'docs/a.md', persona: 'app-dev-avery', gate: 'baseline-fit', actual: 40, required: 72 },
      { path: 'docs/a.md', persona: 'app-dev-avery', gate: 'baseline-coverage', actual: 0.25, required: 0.5 },
    ]);
  });

  it('describes a failure in one line', () => {
    expect(describeGateFailure({ path: 'docs/a.md', persona: 'app-dev-avery', gate: 'min-fit', actual: 40.04, required: 60 })).toBe('docs/a.md: fit for app-dev-avery is 40, below --min-fit 60.');
    expect(describeGateFailure({ path: 'docs/a.md', persona: 'app-dev-avery', gate: 'baseline-coverage', actual: 0.25, required: 0.3 })).toBe('docs/a.md: coverage for app-dev-avery is 25%, below its baseline 30%.');
  });
});

describe('gate options and config', () => {
  it('rejects numbers out of range (exit 2)', () => {
    const dir = tempTree({ 'a.md': '# A\n' });
    const fit = runCli(['--min-fit', '120', 'a.md'], { cwd: dir });
    expect(fit.code).toBe(2);
    expect(fit.stderr).toBe('persona-lint: --min-fit takes a number from 0 to 100, not "120"\n');
    const coverage = runCli(['--min-coverage', 'most', 'a.md'], { cwd: dir });
    expect(coverage.code).toBe(2);
    expect(coverage.stderr).toBe('persona-lint: --min-coverage takes a number from 0 to 1, not "most"\n');
  });

  it('reads `gates` from config and overrides per glob, and checks them', () => {
    const dir = tempTree({
      'docs/a.md': '# A\n',
      '.personalintrc.json': JSON.stringify({ gates: { minFit: 50 }, overrides: [{ files: 'docs/**', gates: { minCoverage: 0.5 } }] }),
    });
    expect(JSON.parse(runCli(['--print-config', 'docs/a.md'], { cwd: dir }).stdout).gates).toEqual({ minFit: 50, minCoverage: 0.5 });
    expect(JSON.parse(runCli(['--print-config', 'b.md'], { cwd: dir }).stdout).gates).toEqual({ minFit: 50 });
    const bad = tempTree({ 'a.md': '# A\n', '.personalintrc.json': '{"gates": {"minFit": 200, "min": 1}}' });
    const run = runCli(['a.md'], { cwd: bad });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('persona-lint: Invalid config in .personalintrc.json:\n  gates.min: is not a known key\n  gates.minFit: must be <= 100\n');
  });
});

// End to end, with the scores the scoring step computes: the expectations are derived from the
// JSON output of the same run, so they hold the gate to its contract without freezing the scorer.
describe('gates on real scores', () => {
  const page = readFileSync(join(fixturesRoot, 'personas', 'release-rory', 'release-orchestration-product-page.md'), 'utf8');
  const scoresOf = (dir: string, args: string[]): Map<string, PersonaScore> => {
    const out = JSON.parse(runCli(['-f', 'json', ...args], { cwd: dir }).stdout);
    return new Map(out.results[0].personas.scores.map((s: PersonaScore) => [s.id, s]));
  };

  it('--min-fit and --min-coverage fail the run only for declared personas under the bar, on standard error', () => {
    const dir = tempTree({ 'page.md': page });
    const scores = scoresOf(dir, ['--persona', 'release-rory', 'page.md']);
    const rory = scores.get('release-rory') as PersonaScore;
    const tristan = scores.get('tech-exec-tristan') as PersonaScore;
    expect(rory.fit).toBeGreaterThan(tristan.fit);
    const bar = Math.floor((rory.fit + tristan.fit) / 2);
    const pass = runCli(['--persona', 'release-rory', '--min-fit', String(bar), 'page.md'], { cwd: dir });
    expect(pass.stderr).toBe('');
    expect(pass.code).toBe(0);
    const fail = runCli(['--persona', 'tech-exec-tristan', '--min-fit', String(bar), '--min-coverage', '1', 'page.md'], { cwd: dir });
    expect(fail.code).toBe(1);
    expect(fail.stderr).toBe(
      [
        `persona-lint: ${describeGateFailure({ path: 'page.md', persona: 'tech-exec-tristan', gate: 'min-fit', actual: tristan.fit, required: bar })}`,
        `persona-lint: ${describeGateFailure({ path: 'page.md', persona: 'tech-exec-tristan', gate: 'min-coverage', actual: tristan.coverage, required: 1 })}`,
        '',
      ].join('\n'),
    );
    const json = JSON.parse(runCli(['--persona', 'tech-exec-tristan', '--min-fit', String(bar), '-f', 'json', 'page.md'], { cwd: dir }).stdout);
    expect(json.gateFailures).toEqual([{ path: 'page.md', persona: 'tech-exec-tristan', gate: 'min-fit', actual: tristan.fit, required: bar }]);
  });

  it('config gates apply per glob; the command line wins', () => {
    const dir = tempTree({
      'docs/page.md': `---\npersona: release-rory\n---\n\n${page}`,
      'solutions/page.md': `---\npersona: release-rory\n---\n\n${page}`,
      '.personalintrc.json': JSON.stringify({ overrides: [{ files: 'solutions/**', gates: { minFit: 100 } }] }),
    });
    const fit = scoresOf(dir, ['solutions/page.md']).get('release-rory')?.fit as number;
    expect(fit).toBeLessThan(100);
    const run = runCli(['docs', 'solutions'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`persona-lint: solutions/page.md: fit for release-rory is ${Math.round(fit * 10) / 10}, below --min-fit 100.\n`);
    expect(runCli(['--min-fit', '0', 'docs', 'solutions'], { cwd: dir }).code).toBe(0);
  });

  it('a baseline records declared scores: a drop fails, a page already under a gate is held to its recorded score', () => {
    const dir = tempTree({ 'page.md': page });
    const args = ['--persona', 'release-rory'];
    expect(runCli([...args, '--write-baseline', 'baseline.json', 'page.md'], { cwd: dir }).code).toBe(0);
    const recorded = JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8')).scores;
    const before = scoresOf(dir, [...args, 'page.md']).get('release-rory') as PersonaScore;
    expect(recorded).toEqual([{ file: 'page.md', persona: 'release-rory', fit: before.fit, coverage: before.coverage }]);
    // Under a gate it already missed when recorded: accepted.
    expect(runCli([...args, '--baseline', 'baseline.json', '--min-fit', '100', 'page.md'], { cwd: dir }).code).toBe(0);
    // The page loses most of what it said: its score drops below the recorded one.
    writeFileSync(join(dir, 'page.md'), page.split('\n').slice(0, 6).join('\n'));
    const after = scoresOf(dir, [...args, 'page.md']).get('release-rory') as PersonaScore;
    expect(after.fit).toBeLessThan(before.fit);
    const run = runCli([...args, '--baseline', 'baseline.json', 'page.md'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`persona-lint: ${describeGateFailure({ path: 'page.md', persona: 'release-rory', gate: 'baseline-fit', actual: after.fit, required: before.fit })}\n`);
  });

  it('the markdown report shows the declared persona’s real fit and coverage', () => {
    const dir = tempTree({ 'page one.md': page });
    const rory = scoresOf(dir, ['--persona', 'release-rory', 'page one.md']).get('release-rory') as PersonaScore;
    const run = runCli(['--persona', 'release-rory', '-f', 'markdown', 'page one.md'], { cwd: dir });
    expect(run.stdout).toMatch(new RegExp(`^\\| \`page one\\.md\` \\| release-rory \\| ${Math.round(rory.fit)} \\| ${Math.round(rory.coverage * 100)}% \\| \\d+ \\| \\d+ \\| \\d+ \\|$`, 'm'));
  });
});
