import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root, Code } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { lintText } from '../src/index.js';
import { rules } from '../src/rules/index.js';
import { repoRoot } from './helpers/fixtures.js';
import { runCli } from './helpers/cli.js';

interface Example {
  section: 'Incorrect' | 'Correct';
  code: string;
  line: number;
}

/** The ```markdown blocks under the page's `## Incorrect` and `## Correct` headings. */
function examples(markdown: string): Example[] {
  const tree = unified().use(remarkParse).parse(markdown) as Root;
  const found: Example[] = [];
  let section: Example['section'] | null = null;
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) {
      const title = toString(node);
      section = title === 'Incorrect' || title === 'Correct' ? title : null;
    } else if (node.type === 'code' && section && (node as Code).lang === 'markdown') {
      found.push({ section, code: `${(node as Code).value}\n`, line: node.position?.start.line ?? 0 });
    }
  }
  return found;
}

// ESLint's way: every rule's page shows flagged and accepted text, and the examples are linted.
for (const rule of rules) {
  const id = rule.meta.id;
  const path = join(repoRoot, 'docs', 'rules', `${id}.md`);
  describe(`docs/rules/${id}.md`, () => {
    const page = existsSync(path) ? readFileSync(path, 'utf8') : '';

    it('exists, starts with the rule id and its description, and documents every option', () => {
      expect(existsSync(path)).toBe(true);
      expect(page.startsWith(`# ${id}\n\n${rule.meta.description}\n`)).toBe(true);
      expect(page).toContain(`Default severity: \`${rule.meta.defaultSeverity}\``);
      expect(page).toContain('## Why it matters');
      const options = Object.keys((rule.meta.optionsSchema?.properties as Record<string, unknown> | undefined) ?? {});
      for (const option of options) expect(page, option).toContain(`| \`${option}\` |`);
      if (options.length === 0) expect(page).toMatch(/no (rule )?options/i);
    });

    it('has incorrect and correct examples: the incorrect ones are flagged by the rule, the correct ones are not', async () => {
      const all = examples(page);
      expect(all.filter((e) => e.section === 'Incorrect').length).toBeGreaterThan(0);
      expect(all.filter((e) => e.section === 'Correct').length).toBeGreaterThan(0);
      for (const example of all) {
        const result = await lintText(example.code, { filePath: join(repoRoot, 'fixtures', 'doc-example.md'), cwd: repoRoot });
        const flagged = result.messages.filter((m) => m.ruleId === id);
        const where = `${id}.md:${example.line} (${example.section})`;
        if (example.section === 'Incorrect') expect(flagged.length, where).toBeGreaterThan(0);
        else expect(flagged.map((m) => m.message), where).toEqual([]);
      }
    });
  });
}

describe('--explain', () => {
  it('prints the rule’s documentation page', () => {
    const run = runCli(['--explain', 'persona-disparagement']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(readFileSync(join(repoRoot, 'docs', 'rules', 'persona-disparagement.md'), 'utf8'));
    expect(run.stdout).toContain('"Never alienate other personas."');
  });

  it('exits 2 on an unknown rule, listing the rules', () => {
    const run = runCli(['--explain', 'buzzwords']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`persona-lint: Unknown rule "buzzwords"; rules: ${rules.map((r) => r.meta.id).join(', ')}\n`);
  });

  it('reads the docs that ship in the package', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('docs');
  });
});
