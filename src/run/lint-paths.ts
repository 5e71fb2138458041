import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LintOptions } from '../engine/settings.js';
import { displayPath, projectRoot } from '../core/paths.js';
import type { FileResult } from '../core/types.js';
import { configForFile } from '../config/load-config.js';
import { poolSize, lintInPool } from './pool.js';
import { compactResult, declaredScoresOnly, scoreFiguresOnly } from './compact-result.js';
import { UsageError } from '../core/errors.js';

/** Options for linting many files: how (threads) and whether to reuse earlier results (cache). */
export interface RunOptions extends LintOptions {
  /** Worker threads: a number (1 lints in process) or `auto` (default: a pool when there are enough files). */
  workers?: number | 'auto';
  /** Reuse results of earlier runs for files whose content, config and tool have not changed. */
  cache?: boolean;
  /** The cache directory. Default: node_modules/.cache/persona-lint under the working directory. */
  cacheLocation?: string;
  /**
   * The persona scores each result keeps: `all` (default); `declared`, only the document's
   * target personas, which is all that gates, baselines and every report but JSON and HTML read;
   * or `figures`, the target personas' whole scores and every other persona's figures (fit,
   * coverage, missing concepts), as the HTML heatmap reads them. Holding every persona's scores
   * for every file is most of a run's memory on a large tree.
   */
  scores?: 'all' | 'declared' | 'figures';
  /**
   * Seconds one file may take: a file over it is stopped and gets one fatal message. Stopping
   * needs a thread, so with a budget even a one-thread run lints on a worker. Default: none (0)
   * for the API, which an editor calls again and again; the CLI sets defaultTimeBudget.
   */
  timeBudget?: number;
  /** Problems that do not fail the run (a cache that cannot be written). Default: a process warning. */
  onWarning?: (message: string) => void;
}

/** Seconds one file may take to lint before the CLI stops it (--time-budget). */
export const defaultTimeBudget = 10;

/** Parses `--time-budget`: seconds, 0 for no limit. */
export function parseTimeBudget(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new UsageError(`--time-budget takes a number of seconds (0 for no limit), not "${value}"`);
  return n;
}

/** Parses `--workers`: `auto` or a whole number from 1. */
export function parseWorkers(value: string): number | 'auto' {
  if (value === 'auto') return 'auto';
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1) throw new UsageError(`--workers takes a whole number from 1 or "auto", not "${value}"`);
  return n;
}

/** The options that reach the per-file path (and a worker): plain data, no run settings. */
export function perFileOptions(options: RunOptions): LintOptions {
  const { workers, cache, cacheLocation, scores, onWarning, timeBudget, ...rest } = options;
  return rest;
}

/**
 * Lints files (absolute paths, in the order results should come back): cached results first, the
 * rest in process or on a worker pool, each file through the engine's per-file path.
 */
export async function lintPaths(files: readonly string[], options: RunOptions): Promise<FileResult[]> {
  const cwd = options.cwd ?? process.cwd();
  const perFile = { ...perFileOptions(options), cwd };
  const results: (FileResult | undefined)[] = new Array(files.length);
  const strings = new Map<string, string>();
  const kept = options.scores === 'declared' ? declaredScoresOnly : options.scores === 'figures' ? scoreFiguresOnly : (result: FileResult) => result;
  let todo = files.map((_, i) => i);
  let store: ((i: number, result: FileResult) => void) | undefined;
  let cache: import('./cache.js').ResultCache | undefined;
  const shown = files.map((file) => displayPath(file, cwd));
  if (options.cache) {
    const { ResultCache, configHash, entryKey, defaultCacheLocation } = await import('./cache.js');
    cache = await ResultCache.open(options.cacheLocation === undefined ? defaultCacheLocation(cwd) : resolve(cwd, options.cacheLocation), projectRoot(cwd));
    const { cwd: _cwd, configFile: _configFile, ...resultOptions } = perFile;
    const keys: (string | undefined)[] = new Array(files.length);
    todo = [];
    for (let i = 0; i < files.length; i++) {
      const absolute = resolve(cwd, files[i]);
      let content: Buffer;
      try {
        content = readFileSync(absolute);
      } catch {
        todo.push(i); // the engine reports why it cannot be read
        continue;
      }
      const config = await configForFile(absolute, options.configFile);
      keys[i] = entryKey(content, configHash(config, resultOptions));
      const hit = cache.get(absolute, keys[i]!, shown[i]);
      if (hit) results[i] = kept(compactResult(hit, strings, true));
      if (!results[i]) todo.push(i);
    }
    const opened = cache;
    store = (i, result) => {
      if (keys[i]) opened.set(resolve(cwd, files[i]), keys[i]!, result);
    };
  }
  const size = poolSize(options.workers, todo.length);
  const budget = options.timeBudget ?? 0;
  if (todo.length > 0 && (size > 1 || budget > 0)) {
    await lintInPool(
      todo.map((i) => ({ path: files[i] })),
      todo.map((i) => shown[i]),
      perFile,
      size,
      (k, result) => {
        const i = todo[k];
        const full = compactResult(result, strings, true);
        store?.(i, full);
        results[i] = kept(full);
      },
      budget,
    );
  } else if (todo.length > 0) {
    const { lintFile } = await import('./lint-file.js');
    for (const i of todo) {
      const full = compactResult(await lintFile(files[i], perFile), strings, false);
      store?.(i, full);
      results[i] = kept(full);
    }
  }
  const warning = await cache?.save();
  if (warning) (options.onWarning ?? ((message: string) => process.emitWarning(message)))(warning);
  return results as FileResult[];
}
