import type { Persona } from './load-data.js';
import { findPersona } from './find-persona.js';

/**
 * Default `minFit`. On the labelled pages in fixtures/personas, pages written for a persona score
 * 47 to 85 for it and pages written for nobody score at most 41 for anyone: 45 sits between.
 */
export const defaultMinFit = 45;

/** `minFit` as written: one threshold for every persona, or thresholds by persona id or alias (`default` for the rest). */
export type MinFitSetting = number | Record<string, number>;

/** The thresholds that apply to one file. */
export interface MinFit {
  default: number;
  /** Persona id → threshold. */
  byPersona: Record<string, number>;
}

/** Problems with the persona names in a `minFit` setting, as config error lines. */
export function checkMinFit(setting: MinFitSetting | undefined, key: string, personas: readonly Persona[]): string[] {
  if (setting === undefined || typeof setting === 'number') return [];
  return Object.keys(setting)
    .filter((name) => name !== 'default' && !findPersona(name, personas))
    .map((name) => `${key}.${name}: unknown persona; use "default" or one of: ${personas.map((p) => p.id).join(', ')}`);
}

/** Applies a `minFit` setting over the thresholds so far (a later setting wins, key by key). */
export function mergeMinFit(into: MinFit, setting: MinFitSetting | undefined, personas: readonly Persona[]): MinFit {
  if (setting === undefined) return into;
  if (typeof setting === 'number') return { default: setting, byPersona: {} };
  const merged: MinFit = { default: setting.default ?? into.default, byPersona: { ...into.byPersona } };
  for (const [name, value] of Object.entries(setting)) {
    const persona = name === 'default' ? undefined : findPersona(name, personas);
    if (persona) merged.byPersona[persona.id] = value;
  }
  return merged;
}

export function minFitFor(minFit: MinFit, personaId: string): number {
  return minFit.byPersona[personaId] ?? minFit.default;
}
