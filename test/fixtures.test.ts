import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { lintFiles } from '../src/index.js';
import { ruleIds } from '../src/rules/index.js';
import { fixtureCases, fixturesRoot, formatResult } from './helpers/fixtures.js';

// Dropping `<case>.md` and `<case>.expected` into fixtures/<rule-id>/ adds a test (markdownlint's way).
// In a rule's folder only that rule's messages are compared; other folders compare every message.
const folders = readdirSync(fixturesRoot).filter((name) => statSync(join(fixturesRoot, name)).isDirectory());

// Folders of pages that other tests read (README samples, labelled persona pages, reporter input,
// --fix cases, the editor tests' page, the terminal report's pages and snapshots), and of a page
// format whose cases compare every message (MDX); their cases are still linted against their
// .expected files.
const notRuleFixtures = ['samples', 'personas', 'reporters', 'fix', 'editor', 'mdx', 'cli'];

describe('fixtures/', () => {
  it('has a folder with cases for every rule, and no folder that is neither a rule nor listed above', () => {
    for (const id of ruleIds) expect(fixtureCases(id).length, `fixtures/${id}/`).toBeGreaterThan(0);
    expect(folders.filter((f) => !ruleIds.includes(f) && !notRuleFixtures.includes(f))).toEqual([]);
  });

  it('has a .expected beside every .md in a rule’s folder', () => {
    const missing = ruleIds.flatMap((id) => {
      const dir = join(fixturesRoot, id);
      if (!existsSync(dir)) return [];
      return readdirSync(dir)
        .filter((name) => /\.mdx?$/.test(name) && !existsSync(join(dir, name.replace(/\.mdx?$/, '.expected'))))
        .map((name) => `fixtures/${id}/${name}`);
    });
    expect(missing).toEqual([]);
  });
});

for (const folder of folders) {
  const cases = fixtureCases(folder);
  if (cases.length === 0) continue;
  describe(`fixtures/${folder}`, () => {
    for (const fixture of cases) {
      it(fixture.name, async () => {
        const report = await lintFiles([fixture.markdown], { cwd: fixturesRoot });
        const onlyRule = ruleIds.includes(folder) ? folder : undefined;
        expect(formatResult(report.results[0], onlyRule)).toBe(fixture.expected);
      });
    }
  });
}
