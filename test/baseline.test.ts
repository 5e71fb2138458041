import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempTree } from './helpers/cli.js';
import { applyBaseline, createBaseline } from '../src/ci/baseline.js';
import type { FileResult, Message } from '../src/core/types.js';
import { countMessages } from '../src/core/result.js';

const doc = '# Launch\n\nWe leverage synergy.\n\nWe leverage more.\n';

describe('--write-baseline and --baseline', () => {
  it('records messages by file, rule and flagged text with counts, never lines', () => {
    const dir = tempTree({ 'docs/a.md': doc });
    // Wide enough for a message per line (test/terminal-output.test.ts covers wrapping); rule ids align.
    const run = runCli(['--write-baseline', '.persona-lint-baseline.json', 'docs'], { cwd: dir, env: { COLUMNS: '300' } });
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, '.persona-lint-baseline.json'), 'utf8'))).toEqual({
      version: 1,
      tool: 'persona-lint',
      messages: [
        { file: 'docs/a.md', rule: 'buzzword', text: 'leverage', count: 2 },
        { file: 'docs/a.md', rule: 'buzzword', text: 'synergy', count: 1 },
      ],
      scores: [],
    });
    expect(run.stdout).toBe(
      [
        'docs/a.md',
        '  3:4   baseline  “leverage” is a buzzword; use “use”, “build on” or “take advantage of” instead.                buzzword',
        '  3:13  baseline  “synergy” is a buzzword; use “cooperation”, “combined benefit” or “working together” instead.  buzzword',
        '  5:4   baseline  “leverage” is a buzzword; use “use”, “build on” or “take advantage of” instead.                buzzword',
        '',
        '✔ 1 file checked, no problems. 3 messages in the baseline not counted.',
        '',
      ].join('\n'),
    );
  });

  it('only new messages count toward the exit code; recorded ones survive lines moving', () => {
    const dir = tempTree({ 'a.md': doc, '.personalintrc.json': '{"rules": {"buzzword": "error"}}' });
    expect(runCli(['a.md'], { cwd: dir }).code).toBe(1);
    expect(runCli(['--write-baseline', 'baseline.json', 'a.md'], { cwd: dir }).code).toBe(0);
    // Lines move: two paragraphs are added above; the recorded messages still match.
    writeFileSync(join(dir, 'a.md'), `# Launch\n\nA new intro.\n\nAnother one.\n\n${doc.slice('# Launch\n\n'.length)}`);
    const moved = runCli(['--baseline', 'baseline.json', '-f', 'json', 'a.md'], { cwd: dir });
    expect(moved.code).toBe(0);
    const out = JSON.parse(moved.stdout);
    expect(out.results[0].messages.map((m: Message) => [m.line, m.actual, m.baseline])).toEqual([
      [7, 'leverage', true],
      [7, 'synergy', true],
      [9, 'leverage', true],
    ]);
    expect(out.counts).toEqual({ errors: 0, warnings: 0, infos: 0, fatal: 0 });
    // A third "leverage" is one more than recorded: that one is new and fails the run.
    writeFileSync(join(dir, 'a.md'), `${doc}\nWe leverage again.\n`);
    const added = runCli(['--baseline', 'baseline.json', 'a.md'], { cwd: dir, env: { COLUMNS: '300' } });
    expect(added.code).toBe(1);
    expect(added.stdout).toContain('  7:4   error     “leverage” is a buzzword');
    expect(added.stdout).toContain('✖ 1 problem (1 error, 0 warnings) in 1 file checked. 3 messages in the baseline not counted.');
  });

  it('--quiet hides baseline messages', () => {
    const dir = tempTree({ 'a.md': doc, '.personalintrc.json': '{"rules": {"buzzword": "error"}}' });
    runCli(['--write-baseline', 'baseline.json', 'a.md'], { cwd: dir });
    const quiet = runCli(['--baseline', 'baseline.json', '--quiet', 'a.md'], { cwd: dir });
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toBe('✔ 1 file checked, no problems.\n');
  });

  it('matches paths relative to the baseline file, from any working directory', () => {
    const dir = tempTree({ 'docs/a.md': doc });
    runCli(['--write-baseline', 'ci/baseline.json', 'docs/a.md'], { cwd: dir });
    expect(JSON.parse(readFileSync(join(dir, 'ci/baseline.json'), 'utf8')).messages[0].file).toBe('../docs/a.md');
    const fromDocs = runCli(['--baseline', '../ci/baseline.json', '-f', 'json', 'a.md'], { cwd: join(dir, 'docs') });
    expect(JSON.parse(fromDocs.stdout).results[0].messages.every((m: Message) => m.baseline)).toBe(true);
  });

  it('a missing or invalid baseline file is a usage error naming it (exit 2)', () => {
    const dir = tempTree({ 'a.md': doc, 'bad.json': '{"version": 1, "messages": [{"file": "a.md", "rule": "buzzword", "text": "x", "count": 0}], "scores": []}' });
    const missing = runCli(['--baseline', 'nope.json', 'a.md'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('persona-lint: Cannot read baseline file nope.json: file not found (write one with --write-baseline)\n');
    const bad = runCli(['--baseline', 'bad.json', 'a.md'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('persona-lint: Invalid baseline file bad.json:\n  messages[0].count: must be >= 1\n');
  });
});

describe('baseline matching (unit)', () => {
  const message = (line: number, actual: string): Message => ({
    ruleId: 'buzzword', severity: 'error', message: `“${actual}”`, line, column: 1, endLine: line, endColumn: 5, actual, expected: [], note: null, url: null,
  });
  const result = (messages: Message[]): FileResult => ({ path: 'a.md', messages, counts: countMessages(messages) });

  it('marks at most the recorded count per text, in order, and recounts', () => {
    const before = result([message(1, 'leverage'), message(2, 'synergy')]);
    const baseline = createBaseline([before], '/repo', '/repo');
    const now = applyBaseline([result([message(4, 'leverage'), message(5, 'leverage'), message(6, 'synergy')])], { directory: '/repo', messages: new Map(baseline.messages.map((e) => [[e.file, e.rule, e.text].join('\u0000'), e.count])), scores: new Map() }, '/repo');
    expect(now[0].messages.map((m) => m.baseline ?? false)).toEqual([true, false, true]);
    expect(now[0].counts).toEqual({ errors: 1, warnings: 0, infos: 0, fatal: 0 });
  });

  it('records declared-persona scores', () => {
    const scored: FileResult = {
      ...result([]),
      personas: { declared: ['release-rory'], best: 'release-rory', scores: [{ id: 'release-rory', fit: 71, coverage: 0.5, found: [], missing: [], breakdown: [] }, { id: 'app-dev-avery', fit: 20, coverage: 0, found: [], missing: [], breakdown: [] }] },
    };
    expect(createBaseline([scored], '/repo', '/repo').scores).toEqual([{ file: 'a.md', persona: 'release-rory', fit: 71, coverage: 0.5 }]);
  });
});
