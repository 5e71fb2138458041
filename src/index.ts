import { resolve } from 'node:path';
import type { FileResult, LintReport } from './core/types.js';
import { findFiles } from './run/find-files.js';
import type { LintOptions } from './engine/lint-document.js';
import { addCounts } from './core/result.js';
import { lintPaths, type RunOptions } from './run/lint-paths.js';

export type { FileResult, LintReport, Message, Counts, Severity, ConfigSeverity } from './core/types.js';
export type { LintOptions } from './engine/lint-document.js';
export type { RunOptions } from './run/lint-paths.js';
export type { Persona, KeyConcept, WordEntry } from './data/load-data.js';
export { ConfigError } from './config/load-config.js';
export { DataError } from './data/load-data.js';
export { UsageError } from './run/find-files.js';
export { rules } from './rules/index.js';

/** Lints the Markdown files that `patterns` (paths, directories, globs) name. */
export async function lintFiles(patterns: readonly string[], options: RunOptions = {}): Promise<LintReport> {
  const cwd = options.cwd ?? process.cwd();
  const files = await findFiles(patterns, { cwd, configFile: options.configFile });
  const results: FileResult[] = await lintPaths(files, { ...options, cwd });
  return summarize(results);
}

export interface LintTextOptions extends LintOptions {
  /** Used to find the config and as the path in results. Default: `<text>` in the working directory. */
  filePath?: string;
}

/** Lints Markdown text (an editor buffer, standard input). */
export async function lintText(text: string, options: LintTextOptions = {}): Promise<FileResult> {
  const cwd = options.cwd ?? process.cwd();
  // The engine (and the Markdown parser) load on first use: a cached or pooled run never needs them here.
  const { lintTextSafely, configFor, displayPath } = await import('./engine/lint-document.js');
  const absolute = resolve(cwd, options.filePath ?? '<text>');
  const config = await configFor(absolute, options);
  return lintTextSafely(options.filePath ? displayPath(absolute, cwd) : '<text>', text.replace(/^\uFEFF/, ''), config, options);
}

export function summarize(results: FileResult[]): LintReport {
  return { results, counts: results.reduce((total, r) => addCounts(total, r.counts), { errors: 0, warnings: 0, infos: 0, fatal: 0 }) };
}
