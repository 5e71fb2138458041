import { resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { mergeShards, readShardReport } from '../ci/merge-shards.js';
import { judge } from '../ci/run-lint.js';
import { outputOptions, publish, type OutputValues } from './output.js';
import type { OutputWriteError } from '../run/output-files.js';

/** The options `persona-lint merge` takes: how to report and judge, never what to lint. */
const mergeOptions = ['format', 'output-file', 'config', 'max-warnings', 'min-fit', 'min-coverage', 'report', 'baseline', 'write-baseline', 'quiet', 'color', 'no-color', 'no-js-config', 'explain-scores', 'every-repeat'];

/**
 * `persona-lint merge <reports...>`: the JSON reports of `--shard` runs as one run, in any format,
 * with the baseline, the gates and --max-warnings applied once to the whole.
 */
export async function mergeCommand(
  files: string[],
  values: OutputValues & { baseline?: string; 'write-baseline'?: string } & Record<string, unknown>,
  io: { stdout: (text: string) => void; stderr: (text: string) => void; isTTY: boolean; columns?: number; env: NodeJS.ProcessEnv },
): Promise<number> {
  const foreign = Object.keys(values).filter((name) => values[name] !== undefined && !mergeOptions.includes(name));
  if (foreign.length > 0) throw new UsageError(`${foreign.map((name) => `--${name}`).join(', ')} ${foreign.length === 1 ? 'does' : 'do'} not apply to merge: pass ${foreign.length === 1 ? 'it' : 'them'} to the --shard runs.`);
  const output = await outputOptions(values, io);
  const merged = mergeShards(await Promise.all(files.map((file) => readShardReport(file))));
  const cwd = resolve('.');
  const failures: OutputWriteError[] = [];
  const onWriteFailure = (failure: OutputWriteError) => void failures.push(failure);
  const report = await judge(merged.results, { configFile: values.config, baseline: values.baseline, writeBaseline: values['write-baseline'], gates: output.gates, onWriteFailure }, cwd);
  return publish(merged.configHash ? { ...report, configHash: merged.configHash } : report, output, io, failures);
}
