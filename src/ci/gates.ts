import type { FileResult, GateFailure } from '../core/types.js';
import type { Gates } from '../engine/settings.js';

export type { Gates };

/** A score recorded in a baseline file for one declared persona of one document. */
export interface RecordedScore {
  fit: number;
  coverage: number;
}

// Scores are computed, not typed in: a recorded 0.6 read back is still 0.6, but leave room for rounding.
const epsilon = 1e-9;

/**
 * The gate failures of one file: each declared persona whose fit or coverage is under the bar.
 * A persona that has a recorded baseline score is held to that instead of the gate when the gate
 * is higher (the baseline accepted it), and fails when it drops below what was recorded.
 */
export function checkGates(result: FileResult, gates: Gates, recorded?: (persona: string) => RecordedScore | undefined): GateFailure[] {
  const report = result.personas;
  if (!report) return [];
  const failures: GateFailure[] = [];
  for (const id of report.declared) {
    const score = report.scores.find((s) => s.id === id);
    if (!score) continue;
    const before = recorded?.(id);
    const bars: [GateFailure['gate'], number | undefined, number, GateFailure['gate']][] = [
      ['min-fit', gates.minFit, score.fit, 'baseline-fit'],
      ['min-coverage', gates.minCoverage, score.coverage, 'baseline-coverage'],
    ];
    for (const [gate, bar, actual, baselineGate] of bars) {
      const was = before ? (gate === 'min-fit' ? before.fit : before.coverage) : undefined;
      if (was !== undefined && actual < was - epsilon) {
        failures.push({ path: result.path, persona: id, gate: baselineGate, actual, required: was });
        continue;
      }
      if (bar === undefined || actual >= bar - epsilon) continue;
      if (was !== undefined) continue; // under the gate, but no worse than the baseline accepted
      failures.push({ path: result.path, persona: id, gate, actual, required: bar });
    }
  }
  return failures;
}

function formatScore(gate: GateFailure['gate'], value: number): string {
  return gate.endsWith('coverage') ? `${Math.round(value * 1000) / 10}%` : String(Math.round(value * 10) / 10);
}

/** One line for a person: which document, which persona, which score, and the bar it missed. */
export function describeGateFailure(failure: GateFailure): string {
  const what = failure.gate.endsWith('coverage') ? 'coverage' : 'fit';
  const actual = formatScore(failure.gate, failure.actual);
  const required = formatScore(failure.gate, failure.required);
  const bar = failure.gate.startsWith('baseline') ? `its baseline ${required}` : `--${failure.gate} ${required}`;
  return `${failure.path}: ${what} for ${failure.persona} is ${actual}, below ${bar}.`;
}
