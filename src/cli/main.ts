#!/usr/bin/env node
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { dirname, resolve } from 'node:path';
import { summarize, type DiscoveryOptions } from '../run/lint-files.js';
import type { OutputWriteError } from '../run/output-files.js';
import { jsonText, logText } from '../reporters/escape.js';
import { refusedByEnvironment, setJsConfigPolicy, workspaceRoot } from '../config/js-config-policy.js';
import { configSources, resolveFileConfig, findConfig, loadConfigFile } from '../config/load-config.js';
import { displayPath } from '../core/paths.js';
import { loadReporter, reporterNames } from '../reporters/index.js';
import { rules } from '../rules/index.js';
import { toolName, toolVersion } from '../core/meta.js';
import { findPersona } from '../data/find-persona.js';
import { describePersona, listPersonas } from './persona-text.js';
import type { LintReport } from '../core/types.js';
import { cliOptions } from './options.js';
import { runLint } from '../ci/run-lint.js';
import { outputFileTarget, parseReportFiles, reportTargets, writeOutput, writeReportFiles } from './report-files.js';
import { describeGateFailure } from '../ci/gates.js';
import { text as readAll } from 'node:stream/consumers';
import { scoreSheet, formatScoreTable, formatScoreCsv } from './score-sheet.js';
import { jsonFormatVersion } from '../reporters/json.js';
import { explainRule } from './explain.js';
import { defaultTimeBudget, parseTimeBudget, parseWorkers, type RunOptions } from '../run/lint-paths.js';
import { maxWorkers } from '../run/pool.js';
import { parseSize } from '../text/file-limits.js';
import { fixCommand } from './fix-command.js';
import { PersonaLintError, UsageError } from '../core/errors.js';

type Values = { [K in keyof typeof cliOptions]?: (typeof cliOptions)[K]['type'] extends 'boolean' ? boolean : (typeof cliOptions)[K] extends { multiple: true } ? string[] : string };

export function helpText(): string {
  const lines = Object.entries(cliOptions).map(([name, o]) => {
    const flag = `${'short' in o ? `-${o.short}, ` : '    '}--${name}${'arg' in o ? ` <${o.arg}>` : ''}`;
    return `  ${flag.padEnd(30)} ${o.help}`;
  });
  return `Usage: ${toolName} [options] [paths, directories or globs...]   (default: .)
       ${toolName} personas [id]          List the personas, or show one
       ${toolName} personas import <page.md> [folder]   Persona profiles from a persona page, for review
       ${toolName} score [paths...]       Persona fit of every document: a table (-f json, -f csv)
       ${toolName} --explain <rule>       Explain a rule
       ${toolName} lsp                    Start the language server (stdio), for editors

Lints Markdown against buyer personas: buzzwords, alienating language, persona fit.

Options:
${lines.join('\n')}

Exit codes: 0 no errors, 1 errors (or too many warnings, or a failed gate), 2 usage, config or fatal error.
`;
}

const parseConfig: ParseArgsConfig = {
  options: Object.fromEntries(Object.entries(cliOptions).map(([name, o]) => [name, { type: o.type, ...('short' in o ? { short: o.short } : {}), ...('multiple' in o ? { multiple: true } : {}) }])),
  allowPositionals: true,
  strict: true,
};

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** Standard input, for --stdin. Default: process.stdin. */
  readStdin?: () => Promise<string>;
}

/** argv → options → the subcommand → exit code. The only place with process I/O. */
export async function runCli(argv: string[], given: CliIO): Promise<number> {
  // Error messages quote file names and config values: nothing in them may act on the terminal or CI log.
  const io: CliIO = { ...given, stderr: (text) => given.stderr(logText(text)) };
  let values: Values;
  let positionals: string[];
  try {
    const parsed = parseArgs({ ...parseConfig, args: argv });
    values = parsed.values as Values;
    positionals = parsed.positionals;
  } catch (error) {
    io.stderr(`${toolName}: ${(error as Error).message}\nRun '${toolName} --help' for usage.\n`);
    return 2;
  }
  try {
    setJsConfigPolicy({ allow: !values['no-js-config'] && !refusedByEnvironment(io.env), within: values.stdin ? workspaceRoot(process.cwd()) : undefined });
    return await subcommand(positionals, values, io);
  } catch (error) {
    return reportFailure(error, io);
  }
}

