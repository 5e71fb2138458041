import type { PackChanges, Persona } from '../data/load-data.js';
import type { MinFit } from '../data/min-fit.js';
import type { ConfigSeverity } from '../core/types.js';
import type { RelevanceData } from '../data/relevance-data.js';
import type { GenreSetting } from '../text/genre.js';

// What linting one document needs to know, as plain data: config/ builds it, the engine reads it.

/** The bars a document's declared personas must reach (--min-fit, --min-coverage, or config `gates`). */
export interface Gates {
  /** 0 to 100. */
  minFit?: number;
  /** 0 to 1. */
  minCoverage?: number;
}

export interface RuleConfig {
  severity: ConfigSeverity;
  options: Record<string, unknown>;
}

/** The settings that apply to one file, after overrides. */
export interface EffectiveConfig {
  /** The config file it came from, or null for the defaults. */
  source: string | null;
  rules: Record<string, RuleConfig>;
  packs: Record<string, PackChanges>;
  /** Every known persona (built-in and the config's profiles). */
  personas: Persona[];
  /** Target persona ids or aliases, as configured (resolved by the engine). */
  persona: string[];
  /** Documentation or article, or `auto` to tell from each page (text/genre.ts). */
  genre: GenreSetting;
  /** Gates for this file: the config's, then matching overrides'. */
  gates?: Gates;
  /** The fit under which persona-fit reports a declared persona. */
  minFit: MinFit;
}

export interface LintOptions {
  /** Paths in results are relative to this directory. Default: process.cwd(). */
  cwd?: string;
  /** One config file for every file, instead of searching from each file's directory. */
  configFile?: string;
  /** Target personas for every document, overriding frontmatter and config (--persona). */
  persona?: string[];
  /** Relevance data to score with instead of rules/relevance/ (cross-validation in scripts/eval-personas.mjs). */
  relevanceData?: RelevanceData;
  /** Bytes a file may have; a larger one gets one fatal message. Default 5 MB; 0 for no limit. */
  maxFileSize?: number;
}
