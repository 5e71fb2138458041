import { expect } from 'vitest';

/** What scripts/eval-personas.mjs `evaluate` returns, as far as the tests read it. */
export interface Figures {
  pages: number;
  top1: number;
  top2: number;
  perPersona: Record<string, { recall: number }>;
  mismatchFalseAlarms: number;
  mismatchRecall: number;
}

/** The measured figures of a labelled set, which the current scorer must reach (docs/scoring.md). */
export interface Floors {
  pages: number;
  top1: number;
  top2: number;
  /** Every persona's recall. */
  recall: number;
  /** persona-mismatch false alarms, at most. */
  mismatchFalseAlarms: number;
  mismatchRecall: number;
}

/** Fails when accuracy on the set slips below what was measured, so it cannot regress silently. */
export function assertFigures(figures: Figures, floors: Floors): void {
  expect(figures.pages).toBe(floors.pages);
  expect(figures.top1).toBeGreaterThanOrEqual(floors.top1);
  expect(figures.top2).toBeGreaterThanOrEqual(floors.top2);
  for (const [id, p] of Object.entries(figures.perPersona)) expect(p.recall, id).toBeGreaterThanOrEqual(floors.recall);
  expect(figures.mismatchFalseAlarms).toBeLessThanOrEqual(floors.mismatchFalseAlarms);
  expect(figures.mismatchRecall).toBeGreaterThanOrEqual(floors.mismatchRecall);
}
