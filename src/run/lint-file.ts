import { readFile, stat } from 'node:fs/promises';
import { defaultMaxFileSize, sizeProblem } from '../text/file-limits.js';
import { dirname, resolve } from 'node:path';
import type { FileResult } from '../core/types.js';
import { fatalResult } from '../core/result.js';
import { displayPath } from '../core/paths.js';
import { lintDocumentSafely } from '../engine/lint-document.js';
import type { EffectiveConfig, LintOptions } from '../engine/settings.js';
import { rules } from '../rules/index.js';
import { findConfig, loadConfigFile, resolveFileConfig } from '../config/load-config.js';

/** A UTF-16 byte order mark, or ASCII text with a NUL after (or before) every character. */
function looksLikeUtf16(bytes: Buffer): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  const sample = bytes.subarray(0, 512);
  if (sample.length < 4) return false;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) (i % 2 === 0 ? evenNuls++ : oddNuls++);
  const half = sample.length / 2;
  return Math.max(evenNuls, oddNuls) > half * 0.9 && Math.min(evenNuls, oddNuls) === 0;
}

/** Why a byte buffer is not lintable text, or null when it is. */
function notText(bytes: Buffer): string | null {
  if (looksLikeUtf16(bytes)) return 'File looks like UTF-16 text; persona-lint reads UTF-8. Convert it, e.g. iconv -f UTF-16 -t UTF-8 file.md > file.utf8.md (or save it as UTF-8 in your editor).';
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
    // Before reading: a 50 MB file is not loaded just to be refused.
    const tooLarge = sizeProblem((await stat(absolute)).size, options.maxFileSize ?? defaultMaxFileSize);
    if (tooLarge) return fatalResult(shown, tooLarge);
    bytes = await readFile(absolute);
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    const reason = err.code === 'EISDIR' ? 'it is a directory' : err.code === 'EACCES' || err.code === 'EPERM' ? `${err.code}: permission denied` : (err.message ?? String(error));
    return fatalResult(shown, `Cannot read file: ${reason}`);
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
