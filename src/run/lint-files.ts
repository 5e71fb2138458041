import type { FileResult, LintReport } from '../core/types.js';
import { addCounts } from '../core/result.js';
import { findFiles } from './find-files.js';
import { lintPaths, type RunOptions } from './lint-paths.js';
import type { LintTextOptions } from './lint-file.js';

/** Lints the Markdown files that `patterns` (paths, directories, globs) name. */
export async function lintFiles(patterns: readonly string[], options: RunOptions = {}): Promise<LintReport> {
  const cwd = options.cwd ?? process.cwd();
  const files = await findFiles(patterns, { cwd, configFile: options.configFile });
  const results: FileResult[] = await lintPaths(files, { ...options, cwd });
  return summarize(results);
}

/** Lints Markdown text (an editor buffer, standard input). */
export async function lintText(text: string, options: LintTextOptions = {}): Promise<FileResult> {
  // The engine (and the Markdown parser) load on first use: a cached or pooled run never needs them here.
  return (await import('./lint-file.js')).lintText(text, options);
}

export function summarize(results: FileResult[]): LintReport {
  return { results, counts: results.reduce((total, r) => addCounts(total, r.counts), { errors: 0, warnings: 0, infos: 0, fatal: 0 }) };
}
