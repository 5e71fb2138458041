import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { projectRoot, repoPath } from '../core/paths.js';
import { findConfig, loadConfigFile, type LoadedConfig } from '../config/load-config.js';
import { UsageError } from '../core/errors.js';

/** One part of a run split across CI machines: `index` of `total`, both from 1. */
export interface Shard {
  index: number;
  total: number;
}

/**
 * Parses `--shard <i>/<n>` or `--shard auto`, which reads GitLab's `CI_NODE_INDEX` and
 * `CI_NODE_TOTAL` (set by `parallel:`); outside a parallel job, auto is the whole run (1/1).
 */
export function parseShard(value: string, env: NodeJS.ProcessEnv): Shard {
  if (value === 'auto') {
    const { CI_NODE_INDEX: index, CI_NODE_TOTAL: total } = env;
    if (index === undefined && total === undefined) return { index: 1, total: 1 };
    return checkShard(`${index ?? ''}/${total ?? ''}`, '--shard auto (CI_NODE_INDEX/CI_NODE_TOTAL)');
  }
  return checkShard(value, '--shard');
}

function checkShard(value: string, source: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || total < 1 || index < 1 || index > total) throw new UsageError(`${source} takes <i>/<n> with 1 ≤ i ≤ n, e.g. 2/4, not "${value}"`);
  return { index, total };
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The files of one shard. Every shard sees the same list (after discovery and ignores), sorts it
 * by repository-relative path and cuts it into `total` runs of consecutive files with about the
 * same number of bytes each: a file goes to the shard that holds the middle of its bytes. So the
 * split is the same on every machine, and shards 1…n in order are the whole run in file order.
 */
export function selectShard(files: readonly string[], shard: Shard, root: string): string[] {
  if (shard.total === 1) return [...files];
  const sorted = files.map((file) => ({ file, key: repoPath(file, root), size: sizeOf(file) })).sort((a, b) => byCodeUnit(a.key, b.key));
  // One byte more per file: empty files still spread.
  const total = sorted.reduce((sum, f) => sum + f.size + 1, 0);
  const picked: string[] = [];
  let before = 0;
  for (const { file, size } of sorted) {
    const middle = before + (size + 1) / 2;
    before += size + 1;
    if (Math.min(shard.total, Math.floor((middle / total) * shard.total) + 1) === shard.index) picked.push(file);
  }
  return picked;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0; // linting reports why it cannot be read
  }
}

/**
 * A hash of the configuration a run applies: every config file that governs one of its files
 * (its path from the repository root and its validated content), or the --config file, plus the
 * lint options that change results. Shards of one run lint different files but compute it from the
 * same list, so the hashes agree exactly when the configuration does.
 */
export async function runConfigHash(files: readonly string[], options: { cwd: string; configFile?: string; persona?: string[] }): Promise<string> {
  const root = projectRoot(options.cwd);
  const configs = new Set<LoadedConfig>();
  if (options.configFile) configs.add(await loadConfigFile(options.configFile));
  else for (const file of files) configs.add(await findConfig(dirname(file)));
  const described = [...configs].map((c) => ({ source: c.source === null ? null : repoPath(c.source, root), config: c.config })).sort((a, b) => byCodeUnit(a.source ?? '', b.source ?? ''));
  return createHash('sha256')
    .update(JSON.stringify({ configs: described, persona: options.persona ?? [] }))
    .digest('hex');
}
