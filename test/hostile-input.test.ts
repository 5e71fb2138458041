import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { runCli as runCliAt80, tempTree, type CliRun } from './helpers/cli.js';

// Stylish at a width that keeps each message on one line: these tests read messages, not layout.
const runCli = (args: string[], options: Parameters<typeof runCliAt80>[1] = {}): CliRun => runCliAt80(args, { ...options, env: { COLUMNS: '400', ...options.env } });

// Issue 16: each numbered finding as a test, with hostile files made here and limits set low.
// Every test checks the message, the exit code, and that no other file's results and no input
// file were lost or changed.

const clean = '# Guide\n\nWe leverage the pipeline.\n';
const other = '# Other\n\nA robust platform.\n';

/** Every file under `dir` with its content, to compare before and after a run. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    try {
      files[name] = readFileSync(path, 'latin1');
    } catch {
      // a folder
    }
  }
  return files;
}

describe('1. outputs never overwrite inputs', () => {
  const cases: [string[], string][] = [
    [['a.md', 'b.md', '--report', 'junit=b.md'], 'persona-lint: --report junit=b.md would overwrite b.md, a file being linted; write to another file.\n'],
    [['a.md', 'b.md', '-o', 'a.md'], 'persona-lint: -o a.md would overwrite a.md, a file being linted; write to another file.\n'],
    [['a.md', 'b.md', '--write-baseline', 'b.md'], 'persona-lint: --write-baseline b.md would overwrite b.md, a file being linted; write to another file.\n'],
    [['.', '-o', './docs/../b.md'], 'persona-lint: -o ./docs/../b.md would overwrite b.md, a file being linted; write to another file.\n'],
    [['a.md', '--report', 'sarif=out.json', '--report', 'json=out.json'], 'persona-lint: --report json=out.json and --report sarif=out.json both write out.json; give each output a file of its own.\n'],
    [['a.md', '--report', 'sarif=docs'], 'persona-lint: --report sarif=docs: docs is a folder; name a file to write to.\n'],
    [['a.md', '--cache', '--cache-location', '.'], 'persona-lint: --cache-location . holds a.md, a file being linted; keep the cache in a folder of its own.\n'],
  ];
  for (const [args, message] of cases) {
    it(`${args.join(' ')}: exit 2 before linting, every file unchanged`, () => {
      const dir = tempTree({ 'a.md': clean, 'b.md': other, 'docs/keep.txt': 'x' });
      const before = snapshot(dir);
      const run = runCli(args, { cwd: dir });
      expect(run.stderr).toBe(message);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(snapshot(dir)).toEqual(before);
    });
  }

  it('a symlink to a linted file is the same file', () => {
    const dir = tempTree({ 'a.md': clean });
    execFileSync('ln', ['-s', 'a.md', join(dir, 'link.txt')]);
    const run = runCli(['a.md', '-o', 'link.txt'], { cwd: dir });
    expect(run.stderr).toBe('persona-lint: -o link.txt would overwrite link.txt, a file being linted; write to another file.\n');
    expect(run.code).toBe(2);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(clean);
  });

  it('--stdin with --stdin-filename a.md and -o a.md: exit 2, a.md unchanged', () => {
    const dir = tempTree({ 'a.md': clean });
    const run = runCli(['--stdin', '--stdin-filename', 'a.md', '-o', 'a.md'], { cwd: dir, input: other });
    expect(run.stderr).toBe('persona-lint: -o a.md would overwrite a.md, the --stdin-filename; write to another file.\n');
    expect(run.code).toBe(2);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(clean);
  });

  it('a report that cannot be written is one error naming it; the other report and standard output are still written (exit 2)', () => {
    const dir = tempTree({ 'a.md': clean, 'b.md': other, 'blocker': 'a file, not a folder' });
    const run = runCli(['a.md', 'b.md', '--report', 'sarif=blocker/out.sarif', '--report', 'json=out.json'], { cwd: dir });
    expect(run.stderr).toBe('persona-lint: cannot write blocker/out.sarif: a part of the path is a file, not a folder\n');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('a.md\n  3:4  warning  “leverage” is a buzzword');
    expect(run.stdout).toContain('b.md\n  3:3  warning  “robust” is a buzzword');
    const json = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
    expect(json.results.map((r: { path: string }) => r.path)).toEqual(['a.md', 'b.md']);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(clean);
  });

  it('-o that cannot be written puts the report on standard output instead, with the error (exit 2)', () => {
    const dir = tempTree({ 'a.md': clean, 'blocker': 'x' });
    const run = runCli(['a.md', '-o', 'blocker/report.txt', '--write-baseline', 'blocker/baseline.json'], { cwd: dir });
    expect(run.stderr).toBe(
      'persona-lint: cannot write blocker/baseline.json: a part of the path is a file, not a folder\npersona-lint: cannot write blocker/report.txt: a part of the path is a file, not a folder\n',
    );
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('a.md\n  3:4  baseline  “leverage” is a buzzword');
  });

  it('reports are written whole through a temporary file, and no temporary file is left behind', () => {
    const dir = tempTree({ 'a.md': clean });
    expect(runCli(['a.md', '--report', 'json=out/report.json'], { cwd: dir }).code).toBe(0);
    expect(readdirSync(join(dir, 'out'))).toEqual(['report.json']);
    expect(JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8')).counts.warnings).toBe(1);
  });

  it('--cache-location under /proc is a warning, not a hang; the results are printed', () => {
    const dir = tempTree({ 'a.md': clean });
    const run = runCli(['a.md', '--cache', '--cache-location', '/proc/persona-lint-cache'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^persona-lint: cannot write the cache \/proc\/persona-lint-cache: /);
    expect(run.stdout).toContain('a.md\n  3:4  warning  “leverage” is a buzzword');
  });
});

describe('2. JavaScript configs run only when allowed', () => {
  const evil = (marker: string) => `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); module.exports = { rules: { buzzword: 'error' } };\n`;
  const refused = (file: string) => `persona-lint: Invalid config in ${file}:\n  JavaScript config refused: --no-js-config (or PERSONA_LINT_NO_JS_CONFIG=1) forbids running config code; write the settings as .personalintrc.json or .personalintrc.yaml\n`;

  for (const [label, args, env] of [
    ['--no-js-config, lint', ['--no-js-config', 'docs/a.md'], {}],
    ['PERSONA_LINT_NO_JS_CONFIG=1, lint', ['docs/a.md'], { PERSONA_LINT_NO_JS_CONFIG: '1' }],
    ['--no-js-config, --print-config', ['--no-js-config', '--print-config', 'docs/a.md'], {}],
    ['--no-js-config, score', ['--no-js-config', 'score', 'docs/a.md'], {}],
    ['--no-js-config, --stdin', ['--no-js-config', '--stdin', '--stdin-filename', 'docs/a.md'], {}],
    ['--no-js-config, on the worker pool', ['--no-js-config', '--workers', '2', 'docs/a.md', 'docs/b.md'], {}],
  ] as [string, string[], Record<string, string>][]) {
    it(`${label}: a .personalintrc.js is refused (exit 2) and never runs`, () => {
      const dir = tempTree({ 'docs/a.md': clean, 'docs/b.md': other });
      const marker = join(dir, 'ran.txt');
      writeFileSync(join(dir, 'docs/.personalintrc.js'), evil(marker));
      const run = runCli(args, { cwd: dir, env, input: clean });
      expect(run.stderr).toBe(refused('docs/.personalintrc.js'));
      expect(run.code).toBe(2);
      expect(existsSync(marker)).toBe(false);
    });
  }

  it('personalint.config.mjs in a parent folder is refused too', () => {
    const dir = tempTree({ 'repo/docs/a.md': clean });
    const marker = join(dir, 'ran.txt');
    writeFileSync(join(dir, 'personalint.config.mjs'), `import { writeFileSync } from 'node:fs'; writeFileSync(${JSON.stringify(marker)}, 'ran'); export default {};\n`);
    const run = runCli(['--no-js-config', 'docs/a.md'], { cwd: join(dir, 'repo') });
    expect(run.stderr).toBe(refused(join(dir, 'personalint.config.mjs')));
    expect(run.code).toBe(2);
    expect(existsSync(marker)).toBe(false);
  });

  it('--stdin never runs a JavaScript config outside the workspace root (the git repository), and does inside it', () => {
    const dir = tempTree({ 'repo/docs/a.md': clean });
    const repo = join(dir, 'repo');
    execFileSync('git', ['init', '--quiet'], { cwd: repo });
    const marker = join(dir, 'ran.txt');
    writeFileSync(join(dir, '.personalintrc.js'), evil(marker));
    const outside = runCli(['--stdin', '--stdin-filename', 'docs/a.md'], { cwd: repo, input: clean });
    expect(outside.stderr).toBe(
      `persona-lint: Invalid config in ${join(dir, '.personalintrc.js')}:\n  JavaScript config refused: it is outside the workspace root ${repo}, and --stdin and the language server (the editor paths) never run a JavaScript config outside the workspace; move the settings into a JSON or YAML config\n`,
    );
    expect(outside.code).toBe(2);
    expect(existsSync(marker)).toBe(false);
    writeFileSync(join(repo, '.personalintrc.js'), evil(marker));
    const inside = runCli(['--stdin', '--stdin-filename', 'docs/a.md'], { cwd: repo, input: clean });
    expect(inside.stdout).toContain('3:4  error  “leverage” is a buzzword');
    expect(inside.code).toBe(1);
    expect(existsSync(marker)).toBe(true);
  });

  it('without the flag a JavaScript config in the project still works (the documented default)', () => {
    const dir = tempTree({ 'a.md': clean, '.personalintrc.mjs': "export default { rules: { buzzword: 'error' } };\n" });
    const run = runCli(['a.md'], { cwd: dir });
    expect(run.stdout).toContain('3:4  error  “leverage”');
    expect(run.code).toBe(1);
  });
});

describe('3 and 6. limits per file', () => {
  it('a file over --max-file-size gets one fatal message naming the limit and how to raise it; the other file is linted', () => {
    const dir = tempTree({ 'big.md': `# Big\n\n${'We ship it. '.repeat(200)}\n`, 'a.md': clean });
    const before = snapshot(dir);
    const run = runCli(['--max-file-size', '1KB', '--format', 'json', 'a.md', 'big.md'], { cwd: dir });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.results[0].messages.map((m: { message: string }) => m.message)).toEqual(['“leverage” is a buzzword; use “use”, “build on” or “take advantage of” instead.']);
    expect(report.results[1].messages).toEqual([
      expect.objectContaining({
        ruleId: 'fatal',
        fatal: true,
        message: 'File is 2.4 KB, over the limit of 1 KB per file, so it was not linted. Raise the limit with --max-file-size <size> (maxFileSize in the API), e.g. --max-file-size 4KB, or 0 for none.',
      }),
    ]);
    expect(snapshot(dir)).toEqual(before);
    expect(runCli(['--max-file-size', '0', 'big.md'], { cwd: dir }).code).toBe(0);
    expect(runCli(['--max-file-size', 'lots', 'big.md'], { cwd: dir }).stderr).toBe('persona-lint: --max-file-size takes a size such as 5MB, 500KB or a number of bytes (0 for no limit), not "lots"\n');
  });

  it('--stdin over the size limit: the same fatal message', () => {
    const run = runCli(['--stdin', '--max-file-size', '100'], { cwd: tempTree({}), input: `# Big\n\n${'word '.repeat(100)}\n` });
    expect(run.stdout).toContain('<text>\n  -  error  File is 508 bytes, over the limit of 100 bytes per file, so it was not linted.');
    expect(run.code).toBe(1);
  });

  for (const workers of ['1', '2']) {
    it(`--workers ${workers}: a file over --time-budget is stopped with one fatal message; the other files are linted`, () => {
      // Emphasis markers the parser pairs up in quadratic time: minutes at this size.
      const dir = tempTree({ 'a.md': clean, 'slow.md': '*a**'.repeat(20_000), 'z.md': other });
      const before = snapshot(dir);
      const started = Date.now();
      const run = runCli(['--time-budget', '5', '--workers', workers, 'a.md', 'slow.md', 'z.md'], { cwd: dir });
      expect(Date.now() - started).toBeLessThan(60_000);
      expect(run.stdout).toContain('a.md\n  3:4  warning  “leverage” is a buzzword');
      expect(run.stdout).toContain(
        'slow.md\n  -  error  Cannot lint file: linting it took longer than the time budget of 5 s per file, so it was stopped (very long or deeply nested Markdown parses slowly). Raise the budget with --time-budget <seconds> (timeBudget in the API), or 0 for none.  fatal\n',
      );
      expect(run.stdout).toContain('z.md\n  3:3  warning  “robust” is a buzzword');
      expect(run.code).toBe(1);
      expect(snapshot(dir)).toEqual(before);
    });
  }

  const structures: [string, string, string][] = [
    ['a list nested 10,000 deep on one line', `${'- '.repeat(10_000)}x\n`, 'slow.md\n  1:1  error  Cannot lint file: line 1 nests block quotes and lists more than 100 levels deep; persona-lint reads up to 100 levels. Flatten the nesting there.  fatal\n'],
    ['block quotes 10,000 deep', `# Deep\n\n${'>'.repeat(10_000)} x\n`, 'slow.md\n  3:1  error  Cannot lint file: line 3 nests block quotes and lists more than 100 levels deep; persona-lint reads up to 100 levels. Flatten the nesting there.  fatal\n'],
    ['a list nested 300 deep by indentation', Array.from({ length: 300 }, (_, i) => `${' '.repeat(i * 2)}- item\n`).join(''), 'slow.md\n  101:1  error  Cannot lint file: line 101 nests block quotes and lists 101 levels deep; persona-lint reads up to 100 levels. Flatten the nesting there.  fatal\n'],
    ['a 500 KB one-line paragraph', `# Long\n\n${'word '.repeat(100_000)}\n`, 'slow.md\n  3:1  error  Cannot lint file: the paragraph at line 3 is 500,000 characters long; persona-lint reads up to 100,000 characters per paragraph. Break it into paragraphs.  fatal\n'],
  ];
  for (const [label, text, expected] of structures) {
    it(`${label}: a message saying what and where, not a JavaScript error; the other file is linted`, () => {
      const dir = tempTree({ 'a.md': clean, 'slow.md': text });
      const before = snapshot(dir);
      const run = runCli(['--time-budget', '0', 'a.md', 'slow.md'], { cwd: dir });
      expect(run.stdout).toContain(expected);
      expect(run.stdout).not.toContain('Maximum call stack');
      expect(run.stdout).toContain('a.md\n  3:4  warning  “leverage” is a buzzword');
      expect(run.code).toBe(1);
      expect(snapshot(dir)).toEqual(before);
    });
  }
});

describe('5. input never acts on the terminal or the CI log', () => {
  const injected = '---\npersona: "x\\n::error file=README.md,line=1::Injected \\u001b[31mred\\u009b2J"\n---\n# A\n\nWe leverage it.\n';
  const hostileName = '::warning::b\u001b[2J.md';

  it('stylish: control characters escaped, no line a workflow command', () => {
    const dir = tempTree({ 'a.md': injected, [hostileName]: other });
    const run = runCli(['.'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/[\u001b\u009b]/);
    expect(run.stdout.split('\n').filter((line) => /^\s*::/.test(line))).toEqual([]);
    expect(run.stdout).toContain('./::warning::b\\e[2J.md\n  3:3  warning  “robust” is a buzzword');
    expect(run.stdout).toContain('  2:1  error    Unknown persona “x\\n::error file=README.md”.');
    expect(run.stdout).toContain('Unknown persona “line=1::Injected \\e[31mred\\x9b2J”.');
  });

  it('github: one command per message, ESC shown escaped, newlines and properties escaped as GitHub documents', () => {
    const dir = tempTree({ 'a.md': injected, [hostileName]: other });
    const run = runCli(['-f', 'github', '.'], { cwd: dir });
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('::')).length).toBe(lines.length - 1);
    expect(run.stdout).not.toMatch(/[\u001b\u009b]/);
    expect(run.stdout).toContain('::warning file=%3A%3Awarning%3A%3Ab\\e[2J.md,line=3,col=3,endLine=3,endColumn=9,title=persona-lint (buzzword)::“robust” is a buzzword;');
    expect(run.stdout).toContain('Unknown persona “line=1::Injected \\e[31mred\\x9b2J”.');
    expect(run.stdout).toContain('::error file=a.md,line=2,col=1,endLine=2,endColumn=');
    expect(run.stdout).toContain('Unknown persona “x%0A::error file=README.md”.');
  });

  it('codequality (GitLab) and json: valid JSON whose text holds no raw ESC or CSI', () => {
    const dir = tempTree({ 'a.md': injected, [hostileName]: other });
    for (const format of ['codequality', 'json', 'sarif']) {
      const run = runCli(['-f', format, '.'], { cwd: dir });
      expect(run.stdout).not.toMatch(/[\u001b\u009b]/);
      expect(run.stdout).toContain('\\u001b[31mred\\u009b2J');
      expect(JSON.stringify(JSON.parse(run.stdout))).toContain('\\u001b[31mred\u009b2J');
    }
  });

  it('standard error: a config path with a newline and :: cannot start a workflow command', () => {
    const dir = tempTree({ 'a.md': clean });
    const run = runCli(['-c', 'nope\n::error::x.json', 'a.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('persona-lint: Invalid config in nope\n\\x3a:error::x.json:\n  file not found\n');
  });
});

describe('7. config and frontmatter errors keep the reason and position', () => {
  const configs: [string, string, string][] = [
    ['.personalintrc.json', '{"rules": {"buzzword": "error"},}\n', 'persona-lint: Invalid config in .personalintrc.json:\n  cannot be parsed: line 1, column 33: Expected double-quoted property name\n'],
    ['.personalintrc.json', '{\n  "rules": {\n', 'persona-lint: Invalid config in .personalintrc.json:\n  cannot be parsed: line 3, column 1: Expected property name or \'}\'\n'],
    ['.personalintrc.yaml', 'rules:\n  buzzword: [error\n', 'persona-lint: Invalid config in .personalintrc.yaml:\n  cannot be parsed: line 3, column 1: unexpected end of the stream within a flow collection\n'],
    ['.personalintrc.json', '', 'persona-lint: Invalid config in .personalintrc.json:\n  the file holds no settings (it is empty or null); a config is an object, e.g. { "rules": {} } (delete the file to use the defaults)\n'],
    ['.personalintrc.json', 'null\n', 'persona-lint: Invalid config in .personalintrc.json:\n  the file holds no settings (it is empty or null); a config is an object, e.g. { "rules": {} } (delete the file to use the defaults)\n'],
  ];
  for (const [name, content, expected] of configs) {
    it(`${name} ${JSON.stringify(content)}: exit 2 with the parser's reason and position`, () => {
      const dir = tempTree({ 'a.md': clean, [name]: content });
      const run = runCli(['a.md'], { cwd: dir });
      expect(run.stderr).toBe(expected);
      expect(run.code).toBe(2);
    });
  }

  it('YAML and TOML frontmatter errors: the reason, at the line and column in the document', () => {
    const dir = tempTree({ 'a.md': '---\ntitle: a\n  persona: b\n---\n# A\n', 't.md': '+++\ntitle = "a"\npersona = [\n+++\n# T\n', 'z.md': other });
    const run = runCli(['a.md', 't.md', 'z.md'], { cwd: dir });
    expect(run.stdout).toContain('a.md\n  2:8  error  Frontmatter is not valid YAML: Nested mappings are not allowed in compact mappings (line 2, column 8)  frontmatter\n');
    expect(run.stdout).toContain('t.md\n  3:11  error  Frontmatter is not valid TOML: Invalid TOML document: unfinished array (line 3, column 11)  frontmatter\n');
    expect(run.stdout).toContain('z.md\n  3:3  warning  “robust”');
    expect(run.code).toBe(1);
  });
});

describe('8. smaller findings', () => {
  it('a UTF-16 file gets a hint to convert it; the other file is linted', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Title\n\nWe leverage it.\n', 'utf16le')]);
    const noBom = Buffer.from('# Title\n\nWe leverage it.\n', 'utf16le');
    const dir = tempTree({ 'bom.md': utf16, 'nobom.md': noBom, 'a.md': clean });
    const run = runCli(['a.md', 'bom.md', 'nobom.md'], { cwd: dir });
    const hint = 'File looks like UTF-16 text; persona-lint reads UTF-8. Convert it, e.g. iconv -f UTF-16 -t UTF-8 file.md > file.utf8.md (or save it as UTF-8 in your editor).';
    expect(run.stdout).toContain(`bom.md\n  -  error  ${hint}  fatal\n`);
    expect(run.stdout).toContain(`nobom.md\n  -  error  ${hint}  fatal\n`);
    expect(run.stdout).toContain('a.md\n  3:4  warning  “leverage”');
    expect(run.code).toBe(1);
  });

  it('--workers above the core count is capped, with a warning', () => {
    const dir = tempTree({ 'a.md': clean });
    const run = runCli(['--workers', '512', 'a.md'], { cwd: dir });
    expect(run.stderr).toMatch(/^persona-lint: --workers 512 is more than the \d+ cores here; using \d+\.\n$/);
    expect(run.code).toBe(0);
  });

  it('pack terms with no letter or digit, and removals of terms the pack lacks, are config errors', () => {
    const dir = tempTree({ 'a.md': clean, '.personalintrc.json': JSON.stringify({ packs: { buzzword: { add: [' ', '[', { term: '---', alternatives: [] }, 'rockstar'], remove: ['robusto', 'robust'] } } }) });
    const run = runCli(['a.md'], { cwd: dir });
    expect(run.stderr).toBe(
      [
        'persona-lint: Invalid config in .personalintrc.json:',
        '  packs.buzzword.add[0]: " " has no letter or digit, so it can never match a word; a term is a word or phrase',
        '  packs.buzzword.add[1]: "[" has no letter or digit, so it can never match a word; a term is a word or phrase',
        '  packs.buzzword.add[2]: "---" has no letter or digit, so it can never match a word; a term is a word or phrase',
        '  packs.buzzword.remove[0]: "robusto" is not in the built-in buzzword pack, so there is nothing to remove; did you mean "robust"?',
        '',
      ].join('\n'),
    );
    expect(run.code).toBe(2);
  });

  it('package.json lists only files that exist, and the MIT license it names ships', () => {
    const root = join(__dirname, '..');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    for (const entry of pkg.files) if (entry !== 'dist') expect(existsSync(join(root, entry)), entry).toBe(true);
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
  });
});

