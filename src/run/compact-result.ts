import type { FileResult } from '../core/types.js';

/**
 * A result to keep until the report is printed, at a fraction of its size. Persona scores repeat
 * the same labels, notes and rule URLs in every file, so repeated strings share one copy (the
 * `strings` table lives for one run). A result linted in this thread is cloned first: the
 * flagged text of a message is a slice of the file, and a slice keeps the whole file's text alive.
 */
export function compactResult(result: FileResult, strings: Map<string, string>, cloned: boolean): FileResult {
  return share(cloned ? result : structuredClone(result), strings) as FileResult;
}

/** The result with only its target personas' scores (RunOptions `scores: 'declared'`). */
export function declaredScoresOnly(result: FileResult): FileResult {
  const { personas } = result;
  if (!personas) return result;
  return { ...result, personas: { ...personas, scores: personas.scores.filter((score) => personas.declared.includes(score.id)) } };
}

/**
 * The result with its target personas' scores whole and every other persona's figures only: the
 * places concepts were found and the fit breakdown go (RunOptions `scores: 'figures'`).
 */
export function scoreFiguresOnly(result: FileResult): FileResult {
  const { personas } = result;
  if (!personas) return result;
  const scores = personas.scores.map((score) => (personas.declared.includes(score.id) ? score : { ...score, found: [], breakdown: [] }));
  return { ...result, personas: { ...personas, scores } };
}

function share(value: unknown, strings: Map<string, string>): unknown {
  if (typeof value === 'string') {
    if (value.length > 1000) return value;
    const known = strings.get(value);
    if (known !== undefined) return known;
    strings.set(value, value);
    return value;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = share(value[i], strings);
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key in record) record[key] = share(record[key], strings);
  }
  return value;
}
