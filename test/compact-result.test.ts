import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compactResult } from '../src/run/compact-result.js';
import { lintPaths } from '../src/run/lint-paths.js';
import { fileResult } from '../src/core/result.js';
import type { Message } from '../src/core/types.js';
import { runCli } from './helpers/cli.js';
import { fixturesRoot, personaIds } from './helpers/fixtures.js';

const text = `# Title\n\nWe leverage synergy.\n${'Padding prose. '.repeat(200)}`;
const message = (actual: string): Message => ({
  ruleId: 'buzzword',
  severity: 'warning',
  message: `“${actual}” is a buzzword.`,
  line: 3,
  column: 4,
  endLine: 3,
  endColumn: 12,
  actual,
  expected: ['use'],
  note: 'Vague.',
  url: 'https://example.com/buzzword.md',
});

describe('compactResult', () => {
  it('keeps every field of an in-process result, on a copy', () => {
    const result = fileResult('doc.md', [message(text.slice(12, 20)), message(text.slice(21, 28))]);
    const before = structuredClone(result);
    const compact = compactResult(result, new Map(), false);
    expect(compact).toEqual(before);
    expect(compact).not.toBe(result);
    expect(result).toEqual(before);
  });

  it('shares repeated strings across results through the run’s table, changing no value', () => {
    const strings = new Map<string, string>();
    const a = compactResult(fileResult('a.md', [message('leverage')]), strings, true);
    const b = compactResult(fileResult('b.md', [message('leverage'), message('synergy')]), strings, true);
    expect(a.messages[0].note).toBe('Vague.');
    expect(b.messages.map((m) => m.actual)).toEqual(['leverage', 'synergy']);
    expect([...strings.keys()]).toEqual(expect.arrayContaining(['a.md', 'b.md', 'buzzword', 'warning', 'Vague.', 'https://example.com/buzzword.md', 'leverage', 'synergy']));
  });
});

describe('scores: declared', () => {
  it('keeps only the target personas’ scores; the CLI keeps every score when it writes JSON', async () => {
    const file = join(fixturesRoot, 'samples', 'platform-launch.md');
    const [all] = await lintPaths([file], { workers: 1 });
    const [declared] = await lintPaths([file], { workers: 1, scores: 'declared' });
    expect(all.personas!.scores).toHaveLength(personaIds.length);
    expect(declared.personas!.declared).toEqual(['platform-perry']);
    expect(declared.personas!.scores.map((s) => s.id)).toEqual(['platform-perry']);
    expect(declared.personas!.scores[0]).toEqual(all.personas!.scores.find((s) => s.id === 'platform-perry'));
    expect(declared.personas!.best).toBe(all.personas!.best);
    expect(declared.messages).toEqual(all.messages);
    // The CLI keeps every score when a JSON report is written, on standard output or to a file.
    const dir = mkdtempSync(join(tmpdir(), 'persona-lint-scores-'));
    const scoresIn = (report: string) => JSON.parse(report).results[0].personas.scores;
    const run = runCli(['-f', 'json', '--report', `json=${join(dir, 'both.json')}`, file]);
    expect(scoresIn(run.stdout)).toHaveLength(personaIds.length);
    expect(scoresIn(readFileSync(join(dir, 'both.json'), 'utf8'))).toHaveLength(personaIds.length);
    // Stylish on standard output, JSON only in the --report file.
    runCli(['--report', `json=${join(dir, 'file-only.json')}`, file]);
    expect(scoresIn(readFileSync(join(dir, 'file-only.json'), 'utf8'))).toHaveLength(personaIds.length);
  });
});
