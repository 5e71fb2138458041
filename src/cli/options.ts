import { reporterNames } from '../reporters/index.js';

/** Every option, in one table: the parser, the help text and the README read it. */
export const cliOptions = {
  format: { type: 'string', short: 'f', default: 'stylish', arg: 'name', help: `Output format: ${reporterNames.join(', ')} (score: stylish, json, csv)` },
  'output-file': { type: 'string', short: 'o', arg: 'path', help: 'Write the report to a file instead of standard output' },
  config: { type: 'string', short: 'c', arg: 'path', help: 'Use this config file for every file (no search)' },
  'print-config': { type: 'string', arg: 'path', help: 'Print the effective config for a file and exit' },
  persona: { type: 'string', multiple: true, arg: 'id', help: 'Target persona for every document (repeatable; overrides frontmatter and config)' },
  explain: { type: 'string', arg: 'rule', help: 'Explain a rule: what it flags, why, its options and examples' },
  'max-warnings': { type: 'string', arg: 'n', help: 'Exit 1 when there are more than n warnings' },
  'min-fit': { type: 'string', arg: 'n', help: 'Exit 1 when a declared persona’s fit (0-100) is below n (also config `gates.minFit`)' },
  'min-coverage': { type: 'string', arg: 'x', help: 'Exit 1 when a declared persona’s key-concept coverage (0-1) is below x (also config `gates.minCoverage`)' },
  report: { type: 'string', multiple: true, arg: 'format=file', help: 'Also write a report in this format to this file (repeatable), e.g. sarif=persona-lint.sarif' },
  'changed-since': { type: 'string', arg: 'git-ref', help: 'Lint only Markdown files changed since the merge base with this ref (committed, staged, unstaged, untracked)' },
  'changed-lines-only': { type: 'boolean', help: 'With --changed-since: line-level messages only on added or modified lines (document-level ones stay)' },
  baseline: { type: 'string', arg: 'file', help: 'Messages and scores recorded in this file are reported as baseline and do not fail the run' },
  'write-baseline': { type: 'string', arg: 'file', help: 'Record today’s messages and declared-persona scores in this file' },
  stdin: { type: 'boolean', help: 'Lint Markdown from standard input' },
  'stdin-filename': { type: 'string', arg: 'path', help: 'With --stdin: the path used to find the config and shown in reports' },
  quiet: { type: 'boolean', short: 'q', help: 'Report errors only (hides warnings, infos and baseline messages)' },
  color: { type: 'boolean', help: 'Force colour output' },
  'no-color': { type: 'boolean', help: 'Disable colour output (also NO_COLOR=1)' },
  workers: { type: 'string', arg: 'n', help: 'Worker threads: a number (1 lints in process) or auto, the default (one per core when there are enough files)' },
  shard: { type: 'string', arg: 'i/n|auto', help: 'Lint part i of n of the files (auto: GitLab CI_NODE_INDEX/CI_NODE_TOTAL) and write it for `merge`; exits 0 unless the run fails' },
  cache: { type: 'boolean', help: 'Reuse results for files whose content, config and tool version have not changed' },
  'cache-location': { type: 'string', arg: 'dir', help: 'Cache directory (default: node_modules/.cache/persona-lint)' },
  help: { type: 'boolean', short: 'h', help: 'Show this help' },
  version: { type: 'boolean', short: 'v', help: 'Show the version' },
} as const satisfies Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean; default?: string; arg?: string; help: string }>;

