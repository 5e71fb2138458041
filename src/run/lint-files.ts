import type { FileResult, LintReport } from '../core/types.js';
import { addCounts, fatalResult } from '../core/result.js';
import { displayPath } from '../core/paths.js';
import { discoverFiles, type FindFilesOptions, type UnreadableFolder } from './find-files.js';
import { lintPaths, type RunOptions } from './lint-paths.js';
import type { LintTextOptions } from './lint-file.js';

/** How paths expand: --no-ignore and --no-error-on-unmatched-pattern. */
export type DiscoveryOptions = Pick<FindFilesOptions, 'noIgnore' | 'errorOnUnmatchedPattern'>;

/** Lints the Markdown files that `patterns` (paths, directories, globs) name. */
export async function lintFiles(patterns: readonly string[], options: RunOptions & DiscoveryOptions = {}): Promise<LintReport> {
  const cwd = options.cwd ?? process.cwd();
  const { files, unreadable } = await discoverFiles(patterns, { ...options, cwd });
  return summarize(withUnreadable(await lintPaths(files, { ...options, cwd }), unreadable, cwd));
}

/** The results of a walk, with one fatal result for each folder it could not read, in path order. */
export function withUnreadable(results: FileResult[], unreadable: UnreadableFolder[], cwd: string): FileResult[] {
  if (unreadable.length === 0) return results;
  const folders = unreadable.map((folder) => fatalResult(displayPath(folder.path, cwd), `Cannot read folder (${folder.reason}: permission denied); the files in it were not linted.`));
  return [...results, ...folders].sort((a, b) => a.path.localeCompare(b.path));
}

/** Lints Markdown text (an editor buffer, standard input). */
export async function lintText(text: string, options: LintTextOptions = {}): Promise<FileResult> {
  // The engine (and the Markdown parser) load on first use: a cached or pooled run never needs them here.
  return (await import('./lint-file.js')).lintText(text, options);
}

export function summarize(results: FileResult[]): LintReport {
  return { results, counts: results.reduce((total, r) => addCounts(total, r.counts), { errors: 0, warnings: 0, infos: 0, fatal: 0 }) };
}
