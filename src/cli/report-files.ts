import { resolve } from 'node:path';
import { OutputWriteError, writeFileAtomically, type OutputTarget } from '../run/output-files.js';
import type { Reporter, ReporterContext } from '../reporters/reporter.js';
import { loadReporter, reporterNames } from '../reporters/index.js';
import type { LintReport } from '../core/types.js';
import { UsageError } from '../core/errors.js';
import { toolName } from '../core/meta.js';

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

/**
 * Writes each report (never in colour), creating folders as needed, each whole or not at all. A
 * report that cannot be written does not stop the others: the failures come back, one per path.
 */
export async function writeReportFiles(files: readonly ReportFile[], report: LintReport, context: ReporterContext): Promise<OutputWriteError[]> {
  const failures: OutputWriteError[] = [];
  for (const { file, reporter } of files) {
    try {
      await writeFileAtomically(resolve(context.cwd, file), reporter(report, { ...context, color: false }), file);
    } catch (error) {
      if (!(error instanceof OutputWriteError)) throw error;
      failures.push(error);
    }
  }
  return failures;
}

/** The outputs of --report, for the check that no output overwrites an input. */
export function reportTargets(files: readonly ReportFile[]): OutputTarget[] {
  return files.map(({ format, file }) => ({ option: `--report ${format}=${file}`, path: file }));
}

/** The output of -o, for the check that no output overwrites an input. */
export function outputFileTarget(file: string | undefined): OutputTarget[] {
  return file ? [{ option: `-o ${file}`, path: file }] : [];
}

/**
 * The report to -o (`file`), else standard output. When the file cannot be written, the report
 * goes to standard output so the run's results are not lost; then every failed write of the run
 * is printed once, naming its path.
 */
export async function writeOutput(text: string, file: string | undefined, io: { stdout: (text: string) => void; stderr: (text: string) => void }, failures: OutputWriteError[]): Promise<void> {
  if (file) {
    try {
      await writeFileAtomically(resolve(file), text, file);
    } catch (error) {
      if (!(error instanceof OutputWriteError)) throw error;
      failures.push(error);
      io.stdout(text);
    }
  } else io.stdout(text);
  for (const failure of failures) io.stderr(`${toolName}: ${failure.message}\n`);
}
