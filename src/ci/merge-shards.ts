import { readFile } from 'node:fs/promises';
import type { FileResult } from '../core/types.js';
import { UsageError } from '../core/errors.js';
import { countMessages } from '../core/result.js';
import { describeErrors, schemaValidator } from '../core/schema.js';
import { jsonFormatVersion, toolName, toolVersion } from '../core/meta.js';
import type { Shard } from './shards.js';

/** One JSON report given to `persona-lint merge`, as read from its file. */
export interface ShardReport {
  file: string;
  toolVersion: string;
  /** A report written without --shard is the whole run: 1/1. */
  shard: Shard;
  configHash: string | null;
  results: FileResult[];
}

/** The results of every shard of one run, in file order, and the configuration hash they share. */
export interface MergedRun {
  results: FileResult[];
  configHash: string | null;
}

/** Reads one JSON report; a file that is not one is a usage error naming the file (exit 2). */
export async function readShardReport(file: string): Promise<ShardReport> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    throw new UsageError(`Cannot read report ${file}: ${err.code === 'ENOENT' ? 'file not found' : err.message}`);
  }
  const report = data as { version?: unknown; tool?: { name?: unknown; version?: unknown }; shard?: Shard; configHash?: string; results: FileResult[] };
  if (typeof report !== 'object' || report === null || report.tool?.name !== toolName) {
    throw new UsageError(`${file} is not a ${toolName} JSON report (write one with --format json or --report json=<file>).`);
  }
  // Versions first: a report of another version may well fail the schema, and this says why.
  if (report.tool.version !== toolVersion || report.version !== jsonFormatVersion) {
    throw new UsageError(`${file} was written by ${toolName} ${String(report.tool.version)}, this is ${toolVersion}: run every shard and the merge with the same version.`);
  }
  const validate = schemaValidator('report.schema.json');
  if (!validate(data)) throw new UsageError(`${file} is not a valid ${toolName} JSON report:\n${describeErrors(validate.errors).slice(0, 10).map((line) => `  ${line}`).join('\n')}`);
  return { file, toolVersion: report.tool.version, shard: report.shard ?? { index: 1, total: 1 }, configHash: report.configHash ?? null, results: report.results };
}

/**
 * Puts the shards of one run back together: one report per shard of the same total, the same
 * configuration, no file twice. Shards are concatenated in order, which is the unsharded run's
 * file order. Baseline marks are dropped (the merge applies the baseline once, to the whole).
 */
export function mergeShards(reports: readonly ShardReport[]): MergedRun {
  if (reports.length === 0) throw new UsageError('merge needs the JSON reports of the shards: persona-lint merge <report.json...>');
  const [first] = reports;
  for (const report of reports) {
    if (report.configHash !== first.configHash) {
      throw new UsageError(`${report.file} and ${first.file} were made with different configurations (config hash ${short(report.configHash)} vs ${short(first.configHash)}): run every shard with the same config files and options.`);
    }
    if (report.shard.total !== first.shard.total) {
      throw new UsageError(`${first.file} is shard ${first.shard.index}/${first.shard.total} but ${report.file} is shard ${report.shard.index}/${report.shard.total}: every shard of a run has the same total.`);
    }
  }
  const byIndex = new Map<number, ShardReport>();
  for (const report of reports) {
    const other = byIndex.get(report.shard.index);
    if (other) throw new UsageError(`Shard ${report.shard.index}/${report.shard.total} is given twice: ${other.file} and ${report.file}.`);
    byIndex.set(report.shard.index, report);
  }
  const missing = Array.from({ length: first.shard.total }, (_, i) => i + 1).filter((index) => !byIndex.has(index));
  if (missing.length > 0) {
    throw new UsageError(`${missing.length === 1 ? 'Shard' : 'Shards'} ${missing.map((i) => `${i}/${first.shard.total}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing: every shard's report is needed for a complete run.`);
  }
  const seen = new Map<string, string>();
  const results: FileResult[] = [];
  for (let index = 1; index <= first.shard.total; index++) {
    const report = byIndex.get(index)!;
    for (const result of report.results) {
      const other = seen.get(result.path);
      if (other !== undefined) throw new UsageError(`${result.path} is in two reports, ${other} and ${report.file}: were they made from different checkouts or file lists?`);
      seen.set(result.path, report.file);
      results.push(withoutBaseline(result));
    }
  }
  return { results, configHash: first.configHash };
}

function short(hash: string | null): string {
  return hash === null ? 'none' : hash.slice(0, 12);
}

function withoutBaseline(result: FileResult): FileResult {
  if (!result.messages.some((m) => m.baseline)) return result;
  const messages = result.messages.map(({ baseline: _baseline, ...message }) => message);
  return { ...result, messages, counts: countMessages(messages) };
}
