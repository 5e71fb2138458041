import { describe, it, expect } from 'vitest';
import { lintText } from '../../src/index.js';
import { runCli, tempTree } from '../helpers/cli.js';

const quoted = '# Quotes\n\nOne customer called it a “game changer”.\n\nAs one maintainer put it:\n\n> Compliance keeps slowing us down.\n';

async function ruleIdsFor(config: Record<string, unknown>) {
  const dir = tempTree({ '.personalintrc.json': JSON.stringify(config) });
  const result = await lintText(quoted, { filePath: 'doc.md', cwd: dir });
  return result.messages.filter((m) => m.line !== null).map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.actual}`);
}

describe('checkQuotations', () => {
  it('is off by default: quotations are someone else’s words', async () => {
    expect(await ruleIdsFor({})).toEqual([]);
  });

  it('true checks them, rule by rule', async () => {
    expect(await ruleIdsFor({ rules: { buzzword: ['warn', { checkQuotations: true }] } })).toEqual(['3:27 buzzword game changer']);
    expect(await ruleIdsFor({ rules: { 'persona-disparagement': ['warn', { checkQuotations: true }] } })).toEqual([
      '7:3 persona-disparagement Compliance keeps slowing us down',
    ]);
  });

  it('alienating-language honours it too, and a transcript turn opened by a bold name and a colon is a quotation', async () => {
    const transcript = '# Interview\n\n**Ada Lovelace**: Everyone knows the spirit of it.\n\n**Note:** Everyone knows this note is ours.\n';
    const idsFor = async (config: Record<string, unknown>) => {
      const dir = tempTree({ '.personalintrc.json': JSON.stringify(config) });
      const result = await lintText(transcript, { filePath: 'doc.md', cwd: dir });
      return result.messages.filter((m) => m.ruleId === 'alienating-language').map((m) => `${m.line}:${m.column} ${m.actual}`);
    };
    expect(await idsFor({})).toEqual(['5:11 Everyone knows']);
    expect(await idsFor({ rules: { 'alienating-language': ['warn', { checkQuotations: true }] } })).toEqual(['3:19 Everyone knows', '5:11 Everyone knows']);
  });

  it('a value that is not a boolean is exit 2 naming the key and the file', () => {
    const dir = tempTree({ 'a.md': '# A\n\nWe leverage it.\n', '.personalintrc.json': JSON.stringify({ rules: { buzzword: ['warn', { checkQuotations: 'yes' }] } }) });
    const run = runCli(['a.md'], { cwd: dir });
    expect(run.stderr).toBe('persona-lint: Invalid config in .personalintrc.json:\n  rules.buzzword[1].checkQuotations: must be boolean\n');
    expect(run.code).toBe(2);
  });
});
