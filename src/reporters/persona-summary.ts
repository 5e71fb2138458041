import type { FileResult, Message } from '../core/types.js';

/** One declared persona's line in a terminal report: its fit, coverage and the key concepts the page never expresses. */
export interface PersonaLine {
  name: string;
  fit: number;
  coverage: number;
  /** Key concepts named on the line instead of one `concept-coverage` message each. */
  missing: string[];
  breakdown: { part: string; points: number; max: number; detail: string }[];
}

/**
 * `concept-coverage` messages at severity info (its default) are folded into the persona line:
 * one line per persona instead of one per concept. At warn or error a team asked to fail on them,
 * so they stay messages of their own. Machine formats keep every message.
 */
export const foldedIntoSummary = (m: Message): boolean => m.ruleId === 'concept-coverage' && m.severity === 'info';

/** The declared personas' lines of one file, in declared order; none for a file that could not be scored. */
export function personaLines(result: FileResult, names: ReadonlyMap<string, string>): PersonaLine[] {
  const report = result.personas;
  if (!report) return [];
  return report.declared.flatMap((id) => {
    const score = report.scores.find((s) => s.id === id);
    if (!score) return [];
    // The concepts are named where the rule reported them (not off, not disabled in the file).
    const reported = result.messages.some((m) => foldedIntoSummary(m) && m.persona === id);
    return [{ name: names.get(id) ?? id, fit: score.fit, coverage: score.coverage, missing: reported ? score.missing : [], breakdown: score.breakdown }];
  });
}

/** `Release Rory: fit 28/100, coverage 14%; missing: a, b` */
export function personaLineText(line: PersonaLine): string {
  const missing = line.missing.length > 0 ? `; missing: ${line.missing.join(', ')}` : '';
  return `${line.name}: fit ${line.fit}/100, coverage ${Math.round(100 * line.coverage)}%${missing}`;
}

/** The parts that make the fit, one row each: `coverage  5.7/40  1 of 7 key concepts…`. */
export function breakdownRows(line: PersonaLine): [string, string, string][] {
  return line.breakdown.map((part) => [part.part, `${part.points}/${part.max}`, part.detail]);
}
