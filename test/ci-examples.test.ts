import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { XMLParser } from 'fast-xml-parser';
import { repoRoot } from './helpers/fixtures.js';
import { git, tempRepo, writeFiles } from './helpers/git.js';
import { validateSarif, validateWith } from './helpers/validators.js';
import { cloneCheckout } from './helpers/checkout-clone.js';

// The CI examples in docs/ci/ are run here as written: their command lines are read from the files,
// never copied, and run in a temporary git repository with a base commit and a change. The install
// line runs too, with the repository URL pointing at a file:// clone of this checkout (tagged like
// the release it names) and npm's global prefix in a temporary folder: npm clones it, builds it,
// packs it and installs the tarball, and the steps after it run the `persona-lint` it put on PATH.
const repositoryUrl = 'https://github.com/persona-lint/persona-lint.git';
const install = `npm install --global "$(npm pack --silent git+${repositoryUrl}#v0.1.0)"`;

let repo: string;
let base: string;
let bin: string;

beforeAll(() => {
  const clone = cloneCheckout();
  const prefix = mkdtempSync(join(tmpdir(), 'persona-lint-prefix-'));
  const installed = spawnSync('bash', ['-e', '-c', install.replace(repositoryUrl, clone.url).replace('#v0.1.0', `#${clone.tag}`)], {
    cwd: mkdtempSync(join(tmpdir(), 'persona-lint-ci-')),
    encoding: 'utf8',
    // The npm cache answers without asking the registry about every package again.
    env: { ...process.env, npm_config_prefix: prefix, npm_config_prefer_offline: 'true' },
  });
  expect(installed.stderr).not.toMatch(/npm error/);
  expect(installed.status).toBe(0);
  bin = join(prefix, 'bin');
  expect(spawnSync(join(bin, 'persona-lint'), ['--version'], { encoding: 'utf8' }).stdout).toBe(`${JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version}\n`);

  ({ dir: repo, base } = tempRepo({
    '.personalintrc.json': '{"rules": {"buzzword": "error"}}',
    'docs/guide.md': '# Guide\n\nWe leverage old wording here.\n',
  }));
  git(repo, 'switch', '--quiet', '--create', 'feature');
  writeFiles(repo, {
    'docs/guide.md': '# Guide\n\nWe leverage old wording here.\n\nNew text with synergy.\n',
    'docs/new page.md': '# New\n\nA robust platform.\n',
  });
  git(repo, 'add', '--all');
  git(repo, 'commit', '--quiet', '--message', 'change');
}, 900_000);

