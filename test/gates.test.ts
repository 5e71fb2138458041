import { describe, it, expect } from 'vitest';
import { checkGates, describeGateFailure } from '../src/gates.js';
import type { FileResult, PersonaScore } from '../src/types.js';
import { runCli, tempTree } from './helpers/cli.js';

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
