import { resolve } from 'node:path';
import type { FileResult, LintReport } from './types.js';
import { discoverFiles, type FindFilesOptions, type UnreadableFolder } from './files.js';
import type { LintOptions } from './engine.js';
import { addCounts, fatalResult } from './result.js';
import { displayPath } from './paths.js';
import { lintPaths, type RunOptions } from './batch.js';

export type { FileResult, LintReport, Message, Counts, Severity, ConfigSeverity } from './types.js';
export type { LintOptions } from './engine.js';
export type { RunOptions } from './batch.js';
export type { Persona, KeyConcept, WordEntry } from './data.js';
export { ConfigError } from './config.js';
export { DataError } from './data.js';
export { UsageError } from './files.js';
export { rules } from './rules/index.js';

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

export interface LintTextOptions extends LintOptions {
  /** Used to find the config and as the path in results. Default: `<text>` in the working directory. */
  filePath?: string;
}

/** Lints Markdown text (an editor buffer, standard input). */
export async function lintText(text: string, options: LintTextOptions = {}): Promise<FileResult> {
  const cwd = options.cwd ?? process.cwd();
  // The engine (and the Markdown parser) load on first use: a cached or pooled run never needs them here.
  const { lintTextSafely, configFor, displayPath } = await import('./engine.js');
  const absolute = resolve(cwd, options.filePath ?? '<text>');
  const config = await configFor(absolute, options);
  return lintTextSafely(options.filePath ? displayPath(absolute, cwd) : '<text>', text.replace(/^\uFEFF/, ''), config, options);
}

export function summarize(results: FileResult[]): LintReport {
  return { results, counts: results.reduce((total, r) => addCounts(total, r.counts), { errors: 0, warnings: 0, infos: 0, fatal: 0 }) };
}
