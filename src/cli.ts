#!/usr/bin/env node
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { writeFile, mkdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { lintFiles, summarize, type DiscoveryOptions } from './index.js';
import { ConfigError, configSources, resolveFileConfig, findConfig, loadConfigFile } from './config.js';
import { displayPath } from './paths.js';
import { DataError } from './data.js';
import { UsageError } from './files.js';
import { loadReporter, reporterNames } from './reporters/index.js';
import { rules } from './rules/index.js';
import { toolName, toolVersion } from './meta.js';
import { findPersona } from './personas.js';
import { describePersona, listPersonas } from './persona-text.js';
import type { LintReport } from './types.js';
import { cliOptions } from './cli-options.js';
import { runLint } from './run.js';
import { parseReportFiles, writeReportFiles } from './report-files.js';
import { describeGateFailure } from './gates.js';
import { text as readAll } from 'node:stream/consumers';
import { scoreSheet, formatScoreTable, formatScoreCsv } from './score-sheet.js';
import { jsonFormatVersion } from './reporters/json.js';
import { explainRule } from './explain.js';
import { parseWorkers, type RunOptions } from './batch.js';

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

/** argv → options → lintFiles → reporter → exit code. The only place with process I/O. */
export async function main(argv: string[], io: CliIO): Promise<number> {
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
  if (values.help) {
    io.stdout(helpText());
    return 0;
  }
  if (values.version) {
    io.stdout(`${toolVersion}\n`);
    return 0;
  }
  try {
    if (positionals[0] === 'personas') return await personasCommand(positionals.slice(1), values, io);
    if (positionals[0] === 'score') return await scoreCommand(positionals.slice(1), values, io);
    if (values.explain !== undefined) {
      io.stdout(explainRule(values.explain));
      return 0;
    }
    if (values['print-config'] !== undefined) {
      const file = values['print-config'];
      const loaded = values.config ? await loadConfigFile(values.config) : await findConfig(dirname(resolve(file)));
      const { personas, ...rest } = resolveFileConfig(loaded, file);
      // Where each setting came from: the config, a preset it extends, or an override.
      const provenance = { chain: loaded.chain.map((path) => displayPath(path)), sources: configSources(loaded, file) };
      io.stdout(`${JSON.stringify({ ...rest, personas: personas.map((p) => p.id), ...provenance }, null, 2)}\n`);
      return 0;
    }
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
    const report = await runLint(positionals, {
      configFile: values.config,
      persona: values.persona,
      stdin,
      changedSince: values['changed-since'],
      changedLinesOnly: values['changed-lines-only'],
      baseline: values.baseline,
      writeBaseline: values['write-baseline'],
      gates: { minFit, minCoverage },
      ...runOptions(values, io),
      scores: [format, ...reportFiles.map((r) => r.format)].includes('json') ? 'all' : 'declared',
    });
    const shown = values.quiet ? errorsOnly(report) : report;
    const color = !values['no-color'] && (values.color === true || (io.isTTY && !io.env.NO_COLOR && !values['output-file']));
    const text = reporter(shown, { color, rules: rules.map((r) => r.meta), cwd: process.cwd() });
    await writeReportFiles(reportFiles, shown, { color: false, rules: rules.map((r) => r.meta), cwd: process.cwd() });
    if (values['output-file']) {
      const path = resolve(values['output-file']);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text);
    } else io.stdout(text);
    const { errors, warnings } = report.counts;
    for (const failure of report.gateFailures ?? []) io.stderr(`${toolName}: ${describeGateFailure(failure)}\n`);
    if (errors > 0 || (report.gateFailures?.length ?? 0) > 0) return 1;
    if (maxWarnings !== undefined && warnings > maxWarnings) {
      io.stderr(`${toolName}: ${warnings} warnings is more than --max-warnings ${maxWarnings}.\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    return reportFailure(error, io);
  }
}

/** --workers, --cache, --cache-location and how paths expand, for every command that lints files. */
function runOptions(values: Values, io: CliIO): RunOptions & DiscoveryOptions {
  return {
    workers: values.workers === undefined ? undefined : parseWorkers(values.workers),
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
  if (error instanceof UsageError || error instanceof ConfigError || error instanceof DataError) {
    io.stderr(`${toolName}: ${error.message}\n`);
  } else {
    io.stderr(`${toolName}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  return 2;
}

async function personasCommand(args: string[], values: Values, io: CliIO): Promise<number> {
  if (args[0] === 'import') return importCommand(args.slice(1), io);
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

/** `persona-lint personas import <page.md> [folder]`: profiles for review, written only when the whole page reads. */
async function importCommand(args: string[], io: CliIO): Promise<number> {
  const [page, folder = 'personas', ...extra] = args;
  if (!page || extra.length > 0) throw new UsageError(`Usage: ${toolName} personas import <page.md> [folder]   (default folder: personas)`);
  const { importPersonas, profileYaml } = await import('./persona-import-files.js');
  let text: string;
  try {
    text = await readFile(resolve(page), 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${page}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const { profiles, problems } = importPersonas(text);
  const targets = profiles.map((p) => join(folder, `${p.profile.id}.yml`));
  for (const target of targets) if (existsSync(target)) problems.push(`${target} exists; move it away or import into another folder`);
  if (problems.length > 0) {
    io.stderr(`${toolName}: Cannot import personas from ${page}; nothing was written:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    return 2;
  }
  await mkdir(folder, { recursive: true });
  const lines: string[] = [];
  for (const [i, imported] of profiles.entries()) {
    await writeFile(targets[i], profileYaml(imported, page));
    lines.push(`${targets[i]}: ${imported.profile.name}`, `  to fill: ${imported.unfilled.join('; ')}`, ...imported.notes.map((note) => `  note: ${note}`));
  }
  io.stdout(`${lines.join('\n')}\n\n${profiles.length} profiles written for review. Fill the fields listed, then add the files to \`personaProfiles\` in your config.\n`);
  return 0;
}

const scoreFormats = ['stylish', 'json', 'csv'];

/** `persona-lint score`: documents × personas, and a summary per persona. */
async function scoreCommand(paths: string[], values: Values, io: CliIO): Promise<number> {
  const format = values.format ?? 'stylish';
  if (!scoreFormats.includes(format)) throw new UsageError(`Unknown format "${format}" for score; choose one of: ${scoreFormats.join(', ')}`);
  const report = await lintFiles(paths, { configFile: values.config, persona: values.persona, ...runOptions(values, io) });
  const loaded = values.config ? await loadConfigFile(values.config) : await findConfig(process.cwd());
  const known = new Map(resolveFileConfig(loaded, resolve('.')).personas.map((p) => [p.id, p]));
  // Personas from the configs of the linted files too, in the order their scores list them.
  for (const result of report.results) for (const score of result.personas?.scores ?? []) if (!known.has(score.id)) known.set(score.id, { id: score.id, name: score.id, aliases: [] } as never);
  const sheet = scoreSheet(report, [...known.values()]);
  const color = !values['no-color'] && (values.color === true || (io.isTTY && !io.env.NO_COLOR && !values['output-file']));
  const text =
    format === 'json'
      ? `${JSON.stringify({ version: jsonFormatVersion, tool: { name: toolName, version: toolVersion }, ...sheet }, null, 2)}\n`
      : format === 'csv'
        ? formatScoreCsv(sheet)
        : formatScoreTable(sheet, { color });
  if (values['output-file']) {
    const path = resolve(values['output-file']);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  } else io.stdout(text);
  return report.counts.fatal > 0 ? 1 : 0;
}

const isEntry = process.argv[1] && resolve(process.argv[1]).replace(/\.ts$/, '.js') === new URL(import.meta.url).pathname;
if (isEntry || process.argv[1]?.endsWith('persona-lint')) {
  main(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}
