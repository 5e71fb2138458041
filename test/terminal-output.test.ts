import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { runCli } from './helpers/cli.js';
import { fixturesRoot } from './helpers/fixtures.js';
import { loadBuiltinPersonas } from '../src/data/load-data.js';

// The stylish report a writer reads on a terminal, from real processes on fixtures/cli/*.md.
const cwd = join(fixturesRoot, 'cli');
const expected = (name: string) => join(cwd, 'expected', name);
const files = ['release-notes.md', 'no-persona.md'];
const lint = (args: string[], columns = '') => runCli([...args, ...files], { cwd, env: { COLUMNS: columns } });
/** Lines wider than `width`, but for a file's path, which is never cut so it can be copied. */
const tooWide = (text: string, width: number) => text.split('\n').filter((line) => line.length > width && !files.includes(line));

describe('stylish', () => {
  it('prints a line per declared persona (fit, coverage, the missing concepts once) and wraps to 80 columns when not a terminal', async () => {
    const run = lint([]);
    expect(run.code).toBe(0);
    await expect(run.stdout).toMatchFileSnapshot(expected('stylish.txt'));
    expect(run.stdout).toMatch(/^release-notes\.md\n {2}Release Rory: fit \d+\/100, coverage \d+%; missing: /m);
    expect(run.stdout).not.toContain('concept-coverage');
    expect(tooWide(run.stdout, 80)).toEqual([]);
  });

  it('keeps every concept-coverage message, whole, in machine formats', () => {
    const json = JSON.parse(lint(['-f', 'json']).stdout);
    const concepts = json.results.flatMap((r: { messages: { ruleId: string; message: string }[] }) => r.messages.filter((m) => m.ruleId === 'concept-coverage'));
    expect(concepts.length).toBeGreaterThan(1);
    for (const m of concepts) expect(m.message).toMatch(/^Release Rory: the page never expresses “.+” \(for example .+\)\. .+/);
  });

  it('wraps to COLUMNS, and --explain-scores shows the parts of the fit', async () => {
    const run = lint(['--explain-scores'], '60');
    await expect(run.stdout).toMatchFileSnapshot(expected('stylish-explain-scores-60.txt'));
    expect(tooWide(run.stdout, 60)).toEqual([]);
    for (const part of ['coverage', 'vocabulary', 'readability', 'evidence', 'tone']) expect(run.stdout).toMatch(new RegExp(`^ {4}${part} +[\\d.]+/\\d+  `, 'm'));
  });

  it('puts each message on one line when the terminal is wide enough', () => {
    const run = lint([], '200');
    expect(tooWide(run.stdout, 200)).toEqual([]);
    const rows = run.stdout.split('\n').filter((line) => /^ {2}\d+:\d+ /.test(line));
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toMatch(/ instead\. +buzzword$/);
  });

  it('lays out a narrow terminal as if it had 40 columns', () => {
    const run = lint([], '20');
    expect(tooWide(run.stdout, 40)).toEqual([]);
    expect(run.stdout).toContain('buzzword');
  });

  it('leaves the persona lines out with --quiet', () => {
    const run = lint(['--quiet']);
    expect(run.stdout).toBe('✔ 2 files checked, no problems.\n');
  });
});

describe('personas', () => {
  it('lists the aliases --persona accepts for every persona', () => {
    const run = runCli(['personas'], { env: { COLUMNS: '200' } });
    expect(run.code).toBe(0);
    for (const persona of loadBuiltinPersonas()) {
      expect(`\n${run.stdout}`).toContain(`\n${persona.id.padEnd(25)}  ${persona.name} (${persona.group}): `);
      expect(run.stdout).toContain(`  aliases: ${persona.aliases.join(', ')}\n`);
    }
    expect(run.stdout).toContain('--persona and frontmatter `persona:` take an id or any of its aliases');
    const alias = loadBuiltinPersonas()[0].aliases.at(-1)!;
    expect(runCli(['--persona', alias, '-f', 'json', join(cwd, 'no-persona.md')]).code).toBe(0);
  });

  it('wraps the list to the width', () => {
    const run = runCli(['personas'], { env: { COLUMNS: '60' } });
    expect(run.stdout.split('\n').filter((line) => line.length > 60)).toEqual([]);
  });
});
