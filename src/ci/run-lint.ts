import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import picomatch from 'picomatch';
import type { FileResult, GateFailure, LintReport } from '../core/types.js';
import { lintText, summarize, withUnreadable, type DiscoveryOptions } from '../run/lint-files.js';
import { lintPaths, perFileOptions } from '../run/lint-paths.js';
import { lintInPool } from '../run/pool.js';
import { displayPath } from '../core/paths.js';
import { checkOutputs, type InputFile, type OutputTarget, type OutputWriteError } from '../run/output-files.js';
import { defaultCacheLocation } from '../run/cache.js';
import { discoverFiles } from '../run/find-files.js';
import { changesSince, keepChangedLines, realPath } from './changed-files.js';
import { applyBaseline, readBaseline, recordedScores, writeBaseline, type Baseline } from './baseline.js';
import { checkGates, type Gates } from './gates.js';
import { configForFile } from '../config/load-config.js';
import type { RunOptions } from '../run/lint-paths.js';
import { UsageError } from '../core/errors.js';

/** Everything a CI or editor run adds to a plain lint: where the text comes from, which lines count, and what fails. */
export interface CiOptions extends RunOptions, DiscoveryOptions {
  /** Lint this text instead of files (--stdin), reported under `filename` (--stdin-filename). */
  stdin?: { text: string; filename?: string };
  /** Only files changed since the merge base with this git ref (--changed-since). */
  changedSince?: string;
  /** Only line-level messages on added or modified lines (--changed-lines-only). */
  changedLinesOnly?: boolean;
  /** Messages and scores recorded in this file do not fail the run (--baseline). */
  baseline?: string;
  /** Record today's messages and scores to this file, then check against it (--write-baseline). */
  writeBaseline?: string;
  /** Gates from the command line; they win over the config's `gates` for every file. */
  gates?: Gates;
  /** Reports the caller will write (-o, --report): checked against the inputs before linting. */
  outputs?: OutputTarget[];
  /** A --write-baseline file that could not be written; the run goes on. Default: throw. */
  onWriteFailure?: (error: OutputWriteError) => void;
}

/**
 * Outputs never clobber inputs: the linted files, --stdin-filename, --config and --baseline are
 * never written over by -o, --report, --write-baseline or the cache.
 */
function checkRunOutputs(files: readonly string[], options: CiOptions, cwd: string): void {
  const outputs = [...(options.outputs ?? []), ...(options.writeBaseline ? [{ option: `--write-baseline ${options.writeBaseline}`, path: options.writeBaseline }] : [])];
  const inputs: InputFile[] = files.map((path) => ({ what: 'a file being linted', path }));
  if (options.stdin?.filename) inputs.push({ what: 'the --stdin-filename', path: options.stdin.filename });
  if (options.configFile) inputs.push({ what: 'the --config file', path: options.configFile });
  // Rewriting the baseline it reads is how a baseline is refreshed.
  if (options.baseline && options.baseline !== options.writeBaseline) inputs.push({ what: 'the --baseline file', path: options.baseline });
  checkOutputs(outputs, inputs, cwd, options.cache ? (options.cacheLocation ?? defaultCacheLocation) : undefined);
}

