import { BroadcastChannel } from 'node:worker_threads';
import { lintPath, type LintOptions } from './engine.js';
import { ConfigError } from './config.js';
import { DataError } from './data.js';
import type { FileResult } from './types.js';
import { lintText } from './index.js';
import { setJsConfigPolicy, type JsConfigPolicy } from './js-config-policy.js';

export interface WorkerTask {
  /** The file to lint, or the text to lint (--stdin) shown under `filePath`. */
  path?: string;
  text?: string;
  filePath?: string;
  options: LintOptions;
  /** The main thread's policy: a worker loads configs itself. */
  jsConfig: JsConfigPolicy;
  /** The task's number, posted on `startedChannel` as it starts, so its time budget runs from then. */
  index?: number;
  startedChannel?: string;
}

/** An error thrown by lintPath in a worker, as plain data: structured cloning drops classes and fields. */
export interface WorkerError {
  kind: 'ConfigError' | 'DataError' | 'Error';
  message: string;
  stack?: string;
  file?: string;
  problems?: string[];
}

export type WorkerReply = { result: FileResult } | { error: WorkerError };

/** Runs in a pool thread: the same per-file path as an in-process run. */
export default async function lintInWorker(task: WorkerTask): Promise<WorkerReply> {
  if (task.startedChannel !== undefined) {
    const channel = new BroadcastChannel(task.startedChannel);
    channel.postMessage(task.index);
    channel.close();
  }
  try {
    setJsConfigPolicy(task.jsConfig);
    if (task.text !== undefined) return { result: await lintText(task.text, { ...task.options, filePath: task.filePath }) };
    return { result: await lintPath(task.path!, task.options) };
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataError) {
      return { error: { kind: error.name as WorkerError['kind'], message: error.message, file: error.file, problems: error.problems } };
    }
    const err = error instanceof Error ? error : new Error(String(error));
    return { error: { kind: 'Error', message: err.message, stack: err.stack } };
  }
}

