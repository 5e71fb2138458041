import type { ConfigSeverity } from '../core/types.js';
import type { PackChanges, Persona } from '../data/load-data.js';
import type { MinFitSetting } from '../data/min-fit.js';
import type { Gates } from '../engine/settings.js';

// The config as a user writes it, and as loaded: the types config/ passes between its files.

export type RuleSetting = ConfigSeverity | [ConfigSeverity, Record<string, unknown>?];

/** The configuration as a user writes it. */
export interface UserConfig {
  $schema?: string;
  rules?: Record<string, RuleSetting>;
  packs?: Record<string, PackChanges>;
  personaProfiles?: (string | (Partial<Persona> & { id: string }))[];
  persona?: string | string[];
  ignores?: string[];
  overrides?: ConfigOverride[];
  /** Bars the declared personas' scores must reach (--min-fit, --min-coverage). */
  gates?: Gates;
  minFit?: MinFitSetting;
}

export interface ConfigOverride {
  files: string | string[];
  rules?: Record<string, RuleSetting>;
  packs?: Record<string, PackChanges>;
  persona?: string | string[];
  gates?: Gates;
  minFit?: MinFitSetting;
}

/** A loaded, validated config file, ready to be resolved per file. */
export interface LoadedConfig {
  source: string | null;
  baseDir: string;
  config: UserConfig;
  personas: Persona[];
  overrides: { matches: (relativePath: string) => boolean; override: ConfigOverride }[];
  ignores: string[];
}

export function toList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

