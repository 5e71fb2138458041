import type { Provenance } from './extends.js';
import type { ConfigSeverity } from '../core/types.js';
import type { PackChanges, Persona } from '../data/load-data.js';
import type { MinFitSetting } from '../data/min-fit.js';
import type { Gates } from '../engine/settings.js';
import type { GenreSetting } from '../text/genre.js';

// The config as a user writes it, and as loaded: the types config/ passes between its files.

export type RuleSetting = ConfigSeverity | [ConfigSeverity, Record<string, unknown>?];

/** The configuration as a user writes it. */
export interface UserConfig {
  $schema?: string;
  /** Presets this config builds on: relative paths or npm packages (see extends.ts). */
  extends?: string | string[];
  rules?: Record<string, RuleSetting>;
  packs?: Record<string, PackChanges>;
  personaProfiles?: (string | (Partial<Persona> & { id: string }))[];
  persona?: string | string[];
  ignores?: string[];
  overrides?: ConfigOverride[];
  /** Bars the declared personas' scores must reach (--min-fit, --min-coverage). */
  gates?: Gates;
  minFit?: MinFitSetting;
  /** Documentation or article pages, or `auto` (text/genre.ts). */
  genre?: GenreSetting;
  /** One message for a sentence repeated in many files of a run (ci/repeated-sentences.ts). */
  repeatedSentences?: boolean | { minFiles?: number };
}

export interface ConfigOverride {
  files: string | string[];
  rules?: Record<string, RuleSetting>;
  packs?: Record<string, PackChanges>;
  persona?: string | string[];
  gates?: Gates;
  minFit?: MinFitSetting;
  genre?: GenreSetting;
}

/** A loaded, validated config file, ready to be resolved per file. */
export interface LoadedConfig {
  source: string | null;
  baseDir: string;
  /** The config with its presets (`extends`) merged in. */
  config: UserConfig;
  personas: Persona[];
  overrides: { matches: (relativePath: string) => boolean; override: ConfigOverride; source: string }[];
  ignores: string[];
  /** The files merged, presets first, this config last. */
  chain: string[];
  /** Which file each setting came from. */
  provenance: Provenance;
}

export function toList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

