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
import { fixableTable, pagesWithFixes } from '../src/cli/readme-tables.js';

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
  it('prints the rule’s documentation page rendered for a terminal: no raw Markdown, links absolute', async () => {
    const run = runCli(['--explain', 'persona-fit'], { env: { COLUMNS: '' } });
    expect(run.code).toBe(0);
    await expect(run.stdout).toMatchFileSnapshot(join(repoRoot, 'fixtures', 'cli', 'expected', 'explain-persona-fit.txt'));
    expect(run.stdout).not.toMatch(/^#|\]\(|`|^<!--/m);
    const links = run.stdout.slice(run.stdout.indexOf('\nLinks\n')).split('\n').filter((line) => line.startsWith('['));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatch(/^\[\d+\] https:\/\/github\.com\/persona-lint\/persona-lint\/blob\/main\/(rules|docs)\//);
    // Prose wraps to the 80 columns of a pipe; code blocks keep their lines.
    const prose = run.stdout.split('\n').filter((line) => !line.startsWith('    ') && !line.startsWith('['));
    expect(prose.filter((line) => line.length > 80)).toEqual([]);
  });

  it('wraps to COLUMNS', () => {
    const run = runCli(['--explain', 'buzzword'], { env: { COLUMNS: '50' } });
    const prose = run.stdout.split('\n').filter((line) => !line.startsWith('    ') && !line.startsWith('[') && !line.includes('─'));
    expect(prose.filter((line) => line.length > 50)).toEqual([]);
    expect(run.stdout).toContain('• Word pack: rules/buzzword.yml [1]\n');
    expect(run.stdout).toContain('\n[1] https://github.com/persona-lint/persona-lint/blob/main/rules/buzzword.yml\n');
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
