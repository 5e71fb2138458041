import { lintFile } from './lint-file.js';
import type { LintOptions } from '../engine/settings.js';
import type { FileResult } from '../core/types.js';
import { PersonaLintError, type ErrorKind } from '../core/errors.js';

export interface WorkerTask {
  path: string;
  options: LintOptions;
}

/** An error thrown by lintFile in a worker, as plain data: structured cloning drops classes and fields. */
export interface WorkerError {
  /** The PersonaLintError kind, or `bug` for any other error. */
  kind: ErrorKind | 'bug';
  message: string;
  stack?: string;
  file?: string;
  problems?: string[];
}

export type WorkerReply = { result: FileResult } | { error: WorkerError };

/** Runs in a pool thread: the same per-file path as an in-process run. */
export default async function lintInWorker(task: WorkerTask): Promise<WorkerReply> {
  try {
    return { result: await lintFile(task.path, task.options) };
  } catch (error) {
    if (error instanceof PersonaLintError) return { error: { kind: error.kind, message: error.message, stack: error.stack, file: error.file, problems: [...error.problems] } };
    const err = error instanceof Error ? error : new Error(String(error));
    return { error: { kind: 'bug', message: err.message, stack: err.stack } };
  }
}

