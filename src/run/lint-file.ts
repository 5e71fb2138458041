import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { FileResult } from '../core/types.js';
import { fatalResult } from '../core/result.js';
import { displayPath } from '../core/paths.js';
import { lintDocumentSafely } from '../engine/lint-document.js';
import type { EffectiveConfig, LintOptions } from '../engine/settings.js';
import { rules } from '../rules/index.js';
import { findConfig, loadConfigFile, resolveFileConfig } from '../config/load-config.js';

/** Why a byte buffer is not lintable text, or null when it is. */
function notText(bytes: Buffer): string | null {
  if (bytes.includes(0)) return 'File is not text (it contains NUL bytes).';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return null;
  } catch {
    return 'File is not valid UTF-8 text.';
  }
}

/** The settings for one file: --config, or the nearest config above it. */
export async function configFor(absolutePath: string, options: LintOptions): Promise<EffectiveConfig> {
  const loaded = options.configFile ? await loadConfigFile(options.configFile) : await findConfig(dirname(absolutePath));
  return resolveFileConfig(loaded, absolutePath);
}

/**
 * Lints one file from disk. Config errors propagate (exit 2); anything wrong with the file itself
 * becomes one fatal message on that file, so the rest of the run goes on.
 */
export async function lintFile(path: string, options: LintOptions = {}): Promise<FileResult> {
  const cwd = options.cwd ?? process.cwd();
  const absolute = resolve(cwd, path);
  const shown = displayPath(absolute, cwd);
  const config = await configFor(absolute, options);
  let bytes: Buffer;
  try {
    bytes = await readFile(absolute);
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    return fatalResult(shown, `Cannot read file: ${err.code === 'EISDIR' ? 'it is a directory' : (err.message ?? String(error))}`);
  }
  const problem = notText(bytes);
  if (problem) return fatalResult(shown, problem);
  return lintDocumentSafely(shown, bytes.toString('utf8').replace(/^\uFEFF/, ''), config, rules, options);
}

export interface LintTextOptions extends LintOptions {
  /** Used to find the config and as the path in results. Default: `<text>` in the working directory. */
  filePath?: string;
}

/** Lints Markdown text (an editor buffer, standard input). */
export async function lintText(text: string, options: LintTextOptions = {}): Promise<FileResult> {
  const cwd = options.cwd ?? process.cwd();
  const absolute = resolve(cwd, options.filePath ?? '<text>');
  const config = await configFor(absolute, options);
  return lintDocumentSafely(options.filePath ? displayPath(absolute, cwd) : '<text>', text.replace(/^\uFEFF/, ''), config, rules, options);
}
