import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { FileResult, LintReport } from '../core/types.js';
import { lintText, summarize } from '../run/lint-files.js';
import type { LintTextOptions } from '../run/lint-file.js';
import { fixText, isFixable, type FixableMessage } from './apply-fixes.js';

export interface FixFilesOptions extends Omit<LintTextOptions, 'filePath'> {
  /** Write the fixed files (--fix), or only describe the changes (--fix-dry-run). */
  write: boolean;
}

/** What --fix did to one file. */
export interface FileFix {
  path: string;
  fixed: FixableMessage[];
  /** A unified diff of the change. */
  diff: string;
}

/**
 * Fixes the files of a report that have fixable messages, and returns the report of what remains.
 * A file that could not be linted has no fixable message, so it is never touched.
 */
export async function fixFiles(report: LintReport, options: FixFilesOptions): Promise<{ report: LintReport; files: FileFix[] }> {
  const cwd = options.cwd ?? process.cwd();
  const files: FileFix[] = [];
  const results: FileResult[] = [];
  for (const result of report.results) {
    if (!result.messages.some(isFixable)) {
      results.push(result);
      continue;
    }
    const absolute = resolve(cwd, result.path);
    const raw = await readFile(absolute, 'utf8');
    // Offsets are in the text as linted, without a byte order mark; the mark is kept on write.
    const bom = raw.startsWith('\uFEFF') ? '\uFEFF' : '';
    const before = raw.slice(bom.length);
    const { write: _write, ...lintOptions } = options;
    const outcome = await fixText(before, (text) => lintText(text, { ...lintOptions, cwd, filePath: result.path }), result);
    results.push({ ...outcome.result, path: result.path });
    if (outcome.output === before) continue;
    if (options.write) await writeFile(absolute, bom + outcome.output);
    files.push({ path: result.path, fixed: outcome.fixed, diff: unifiedDiff(result.path, before, outcome.output) });
  }
  const fixedReport = summarize(results);
  return { report: report.gateFailures ? { ...fixedReport, gateFailures: report.gateFailures } : fixedReport, files };
}

/** A git-style unified diff (without the "=====" line the diff package starts with). */
function unifiedDiff(path: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { context: 1 }).replace(/^=+\n/, '');
}

/** One line per fixed file: `docs/a.md: 2 fixes (“utilize” → “use”, “Simply run” → “Run”)`. */
export function describeFixes(files: readonly FileFix[]): string {
  return files
    .map(({ path, fixed }) => `${path}: ${fixed.length} ${fixed.length === 1 ? 'fix' : 'fixes'} (${fixed.map((m) => `“${m.actual}” → “${m.fix.text}”`).join(', ')})\n`)
    .join('');
}