function shell(command: string, env: Record<string, string>, cwd = repo): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('bash', ['-e', '-c', command], { cwd, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1', ...env } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('docs/ci/gitlab-ci.yml', () => {
  const job = YAML.parse(readFileSync(join(repoRoot, 'docs/ci/gitlab-ci.yml'), 'utf8'))['persona-lint'];

  it('runs on merge requests with the whole history, and publishes codequality and junit reports', () => {
    expect(job.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
    expect(job.variables.GIT_DEPTH).toBe(0);
    expect(job.before_script).toEqual([install]);
    expect(Object.keys(job.artifacts.reports)).toEqual(['codequality', 'junit']);
    expect(job.artifacts.when).toBe('always');
  });

  it('its script, run against a branch, reports the changed lines in both artifacts and fails the job', () => {
    for (const line of job.script as string[]) {
      const run = shell(line, { CI_MERGE_REQUEST_DIFF_BASE_SHA: base, CI_PIPELINE_SOURCE: 'merge_request_event' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('5:15  error  “synergy” is a buzzword');
      expect(run.stdout).not.toContain('leverage'); // line 3 did not change
    }
    const codequality = JSON.parse(readFileSync(join(repo, job.artifacts.reports.codequality), 'utf8'));
    expect(validateWith('test/schemas/codequality.schema.json', codequality)).toEqual({ valid: true, errors: [] });
    expect(codequality.map((i: { check_name: string; location: { path: string; lines: { begin: number } } }) => [i.location.path, i.location.lines.begin, i.check_name])).toEqual([
      ['docs/guide.md', 5, 'buzzword'],
      ['docs/new page.md', 3, 'buzzword'],
    ]);
    const junit = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(readFileSync(join(repo, job.artifacts.reports.junit), 'utf8'));
    expect(junit.testsuites.testsuite.testcase.map((c: { name: string; failure?: unknown }) => [c.name, c.failure !== undefined])).toEqual([
      ['docs/guide.md', true],
      ['docs/new page.md', true],
    ]);
  });
});

describe('docs/ci/github-workflow.yml', () => {
  const workflow = YAML.parse(readFileSync(join(repoRoot, 'docs/ci/github-workflow.yml'), 'utf8'));
  const steps: { run?: string; uses?: string; env?: Record<string, string>; with?: Record<string, string> }[] = workflow.jobs['persona-lint'].steps;
  // The expressions GitHub fills in before the step runs, with this repository's values.
  const expressions: Record<string, string> = { 'github.event.pull_request.base.sha': '' };

  it('runs on pull requests, with the whole history, and may upload to code scanning', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(workflow.permissions['security-events']).toBe('write');
    expect(steps.find((s) => s.uses === 'actions/checkout@v4')?.with).toEqual({ 'fetch-depth': 0 });
    expect(steps.filter((s) => s.run).map((s) => s.run)[0]).toBe(install);
  });

  it('its run steps annotate the changed lines, write the summary, and the SARIF they upload is valid', () => {
    expressions['github.event.pull_request.base.sha'] = base;
    const summary = join(mkdtempSync(join(tmpdir(), 'step-summary-')), 'summary.md');
    const runs = steps.filter((s) => s.run && s.run !== install);
    expect(runs).toHaveLength(1);
    for (const step of runs) {
      const env = Object.fromEntries(
        Object.entries(step.env ?? {}).map(([key, value]) => [
          key,
          value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
            if (!(expression in expressions)) throw new Error(`unknown expression ${expression}`);
            return expressions[expression];
          }),
        ]),
      );
      const run = shell(step.run as string, { ...env, GITHUB_STEP_SUMMARY: summary });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(1);
      expect(run.stdout.split('\n').filter((l) => l.startsWith('::'))).toEqual([
        '::error file=docs/guide.md,line=5,col=15,endLine=5,endColumn=22,title=persona-lint (buzzword)::“synergy” is a buzzword; use “cooperation”, “combined benefit” or “working together” instead.',
        '::error file=docs/new page.md,line=3,col=3,endLine=3,endColumn=9,title=persona-lint (buzzword)::“robust” is a buzzword; use “reliable”, “fault-tolerant”, “well-tested” or “resilient” instead.',
      ]);
    }
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    const sarifFile = join(repo, upload?.with?.sarif_file ?? 'missing');
    expect(existsSync(sarifFile)).toBe(true);
    const log = JSON.parse(readFileSync(sarifFile, 'utf8'));
    expect(validateSarif(log)).toEqual({ valid: true, errors: [] });
    expect(log.runs[0].results).toHaveLength(2);
    expect(readFileSync(summary, 'utf8')).toContain('| `docs/new page.md` | — | — | — | 1 | 0 | 0 |');
  });
});

describe('a fork adding a JavaScript config', () => {
  it('is refused by both examples (--no-js-config): exit 2, and its code never runs', () => {
    const { dir, base: forkBase } = tempRepo({ 'docs/guide.md': '# Guide\n\nPlain words.\n' });
    git(dir, 'switch', '--quiet', '--create', 'fork');
    const marker = join(dir, 'ran.txt');
    writeFiles(dir, { 'docs/.personalintrc.js': `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); module.exports = {};\n`, 'docs/guide.md': '# Guide\n\nPlain words, and synergy.\n' });
    git(dir, 'add', '--all');
    git(dir, 'commit', '--quiet', '--message', 'fork');
    const gitlab = YAML.parse(readFileSync(join(repoRoot, 'docs/ci/gitlab-ci.yml'), 'utf8'))['persona-lint'].script as string[];
    const github = (YAML.parse(readFileSync(join(repoRoot, 'docs/ci/github-workflow.yml'), 'utf8')).jobs['persona-lint'].steps as { run?: string }[]).map((s) => s.run).filter((r): r is string => r !== undefined && r !== install);
    for (const line of [...gitlab, ...github]) {
      expect(line).toContain('--no-js-config');
      const run = shell(line, { CI_MERGE_REQUEST_DIFF_BASE_SHA: forkBase, BASE_SHA: forkBase, GITHUB_STEP_SUMMARY: join(dir, 'summary.md') }, dir);
      expect(run.stderr).toContain('persona-lint: Invalid config in docs/.personalintrc.js:\n  JavaScript config refused: --no-js-config');
      expect(run.status).toBe(2);
      expect(existsSync(marker)).toBe(false);
    }
  });
});

