import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempTree } from './helpers/cli.js';
import { repoRoot } from './helpers/fixtures.js';

const printConfig = (dir: string, file = 'docs/a.md') => {
  const run = runCli(['--print-config', file], { cwd: dir });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
};

/** A chain of three configs by relative path: docs team → company preset → a core preset beside it. */
const chain = {
  '.personalintrc.json': JSON.stringify({
    extends: './presets/company.json',
    rules: { 'persona-mismatch': 'error', readability: 'off' },
    packs: { buzzword: { add: ['docs-only term'], remove: ['leverage'] } },
    personaProfiles: [{ id: 'team-terry', keyConcepts: [{ label: 'speed', why: 'Terry ships daily, and this team says so.', phrases: ['daily deploys'] }] }],
    persona: 'team-terry',
    ignores: ['drafts/**'],
    overrides: [{ files: 'docs/**', gates: { minFit: 5 } }],
  }),
  'presets/company.json': JSON.stringify({
    extends: './core.yml',
    rules: { buzzword: 'error' },
    packs: { buzzword: { add: ['company term'] } },
    persona: 'perry',
    gates: { minFit: 40, minCoverage: 0.5 },
    ignores: ['vendor/**'],
    overrides: [{ files: 'legal/**', rules: { buzzword: 'off' } }],
  }),
  // YAML, and a profile file that is relative to this preset, not to the config that extends it.
  'presets/core.yml': 'rules:\n  persona-mismatch: [warn, {margin: 30}]\npacks:\n  buzzword: ./packs/core-buzzwords.yml\npersonaProfiles:\n  - ./personas/team-terry.yml\n',
  'presets/packs/core-buzzwords.yml': 'add: [core term]\n',
  'presets/personas/team-terry.yml': readFileSync(join(repoRoot, 'examples/persona-lint-config-example/personas/data-scientist-dara.yml'), 'utf8')
    .replace('id: data-scientist-dara', 'id: team-terry')
    .replace('name: Data Scientist Dara', 'name: Team Terry')
    .replace('aliases: [dara, data-scientist]', 'aliases: [terry]')
    .replace('  - label: model deployment', '  - label: speed\n    why: Terry wants fast releases.\n    phrases: [fast releases]\n  - label: model deployment'),
  'docs/a.md': '# Page\n\nText.\n',
};

