import { describe, it, expect } from 'vitest';
import { lintText } from '../../src/index.js';
import { loadBuiltinPack, loadBuiltinPersonas } from '../../src/data/load-data.js';
import { groupNames, titleNames } from '../../src/rules/helpers/group-names.js';
import { defaultIgnoreNames } from '../../src/rules/persona-disparagement.js';
import { tempTree } from '../helpers/cli.js';

async function disparaging(text: string, config: Record<string, unknown> = {}) {
  const dir = tempTree({ '.personalintrc.json': JSON.stringify(config) });
  const result = await lintText(text, { filePath: 'doc.md', cwd: dir });
  return result.messages.filter((m) => m.ruleId === 'persona-disparagement');
}

describe('persona-disparagement', () => {
  it('flags the issue’s examples and names the persona each alienates', async () => {
    const messages = await disparaging(
      'No more waiting on the security team to get out of your way.\n\nStop letting bean counters in finance slow down your releases.\n\nCompliance red tape kills velocity.\n',
    );
    expect(messages.map((m) => [m.line, m.persona, m.actual])).toEqual([
      [1, 'infosec-shiloh', 'security team to get out of your way'],
      [3, 'back-office-blake', 'bean counters in finance'],
      [5, 'compliance-cooper', 'Compliance red tape'],
    ]);
    expect(messages[0].message).toBe(
      'Casts “security team” as an obstacle (“get out of your way”), which alienates infosec-shiloh; frame them as a partner: say what they do with the reader and why (e.g. “work with you”).',
    );
  });

  it('does not flag the issue’s neutral examples or a negated frame', async () => {
    expect(await disparaging('The security team reviews every merge request.\n\nFinance approves the budget in Q3.\n\nSecurity is never a blocker.\n')).toEqual([]);
    expect(await disparaging('Compliance doesn’t have to slow you down.\n\nLegal is not a bottleneck.\n')).toEqual([]);
  });

  it('one message per persona per sentence; a name of two personas names both', async () => {
    const messages = await disparaging('Legal is a bottleneck and legal red tape is everywhere.\n');
    expect(messages).toHaveLength(1);
    expect(messages[0].message).toContain('which alienates back-office-blake and compliance-cooper;');
    expect(messages[0].persona).toBe('back-office-blake');
  });

  it('custom personas get the rule for free from their group names, titles and aliases', async () => {
    const profile = { ...loadBuiltinPersonas()[0], id: 'data-dana', name: 'Data Dana', aliases: ['dana', 'data-team'], titles: ['Head of Data Science'], groupNames: ['data scientists'] };
    const config = { personaProfiles: [profile] };
    const byGroup = await disparaging('The data scientists are a bottleneck.\n', config);
    expect(byGroup.map((m) => m.persona)).toEqual(['data-dana']);
    const byTitle = await disparaging('The Head of Data Science is clueless.\n', config);
    expect(byTitle.map((m) => m.persona)).toEqual(['data-dana']);
    const byAlias = await disparaging('The data team always says no.\n', config);
    expect(byAlias.map((m) => m.persona)).toEqual(['data-dana']);
  });

  it('ignoreNames drops group names that are ordinary nouns in your prose', async () => {
    expect((await disparaging('Operations are a bottleneck.\n')).map((m) => m.persona)).toEqual(['platform-perry']);
    expect(await disparaging('Operations are a bottleneck.\n', { rules: { 'persona-disparagement': ['warn', { ignoreNames: ['operations'] }] } })).toEqual([]);
    // The defaults keep "the release is a blocker" quiet.
    expect(defaultIgnoreNames).toContain('release');
    expect(await disparaging('The release is a blocker.\n')).toEqual([]);
  });

  it('frames added in config work like the pack’s', async () => {
    const config = { packs: { 'persona-disparagement': { add: [{ term: 'grumpy', alternatives: ['careful'], why: 'Mocks the team.' }] } } };
    const messages = await disparaging('The grumpy auditors want more evidence.\n', config);
    expect(messages.map((m) => [m.persona, m.expected])).toEqual([['compliance-cooper', ['careful']]]);
  });

  it('group names: title parts that several personas share are left out', () => {
    expect(titleNames('Architect/Manager/Director/VP of Platform')).toEqual(['Architect', 'Manager', 'Director', 'VP of Platform']);
    expect(titleNames('Application Development Executive (VP, etc)')).toEqual(['Application Development Executive']);
    const names = groupNames(loadBuiltinPersonas(), defaultIgnoreNames).map((n) => n.phrase.toLowerCase().replace(/-/g, ' '));
    expect(names).toContain('security team');
    expect(names).toContain('ciso');
    expect(names).toContain('compliance officer');
    expect(names).not.toContain('director');
    expect(names).not.toContain('manager');
    expect(names).not.toContain('release');
  });

  it('the frames pack declares its categories and negations', () => {
    const pack = loadBuiltinPack('persona-disparagement');
    expect(Object.keys(pack.categories ?? {})).toEqual(['obstacle', 'hostility', 'contempt']);
    expect(pack.negations).toContain('never');
    expect(pack.negations).not.toContain('no');
    for (const entry of pack.entries) expect(['obstacle', 'hostility', 'contempt'], entry.term).toContain(entry.category);
    const ids = loadBuiltinPersonas().map((p) => p.id);
    for (const entry of pack.entries.filter((e) => e.persona)) expect(ids, entry.term).toContain(entry.persona);
  });
});
