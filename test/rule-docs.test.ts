import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../src/index.js';
import { repoRoot } from './helpers/fixtures.js';
import { tempTree } from './helpers/cli.js';
import { fixableTable, pagesWithFixes } from '../src/readme-tables.js';

// The persona rules' docs: every `## Incorrect` example draws the rule's message, every
// `## Correct` example none, with the default settings.
const documented = ['readability', 'persona-fit', 'concept-coverage', 'persona-mismatch', 'channel-fit'];

function examples(markdown: string, section: 'Incorrect' | 'Correct'): string[] {
  const start = markdown.indexOf(`\n## ${section}\n`);
  if (start < 0) return [];
  const end = markdown.indexOf('\n## ', start + 4);
  const body = markdown.slice(start, end < 0 ? undefined : end);
  return [...body.matchAll(/```markdown\n([^]*?)```/g)].map((m) => m[1]);
}

describe.each(documented)('docs/rules/%s.md', (id) => {
  const markdown = readFileSync(join(repoRoot, 'docs', 'rules', `${id}.md`), 'utf8');
  const cwd = tempTree({ '.personalintrc.json': '{}' });
  const messages = async (text: string) => (await lintText(text, { cwd, filePath: 'example.md' })).messages.filter((m) => m.ruleId === id);

  it('has a title, a why, and incorrect and correct examples', () => {
    expect(markdown.startsWith(`# ${id}\n`)).toBe(true);
    expect(markdown).toContain('## Why it matters');
    expect(examples(markdown, 'Incorrect').length).toBeGreaterThan(0);
    expect(examples(markdown, 'Correct').length).toBeGreaterThan(0);
  });

  it('its incorrect examples are flagged and its correct ones are not', async () => {
    for (const example of examples(markdown, 'Incorrect')) expect((await messages(example)).length, example).toBeGreaterThan(0);
    for (const example of examples(markdown, 'Correct')) expect(await messages(example), example).toEqual([]);
  });
});

describe('fixable entries', () => {
  it('are listed on their rule pages, as the packs mark them (run `npm run readme` to update)', () => {
    expect(pagesWithFixes).toEqual(['buzzword', 'alienating-language']);
    for (const id of pagesWithFixes) {
      const page = readFileSync(join(repoRoot, 'docs', 'rules', `${id}.md`), 'utf8');
      expect(page).toContain('<!-- fixable:start -->\n| entry | fixed to |');
      expect(page).toBe(fixableTable(page, id));
    }
  });
});
