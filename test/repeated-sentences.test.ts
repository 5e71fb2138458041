import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempTree } from './helpers/cli.js';
import { validateRdjson, validateSarif, validateWith } from './helpers/validators.js';
import { sentenceKey } from '../src/text/sentence-key.js';
import type { FileResult, Message } from '../src/core/types.js';

// Seven release notes share one sentence with a buzzword (the version changes; the seventh is
// hard-wrapped); a plan uses the same buzzword in a sentence of its own.
const release = (version: string) => `# Release notes\n\nWe shipped version ${version} today. Our tool lets you leverage your style guide in every review.\n\nThanks to everyone who helped.\n`;
const files: Record<string, string> = {
  'docs/plans.md': '# Plans\n\nNext year we will leverage the new parser.\n',
  'docs/release-7.md': '# Notes\n\nWe shipped version 2.7.0 today. Our tool lets you\nleverage your style guide in every\nreview.\n',
};
for (let i = 1; i <= 6; i++) files[`docs/release-${i}.md`] = release(`2.${i}.0`);

const tree = (extra: Record<string, string> = {}) => tempTree({ ...files, ...extra });
const json = (stdout: string) => JSON.parse(stdout) as { results: FileResult[]; counts: Record<string, number> };
const messages = (stdout: string) => json(stdout).results.flatMap((r) => r.messages.map((m) => ({ path: r.path, ...m })));
const leverage = '“leverage” is a buzzword; use “use”, “build on” or “take advantage of” instead.';
const note = ' (the same sentence is in 7 files: fix it where it comes from)';
const otherPlaces = [
  { path: 'docs/release-2.md', line: 3, column: 51 },
  { path: 'docs/release-3.md', line: 3, column: 51 },
  { path: 'docs/release-4.md', line: 3, column: 51 },
  { path: 'docs/release-5.md', line: 3, column: 51 },
  { path: 'docs/release-6.md', line: 3, column: 51 },
  { path: 'docs/release-7.md', line: 4, column: 1 },
];

