import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileResult, Message } from '../../src/core/types.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixturesRoot = join(repoRoot, 'fixtures');
export const sharedRoot = join(repoRoot, '..', 'shared');

/** The built-in persona ids, read from rules/personas/ so that adding a profile breaks no test. */
export const personaIds = readdirSync(join(repoRoot, 'rules', 'personas'))
  .filter((name) => /\.ya?ml$/.test(name))
  .map((name) => name.replace(/\.ya?ml$/, ''))
  .sort();

/** One line per message, as in fixtures/<rule>/<case>.expected. */
export function formatMessage(m: Message): string {
  const place = m.line === null ? '-' : `${m.line}:${m.column}-${m.endLine}:${m.endColumn}`;
  return `${place} ${m.severity} ${m.ruleId} ${m.message}`;
}

export function formatResult(result: FileResult, onlyRule?: string): string {
  return result.messages
    .filter((m) => !onlyRule || m.ruleId === onlyRule)
    .map(formatMessage)
    .join('\n');
}

export interface FixtureCase {
  dir: string;
  name: string;
  markdown: string;
  expected: string;
}

/** Every `<case>.md` with a `<case>.expected` beside it, under fixtures/<dir>/. */
export function fixtureCases(dir: string): FixtureCase[] {
  const folder = join(fixturesRoot, dir);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md') && existsSync(join(folder, name.replace(/\.md$/, '.expected'))))
    .sort()
    .map((name) => ({
      dir,
      name,
      markdown: join(folder, name),
      expected: readFileSync(join(folder, name.replace(/\.md$/, '.expected')), 'utf8').trimEnd(),
    }));
}
