#!/usr/bin/env node
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { dirname, resolve } from 'node:path';
import type { OutputWriteError } from '../run/output-files.js';
import type { DiscoveryOptions } from '../run/lint-files.js';
import { jsonText, logText } from '../reporters/escape.js';
import { refusedByEnvironment, setJsConfigPolicy, workspaceRoot } from '../config/js-config-policy.js';
import { configSources, resolveFileConfig, findConfig, loadConfigFile } from '../config/load-config.js';
import { displayPath } from '../core/paths.js';
import { jsonFormatVersion, toolName, toolVersion } from '../core/meta.js';
import { findPersona } from '../data/find-persona.js';
import { describePersona, listPersonas } from './persona-text.js';
import { cliOptions } from './options.js';
import { runLint } from '../ci/run-lint.js';
import { outputFileTarget, reportTargets, writeOutput } from './report-files.js';
import { text as readAll } from 'node:stream/consumers';
import { scoreSheet, formatScoreCsv, personasInReport } from '../reporters/score-sheet.js';
import { formatScoreTable } from '../reporters/score-table.js';
import { explainRule } from './explain.js';
import { defaultTimeBudget, parseTimeBudget, parseWorkers, type RunOptions } from '../run/lint-paths.js';
import { maxWorkers } from '../run/pool.js';
import { parseSize } from '../text/file-limits.js';
import { fixCommand } from './fix-command.js';
import { PersonaLintError, UsageError } from '../core/errors.js';
import { outputOptions, publish, scoresFor, terminalWidth, useColor } from './output.js';
import { mergeCommand } from './merge.js';
import { parseShard } from '../ci/shards.js';
import { genreOfFile } from '../text/genre.js';

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
       ${toolName} merge <reports...>     Combine the JSON reports of --shard runs into any format
       ${toolName} acronyms [paths...]    Acronyms of a tree: uses, expansions, first unexpanded uses (-f json)
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
  /** The terminal's width in columns, when standard output is one. */
  columns?: number;
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

/** Which subcommand argv asks for: help, version, personas, score, merge, acronyms, lsp, --explain, --print-config, or lint. */
function subcommand(positionals: string[], values: Values, io: CliIO): Promise<number> | number {
  if (values.help) return print(io, helpText());
  if (values.version) return print(io, `${toolVersion}\n`);
  if (positionals[0] === 'personas') return personasCommand(positionals.slice(1), values, io);
  if (positionals[0] === 'score') return scoreCommand(positionals.slice(1), values, io);
  if (positionals[0] === 'merge') return mergeCommand(positionals.slice(1), values, io);
  if (positionals[0] === 'acronyms') return import('./acronyms.js').then(({ acronymsCommand }) => acronymsCommand(positionals.slice(1), values, io));
  if (positionals[0] === 'lsp') return import('../lsp/server.js').then(({ startServer }) => startServer());
  if (values.explain !== undefined) return print(io, explainRule(values.explain, { width: terminalWidth(io, values['output-file']), color: useColor(values, io) }));
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
  // What `auto` makes of this page: documentation or an article.
  const pageGenre = rest.genre === 'auto' ? await genreOfFile(file) : rest.genre;
  return print(io, `${jsonText({ ...rest, pageGenre, personas: personas.map((p) => p.id), ...provenance })}\n`);
}

/** The default command: lint, report, and turn the counts and gates into an exit code. */
async function lintCommand(positionals: string[], values: Values, io: CliIO): Promise<number> {
  const output = await outputOptions(values, io);
  if (values['stdin-filename'] !== undefined && !values.stdin) throw new UsageError('--stdin-filename names the text read with --stdin; add --stdin.');
  const shard = values.shard === undefined ? undefined : parseShard(values.shard, io.env);
  if (shard && values.quiet) throw new UsageError('--quiet with --shard would leave warnings out of the merged run; pass --quiet to `persona-lint merge`.');
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
    gates: output.gates,
    shard,
    ...runOptions(values, io),
    outputs: [...reportTargets(output.reportFiles), ...outputFileTarget(values['output-file'])],
    onWriteFailure: (failure) => writeFailures.push(failure),
    // A shard's JSON report must carry every score: the merge may print any format.
    scores: shard ? 'all' : scoresFor(output),
  });
  const report = fixing ? await fixCommand(linted, { configFile: values.config, persona: values.persona, dryRun: values['fix-dry-run'] === true }, io) : linted;
  const code = await publish(report, output, io, writeFailures);
  // A shard only gathers results; its merge judges the whole run.
  return shard && code !== 2 ? 0 : code;
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
    io.stdout(values.format === 'json' ? `${JSON.stringify(personas, null, 2)}\n` : listPersonas(personas, terminalWidth(io)));
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
  const sheet = scoreSheet(report, personasInReport(report, resolveFileConfig(loaded, resolve('.')).personas));
  const color = useColor(values, io);
  const text =
    format === 'json'
      ? `${JSON.stringify({ version: jsonFormatVersion, tool: { name: toolName, version: toolVersion }, ...sheet }, null, 2)}\n`
      : format === 'csv'
        ? formatScoreCsv(sheet)
        : formatScoreTable(sheet, { color, width: terminalWidth(io, values['output-file']) });
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
    columns: process.stdout.columns,
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}
