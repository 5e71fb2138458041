import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { LintReport } from '../src/core/types.js';
import type { RuleMeta } from '../src/engine/rule.js';
import type { ReporterContext } from '../src/reporters/reporter.js';
import { loadReporter, reporterNames } from '../src/reporters/index.js';
import { fixturesRoot } from './helpers/fixtures.js';
import { validateRdjson, validateSarif, validateWith } from './helpers/validators.js';
import { runCli, tempTree } from './helpers/cli.js';

// One report for every format: document-level and fatal messages, unicode, a path with spaces,
// a message that needs escaping, a baseline message, declared personas and gate failures.
const fixtureDir = join(fixturesRoot, 'reporters');
const report: LintReport = JSON.parse(readFileSync(join(fixtureDir, 'report.json'), 'utf8'));
const rules: RuleMeta[] = JSON.parse(readFileSync(join(fixtureDir, 'rules.json'), 'utf8'));
const context: ReporterContext = { color: false, rules, cwd: '/work/project' };

async function render(format: string, input: LintReport = report): Promise<string> {
  const reporter = await loadReporter(format);
  if (!reporter) throw new Error(`no reporter ${format}`);
  return reporter(input, context);
}

const extensions: Record<string, string> = { stylish: 'txt', json: 'json', sarif: 'sarif', codequality: 'json', junit: 'xml', github: 'txt', checkstyle: 'xml', markdown: 'md', html: 'html', rdjson: 'json' };

describe('every reporter on the shared fixture report', () => {
  it('has a reviewed snapshot for each registered format', () => {
    expect(reporterNames).toEqual(['stylish', 'json', 'sarif', 'codequality', 'junit', 'github', 'checkstyle', 'markdown', 'html', 'rdjson']);
  });

  it.each(Object.keys(extensions))('%s matches fixtures/reporters/expected', async (format) => {
    await expect(await render(format)).toMatchFileSnapshot(join(fixtureDir, 'expected', `${format}.${extensions[format]}`));
  });

  it.each(Object.keys(extensions))('%s is a pure function: same input, same text, input untouched', async (format) => {
    const before = JSON.stringify(report);
    expect(await render(format)).toBe(await render(format));
    expect(JSON.stringify(report)).toBe(before);
  });
});