describe('docs/ci/gitlab-ci-parallel.yml', () => {
  const config = YAML.parse(readFileSync(join(repoRoot, 'docs/ci/gitlab-ci-parallel.yml'), 'utf8'));
  const shardJob = config['persona-lint-shard'];
  const mergeJob = config['persona-lint'];

  it('runs four shard jobs keeping their JSON reports, and a merge job after them publishing Code Quality, JUnit and the HTML report', () => {
    expect(shardJob.parallel).toBe(4);
    expect(shardJob.before_script).toEqual([install]);
    expect(shardJob.artifacts).toMatchObject({ when: 'always', paths: ['persona-lint-shard-*.json'] });
    expect(shardJob.cache.paths).toEqual(['.cache/persona-lint']);
    expect(mergeJob.needs).toEqual(['persona-lint-shard']);
    expect(mergeJob.before_script).toEqual([install]);
    expect(mergeJob.artifacts).toMatchObject({ when: 'always', expose_as: 'persona-lint report', paths: ['persona-lint-report.html'] });
    expect(Object.keys(mergeJob.artifacts.reports)).toEqual(['codequality', 'junit']);
  });

  it('its scripts, run as four shards then the merge, report what one unsharded run reports', () => {
    const shardDir = mkdtempSync(join(tmpdir(), 'persona-lint-parallel-'));
    for (const file of ['docs/guide.md', 'docs/new page.md', '.personalintrc.json']) writeFiles(shardDir, { [file]: readFileSync(join(repo, file)) as unknown as string });
    for (let index = 1; index <= shardJob.parallel; index++) {
      // Each job starts from a clean checkout: run in the same folder, keep only its artifact.
      for (const line of shardJob.script as string[]) {
        const run = spawnSync('bash', ['-e', '-c', line], { cwd: shardDir, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1', CI_NODE_INDEX: String(index), CI_NODE_TOTAL: String(shardJob.parallel) } });
        expect([run.status, run.stderr]).toEqual([0, '']);
      }
    }
    for (const line of mergeJob.script as string[]) {
      const run = spawnSync('bash', ['-e', '-c', line], { cwd: shardDir, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1' } });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('3:4   error  “leverage” is a buzzword');
    }
    const codequality = JSON.parse(readFileSync(join(shardDir, mergeJob.artifacts.reports.codequality), 'utf8'));
    expect(validateWith('test/schemas/codequality.schema.json', codequality)).toEqual({ valid: true, errors: [] });
    const whole = spawnSync('bash', ['-e', '-c', 'persona-lint -f codequality'], { cwd: shardDir, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
    expect(codequality).toEqual(JSON.parse(whole.stdout));
    expect(codequality.map((i: { location: { path: string } }) => i.location.path)).toEqual(['docs/guide.md', 'docs/guide.md', 'docs/new page.md']);
    const junit = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(readFileSync(join(shardDir, mergeJob.artifacts.reports.junit), 'utf8'));
    expect(junit.testsuites.testsuite.testcase.map((c: { name: string }) => c.name)).toEqual(['docs/guide.md', 'docs/new page.md']);
    const html = readFileSync(join(shardDir, mergeJob.artifacts.paths[0]), 'utf8');
    expect(html).toContain('<h3>docs/new page.md</h3>');
  });
});

describe('the README', () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  it.each(['docs/ci/gitlab-ci.yml', 'docs/ci/gitlab-ci-parallel.yml', 'docs/ci/github-workflow.yml'])('shows %s exactly as the file that is tested', (file) => {
    const block = readme.split(`<!-- example: ${file} -->\n\`\`\`yaml\n`)[1]?.split('\n```\n')[0];
    expect(`${block}\n`).toBe(readFileSync(join(repoRoot, file), 'utf8'));
  });
});
