import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import type { FileResult } from '../core/types.js';
import { flaggedText } from './fingerprint.js';
import { countMessages } from '../core/result.js';
import { describeErrors, schemaValidator } from '../core/schema.js';
import type { RecordedScore } from './gates.js';
import { toolName } from '../core/meta.js';
import { UsageError } from '../core/errors.js';

/** The file --write-baseline writes (rules/schemas/baseline.schema.json). */
export interface BaselineFile {
  $schema?: string;
  version: 1;
  tool?: string;
  messages: { file: string; rule: string; text: string; count: number }[];
  scores: { file: string; persona: string; fit: number; coverage: number }[];
}

/** A baseline ready to match: keys are relative to the baseline file, so it works from any working directory. */
export interface Baseline {
  directory: string;
  messages: Map<string, number>;
  scores: Map<string, RecordedScore>;
}

const key = (...parts: string[]) => parts.join('\u0000');

function baselinePath(directory: string, cwd: string, path: string): string {
  return relative(directory, resolve(cwd, path)).split(sep).join('/');
}

/** Today's messages (counted per file, rule and flagged text) and declared-persona scores, sorted so the file diffs well. */
export function createBaseline(results: readonly FileResult[], directory: string, cwd: string): BaselineFile {
  const counts = new Map<string, { file: string; rule: string; text: string; count: number }>();
  const scores: BaselineFile['scores'] = [];
  for (const result of results) {
    const file = baselinePath(directory, cwd, result.path);
    for (const message of result.messages) {
      const k = key(file, message.ruleId, flaggedText(message));
      const entry = counts.get(k) ?? { file, rule: message.ruleId, text: flaggedText(message), count: 0 };
      entry.count++;
      counts.set(k, entry);
    }
    for (const id of result.personas?.declared ?? []) {
      const score = result.personas?.scores.find((s) => s.id === id);
      if (score) scores.push({ file, persona: id, fit: score.fit, coverage: score.coverage });
    }
  }
  // Code-unit order, not locale order: the same on every machine.
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    version: 1,
    tool: toolName,
    messages: [...counts.values()].sort((a, b) => order(key(a.file, a.rule, a.text), key(b.file, b.rule, b.text))),
    scores: scores.sort((a, b) => order(key(a.file, a.persona), key(b.file, b.persona))),
  };
}

export async function writeBaseline(path: string, results: readonly FileResult[], cwd: string): Promise<Baseline> {
  const absolute = resolve(cwd, path);
  const file = createBaseline(results, dirname(absolute), cwd);
  await mkdir(dirname(absolute), { recursive: true });
  await writeFile(absolute, `${JSON.stringify(file, null, 2)}\n`);
  return toBaseline(file, dirname(absolute));
}

export async function readBaseline(path: string, cwd: string): Promise<Baseline> {
  const absolute = resolve(cwd, path);
  let data: unknown;
  try {
    data = JSON.parse(await readFile(absolute, 'utf8'));
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    throw new UsageError(`Cannot read baseline file ${path}: ${err.code === 'ENOENT' ? 'file not found (write one with --write-baseline)' : err.message}`);
  }
  const validate = schemaValidator('baseline.schema.json');
  if (!validate(data)) throw new UsageError(`Invalid baseline file ${path}:\n${describeErrors(validate.errors).map((line) => `  ${line}`).join('\n')}`);
  return toBaseline(data as BaselineFile, dirname(absolute));
}

function toBaseline(file: BaselineFile, directory: string): Baseline {
  const messages = new Map<string, number>();
  for (const entry of file.messages) messages.set(key(entry.file, entry.rule, entry.text), (messages.get(key(entry.file, entry.rule, entry.text)) ?? 0) + entry.count);
  const scores = new Map<string, RecordedScore>(file.scores.map((s) => [key(s.file, s.persona), { fit: s.fit, coverage: s.coverage }]));
  return { directory, messages, scores };
}

/**
 * Marks the messages the baseline recorded (`baseline: true`), up to the recorded count per file,
 * rule and flagged text, in order; counts then leave them out, so only new messages fail the run.
 */
export function applyBaseline(results: readonly FileResult[], baseline: Baseline, cwd: string): FileResult[] {
  return results.map((result) => {
    const file = baselinePath(baseline.directory, cwd, result.path);
    const left = new Map<string, number>();
    const messages = result.messages.map((message) => {
      const k = key(file, message.ruleId, flaggedText(message));
      const remaining = left.get(k) ?? baseline.messages.get(k) ?? 0;
      if (remaining === 0) return message;
      left.set(k, remaining - 1);
      return { ...message, baseline: true };
    });
    return { ...result, messages, counts: countMessages(messages.filter((m) => !m.baseline)) };
  });
}

/** The recorded score of a file's persona, for the gates. */
export function recordedScores(baseline: Baseline, path: string, cwd: string): (persona: string) => RecordedScore | undefined {
  const file = baselinePath(baseline.directory, cwd, path);
  return (persona) => baseline.scores.get(key(file, persona));
}
