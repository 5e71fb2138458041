import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { runCli, tempTree } from './helpers/cli.js';
import { repoRoot, sharedRoot } from './helpers/fixtures.js';

const handbook = join(sharedRoot, 'buyer-personas.md');
const present = existsSync(handbook);
const builtin = (id: string) => YAML.parse(readFileSync(join(repoRoot, 'rules/personas', `${id}.yml`), 'utf8'));

describe.skipIf(!present)(`personas import on the handbook${present ? '' : ' (skipped: ../shared/buyer-personas.md is not in this checkout)'}`, () => {
  it('writes the eight built-in ids with the handbook’s fields, and lists what to fill', () => {
    const dir = tempTree({});
    const run = runCli(['personas', 'import', handbook, 'imported'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const files = readdirSync(join(dir, 'imported')).sort();
    expect(files).toEqual(readdirSync(join(repoRoot, 'rules/personas')).sort());
    expect(run.stdout).toContain('imported/tech-exec-tristan.yml: Tech Exec Tristan\n  to fill: keyConcepts (the page\'s key messaging concepts: budget, cost, ROI, cost analysis, value, etc.); technicalDepth; readingAge; groupNames; vocabulary\n');
    expect(run.stdout).toMatch(/\n8 profiles written for review\./);
    for (const file of files) {
      const imported = YAML.parse(readFileSync(join(dir, 'imported', file), 'utf8'));
      const expected = builtin(file.replace(/\.yml$/, ''));
      // Copied from the page as they are: the same values as the built-in profiles.
      for (const field of ['id', 'name', 'group', 'jobToBeDone', 'goals', 'challenges', 'measuredBy', 'purchasingRoles']) expect([file, field, imported[field]]).toEqual([file, field, expected[field]]);
      // The built-in profiles add `docs`, which the page does not list, to three personas.
      const withoutDocs = Object.fromEntries(Object.entries(expected.channels as Record<string, string[]>).map(([tier, types]) => [tier, types.filter((t) => t !== 'docs')]));
      expect([file, imported.channels]).toEqual([file, withoutDocs]);
      // The built-in files fix the page's grammar and capitals in a few entries; the entries are the same ones.
      for (const field of ['responsibilities', 'motivations', 'internalInfluencers']) expect([file, field, imported[field].length]).toEqual([file, field, expected[field].length]);
      const text = readFileSync(join(dir, 'imported', file), 'utf8');
      expect(text).toMatch(/^# yaml-language-server: .*\n# Imported from .* by persona-lint personas import\. Review it, then fill:\n(#   .+\n)+id: /);
      expect(imported.keyConcepts).toBeUndefined();
    }
  });
});

describe('personas import on a malformed page', () => {
  it('lists every problem with its line and writes nothing', () => {
    const dir = tempTree({
      'team.md': [
        '# Our personas',
        '',
        '## Data Dana',
        '',
        '* **Goals:**',
        '   * Ship models',
        '* **Purchasing Role:**',
        '',
        '## Data Dana',
        '',
        '* **Job To Be Done:**',
        '   * Train models',
        '',
      ].join('\n'),
    });
    const run = runCli(['personas', 'import', 'team.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      [
        'persona-lint: Cannot import personas from team.md; nothing was written:',
        '  line 3 (Data Dana): field "purchasing role" at line 7 has no entries (write them as nested bullets under it)',
        '  line 3 (Data Dana): no "Job To Be Done" field: every persona needs one',
        '  line 9: persona id "data-dana" is also the id of the persona at line 3',
        '',
      ].join('\n'),
    );
    expect(existsSync(join(dir, 'personas'))).toBe(false);
  });

  it('a page with no persona in it says what it expected', () => {
    const dir = tempTree({ 'notes.md': '# Notes\n\nJust prose.\n\n- a list\n' });
    const run = runCli(['personas', 'import', 'notes.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'persona-lint: Cannot import personas from notes.md; nothing was written:\n  no persona found: expected a heading per persona followed by a bulleted list of bold fields such as "* **Job To Be Done:**" with the answers as nested bullets\n',
    );
    expect(readdirSync(dir)).toEqual(['notes.md']);
  });

  it('never overwrites a profile file', () => {
    const dir = tempTree({ 'team.md': '## Data Dana\n\n* **Job To Be Done:**\n   * Train models\n', 'personas/data-dana.yml': 'id: data-dana\n' });
    const run = runCli(['personas', 'import', 'team.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('  personas/data-dana.yml exists; move it away or import into another folder\n');
    expect(readFileSync(join(dir, 'personas/data-dana.yml'), 'utf8')).toBe('id: data-dana\n');
  });
});
