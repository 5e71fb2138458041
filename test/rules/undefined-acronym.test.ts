import { describe, it, expect } from 'vitest';
import { lintText } from '../../src/index.js';
import { longForm } from '../../src/rules/helpers/long-form.js';
import type { AcronymLists } from '../../src/rules/undefined-acronym.js';
import { loadRuleLists } from '../../src/data/rule-lists.js';
import { debianAcronyms } from '../../src/data/debian-acronyms.js';
import { validateWith } from '../helpers/validators.js';
import { readFileSync } from 'node:fs';
import { tempTree } from '../helpers/cli.js';

async function acronyms(text: string, options: { config?: Record<string, unknown>; persona?: string[] } = {}) {
  const dir = tempTree({ '.personalintrc.json': JSON.stringify(options.config ?? {}) });
  const result = await lintText(text, { filePath: 'doc.md', cwd: dir, persona: options.persona });
  return result.messages.filter((m) => m.ruleId === 'undefined-acronym');
}

describe('undefined-acronym', () => {
  it('flags the first use only, before its expansion, and quotes the expansion to move up', async () => {
    const messages = await acronyms('Run SAST first. Then SAST again.\n\nStatic application security testing (SAST) finds bugs.\n');
    expect(messages.map((m) => [m.line, m.column, m.endColumn, m.severity, m.message])).toEqual([
      [1, 5, 9, 'warning', '“SAST” is used before it is expanded on line 3; expand it here: “static application security testing (SAST)”.'],
    ]);
    expect(messages[0].expected).toEqual(['static application security testing (SAST)']);
  });

  it('accepts an acronym expanded at its first use, either way round', async () => {
    expect(await acronyms('Static application security testing (SAST) finds bugs. SAST is fast.\n')).toEqual([]);
    expect(await acronyms('DAST (dynamic application security testing) runs later. DAST is slow.\n')).toEqual([]);
    expect(await acronyms('A software bill of materials (SBOM) lists parts.\n')).toEqual([]);
  });

  it('a gloss in parentheses explains the acronym; a parenthesis that neither spells nor glosses it does not', async () => {
    expect(await acronyms('The default linker (BFD) is slow. BFD is old.\n')).toEqual([]);
    expect((await acronyms('Scans run first (see SAST).\n')).map((m) => m.actual)).toEqual(['SAST']);
    // A gloss after the acronym: two to six plain words, one in lowercase.
    expect(await acronyms('SAST (the scanner) runs first. SAST is fast.\n')).toEqual([]);
    const after = await acronyms('SAST (see below) runs, then DAST (v2 only), ZAP (optional) and KEV (CISA Catalog).\n');
    expect(after.map((m) => [m.actual, m.line, m.column])).toEqual([['SAST', 1, 1], ['DAST', 1, 29], ['ZAP', 1, 45], ['KEV', 1, 64], ['CISA', 1, 69]]);
  });

  it('a slug joined by hyphens to lowercase parts is no use; a compound adjective is', async () => {
    expect(await acronyms('Ping the QW-release-notes team or QW-infra.\n')).toEqual([]);
    expect((await acronyms('A QW-based fix and a ZRK-aware patch.\n')).map((m) => [m.actual, m.column])).toEqual([['QW', 3], ['ZRK', 22]]);
  });

  it('allow adds your team’s acronyms', async () => {
    expect((await acronyms('The MIR and the HIR.\n')).map((m) => m.actual)).toEqual(['MIR', 'HIR']);
    expect(await acronyms('The MIR and the HIR.\n', { config: { rules: { 'undefined-acronym': ['warn', { allow: ['MIR', 'HIR'] }] } } })).toEqual([]);
  });

  it('in documents for a business persona, technical acronyms count and the messages are errors naming the persona', async () => {
    const text = 'Every change goes through CI. The API is stable.\n';
    expect(await acronyms(text)).toEqual([]);
    const business = await acronyms(text, { persona: ['back-office-blake'] });
    expect(business.map((m) => [m.actual, m.severity, m.persona])).toEqual([['CI', 'error', 'back-office-blake']]);
    expect(business[0].message).toBe('“CI” is not expanded in this document; spell it out at its first use, e.g. “full name (CI)”. Readers like back-office-blake may not know it.');
    const technical = await acronyms(text, { persona: ['app-dev-avery'] });
    expect(technical).toEqual([]);
  });

  it('raiseForBusiness: false keeps the configured severity', async () => {
    const config = { rules: { 'undefined-acronym': ['warn', { raiseForBusiness: false }] } };
    const messages = await acronyms('Every change goes through CI.\n', { config, persona: ['tech-exec-tristan'] });
    expect(messages.map((m) => [m.severity, m.persona])).toEqual([['warning', 'tech-exec-tristan']]);
  });

  it('a bare acronym in a heading is not the first use; an expansion in a heading counts', async () => {
    const messages = await acronyms('# What is SAST?\n\nRun SAST. Static application security testing (SAST) finds bugs.\n');
    expect(messages.map((m) => [m.line, m.column])).toEqual([[3, 5]]);
    expect(await acronyms('# Static application security testing (SAST)\n\nRun SAST on every change.\n')).toEqual([]);
  });

  it('the built-in lists keep each acronym in one list and include what every reader knows', () => {
    const { common, technical, notAcronyms } = loadRuleLists<AcronymLists>('undefined-acronym', 'acronyms.schema.json');
    for (const word of ['API', 'URL', 'PDF', 'CEO', 'IT', 'HR']) expect(Object.keys(common)).toContain(word);
    for (const word of ['CI', 'RFC', 'LLVM', 'HTTP']) expect(Object.keys(technical)).toContain(word);
    const all = [...Object.keys(common), ...Object.keys(technical), ...notAcronyms];
    expect(new Set(all).size).toBe(all.length);
  });

  it('the Debian list validates, says where it comes from, and keeps only acronyms of three letters or more used by enough source packages', () => {
    const file = JSON.parse(readFileSync('rules/acronyms/debian-descriptions.json', 'utf8'));
    expect(validateWith('rules/schemas/debian-acronyms.schema.json', file)).toEqual({ valid: true, errors: [] });
    expect(validateWith('rules/schemas/debian-acronyms.schema.json', { ...file, acronyms: { HA: 12 } }).valid).toBe(false);
    const { source, rule, minSourcePackages, acronyms: counts } = debianAcronyms();
    expect(source).toContain('Debian');
    expect(rule).toContain(`at least ${minSourcePackages} distinct source packages`);
    expect(Object.values(counts).every((n) => n >= minSourcePackages)).toBe(true);
    for (const word of ['IDE', 'DNSSEC', 'NTFS']) expect(counts[word]).toBeGreaterThanOrEqual(minSourcePackages);
    // Community jargon stays out: it is not in the descriptions of many packages.
    for (const word of ['MIR', 'NLL', 'FCP', 'MCP', 'RPIT']) expect(counts[word]).toBeUndefined();
  });

  it('the Debian list is for technical readers: a business persona still gets DNSSEC flagged', async () => {
    expect(await acronyms('Sign the zone with DNSSEC.\n')).toEqual([]);
    expect((await acronyms('Sign the zone with DNSSEC.\n', { persona: ['tech-exec-tristan'] })).map((m) => m.actual)).toEqual(['DNSSEC']);
  });

  it('finds long forms by the Schwartz–Hearst algorithm', () => {
    expect(longForm('SAST', 'we run static application security testing')).toBe('static application security testing');
    expect(longForm('JSON', 'data as JavaScript Object Notation')).toBe('JavaScript Object Notation');
    expect(longForm('CLI', 'the command line interface')).toBe('command line interface');
    expect(longForm('SAST', 'the scanner')).toBeNull();
  });
});
