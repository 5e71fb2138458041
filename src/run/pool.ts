import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LintOptions } from '../engine/settings.js';
import type { FileResult } from '../core/types.js';
import type { WorkerError, WorkerReply, WorkerTask } from './lint-worker.js';
import { fatalResult } from '../core/result.js';
import { packagePath } from '../core/schema.js';
import { reviveError } from '../core/errors.js';

/**
 * Below this many files to lint, `--workers auto` stays in process: each worker loads the parser,
 * the rules and the data again, and V8's garbage collector already keeps a second core busy for an
 * in-process run. Measured with bench/threshold.mjs on the rust-blog corpus, 2 cores shared with
 * other work (load 2–4): the pool was 6–38% slower up to 128 files, even at 192, and 6% faster at
 * 256. On an idle machine it pays earlier, so the bar sits between the two.
 */
export const minFilesForPool = 128;

/** The number of threads for a run: 1 means in process. */
export function poolSize(workers: number | 'auto' | undefined, fileCount: number): number {
  if (workers === undefined || workers === 'auto') {
    if (fileCount < minFilesForPool) return 1;
    return Math.max(1, Math.min(availableParallelism(), Math.floor(fileCount / (minFilesForPool / 2))));
  }
  return Math.max(1, Math.min(workers, fileCount));
}

/**
 * Each worker's old generation, unless the user sets a heap limit (--max-old-space-size in
 * NODE_OPTIONS or the node flags), which then applies to every thread as given. Live data per file
 * is small, but a worker's heap grows with the garbage of thousands of files: without a cap, two
 * workers took the default run on 7,540 files to 521 MB. A file that needs more than this is
 * linted again on the main thread, whose heap is Node's default.
 */
export const workerOldGenerationMb = 128;
const capped = ![...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((flag) => flag.startsWith('--max-old-space-size'));

/** The compiled worker module (when the sources run under a TypeScript loader, the built one). */
function workerFile(): string {
  const beside = fileURLToPath(new URL('./lint-worker.js', import.meta.url));
  return existsSync(beside) ? beside : packagePath('dist', 'run', 'lint-worker.js');
}

/**
 * Lints files on `size` worker threads, each running the same per-file path as an in-process run.
 * `take(i, result)` gets each file's result as it arrives, with its index in `files`, so the caller
 * keeps the order of `files` and need not hold a second copy of every result. A worker that dies
 * on a file (out of memory, a native crash) becomes one fatal message on that file, and the pool
 * replaces it; a config or data error is thrown as in process, the first in file order, once every
 * file is done.
 */
export async function lintInPool(files: readonly string[], displayPaths: readonly string[], options: LintOptions, size: number, take: (i: number, result: FileResult) => void): Promise<void> {
  const { Piscina } = await import('piscina');
  const pool = new Piscina<WorkerTask, WorkerReply>({
    filename: workerFile(),
    minThreads: size,
    maxThreads: size,
    idleTimeout: 1000,
    // The main thread's stack (V8's default 984 KB; Node keeps 192 KB of a worker's stack in reserve),
    // not a worker's default 4 MB: a deeply nested file then fails alike whatever --workers says.
    // A young generation of 64 MB, not V8's 48 MB: parsing makes short-lived objects by the
    // million, and fewer of them outlive a scavenge into the old generation. On the rust-blog
    // corpus, 2 workers: 20.6 s → 17.6 s wall, 38 s → 33 s CPU, peak memory 362 → 450 MB.
    resourceLimits: { stackSizeMb: (984 + 192) / 1024, maxYoungGenerationSizeMb: 64, ...(capped ? { maxOldGenerationSizeMb: workerOldGenerationMb } : {}) },
  });
  const errors: (WorkerError | undefined)[] = new Array(files.length);
  const outOfMemory: number[] = [];
  try {
    await Promise.all(
      files.map((path, i) =>
        pool.run({ path, options }).then(
          (reply) => {
            if ('error' in reply) errors[i] = reply.error;
            else take(i, reply.result);
          },
          (error: unknown) => {
            if (capped && (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') return void outOfMemory.push(i);
            const reason = error instanceof Error ? error.message : String(error);
            take(i, fatalResult(displayPaths[i], `Cannot lint file: the worker linting it stopped: ${reason}`));
          },
        ),
      ),
    );
  } finally {
    await pool.destroy();
  }
  // A file too big for our cap on a worker's heap gets the main thread's, as without workers.
  if (outOfMemory.length > 0) {
    const { lintFile } = await import('./lint-file.js');
    for (const i of outOfMemory.sort((a, b) => a - b)) take(i, await lintFile(files[i], options));
  }
  const first = errors.find((error) => error !== undefined);
  if (first) throw reviveError(first);
}

