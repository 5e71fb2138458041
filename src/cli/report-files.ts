import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Reporter, ReporterContext } from '../reporters/reporter.js';
import { loadReporter, reporterNames } from '../reporters/index.js';
import type { LintReport } from '../core/types.js';
import { UsageError } from '../core/errors.js';

/** One `--report <format>=<file>`: a report written to a file besides the one on standard output. */
export interface ReportFile {
  format: string;
  file: string;
  reporter: Reporter;
}

/** Checks every --report before linting, so a typo fails fast (exit 2) instead of after a long run. */
export async function parseReportFiles(specs: readonly string[]): Promise<ReportFile[]> {
  const files: ReportFile[] = [];
  for (const spec of specs) {
    const at = spec.indexOf('=');
    const format = spec.slice(0, at);
    const file = spec.slice(at + 1);
    if (at <= 0 || file === '') throw new UsageError(`--report takes <format>=<file>, e.g. --report sarif=persona-lint.sarif, not "${spec}"`);
    const reporter = await loadReporter(format);
    if (!reporter) throw new UsageError(`Unknown format "${format}" in --report ${spec}; choose one of: ${reporterNames.join(', ')}`);
    files.push({ format, file, reporter });
  }
  return files;
}

/** Writes each report (never in colour), creating folders as needed. */
export async function writeReportFiles(files: readonly ReportFile[], report: LintReport, context: ReporterContext): Promise<void> {
  for (const { file, reporter } of files) {
    const path = resolve(context.cwd, file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, reporter(report, { ...context, color: false }));
  }
}
