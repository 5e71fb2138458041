import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDataFile, loadBuiltinPersonas, loadBuiltinPack, checkPackInvariants, type Persona } from '../src/data/load-data.js';
import { tempTree } from './helpers/cli.js';
import { lintText } from '../src/index.js';
import { DataError } from '../src/core/errors.js';
import { personaIds } from './helpers/fixtures.js';

describe('persona profiles', () => {
  it('loads every profile in rules/personas/, the eight handbook personas among them, every field filled', () => {
    const personas = loadBuiltinPersonas();
    expect(personas.map((p) => p.id).sort()).toEqual(personaIds);
    expect(personaIds).toEqual(expect.arrayContaining([
      'app-dev-avery',
      'back-office-blake',
      'compliance-cooper',
      'infosec-shiloh',
      'platform-perry',
      'program-management-payton',
      'release-rory',
      'tech-exec-tristan',
    ]));
    const tristan = personas.find((p) => p.id === 'tech-exec-tristan')!;
    expect(tristan.keyConcepts.map((c) => c.label)).toEqual(['budget', 'cost', 'ROI', 'cost analysis', 'value']);
    expect(tristan.aliases).toContain('cio');
    for (const p of personas) {
      for (const key of ['summary', 'titles', 'reportsTo', 'responsibilities', 'measuredBy', 'goals', 'motivations', 'challenges', 'internalInfluencers', 'purchasingRoles'] as const) {
        expect(p[key].length, `${p.id}.${key}`).toBeGreaterThan(0);
      }
      expect(p.channels.primary.length, `${p.id}.channels.primary`).toBeGreaterThan(0);
    }
  });

  it('a broken profile is an error naming the file, the line and the field', () => {
    const good = loadBuiltinPersonas()[0];
    const dir = tempTree({});
    const file = join(dir, 'broken.yml');
    const { readingAge, ...rest } = good;
    writeFileSync(file, `id: ${rest.id}\nname: ${rest.name}\ntechnicalDepth: very\n`);
    let error: unknown;
    try {
      readDataFile<Persona>(file, 'persona.schema.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataError);
    const message = (error as Error).message;
    expect(message).toContain('broken.yml');
    expect(message).toContain('aliases: is required');
    expect(message).toContain('line 3: technicalDepth: must be one of "business", "mixed", "technical"');
    expect(readingAge).toBeGreaterThan(0);
  });

  it('a YAML syntax error names the file and line', () => {
    const dir = tempTree({ 'bad.yml': 'id: x\nname: [unclosed\n' });
    expect(() => readDataFile(join(dir, 'bad.yml'), 'persona.schema.json')).toThrow(/bad\.yml:\n {2}line 3: Flow sequence in block collection/);
  });
});

describe('word packs', () => {
  it('the buzzword pack has at least 150 entries, each with alternatives and a why', () => {
    const pack = loadBuiltinPack('buzzword');
    expect(pack.entries.length).toBeGreaterThanOrEqual(150);
    for (const term of ['leverage', 'synergy', 'best-in-class', 'seamless', 'paradigm shift', 'world-class', 'next-generation', 'game-changer', 'robust', 'cutting-edge']) {
      expect(pack.entries.some((e) => e.term === term), term).toBe(true);
    }
  });

  it('onlyWhenFollowedBy flags an entry only before one of its phrases, inflections included; config entries may use it', async () => {
    const text = '# Senses\n\nA sturdy platform and sturdy platforms. Sturdy code. A robust suite, robust servers.\n';
    const entry = { term: 'sturdy', alternatives: ['reliable'], why: 'Vague.', onlyWhenFollowedBy: ['platform'] };
    const dir = tempTree({ '.personalintrc.json': JSON.stringify({ packs: { buzzword: { add: [entry] } } }) });
    const result = await lintText(text, { filePath: 'doc.md', cwd: dir });
    const found = result.messages.filter((m) => m.ruleId === 'buzzword').map((m) => `${m.line}:${m.column} ${m.actual}`);
    expect(found).toEqual(['3:3 sturdy', '3:23 sturdy', '3:56 robust']);
  });

  it('the loader rejects duplicate terms and alternatives equal to the term, naming the entry', () => {
    const pack = {
      rule: 'buzzword',
      entries: [
        { term: 'leverage', alternatives: ['use'], why: 'x' },
        { term: 'leveraging', alternatives: ['leveraging'], why: 'x' },
      ],
    };
    expect(() => checkPackInvariants(pack, 'test.yml')).toThrow(
      'Invalid data in test.yml:\n  entries[1] (leveraging): "leveraging" is already entries[0] (leverage); merge them\n  entries[1] (leveraging): an alternative repeats the term',
    );
  });
});

describe('rule lists', () => {
  it('a word in two lists is a data error naming both lists', async () => {
    const { checkListsDistinct } = await import('../src/data/rule-lists.js');
    expect(checkListsDistinct({ rule: 'x', common: { API: 'application programming interface' }, technical: { CI: 'continuous integration' }, notAcronyms: ['API', 'OK'] })).toEqual([
      'notAcronyms: "API" is already in common; keep it in one list',
    ]);
  });
});
