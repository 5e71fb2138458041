import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffWords } from 'diff';
import { lintFiles } from '../../src/index.js';
import { fixFiles } from '../../src/fix/fix-files.js';
import { parseDocument } from '../../src/text/document.js';
import { sharedRoot } from '../helpers/fixtures.js';

const corpus = join(sharedRoot, 'corpus', 'rust-blog');
const present = existsSync(corpus);

/** The Markdown tree without positions and without the words of text nodes: what --fix must keep. */
function structure(path: string, text: string): unknown {
  return JSON.parse(JSON.stringify(parseDocument(path, text).mdast, (key, value) => (key === 'position' ? undefined : value)), function (this: { type?: string }, key, value) {
    return key === 'value' && this.type === 'text' ? '' : value;
  });
}

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];

describe.skipIf(!present)(`--fix on a copy of rust-blog${present ? '' : ' (skipped: ../shared/corpus/rust-blog is not here, as in a user’s own clone)'}`, () => {
  it('changes only flagged words, and every post keeps its structure', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'persona-lint-fix-'));
    cpSync(corpus, copy, { recursive: true });
    const before = new Map<string, string>();
    const report = await lintFiles([copy], { cwd: copy });
    for (const result of report.results) before.set(result.path, readFileSync(join(copy, result.path), 'utf8'));
    const { files } = await fixFiles(report, { cwd: copy, write: true });
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const original = before.get(file.path)!;
      const fixed = readFileSync(join(copy, file.path), 'utf8');
      const flagged = new Set(file.fixed.flatMap((m) => words(m.actual ?? '')));
      const replacements = new Set(file.fixed.flatMap((m) => words(m.fix.text)));
      for (const part of diffWords(original, fixed)) {
        if (part.removed) expect(words(part.value).filter((w) => !flagged.has(w)), `${file.path}: removed “${part.value}”`).toEqual([]);
        if (part.added) expect(words(part.value).filter((w) => !replacements.has(w)), `${file.path}: added “${part.value}”`).toEqual([]);
      }
      expect(structure(file.path, fixed), file.path).toEqual(structure(file.path, original));
    }
    const unchanged = report.results.filter((r) => !files.some((f) => f.path === r.path));
    for (const result of unchanged) expect(readFileSync(join(copy, result.path), 'utf8')).toBe(before.get(result.path));
    const fixes = files.reduce((n, f) => n + f.fixed.length, 0);
    console.log(`rust-blog --fix: ${fixes} fixes in ${files.length} of ${report.results.length} posts: ${JSON.stringify(Object.fromEntries([...new Set(files.flatMap((f) => f.fixed.map((m) => `${m.actual} → ${m.fix.text}`)))].map((k) => [k, files.flatMap((f) => f.fixed).filter((m) => `${m.actual} → ${m.fix.text}` === k).length])))}`);
  }, 600_000);
});