describe('extends', () => {
  it('merges a chain of relative paths: rules per rule, packs concatenated, profiles by id and key concepts by label, ignores and overrides appended, persona and gates replaced', () => {
    const dir = tempTree(chain);
    const config = printConfig(dir);
    expect(config.chain).toEqual(['presets/core.yml', 'presets/company.json', '.personalintrc.json']);
    // A severity alone keeps the options a preset set.
    expect(config.rules['persona-mismatch']).toEqual({ severity: 'error', options: { margin: 30 } });
    expect(config.rules.buzzword.severity).toBe('error');
    expect(config.rules.readability.severity).toBe('off');
    expect(config.packs.buzzword).toEqual({ add: ['core term', 'company term', 'docs-only term'], remove: ['leverage'] });
    expect(config.persona).toEqual(['team-terry']);
    expect(config.gates).toEqual({ minFit: 5, minCoverage: 0.5 }); // the config's override on the preset's gates, for docs/**
    expect(printConfig(dir, 'b.md').gates).toEqual({ minFit: 40, minCoverage: 0.5 });
    expect(config.personas).toContain('team-terry');
    expect(printConfig(dir, 'legal/terms.md').rules.buzzword.severity).toBe('off');
    // Key concepts merged by label: the config's `speed` replaces the profile file's, the others stay.
    const terry = JSON.parse(runCli(['personas', 'team-terry', '-f', 'json'], { cwd: dir }).stdout);
    expect(terry.keyConcepts.map((c: { label: string; why: string }) => [c.label, c.why])).toEqual([
      ['reproducible experiments', 'Dara needs to reproduce any experiment from its code, data and parameters.'],
      ['speed', 'Terry ships daily, and this team says so.'],
      ['model deployment', 'Dara wants models in production quickly and safely.'],
    ]);
    expect(terry.name).toBe('Team Terry');
  });

  it('--print-config says which file each setting came from', () => {
    const dir = tempTree(chain);
    expect(printConfig(dir).sources).toEqual({
      'rules.persona-mismatch': '.personalintrc.json',
      'rules.buzzword': 'presets/company.json',
      'rules.readability': '.personalintrc.json',
      'packs.buzzword': ['presets/core.yml', 'presets/company.json', '.personalintrc.json'],
      'personaProfiles.team-terry': ['presets/core.yml', '.personalintrc.json'],
      persona: '.personalintrc.json',
      gates: '.personalintrc.json (overrides[1])',
      ignores: ['presets/company.json', '.personalintrc.json'],
      overrides: ['presets/company.json', '.personalintrc.json'],
    });
    expect(printConfig(dir, 'legal/terms.md').sources['rules.buzzword']).toBe('presets/company.json (overrides[0])');
  });

  it('ignores from every config in the chain apply, relative to the project', () => {
    const dir = tempTree({ ...chain, 'vendor/x.md': '# X\n', 'drafts/y.md': '# Y\n' });
    const run = runCli(['-f', 'json', '.'], { cwd: dir });
    expect(JSON.parse(run.stdout).results.map((r: { path: string }) => r.path)).toEqual(['docs/a.md']);
  });

  it('a cycle is a config error naming the chain', () => {
    const dir = tempTree({ '.personalintrc.json': '{"extends": "./a.json"}', 'a.json': '{"extends": "./b.yml"}', 'b.yml': 'extends: ./a.json\n', 'docs/a.md': '# A\n' });
    const run = runCli(['docs'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('persona-lint: Invalid config in b.yml:\n  extends: "./a.json" makes a cycle: .personalintrc.json → a.json → b.yml → a.json\n');
  });

  it('a mistake in a preset names the preset file and key; a missing preset names what was looked for', () => {
    const dir = tempTree({ '.personalintrc.json': '{"extends": "./base.json"}', 'base.json': '{"rules": {"buzzwords": "error"}}', 'docs/a.md': '# A\n' });
    const bad = runCli(['docs'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^persona-lint: Invalid config in base\.json:\n {2}rules\.buzzwords: unknown rule; known rules: /);
    const missing = tempTree({ '.personalintrc.json': '{"extends": ["./nope.json"]}', 'docs/a.md': '# A\n' });
    expect(runCli(['docs'], { cwd: missing }).stderr).toBe('persona-lint: Invalid config in .personalintrc.json:\n  extends: "./nope.json": no such file nope.json\n');
    const noPackage = tempTree({ 'site/.personalintrc.json': '{"extends": "@acme"}', 'site/a.md': '# A\n' });
    expect(runCli(['site'], { cwd: noPackage }).stderr).toBe(
      'persona-lint: Invalid config in site/.personalintrc.json:\n  extends: cannot find the package "@acme/persona-lint-config" from site; install it (npm install --save-dev @acme/persona-lint-config)\n',
    );
  });

  it('resolves packages from the config’s own folder: short names, full names and scopes', () => {
    const pkg = (name: string, main: string, content: string) => ({
      [`site/node_modules/${name}/package.json`]: JSON.stringify({ name, version: '1.0.0', main }),
      [`site/node_modules/${name}/${main}`]: content,
    });
    const dir = tempTree({
      ...pkg('@acme/persona-lint-config', 'config.yml', 'rules:\n  readability: off\n'),
      ...pkg('@acme/persona-lint-config-strict', 'index.json', '{"rules": {"buzzword": "error"}}'),
      ...pkg('persona-lint-config-gates', 'index.json', '{"gates": {"minFit": 30}}'),
      'site/.personalintrc.json': '{"extends": ["@acme", "@acme/strict", "gates"]}',
      'site/docs/a.md': '# A\n',
    });
    // Run from outside the config's folder: the packages are found from it, not from here.
    const config = printConfig(dir, 'site/docs/a.md');
    expect(config.chain).toEqual([
      'site/node_modules/@acme/persona-lint-config/config.yml',
      'site/node_modules/@acme/persona-lint-config-strict/index.json',
      'site/node_modules/persona-lint-config-gates/index.json',
      'site/.personalintrc.json',
    ]);
    expect([config.rules.readability.severity, config.rules.buzzword.severity, config.gates]).toEqual(['off', 'error', { minFit: 30 }]);
  });
});

describe('examples/persona-lint-config-example', () => {
  it('installs with npm install <folder> into a project and works through extends: its persona, pack addition and stricter gates', () => {
    const dir = tempTree({
      'package.json': '{"name": "docs-site", "version": "1.0.0", "private": true}\n',
      '.personalintrc.json': '{"extends": "example", "persona": "dara"}\n',
      'docs/pricing.md': '# Pricing\n\nOur AI-powered plan costs less per seat for every finance team.\n',
    });
    const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--offline', join(repoRoot, 'examples/persona-lint-config-example')], { cwd: dir, encoding: 'utf8' });
    expect(install.status).toBe(0);
    expect(existsSync(join(dir, 'node_modules/persona-lint-config-example/index.json'))).toBe(true);
    expect(lstatSync(join(dir, 'node_modules/persona-lint-config-example')).isSymbolicLink()).toBe(true);
    const run = runCli(['-f', 'json', 'docs'], { cwd: dir, env: { NO_COLOR: '1' } });
    expect(run.code).toBe(1);
    const [result] = JSON.parse(run.stdout).results;
    expect(result.personas.declared).toEqual(['data-scientist-dara']);
    expect(result.messages.filter((m: { ruleId: string }) => m.ruleId === 'buzzword').map((m: { line: number; column: number; severity: string; message: string }) => `${m.line}:${m.column} ${m.severity} ${m.message}`)).toEqual([
      '3:5 error “AI-powered” is a buzzword; use “uses a trained model to” or “predicts” instead.',
    ]);
    // The preset's gates (minFit 40, minCoverage 0.2) fail a page that says nothing to Dara.
    expect(JSON.parse(run.stdout).gateFailures).toEqual([
      { path: 'docs/pricing.md', persona: 'data-scientist-dara', gate: 'min-fit', actual: 20, required: 40 },
      { path: 'docs/pricing.md', persona: 'data-scientist-dara', gate: 'min-coverage', actual: 0, required: 0.2 },
    ]);
  });
});
