import { describe, it, expect } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { lintFiles } from '../src/index.js';
import { ruleIds } from '../src/rules/index.js';
import { fixtureCases, fixturesRoot, formatResult } from './helpers/fixtures.js';

// Dropping `<case>.md` and `<case>.expected` into fixtures/<rule-id>/ adds a test (markdownlint's way).
// In a rule's folder only that rule's messages are compared; other folders compare every message.
const folders = readdirSync(fixturesRoot).filter((name) => statSync(join(fixturesRoot, name)).isDirectory());

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
