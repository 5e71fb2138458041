import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { summarize } from '../run/lint-files.js';
import { findConfig, loadConfigFile, resolveFileConfig } from '../config/load-config.js';
import { UsageError } from '../core/errors.js';
import { describeGateFailure } from '../ci/gates.js';
import { toolName } from '../core/meta.js';
import { defaultWidth } from '../reporters/terminal-width.js';
import { loadReporter, reporterNames } from '../reporters/index.js';
import type { Reporter, ReporterContext } from '../reporters/reporter.js';
import { parseReportFiles, writeOutput, writeReportFiles, type ReportFile } from './report-files.js';
import type { OutputWriteError } from '../run/output-files.js';
import { rules } from '../rules/index.js';
import type { LintReport } from '../core/types.js';
import type { Gates } from '../ci/gates.js';
import type { RunOptions } from '../run/lint-paths.js';
import type { LoadedConfig } from '../config/user-config.js';
import { collapseRepeatedSentences, minFilesOf } from '../ci/repeated-sentences.js';

/** What decides a run's reports and exit code, checked before any linting so a typo fails fast. */
export interface OutputOptions {
  format: string;
  reporter: Reporter;
  reportFiles: ReportFile[];
  maxWarnings?: number;
  gates: Gates;
  quiet: boolean;
  color: boolean;
  outputFile?: string;
  configFile?: string;
  /** Columns for stylish: see terminalWidth. */
  width: number;
  explainScores: boolean;
  /** Every copy of a repeated sentence (--every-repeat), not one message for all. */
  everyRepeat: boolean;
}

/** The option values the output reads (a subset of the CLI's parsed values). */
export interface OutputValues {
  format?: string;
  'max-warnings'?: string;
  'min-fit'?: string;
  'min-coverage'?: string;
  report?: string[];
  quiet?: boolean;
  color?: boolean;
  'no-color'?: boolean;
  'output-file'?: string;
  config?: string;
  'explain-scores'?: boolean;
  'every-repeat'?: boolean;
}

/** The terminal's width: COLUMNS when set, else the terminal's own, else (not a terminal: a pipe, a file, CI) 80. */
export function terminalWidth(io: { isTTY: boolean; env: NodeJS.ProcessEnv; columns?: number }, outputFile?: string): number {
  const fromEnv = Number(io.env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return io.isTTY && !outputFile && io.columns ? io.columns : defaultWidth;
}

export async function outputOptions(values: OutputValues, io: { isTTY: boolean; env: NodeJS.ProcessEnv; columns?: number }): Promise<OutputOptions> {
  const format = values.format ?? 'stylish';
  const reporter = await loadReporter(format);
  if (!reporter) throw new UsageError(`Unknown format "${format}"; choose one of: ${reporterNames.join(', ')}`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings takes a whole number, not "${values['max-warnings']}"`);
  }
  return {
    format,
    reporter,
    reportFiles: await parseReportFiles(values.report ?? []),
    maxWarnings,
    gates: { minFit: parseNumber(values['min-fit'], '--min-fit', 100), minCoverage: parseNumber(values['min-coverage'], '--min-coverage', 1) },
    quiet: values.quiet === true,
    color: useColor(values, io),
    outputFile: values['output-file'],
    configFile: values.config,
    width: terminalWidth(io, values['output-file']),
    explainScores: values['explain-scores'] === true,
    everyRepeat: values['every-repeat'] === true,
  };
}

/**
 * The persona scores results must keep for these reports: every persona's for JSON and the HTML
 * heatmap (HTML needs only their figures), else the declared personas'.
 */
export function scoresFor(output: OutputOptions): RunOptions['scores'] {
  const formats = [output.format, ...output.reportFiles.map((r) => r.format)];
  return formats.includes('json') ? 'all' : formats.includes('html') ? 'figures' : 'declared';
}

/** Colour for the terminal: --color, or a TTY without NO_COLOR when the report goes to standard output. */
export function useColor(values: Pick<OutputValues, 'color' | 'no-color' | 'output-file'>, io: { isTTY: boolean; env: NodeJS.ProcessEnv }): boolean {
  return !values['no-color'] && (values.color === true || (io.isTTY && !io.env.NO_COLOR && !values['output-file']));
}

/** A number option in [0, max], or undefined when not given. */
function parseNumber(value: string | undefined, option: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > max) throw new UsageError(`${option} takes a number from 0 to ${max}, not "${value}"`);
  return n;
}

/** What every reporter is given: rule metadata, the configured personas (names for HTML) and the files' text (rdjson columns). */
function reporterContext(output: OutputOptions, cwd: string, loaded: LoadedConfig): ReporterContext {
  const texts = new Map<string, string | undefined>();
  return {
    color: output.color,
    width: output.width,
    explainScores: output.explainScores,
    quiet: output.quiet,
    rules: rules.map((r) => r.meta),
    cwd,
    personas: resolveFileConfig(loaded, resolve(cwd)).personas,
    readFile: (path) => {
      if (!texts.has(path)) {
        let text: string | undefined;
        try {
          text = readFileSync(resolve(cwd, path), 'utf8');
        } catch {
          text = undefined;
        }
        texts.set(path, text);
      }
      return texts.get(path);
    },
  };
}

/**
 * Prints the report (and writes every --report file), then the exit code: 2 when a report (or a
 * --write-baseline file, in `failures`) could not be written, 1 on errors, a failed gate or too
 * many warnings, else 0. A sentence repeated in many files is one message from here on (in every
 * format, the counts and the exit code), unless --every-repeat; a shard's report keeps every copy
 * for `persona-lint merge`, which groups the whole run.
 */
export async function publish(given: LintReport, output: OutputOptions, io: { stdout: (text: string) => void; stderr: (text: string) => void }, failures: OutputWriteError[] = []): Promise<number> {
  const cwd = process.cwd();
  const loaded = output.configFile ? await loadConfigFile(output.configFile) : await findConfig(cwd);
  const context = reporterContext(output, cwd, loaded);
  const minFiles = output.everyRepeat || given.shard ? 0 : minFilesOf(loaded.config.repeatedSentences);
  const report = collapseRepeatedSentences(given, minFiles, context.readFile!);
  const shown = output.quiet ? errorsOnly(report) : report;
  const text = output.reporter(shown, context);
  failures.push(...(await writeReportFiles(output.reportFiles, shown, context)));
  await writeOutput(text, output.outputFile, io, failures);
  if (failures.length > 0) return 2;
  const { errors, warnings } = report.counts;
  for (const failure of report.gateFailures ?? []) io.stderr(`${toolName}: ${describeGateFailure(failure)}\n`);
  if (errors > 0 || (report.gateFailures?.length ?? 0) > 0) return 1;
  if (output.maxWarnings !== undefined && warnings > output.maxWarnings) {
    io.stderr(`${toolName}: ${warnings} warnings is more than --max-warnings ${output.maxWarnings}.\n`);
    return 1;
  }
  return 0;
}

function errorsOnly(report: LintReport): LintReport {
  const shown = summarize(report.results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 'error' && !m.baseline), counts: { ...r.counts, warnings: 0, infos: 0 } })));
  return { ...report, ...shown };
}
