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
import { projectRoot } from '../core/paths.js';
import { runConfigHash, selectShard, type Shard } from './shards.js';

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
  /** Lint only this part of the files (--shard); gates and baselines wait for `persona-lint merge`. */
  shard?: Shard;
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
  checkOutputs(outputs, inputs, cwd, options.cache ? (options.cacheLocation ?? defaultCacheLocation(cwd)) : undefined);
}

/** Lints files or standard input, then applies changed lines, the baseline and the gates. */
export async function runLint(patterns: readonly string[], options: CiOptions = {}): Promise<LintReport> {
  const cwd = options.cwd ?? process.cwd();
  // Whatever else LintOptions carries goes to the linter untouched.
  const { stdin: _stdin, changedSince: _since, changedLinesOnly: _lines, baseline: _baseline, writeBaseline: _write, gates: _gates, outputs: _outputs, onWriteFailure: _onWriteFailure, noIgnore: _noIgnore, errorOnUnmatchedPattern: _unmatched, shard: _shard, ...rest } = options;
  const lintOptions: RunOptions = { ...rest, cwd };
  if (options.changedLinesOnly && !options.changedSince) throw new UsageError('--changed-lines-only needs --changed-since <git-ref> to know what changed.');
  if (options.stdin && options.changedSince) throw new UsageError('--changed-since lints files from git; it cannot be combined with --stdin.');
  if (options.stdin && patterns.length > 0) throw new UsageError('--stdin lints standard input; name no files with it (use --stdin-filename for the path).');
  if (options.shard && (options.baseline || options.writeBaseline || options.gates?.minFit !== undefined || options.gates?.minCoverage !== undefined)) {
    throw new UsageError('--shard lints one part of the files; pass --baseline, --write-baseline, --min-fit and --min-coverage to `persona-lint merge`, which applies them once to the whole run.');
  }
  if (options.stdin && options.shard) throw new UsageError('--shard splits the files of a run; it cannot be combined with --stdin.');
  let results: FileResult[];
  let configHash: string;
  if (options.stdin) {
    checkRunOutputs([], options, cwd);
    configHash = await runConfigHash([resolve(cwd, options.stdin.filename ?? '<text>')], { ...options, cwd });
    results = [await lintStdin(options.stdin, lintOptions, cwd)];
  } else {
    const changes = options.changedSince ? await changesSince(options.changedSince, repositoryDirectories(patterns, cwd), { lines: options.changedLinesOnly === true }) : undefined;
    const discovery = await discoverFiles(patterns, { ...options, cwd });
    let files = changes ? discovery.files.filter((file) => changes.files.has(realPath(file))) : discovery.files;
    checkRunOutputs(files, options, cwd);
    configHash = await runConfigHash(files, { ...options, cwd });
    if (options.shard) files = selectShard(files, options.shard, projectRoot(cwd));
    // Unreadable folders belong to no shard's files: the first shard reports them, once.
    const unreadable = options.shard && options.shard.index !== 1 ? [] : discovery.unreadable;
    results = withUnreadable(files.length > 0 ? await lintPaths(files, lintOptions) : [], unreadable, cwd);
    if (changes && options.changedLinesOnly) results = keepChangedLines(results, changes, cwd);
  }
  // A shard's report is raw material for `persona-lint merge`, which judges the whole run.
  if (options.shard) return { ...summarize(results), configHash, shard: options.shard };
  return { ...(await judge(results, options, cwd)), configHash };
}

/** The verdict on a whole run's results: the baseline marks what it recorded, then the gates. */
export async function judge(results: FileResult[], options: Pick<CiOptions, 'baseline' | 'writeBaseline' | 'gates' | 'configFile' | 'onWriteFailure'>, cwd: string): Promise<LintReport> {
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
async function gatesFor(results: FileResult[], options: Pick<CiOptions, 'gates' | 'configFile'>, cwd: string, baseline: Baseline | undefined): Promise<GateFailure[] | undefined> {
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