/** Lints files or standard input, then applies changed lines, the baseline and the gates. */
export async function runLint(patterns: readonly string[], options: CiOptions = {}): Promise<LintReport> {
  const cwd = options.cwd ?? process.cwd();
  // Whatever else LintOptions carries goes to the linter untouched.
  const { stdin: _stdin, changedSince: _since, changedLinesOnly: _lines, baseline: _baseline, writeBaseline: _write, gates: _gates, outputs: _outputs, onWriteFailure: _onWriteFailure, noIgnore: _noIgnore, errorOnUnmatchedPattern: _unmatched, ...rest } = options;
  const lintOptions: RunOptions = { ...rest, cwd };
  if (options.changedLinesOnly && !options.changedSince) throw new UsageError('--changed-lines-only needs --changed-since <git-ref> to know what changed.');
  if (options.stdin && options.changedSince) throw new UsageError('--changed-since lints files from git; it cannot be combined with --stdin.');
  if (options.stdin && patterns.length > 0) throw new UsageError('--stdin lints standard input; name no files with it (use --stdin-filename for the path).');
  let results: FileResult[];
  if (options.stdin) {
    checkRunOutputs([], options, cwd);
    results = [await lintStdin(options.stdin, lintOptions, cwd)];
  } else if (options.changedSince) {
    const changes = await changesSince(options.changedSince, repositoryDirectories(patterns, cwd), { lines: options.changedLinesOnly === true });
    const discovery = await discoverFiles(patterns, { ...options, cwd });
    const files = discovery.files.filter((file) => changes.files.has(realPath(file)));
    checkRunOutputs(files, options, cwd);
    results = withUnreadable(files.length > 0 ? await lintPaths(files, lintOptions) : [], discovery.unreadable, cwd);
    if (options.changedLinesOnly) results = keepChangedLines(results, changes, cwd);
  } else {
    const discovery = await discoverFiles(patterns, { ...options, cwd });
    checkRunOutputs(discovery.files, options, cwd);
    results = withUnreadable(await lintPaths(discovery.files, lintOptions), discovery.unreadable, cwd);
  }
  let baseline: Baseline | undefined;
  if (options.baseline) baseline = await readBaseline(options.baseline, cwd);
  if (options.writeBaseline) baseline = await writeBaseline(options.writeBaseline, results, cwd, options.onWriteFailure);
  if (baseline) results = applyBaseline(results, baseline, cwd);
  const report = summarize(results);
  const gateFailures = await gatesFor(results, options, cwd, baseline);
  return gateFailures ? { ...report, gateFailures } : report;
}

/** Standard input, on a worker that can be stopped when a time budget is set (as files are). */
async function lintStdin(stdin: { text: string; filename?: string }, options: RunOptions, cwd: string): Promise<FileResult> {
  const lintOptions = perFileOptions(options);
  const budget = options.timeBudget ?? 0;
  if (budget <= 0) return lintText(stdin.text, { ...lintOptions, filePath: stdin.filename });
  const shown = stdin.filename ? displayPath(resolve(cwd, stdin.filename), cwd) : '<text>';
  let result: FileResult | undefined;
  await lintInPool([{ text: stdin.text, filePath: stdin.filename }], [shown], lintOptions, 1, (_, r) => (result = r), budget);
  return result!;
}

/**
 * Where the linted paths are, for --changed-since to ask their repository (not the working
 * directory's): each path's folder, or a glob's fixed part; the working directory when none is given.
 */
function repositoryDirectories(patterns: readonly string[], cwd: string): string[] {
  if (patterns.length === 0) return [cwd];
  return [
    ...new Set(
      patterns.map((pattern) => {
        const absolute = resolve(cwd, pattern);
        if (existsSync(absolute)) return statSync(absolute).isDirectory() ? absolute : dirname(absolute);
        const base = resolve(cwd, picomatch.scan(pattern).base || '.');
        return existsSync(base) ? base : cwd;
      }),
    ),
  ];
}

/** Gate failures of every file, or undefined when no gate or baseline is in play. */
async function gatesFor(results: FileResult[], options: CiOptions, cwd: string, baseline: Baseline | undefined): Promise<GateFailure[] | undefined> {
  const failures: GateFailure[] = [];
  let checked = baseline !== undefined || options.gates?.minFit !== undefined || options.gates?.minCoverage !== undefined;
  for (const result of results) {
    if (!result.personas?.declared.length) continue;
    const fromConfig = (await configForFile(resolve(cwd, result.path), options.configFile)).gates ?? {};
    const gates = { ...fromConfig, ...definedOnly(options.gates) };
    if (gates.minFit !== undefined || gates.minCoverage !== undefined) checked = true;
    failures.push(...checkGates(result, gates, baseline && recordedScores(baseline, result.path, cwd)));
  }
  return checked ? failures : undefined;
}

function definedOnly(gates: Gates | undefined): Gates {
  return Object.fromEntries(Object.entries(gates ?? {}).filter(([, v]) => v !== undefined));
}