/** Which subcommand argv asks for: help, version, personas, score, lsp, --explain, --print-config, or lint. */
function subcommand(positionals: string[], values: Values, io: CliIO): Promise<number> | number {
  if (values.help) return print(io, helpText());
  if (values.version) return print(io, `${toolVersion}\n`);
  if (positionals[0] === 'personas') return personasCommand(positionals.slice(1), values, io);
  if (positionals[0] === 'score') return scoreCommand(positionals.slice(1), values, io);
  if (positionals[0] === 'lsp') return import('../lsp/server.js').then(({ startServer }) => startServer());
  if (values.explain !== undefined) return print(io, explainRule(values.explain));
  if (values['print-config'] !== undefined) return printConfigCommand(values['print-config'], values, io);
  return lintCommand(positionals, values, io);
}

function print(io: CliIO, text: string): number {
  io.stdout(text);
  return 0;
}

/** `--print-config <file>`: the effective config for one file, personas by id, and where each setting came from. */
async function printConfigCommand(file: string, values: Values, io: CliIO): Promise<number> {
  const loaded = values.config ? await loadConfigFile(values.config) : await findConfig(dirname(resolve(file)));
  const { personas, ...rest } = resolveFileConfig(loaded, file);
  // The config, a preset it extends, or an override.
  const provenance = { chain: loaded.chain.map((path) => displayPath(path)), sources: configSources(loaded, file) };
  return print(io, `${jsonText({ ...rest, personas: personas.map((p) => p.id), ...provenance })}\n`);
}

