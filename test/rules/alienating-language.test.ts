import { describe, it, expect } from 'vitest';
import { lintText } from '../../src/index.js';
import { loadBuiltinPack } from '../../src/data/load-data.js';
import { alienatingCategories, alienatingLanguage } from '../../src/rules/alienating-language.js';
import { tempTree, runCli } from '../helpers/cli.js';

const text = [
  'Simply run the installer.', // condescension
  '',
  'Hey guys, add it to the whitelist.', // exclusion
  '',
  'The old build was crazy slow.', // ableism
  '',
  'Real engineers read the logs.', // gatekeeping
  '',
].join('\n');

async function flagged(options?: Record<string, unknown>): Promise<string[]> {
  const config = options ? { rules: { 'alienating-language': ['warn', options] } } : {};
  const dir = tempTree({ '.personalintrc.json': JSON.stringify(config) });
  const result = await lintText(text, { filePath: 'doc.md', cwd: dir });
  return result.messages.filter((m) => m.ruleId === 'alienating-language').map((m) => m.actual ?? '');
}

describe('alienating-language', () => {
  it('the pack has at least 80 entries, each with a category of the rule, alternatives and a why', () => {
    const pack = loadBuiltinPack('alienating-language');
    expect(pack.entries.length).toBeGreaterThanOrEqual(80);
    expect(Object.keys(pack.categories ?? {}).sort()).toEqual([...alienatingCategories].sort());
    for (const entry of pack.entries) {
      expect(alienatingCategories, entry.term).toContain(entry.category);
      expect(entry.why.length, entry.term).toBeGreaterThan(10);
      expect(Array.isArray(entry.alternatives), entry.term).toBe(true);
    }
    for (const category of alienatingCategories) expect(pack.entries.filter((e) => e.category === category).length, category).toBeGreaterThanOrEqual(10);
  });

  it('flags every category by default', async () => {
    expect(await flagged()).toEqual(['Simply run', 'guys', 'whitelist', 'crazy', 'Real engineers']);
  });

  for (const category of alienatingCategories) {
    it(`switches the ${category} category off`, async () => {
      const all = await flagged();
      const without = await flagged({ categories: { [category]: false } });
      const pack = loadBuiltinPack('alienating-language');
      const inCategory = (actual: string) => pack.entries.some((e) => e.category === category && [e.term, ...(e.variants ?? [])].some((t) => t.toLowerCase() === actual.toLowerCase()));
      expect(without).toEqual(all.filter((actual) => !inCategory(actual)));
      expect(without.length).toBe(all.length - all.filter(inCategory).length);
      expect(all.filter(inCategory).length).toBeGreaterThan(0);
    });
  }

  it('names the category and the alternatives in the message, the reason in the note', async () => {
    const result = await lintText('Add it to the whitelist.\n');
    const [message] = result.messages;
    expect(message.message).toBe('“whitelist” is exclusionary (exclusion); use “allowlist”, “allow list” or “permit list” instead.');
    expect(message.expected).toEqual(['allowlist', 'allow list', 'permit list']);
    expect(message.note).toContain('allowlist');
  });

  it('a misspelt category is a config error naming the file and the key (exit 2)', () => {
    const dir = tempTree({
      '.personalintrc.json': JSON.stringify({ rules: { 'alienating-language': ['warn', { categories: { ablism: false } }] } }),
      'doc.md': 'Text.\n',
    });
    const run = runCli(['doc.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Invalid config in .personalintrc.json:');
    expect(run.stderr).toContain('rules.alienating-language[1].categories.ablism: is not a known key');
  });

  it('declares its options schema with the pack’s categories', () => {
    const schema = alienatingLanguage.meta.optionsSchema as { properties: { categories: { properties: Record<string, unknown> } } };
    expect(Object.keys(schema.properties.categories.properties)).toEqual([...alienatingCategories]);
  });
});
