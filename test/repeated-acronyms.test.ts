import { describe, it, expect } from 'vitest';
import { runCli, tempTree } from './helpers/cli.js';
import { validateRdjson, validateSarif, validateWith } from './helpers/validators.js';
import type { FileResult } from '../src/core/types.js';

// Six pages use a made-up acronym without expanding it, each in a sentence of its own (one in the
// plural); another page uses a second acronym once.
const sentences = [
  'The ZQX keeps every build small.',
  'We moved the parser to the ZQX last week.',
  'Two ZQXs now run in each job.',
  'Ask the team before you change the ZQX settings.',
  'Our ZQX reads the file once.',
  'Nobody likes a slow ZQX on a Monday.',
];
const files: Record<string, string> = { 'docs/other.md': '# Other\n\nThe WBV log grows every hour.\n' };
sentences.forEach((sentence, i) => (files[`docs/page-${i + 1}.md`] = `# Page ${i + 1}\n\n${sentence}\n`));

const tree = (extra: Record<string, string> = {}) => tempTree({ ...files, ...extra });
const json = (stdout: string) => JSON.parse(stdout) as { results: FileResult[]; counts: Record<string, number> };
const messages = (stdout: string) => json(stdout).results.flatMap((r) => r.messages.map((m) => ({ path: r.path, ...m })));
const unexpanded = (acronym: string, singular = acronym) => `“${acronym}” is not expanded in this document; spell it out at its first use, e.g. “full name (${singular})”.`;
const note = ' (flagged in 6 files: spell it out in each, or define it once in a glossary; `persona-lint acronyms` lists them)';
const otherPlaces = [
  { path: 'docs/page-2.md', line: 3, column: 28 },
  { path: 'docs/page-3.md', line: 3, column: 5 },
  { path: 'docs/page-4.md', line: 3, column: 36 },
  { path: 'docs/page-5.md', line: 3, column: 5 },
  { path: 'docs/page-6.md', line: 3, column: 21 },
];

describe('an acronym left unexpanded in many files is reported once', () => {
  it('stylish: one message in the first file, with the note; the footer counts it once and says what is not shown', () => {
    const run = runCli(['docs'], { cwd: tree(), env: { COLUMNS: '400' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'docs/other.md',
        `  3:5  warning  ${unexpanded('WBV')}  undefined-acronym`,
        '',
        'docs/page-1.md',
        `  3:5  warning  ${unexpanded('ZQX')}${note}  undefined-acronym`,
        '',
        '⚠ 2 problems (0 errors, 2 warnings) in 7 files checked. 5 copies of repeated sentences and acronyms not shown (--every-repeat shows them).',
        '',
      ].join('\n'),
    );
  });

  it('json: the kept message carries the other places (the plural among them); the copies are in no result and no count', () => {
    const run = runCli(['-f', 'json', 'docs'], { cwd: tree() });
    const report = json(run.stdout);
    expect(validateWith('rules/schemas/report.schema.json', report)).toEqual({ valid: true, errors: [] });
    expect(messages(run.stdout).map((m) => [m.path, m.line, m.column, m.message, m.repeated])).toEqual([
      ['docs/other.md', 3, 5, unexpanded('WBV'), undefined],
      ['docs/page-1.md', 3, 5, unexpanded('ZQX') + note, { files: 6, places: otherPlaces }],
    ]);
    expect(report.counts).toEqual({ errors: 0, warnings: 2, infos: 0, fatal: 0 });
    expect(report.results.map((r) => r.counts.warnings)).toEqual([1, 1, 0, 0, 0, 0, 0]);
  });

  it('--every-repeat and "repeatedSentences": false show and count every copy', () => {
    const dir = tree();
    const every = runCli(['--every-repeat', '--max-warnings', '2', '-f', 'json', 'docs'], { cwd: dir });
    expect(every.code).toBe(1);
    expect(every.stderr).toBe('persona-lint: 7 warnings is more than --max-warnings 2.\n');
    const all = [
      ['docs/other.md', 3, 5, unexpanded('WBV')],
      ...[1, 2, 3, 4, 5, 6].map((i) => [`docs/page-${i}.md`, 3, otherPlaces[i - 2]?.column ?? 5, i === 3 ? unexpanded('ZQXs', 'ZQX') : unexpanded('ZQX')]),
    ];
    expect(messages(every.stdout).map((m) => [m.path, m.line, m.column, m.message])).toEqual(all);
    const off = runCli(['-f', 'json', 'docs'], { cwd: tree({ '.personalintrc.json': '{ "repeatedSentences": false }' }) });
    expect(messages(off.stdout).map((m) => [m.path, m.line, m.column, m.message])).toEqual(all);
    expect(json(off.stdout).counts.warnings).toBe(7);
  });

  it('minFiles: above the number of files leaves the copies, at it groups them', () => {
    const count = (config: object) => json(runCli(['-f', 'json', 'docs'], { cwd: tree({ '.personalintrc.json': JSON.stringify(config) }) }).stdout).counts.warnings;
    expect(count({ repeatedSentences: { minFiles: 7 } })).toBe(7);
    expect(count({ repeatedSentences: { minFiles: 6 } })).toBe(2);
  });

  it('SARIF and rdjson label the other places as the same acronym', () => {
    const dir = tree();
    const sarif = JSON.parse(runCli(['-f', 'sarif', 'docs'], { cwd: dir }).stdout);
    expect(validateSarif(sarif)).toEqual({ valid: true, errors: [] });
    expect(sarif.runs[0].results[1].relatedLocations[1]).toEqual({
      id: 1,
      message: { text: 'The same acronym, not expanded there either.' },
      physicalLocation: { artifactLocation: { uri: 'docs/page-3.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 5 } },
    });
    const rdjson = JSON.parse(runCli(['-f', 'rdjson', 'docs'], { cwd: dir }).stdout);
    expect(validateRdjson(rdjson)).toEqual({ valid: true, errors: [] });
    expect(rdjson.diagnostics[1].related_locations).toHaveLength(5);
  });

  it('a sentence already grouped joins the acronym group as one: its places come along, no file is counted twice', () => {
    // Five more pages share one footer with the acronym: a sentence group of five files.
    const footer: Record<string, string> = {};
    for (let i = 1; i <= 5; i++) footer[`docs/z-${i}.md`] = `# Notes ${i}\n\nBuilt with the ZQX toolkit.\n`;
    const run = runCli(['-f', 'json', 'docs'], { cwd: tree(footer) });
    const kept = messages(run.stdout);
    expect(kept.map((m) => [m.path, m.message, m.repeated?.files])).toEqual([
      ['docs/other.md', unexpanded('WBV'), undefined],
      ['docs/page-1.md', unexpanded('ZQX') + note.replace('6 files', '11 files'), 11],
    ]);
    expect(kept[1].repeated!.places).toEqual([...otherPlaces, ...[1, 2, 3, 4, 5].map((i) => ({ path: `docs/z-${i}.md`, line: 3, column: 16 }))]);
    expect(json(runCli(['--every-repeat', '-f', 'json', 'docs'], { cwd: tree(footer) }).stdout).counts.warnings).toBe(12);
  });
});