/** The default command: lint, report, and turn the counts and gates into an exit code. */
async function lintCommand(positionals: string[], values: Values, io: CliIO): Promise<number> {
  const format = values.format ?? 'stylish';
  const reporter = await loadReporter(format);
  if (!reporter) throw new UsageError(`Unknown format "${format}"; choose one of: ${reporterNames.join(', ')}`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings takes a whole number, not "${values['max-warnings']}"`);
  }
  const minFit = parseNumber(values['min-fit'], '--min-fit', 100);
  const minCoverage = parseNumber(values['min-coverage'], '--min-coverage', 1);
  const reportFiles = await parseReportFiles(values.report ?? []);
  if (values['stdin-filename'] !== undefined && !values.stdin) throw new UsageError('--stdin-filename names the text read with --stdin; add --stdin.');
  const stdin = values.stdin ? { text: await (io.readStdin ?? (() => readAll(process.stdin)))(), filename: values['stdin-filename'] } : undefined;
  const fixing = values.fix || values['fix-dry-run'];
  if (fixing && values.stdin) throw new UsageError('--fix and --fix-dry-run change files; they cannot be combined with --stdin.');
  const writeFailures: OutputWriteError[] = [];
  const linted = await runLint(positionals, {
    configFile: values.config,
    persona: values.persona,
    stdin,
    changedSince: values['changed-since'],
    changedLinesOnly: values['changed-lines-only'],
    baseline: values.baseline,
    writeBaseline: values['write-baseline'],
    gates: { minFit, minCoverage },
    ...runOptions(values, io),
    outputs: [...reportTargets(reportFiles), ...outputFileTarget(values['output-file'])],
    onWriteFailure: (failure) => writeFailures.push(failure),
    scores: [format, ...reportFiles.map((r) => r.format)].includes('json') ? 'all' : 'declared',
  });
  const report = fixing ? await fixCommand(linted, { configFile: values.config, persona: values.persona, dryRun: values['fix-dry-run'] === true }, io) : linted;
  const shown = values.quiet ? errorsOnly(report) : report;
  const text = reporter(shown, { color: useColor(values, io), rules: rules.map((r) => r.meta), cwd: process.cwd() });
  writeFailures.push(...(await writeReportFiles(reportFiles, shown, { color: false, rules: rules.map((r) => r.meta), cwd: process.cwd() })));
  await writeOutput(text, values['output-file'], io, writeFailures);
  const code = exitCode(report, maxWarnings, io);
  return writeFailures.length > 0 ? 2 : code;
}

/** 1 for errors, failed gates or too many warnings; 0 otherwise. */
function exitCode(report: LintReport, maxWarnings: number | undefined, io: CliIO): number {
  const { errors, warnings } = report.counts;
  for (const failure of report.gateFailures ?? []) io.stderr(`${toolName}: ${describeGateFailure(failure)}\n`);
  if (errors > 0 || (report.gateFailures?.length ?? 0) > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(`${toolName}: ${warnings} warnings is more than --max-warnings ${maxWarnings}.\n`);
    return 1;
  }
  return 0;
}

function useColor(values: Values, io: CliIO): boolean {
  return !values['no-color'] && (values.color === true || (io.isTTY && !io.env.NO_COLOR && !values['output-file']));
}

/** --workers, --cache and --cache-location, for every command that lints files. */
function runOptions(values: Values, io: CliIO): RunOptions & DiscoveryOptions {
  const workers = values.workers === undefined ? undefined : parseWorkers(values.workers);
  if (typeof workers === 'number' && workers > maxWorkers()) io.stderr(`${toolName}: --workers ${workers} is more than the ${maxWorkers()} cores here; using ${maxWorkers()}.\n`);
  return {
    workers,
    maxFileSize: values['max-file-size'] === undefined ? undefined : parseSize(values['max-file-size']),
    timeBudget: values['time-budget'] === undefined ? defaultTimeBudget : parseTimeBudget(values['time-budget']),
    cache: values.cache,
    cacheLocation: values['cache-location'],
    noIgnore: values['no-ignore'],
    errorOnUnmatchedPattern: !values['no-error-on-unmatched-pattern'],
    onWarning: (message) => io.stderr(`${toolName}: ${message}\n`),
  };
}

function errorsOnly(report: LintReport): LintReport {
  const shown = summarize(report.results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 'error' && !m.baseline), counts: { ...r.counts, warnings: 0, infos: 0 } })));
  return report.gateFailures ? { ...shown, gateFailures: report.gateFailures } : shown;
}

/** A number option in [0, max], or undefined when not given. */
function parseNumber(value: string | undefined, option: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > max) throw new UsageError(`${option} takes a number from 0 to ${max}, not "${value}"`);
  return n;
}

function reportFailure(error: unknown, io: CliIO): number {
  if (error instanceof PersonaLintError) {
    io.stderr(`${toolName}: ${error.message}\n`);
    return error.exitCode;
  }
  io.stderr(`${toolName}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 2;
}

async function personasCommand(args: string[], values: Values, io: CliIO): Promise<number> {
  if (args[0] === 'import') return (await import('./personas-import.js')).importCommand(args.slice(1), io);
  const loaded = values.config ? await loadConfigFile(values.config) : await findConfig(process.cwd());
  const personas = resolveFileConfig(loaded, resolve('.')).personas;
  if (args.length === 0) {
    io.stdout(values.format === 'json' ? `${JSON.stringify(personas, null, 2)}\n` : listPersonas(personas));
    return 0;
  }
  const persona = findPersona(args[0], personas);
  if (!persona) throw new UsageError(`Unknown persona "${args[0]}"; known: ${personas.map((p) => p.id).join(', ')}`);
  io.stdout(values.format === 'json' ? `${JSON.stringify(persona, null, 2)}\n` : describePersona(persona));
  return 0;
}

const scoreFormats = ['stylish', 'json', 'csv'];

/** `persona-lint score`: documents × personas, and a summary per persona. */
async function scoreCommand(paths: string[], values: Values, io: CliIO): Promise<number> {
  const format = values.format ?? 'stylish';
  if (!scoreFormats.includes(format)) throw new UsageError(`Unknown format "${format}" for score; choose one of: ${scoreFormats.join(', ')}`);
  const report = await runLint(paths, { configFile: values.config, persona: values.persona, ...runOptions(values, io), outputs: outputFileTarget(values['output-file']) });
  const loaded = values.config ? await loadConfigFile(values.config) : await findConfig(process.cwd());
  const known = new Map(resolveFileConfig(loaded, resolve('.')).personas.map((p) => [p.id, p]));
  // Personas from the configs of the linted files too, in the order their scores list them.
  for (const result of report.results) for (const score of result.personas?.scores ?? []) if (!known.has(score.id)) known.set(score.id, { id: score.id, name: score.id, aliases: [] } as never);
  const sheet = scoreSheet(report, [...known.values()]);
  const color = useColor(values, io);
  const text =
    format === 'json'
      ? `${JSON.stringify({ version: jsonFormatVersion, tool: { name: toolName, version: toolVersion }, ...sheet }, null, 2)}\n`
      : format === 'csv'
        ? formatScoreCsv(sheet)
        : formatScoreTable(sheet, { color });
  const failures: OutputWriteError[] = [];
  await writeOutput(text, values['output-file'], io, failures);
  if (failures.length > 0) return 2;
  return report.counts.fatal > 0 ? 1 : 0;
}

const isEntry = process.argv[1] && resolve(process.argv[1]).replace(/\.ts$/, '.js') === new URL(import.meta.url).pathname;
if (isEntry || process.argv[1]?.endsWith('persona-lint')) {
  runCli(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}
