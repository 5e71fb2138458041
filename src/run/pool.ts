import { availableParallelism } from 'node:os';
import { randomUUID } from 'node:crypto';
import { BroadcastChannel } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LintOptions } from '../engine/settings.js';
import type { FileResult } from '../core/types.js';
import type { WorkerError, WorkerReply, WorkerTask } from './lint-worker.js';
import { fatalResult } from '../core/result.js';
import { packagePath } from '../core/schema.js';
import { reviveError } from '../core/errors.js';
import { jsConfigPolicy } from '../config/js-config-policy.js';

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
  return Math.max(1, Math.min(workers, maxWorkers(), fileCount));
}

/** More threads than cores only adds memory and switching: 32 workers on 2 cores ran 3× slower in 5× the memory. */
export function maxWorkers(): number {
  return availableParallelism();
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

/** What a worker lints: a file from disk, or text (--stdin) shown under `filePath`. */
export type PoolTask = { path: string } | { text: string; filePath?: string };

/**
 * Lints on `size` worker threads, each task through the same per-file path as an in-process run.
 * `take(i, result)` gets each result as it arrives, with its index in `tasks`, so the caller keeps
 * their order and need not hold a second copy of every result. A worker that dies on a file (out
 * of memory, a native crash) or runs past `timeBudget` seconds on one is stopped and replaced, and
 * the file gets one fatal message; a config or data error is thrown as in process, the first in
 * task order, once every task is done. At most `size` tasks are handed out at once, so a file's
 * budget starts when a worker takes it, not while it waits in a queue.
 */
export async function lintInPool(tasks: readonly PoolTask[], displayPaths: readonly string[], options: LintOptions, size: number, take: (i: number, result: FileResult) => void, timeBudget = 0): Promise<void> {
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
  const errors: (WorkerError | undefined)[] = new Array(tasks.length);
  const outOfMemory: number[] = [];
  const jsConfig = jsConfigPolicy();
  // A worker says when it starts a task: its budget runs from then, not from the hand-over, which
  // may wait for a new thread to load the parser.
  const startedChannel = `persona-lint-started-${randomUUID()}`;
  const started = new BroadcastChannel(startedChannel);
  const controllers = new Map<number, AbortController>();
  const timers = new Map<number, NodeJS.Timeout>();
  started.onmessage = (event) => {
    const i = (event as { data: number }).data;
    const controller = controllers.get(i);
    if (controller && timeBudget > 0) timers.set(i, setTimeout(() => controller.abort(), timeBudget * 1000));
  };
  let next = 0;
  const work = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      const controller = new AbortController();
      controllers.set(i, controller);
      try {
        const reply = await pool.run({ ...tasks[i], options, jsConfig, index: i, startedChannel }, { signal: controller.signal });
        if ('error' in reply) errors[i] = reply.error;
        else take(i, reply.result);
      } catch (error) {
        if (capped && !controller.signal.aborted && (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
          outOfMemory.push(i);
          continue;
        }
        const reason = error instanceof Error ? error.message : String(error);
        take(i, fatalResult(displayPaths[i], controller.signal.aborted ? overBudget(timeBudget) : `Cannot lint file: the worker linting it stopped: ${reason}`));
      } finally {
        clearTimeout(timers.get(i));
        timers.delete(i);
        controllers.delete(i);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(size, tasks.length) }, work));
  } finally {
    started.close();
    await pool.destroy();
  }
  // A file too big for our cap on a worker's heap gets the main thread's, as without workers.
  if (outOfMemory.length > 0) {
    const { lintFile, lintText } = await import('./lint-file.js');
    for (const i of outOfMemory.sort((a, b) => a - b)) {
      const task = tasks[i];
      take(i, 'path' in task ? await lintFile(task.path, options) : await lintText(task.text, { ...options, filePath: task.filePath }));
    }
  }
  const first = errors.find((error) => error !== undefined);
  if (first) throw reviveError(first);
}

/** The fatal message of a file that took longer than the time budget. */
export function overBudget(seconds: number): string {
  return `Cannot lint file: linting it took longer than the time budget of ${seconds} s per file, so it was stopped (very long or deeply nested Markdown parses slowly). Raise the budget with --time-budget <seconds> (timeBudget in the API), or 0 for none.`;
}
