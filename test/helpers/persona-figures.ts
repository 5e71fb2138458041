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

export function assertPersonaRecall(figures: Figures, floor: number): void {
  for (const [id, p] of Object.entries(figures.perPersona)) expect(p.recall, id).toBeGreaterThanOrEqual(floor);
}