describe('sarif', () => {
  it('validates against the SARIF 2.1.0 JSON Schema', async () => {
    const log = JSON.parse(await render('sarif'));
    expect(validateSarif(log)).toEqual({ valid: true, errors: [] });
  });

  it('the schema check can fail: a result without a message is rejected', async () => {
    const log = JSON.parse(await render('sarif'));
    delete log.runs[0].results[0].message;
    expect(validateSarif(log).valid).toBe(false);
  });

  it('encodes paths as relative URIs, puts document-level results on line 1, and marks baseline state', async () => {
    const results = JSON.parse(await render('sarif')).runs[0].results;
    expect(results[0].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'docs/caf%C3%A9%20menu/launch%20plan.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } });
    expect(results[2].locations[0].physicalLocation.region).toEqual({ startLine: 7, startColumn: 4, endLine: 7, endColumn: 12 });
    expect(results.map((r: { baselineState: string }) => r.baselineState)).toEqual(['new', 'new', 'new', 'new', 'unchanged', 'new', 'new']);
    expect(results[6]).toMatchObject({ ruleId: 'fatal', level: 'error', message: { text: 'File is not valid UTF-8 text.' } });
  });

  it('leaves baselineState out when no baseline was used', async () => {
    const withoutBaseline: LintReport = { ...report, results: report.results.map((r) => ({ ...r, messages: r.messages.map(({ baseline: _b, ...m }) => m) })) };
    const results = JSON.parse(await render('sarif', withoutBaseline)).runs[0].results;
    expect(results.some((r: object) => 'baselineState' in r)).toBe(false);
  });
});

describe('codequality', () => {
  it('validates against the GitLab Code Quality format, with unique fingerprints', async () => {
    const issues = JSON.parse(await render('codequality'));
    expect(validateWith('test/schemas/codequality.schema.json', issues)).toEqual({ valid: true, errors: [] });
    const prints = issues.map((i: { fingerprint: string }) => i.fingerprint);
    expect(new Set(prints).size).toBe(prints.length);
  });

  it('fingerprints do not change when lines move, and identical findings in one file stay apart by occurrence', async () => {
    const first = JSON.parse(await render('codequality'));
    const moved: LintReport = {
      ...report,
      results: report.results.map((r) => ({ ...r, messages: r.messages.map((m) => (m.line === null ? m : { ...m, line: m.line + 40, endLine: (m.endLine ?? m.line) + 40 })) })),
    };
    const second = JSON.parse(await render('codequality', moved));
    expect(second.map((i: { fingerprint: string }) => i.fingerprint)).toEqual(first.map((i: { fingerprint: string }) => i.fingerprint));
    expect(second[2].location.lines).toEqual({ begin: 47, end: 47 });
    const twice: LintReport = { ...report, results: [{ ...report.results[0], messages: [report.results[0].messages[2], { ...report.results[0].messages[2], line: 20, endLine: 20 }] }] };
    const [a, b] = JSON.parse(await render('codequality', twice));
    expect(a.fingerprint).not.toBe(b.fingerprint);
  });

  it('puts document-level messages on line 1 and fatal ones at critical', async () => {
    const issues = JSON.parse(await render('codequality'));
    expect(issues[0]).toMatchObject({ check_name: 'concept-coverage', severity: 'minor', location: { path: 'docs/café menu/launch plan.md', lines: { begin: 1 } } });
    expect(issues[6]).toMatchObject({ check_name: 'fatal', severity: 'critical', location: { path: 'docs/binary.md', lines: { begin: 1 } } });
    expect(issues[4].severity).toBe('info');
  });
});

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase', 'file', 'error'].includes(name) });

describe('junit', () => {
  it('is well-formed XML: one test case per file, one failure listing every counted error', async () => {
    const xml = await render('junit');
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    expect(doc.testsuites).toMatchObject({ name: 'persona-lint', tests: '4', failures: '2', errors: '0' });
    const cases = doc.testsuites.testsuite[0].testcase;
    expect(cases.map((c: { name: string }) => c.name)).toEqual(['docs/café menu/launch plan.md', 'docs/binary.md', 'docs/clean.md', 'README.md']);
    expect(cases[0].failure).toEqual({
      message: '2 errors',
      type: 'persona-lint',
      '#text': [
        'docs/café menu/launch plan.md:2:10: error: Unknown persona “platfrom-perry”; did you mean “platform-perry”? Known: a, b. (frontmatter)',
        'docs/café menu/launch plan.md:9:2: error: “synergy” <in> a “tag” & 100% of lines, with: commas\\nand a second line (buzzword)',
      ].join('\n'),
    });
    expect(cases[0]['system-out']).toContain('docs/café menu/launch plan.md:12:1: warning: “leverage” is a buzzword; use “use”, “build on” or “take advantage of” instead. (buzzword) [baseline]');
    expect(cases[1].failure['#text']).toBe('docs/binary.md: error: File is not valid UTF-8 text. (fatal)');
    expect(cases[2].failure).toBeUndefined();
  });
});

describe('checkstyle', () => {
  it('is well-formed XML with a file element per result and an error per message', async () => {
    const xml = await render('checkstyle');
    expect(XMLValidator.validate(xml)).toBe(true);
    const files = parser.parse(xml).checkstyle.file;
    expect(files.map((f: { name: string }) => f.name)).toEqual(['docs/café menu/launch plan.md', 'docs/binary.md', 'docs/clean.md', 'README.md']);
    const errors = files[0].error;
    expect(errors[0]).toEqual({
      severity: 'warning',
      message: 'The page never speaks to “cost”, a key concept for platform-perry: say what it saves, e.g. “reduce costs”.',
      source: 'persona-lint.concept-coverage',
    });
    expect(errors[3]).toEqual({ line: '9', column: '2', severity: 'error', message: '“synergy” <in> a “tag” & 100% of lines, with: commas\\nand a second line', source: 'persona-lint.buzzword' });
    expect(errors[4].severity).toBe('info');
    expect(errors[5].message).toBe('Sentence is hard to read for this persona (reading age 17 > 14): “Ünïcödé 🚀 façade…”.');
    expect(files[1].error[0]).toEqual({ severity: 'error', message: 'File is not valid UTF-8 text.', source: 'persona-lint.fatal' });
  });

  it('shows control characters escaped (XML cannot carry them), so the file stays readable', async () => {
    const odd: LintReport = { ...report, results: [{ ...report.results[1], messages: [{ ...report.results[1].messages[0], message: 'bad \u0001 byte' }] }] };
    const xml = await render('checkstyle', odd);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parser.parse(xml).checkstyle.file[0].error[0].message).toBe('bad \\x01 byte');
  });
});

describe('github', () => {
  it('escapes %, CR and LF in messages, and also , and : in properties', async () => {
    const lines = (await render('github')).split('\n');
    expect(lines[3]).toBe('::error file=docs/café menu/launch plan.md,line=9,col=2,endLine=10,endColumn=5,title=persona-lint (buzzword)::“synergy” <in> a “tag” & 100%25 of lines, with: commas%0Aand a second line');
    const weird: LintReport = { ...report, results: [{ ...report.results[1], path: 'a,b:c%.md' }] };
    expect((await render('github', weird)).split('\n')[0]).toBe('::error file=a%2Cb%3Ac%25.md,title=persona-lint (fatal)::File is not valid UTF-8 text.');
  });
});

