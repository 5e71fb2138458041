import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readmeTables } from '../src/cli/readme-tables.js';
import { rules } from '../src/rules/index.js';
import { repoRoot } from './helpers/fixtures.js';

describe('README', () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

  it('its option and rule tables match the code (run `npm run readme` to update)', () => {
    expect(readme).toBe(readmeTables(readme));
  });

  it('lists every rule in the registry', () => {
    for (const rule of rules) expect(readme).toContain(`[\`${rule.meta.id}\`](docs/rules/${rule.meta.id}.md)`);
  });

  it('shows the two set-up commands', () => {
    expect(readme).toContain('npm install && npx persona-lint fixtures/samples');
    expect(readme).toContain('npm install && npm test');
  });
});
