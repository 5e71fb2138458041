import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { reporterNames } from '../../src/reporters/index.js';
import { runCli, runCliAsync, type CliRun } from './cli.js';
import { repoRoot } from './fixtures.js';

// One file per format: two reports aimed at one file are refused (outputs never clobber each other).
const extension = (format: string) => (format === 'stylish' ? 'txt' : format === 'github' ? 'github.txt' : format);

/** The arguments that write a run's reports in every format into `dir`: json with -o, the rest with --report. */
function reportArgs(dir: string): { args: string[]; files: Record<string, string> } {
  const files = Object.fromEntries(reporterNames.map((format) => [format, join(dir, `report.${extension(format)}`)]));
  const reports = reporterNames.filter((f) => f !== 'json').flatMap((format) => ['--report', `${format}=${files[format]}`]);
  return { args: ['-f', 'json', '-o', files.json, ...reports], files };
}

export interface AllReports {
  code: number;
  stderr: string;
  /** Format → the report's text. */
  files: Record<string, string>;
}

function collect(run: CliRun, files: Record<string, string>): AllReports {
  expect(run.code, run.stderr).toBeLessThan(2);
  return { code: run.code, stderr: run.stderr, files: Object.fromEntries(Object.entries(files).map(([format, file]) => [format, readFileSync(file, 'utf8')])) };
}

/** One run (a lint or a merge) writing its reports in every format, with its exit code and stderr. */
export function reportAll(args: string[], dir: string, cwd = repoRoot): AllReports {
  const { args: extra, files } = reportArgs(dir);
  return collect(runCli([...args, ...extra], { cwd }), files);
}

export async function reportAllAsync(args: string[], dir: string, cwd = repoRoot): Promise<AllReports> {
  const { args: extra, files } = reportArgs(dir);
  return collect(await runCliAsync([...args, ...extra], { cwd }), files);
}