describe('markdown', () => {
  it('shows the declared persona’s fit and coverage, counts, gate failures and errors first', async () => {
    const text = await render('markdown');
    expect(text).toContain('| `docs/café menu/launch plan.md` | platform-perry | 42 | 33% | 2 | 2 | 1 | 1 |');
    expect(text).toContain('| `docs/clean.md` | app-dev-avery, release-rory | 90 / 65 | 100% / 50% | 0 | 0 | 0 | 0 |');
    expect(text).toContain('| `docs/binary.md` | — | — | — | 1 | 0 | 0 | 0 |');
    expect(text.indexOf('**error** 2:10')).toBeLessThan(text.indexOf('**warning** The page never speaks'));
    expect(text).toContain('- docs/café menu/launch plan.md: fit for platform-perry is 42, below --min-fit 60.');
    expect(text).toContain('- docs/café menu/launch plan.md: coverage for platform-perry is 33.3%, below its baseline 50%.');
  });

  it('lists ten messages per file and counts the rest', async () => {
    const base = report.results[0].messages[2];
    const many: LintReport = { ...report, gateFailures: undefined, results: [{ ...report.results[0], messages: Array.from({ length: 13 }, (_, i) => ({ ...base, line: i + 1, endLine: i + 1 })) }] };
    const text = await render('markdown', many);
    expect(text.match(/^- \*\*warning\*\*/gm)).toHaveLength(10);
    expect(text).toContain('- **warning** 10:4 “leverage”');
    expect(text).not.toContain('- **warning** 11:4');
    expect(text).toContain('…and 3 more.');
    expect(text).not.toContain('gates failed');
  });
});

describe('rdjson', () => {
  it("validates against reviewdog's DiagnosticResult JSON Schema", async () => {
    expect(validateRdjson(JSON.parse(await render('rdjson')))).toEqual({ valid: true, errors: [] });
  });

  it('the schema check can fail: a severity reviewdog does not know is rejected', async () => {
    const result = JSON.parse(await render('rdjson'));
    result.diagnostics[0].severity = 'FATAL';
    expect(validateRdjson(result).valid).toBe(false);
  });

  it('gives rule code and docs link, no range for document-level messages, INFO for baseline ones', async () => {
    const { source, diagnostics } = JSON.parse(await render('rdjson'));
    expect(source).toEqual({ name: 'persona-lint', url: 'https://github.com/persona-lint/persona-lint' });
    expect(diagnostics[0]).toMatchObject({ location: { path: 'docs/café menu/launch plan.md' }, severity: 'WARNING', code: { value: 'concept-coverage' } });
    expect(diagnostics[0].location.range).toBeUndefined();
    expect(diagnostics[4]).toMatchObject({ severity: 'INFO', code: { value: 'buzzword' } });
  });

  it('counts columns in UTF-8 bytes and offers each alternative as a suggestion over the flagged words, in their case', async () => {
    const text = ['# Café', 'Our café 🚀 will leverage it.', 'Leverage this.'].join('\n');
    const input: LintReport = {
      counts: { errors: 0, warnings: 2, infos: 0, fatal: 0 },
      results: [
        {
          path: 'a.md',
          counts: { errors: 0, warnings: 2, infos: 0, fatal: 0 },
          messages: [
            { ruleId: 'buzzword', severity: 'warning', message: 'm', line: 2, column: 18, endLine: 2, endColumn: 26, actual: 'leverage', expected: ['use', 'build on'], note: null, url: null },
            { ruleId: 'buzzword', severity: 'warning', message: 'm', line: 3, column: 1, endLine: 3, endColumn: 9, actual: 'Leverage', expected: ['use'], note: null, url: null },
          ],
        },
      ],
    };
    const reporter = (await loadReporter('rdjson'))!;
    const { diagnostics } = JSON.parse(reporter(input, { ...context, readFile: (path) => (path === 'a.md' ? text : undefined) }));
    const range = { start: { line: 2, column: 21 }, end: { line: 2, column: 29 } };
    expect(Buffer.from(text.split('\n')[1]).subarray(20, 28).toString()).toBe('leverage');
    expect(diagnostics[0].location.range).toEqual(range);
    expect(diagnostics[0].suggestions).toEqual([{ range, text: 'use' }, { range, text: 'build on' }]);
    expect(diagnostics[1].suggestions).toEqual([{ range: { start: { line: 3, column: 1 }, end: { line: 3, column: 9 } }, text: 'Use' }]);
  });

  it('from the CLI, reads the linted file to convert its columns', () => {
    const dir = tempTree({ 'page.md': '# Café\n\nOur café 🚀 will leverage it.\n' });
    const run = runCli(['-f', 'rdjson', 'page.md'], { cwd: dir });
    const diagnostic = JSON.parse(run.stdout).diagnostics.find((d: { code: { value: string } }) => d.code.value === 'buzzword');
    expect(diagnostic.location).toEqual({ path: 'page.md', range: { start: { line: 3, column: 21 }, end: { line: 3, column: 29 } } });
    expect(diagnostic.suggestions.map((s: { text: string }) => s.text)).toEqual(['use', 'build on', 'take advantage of']);
  });
});
