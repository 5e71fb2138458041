import { resolve } from 'node:path';
import type { FileResult, GateFailure, LintReport } from '../core/types.js';
import { lintText, summarize } from '../run/lint-files.js';
import { findFiles } from '../run/find-files.js';
import { changesSince, keepChangedLines, realPath } from './changed-files.js';
import { applyBaseline, readBaseline, recordedScores, writeBaseline, type Baseline } from './baseline.js';
import { checkGates, type Gates } from './gates.js';
import { configForFile } from '../config/load-config.js';
import { lintPaths, type RunOptions } from '../run/lint-paths.js';
import { UsageError } from '../core/errors.js';
import { projectRoot } from '../core/paths.js';
import { runConfigHash, selectShard, type Shard } from './shards.js';

/** Everything a CI or editor run adds to a plain lint: where the text comes from, which lines count, and what fails. */
export interface CiOptions extends RunOptions {
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
  /** Lint only this part of the files (--shard); gates and baselines wait for `persona-lint merge`. */
  shard?: Shard;
}

/** Lints files or standard input, then applies changed lines, the baseline and the gates. */
export async function runLint(patterns: readonly string[], options: CiOptions = {}): Promise<LintReport> {
  const cwd = options.cwd ?? process.cwd();
  // Whatever else LintOptions carries goes to the linter untouched.
  const { stdin: _stdin, changedSince: _since, changedLinesOnly: _lines, baseline: _baseline, writeBaseline: _write, gates: _gates, shard: _shard, ...rest } = options;
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
    const filename = options.stdin.filename;
    configHash = await runConfigHash([resolve(cwd, filename ?? '<text>')], { ...options, cwd });
    results = [await lintText(options.stdin.text, { ...lintOptions, filePath: filename })];
  } else {
    let files = await findFiles(patterns, { cwd, configFile: options.configFile });
    const changes = options.changedSince ? await changesSince(options.changedSince, cwd, { lines: options.changedLinesOnly === true }) : undefined;
    if (changes) files = files.filter((file) => changes.files.has(realPath(file)));
    configHash = await runConfigHash(files, { ...options, cwd });
    if (options.shard) files = selectShard(files, options.shard, projectRoot(cwd));
    results = await lintPaths(files, lintOptions);
    if (changes && options.changedLinesOnly) results = keepChangedLines(results, changes, cwd);
  }
  // A shard's report is raw material for `persona-lint merge`, which judges the whole run.
  if (options.shard) return { ...summarize(results), configHash, shard: options.shard };
  return { ...(await judge(results, options, cwd)), configHash };
}

/** The verdict on a whole run's results: the baseline marks what it recorded, then the gates. */
export async function judge(results: FileResult[], options: Pick<CiOptions, 'baseline' | 'writeBaseline' | 'gates' | 'configFile'>, cwd: string): Promise<LintReport> {
  let baseline: Baseline | undefined;
  if (options.baseline) baseline = await readBaseline(options.baseline, cwd);
  if (options.writeBaseline) baseline = await writeBaseline(options.writeBaseline, results, cwd);
  if (baseline) results = applyBaseline(results, baseline, cwd);
  const report = summarize(results);
  const gateFailures = await gatesFor(results, options, cwd, baseline);
  return gateFailures ? { ...report, gateFailures } : report;
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