describe('a sentence repeated in many files is reported once', () => {
  it('stylish: one message in the first file, with the note; the footer counts it once and says what is not shown', () => {
    const run = runCli(['docs'], { cwd: tree(), env: { COLUMNS: '200' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'docs/plans.md',
        `  3:19  warning  ${leverage}  buzzword`,
        '',
        'docs/release-1.md',
        `  3:51  warning  ${leverage}${note}  buzzword`,
        '',
        '⚠ 2 problems (0 errors, 2 warnings) in 8 files checked. 6 copies of repeated sentences not shown (--every-repeat shows them).',
        '',
      ].join('\n'),
    );
  });

  it('json: the kept message carries the other places; the copies are in no result and no count; the report is valid', () => {
    const run = runCli(['-f', 'json', 'docs'], { cwd: tree() });
    const report = json(run.stdout);
    expect(validateWith('rules/schemas/report.schema.json', report)).toEqual({ valid: true, errors: [] });
    expect(messages(run.stdout).map((m) => [m.path, m.line, m.column, m.message, m.repeated])).toEqual([
      ['docs/plans.md', 3, 19, leverage, undefined],
      ['docs/release-1.md', 3, 51, leverage + note, { files: 7, places: otherPlaces }],
    ]);
    expect(report.counts).toEqual({ errors: 0, warnings: 2, infos: 0, fatal: 0 });
    expect(report.results.map((r) => [r.path, r.counts.warnings])).toEqual([
      ['docs/plans.md', 1],
      ['docs/release-1.md', 1],
      ['docs/release-2.md', 0],
      ['docs/release-3.md', 0],
      ['docs/release-4.md', 0],
      ['docs/release-5.md', 0],
      ['docs/release-6.md', 0],
      ['docs/release-7.md', 0],
    ]);
  });

  it('--max-warnings counts the group once; --every-repeat shows and counts every copy', () => {
    const dir = tree();
    expect(runCli(['--max-warnings', '2', 'docs'], { cwd: dir }).code).toBe(0);
    const every = runCli(['--every-repeat', '--max-warnings', '2', '-f', 'json', 'docs'], { cwd: dir });
    expect(every.code).toBe(1);
    expect(every.stderr).toBe('persona-lint: 8 warnings is more than --max-warnings 2.\n');
    expect(messages(every.stdout).map((m) => [m.path, m.line, m.message, m.repeated])).toEqual([
      ['docs/plans.md', 3, leverage, undefined],
      ...[1, 2, 3, 4, 5, 6].map((i) => [`docs/release-${i}.md`, 3, leverage, undefined]),
      ['docs/release-7.md', 4, leverage, undefined],
    ]);
  });

  it('config: false or minFiles 0 turns it off, minFiles above the number of files leaves the copies, at or below groups them', () => {
    const count = (config: object) => json(runCli(['-f', 'json', 'docs'], { cwd: tree({ '.personalintrc.json': JSON.stringify(config) }) }).stdout).counts.warnings;
    expect(count({ repeatedSentences: false })).toBe(8);
    expect(count({ repeatedSentences: { minFiles: 0 } })).toBe(8);
    expect(count({ repeatedSentences: { minFiles: 8 } })).toBe(8);
    expect(count({ repeatedSentences: { minFiles: 7 } })).toBe(2);
    expect(count({ repeatedSentences: true })).toBe(2);
  });

  it('a bad value is exit 2 naming the key and the file', () => {
    const bad = runCli(['docs'], { cwd: tree({ '.personalintrc.json': '{ "repeatedSentences": { "minFiles": "five" } }' }) });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('.personalintrc.json');
    expect(bad.stderr).toContain('repeatedSentences');
    const one = runCli(['docs'], { cwd: tree({ '.personalintrc.json': '{ "repeatedSentences": { "minFiles": 1 } }' }) });
    expect(one).toMatchObject({ code: 2, stdout: '' });
    expect(one.stderr).toContain('.personalintrc.json');
    expect(one.stderr).toContain('repeatedSentences.minFiles: 1 would make every message a group of one');
  });

  it('workers and the cache give the same report as one process without a cache', () => {
    const dir = tree();
    const plain = runCli(['-f', 'json', '--workers', '1', 'docs'], { cwd: dir }).stdout;
    expect(messages(plain)).toHaveLength(2);
    const cached = ['-f', 'json', '--workers', '2', '--cache', '--cache-location', join(dir, '.cache')];
    expect(runCli([...cached, 'docs'], { cwd: dir }).stdout).toBe(plain);
    // The second run reads every file's results from the cache.
    expect(runCli([...cached, 'docs'], { cwd: dir }).stdout).toBe(plain);
  });

  it('SARIF, rdjson and Code Quality give the other copies in the fields their formats have for them, and stay valid', () => {
    const dir = tree();
    const sarif = JSON.parse(runCli(['-f', 'sarif', 'docs'], { cwd: dir }).stdout);
    expect(validateSarif(sarif)).toEqual({ valid: true, errors: [] });
    const [, kept] = sarif.runs[0].results;
    expect(kept.relatedLocations).toHaveLength(6);
    expect(kept.relatedLocations[5]).toEqual({
      id: 5,
      message: { text: 'The same sentence.' },
      physicalLocation: { artifactLocation: { uri: 'docs/release-7.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, startColumn: 1 } },
    });
    const rdjson = JSON.parse(runCli(['-f', 'rdjson', 'docs'], { cwd: dir }).stdout);
    expect(validateRdjson(rdjson)).toEqual({ valid: true, errors: [] });
    expect(rdjson.diagnostics[1].related_locations[0]).toEqual({ message: 'The same sentence.', location: { path: 'docs/release-2.md', range: { start: { line: 3 } } } });
    const issues = JSON.parse(runCli(['-f', 'codequality', 'docs'], { cwd: dir }).stdout);
    expect(validateWith('test/schemas/codequality.schema.json', issues)).toEqual({ valid: true, errors: [] });
    expect(issues).toHaveLength(2);
    expect(issues[1].other_locations.map((l: { path: string; lines: { begin: number } }) => `${l.path}:${l.lines.begin}`)).toEqual(otherPlaces.map((p) => `${p.path}:${p.line}`));
  });

  it('with a baseline, recorded copies are grouped apart from new ones: a new copy is never hidden behind a recorded one', () => {
    const dir = tree({ '.personalintrc.json': '{ "rules": { "buzzword": "error" } }' });
    expect(runCli(['--write-baseline', 'baseline.json', 'docs'], { cwd: dir }).code).toBe(0);
    // Every copy is recorded, whatever the grouping: the file does not change with the option.
    expect(JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8')).messages).toHaveLength(8);
    writeFileSync(join(dir, 'docs/release-8.md'), release('2.8.0'));
    const run = runCli(['--baseline', 'baseline.json', '-f', 'json', 'docs'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(messages(run.stdout).map((m) => [m.path, m.baseline ?? false, m.repeated?.files ?? 1])).toEqual([
      ['docs/plans.md', true, 1],
      ['docs/release-1.md', true, 7],
      ['docs/release-8.md', false, 1],
    ]);
    expect(json(run.stdout).counts.errors).toBe(1);
  });

  it('a shard keeps every copy; merge groups the whole run', () => {
    const dir = tree();
    for (const i of [1, 2]) expect(runCli(['--shard', `${i}/2`, '-f', 'json', '-o', `shard-${i}.json`, 'docs'], { cwd: dir }).code).toBe(0);
    const shards = [1, 2].flatMap((i) => messages(readFileSync(join(dir, `shard-${i}.json`), 'utf8')));
    expect(shards).toHaveLength(8);
    expect(shards.some((m: Message) => m.repeated)).toBe(false);
    const merged = runCli(['merge', '-f', 'json', 'shard-1.json', 'shard-2.json'], { cwd: dir });
    expect(merged.stdout).toBe(runCli(['-f', 'json', 'docs'], { cwd: dir }).stdout);
    expect(runCli(['merge', '--every-repeat', '-f', 'json', 'shard-1.json', 'shard-2.json'], { cwd: dir }).stdout).toContain('"warnings": 8');
  });
});

describe('sentenceKey: the sentence a message is in, as copies of a template compare', () => {
  const key = (text: string, line: number, column: number, endColumn = column + 1, endLine = line) => sentenceKey(text, line, column, endLine, endColumn);

  it('cuts the paragraph into sentences and masks every number', () => {
    const text = 'Version 1.45.0 is out. It is as easy as pie. Thanks!\n';
    expect(key(text, 1, 30)).toBe('it is as easy as pie.');
    expect(key(text, 1, 9)).toBe('version # is out.');
  });

  it('joins hard-wrapped lines and drops blockquote markers, list markers, links and inline markup', () => {
    expect(key('Intro.\n\n> Our **tool** lets you\n> leverage [your guide](https://example.com/a.md)\n> in `every` review.\n', 4, 3)).toBe('our tool lets you leverage your guide in every review.');
    expect(key('- Use the <abbr>CLI</abbr> here\n  for 3 things.\n- Next item.\n', 2, 3)).toBe('use the cli here for # things.');
  });

  it('stops at headings, blank lines and the next list item', () => {
    const text = '# Title\nWe leverage it\n\nOther text.\n- one\n- two leverage\n';
    expect(key(text, 2, 4)).toBe('we leverage it');
    expect(key(text, 6, 7)).toBe('two leverage');
  });

  it('gives nothing for a position outside the text', () => {
    expect(key('One line.\n', 5, 1)).toBeUndefined();
  });
});
