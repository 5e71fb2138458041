import type { FileResult, LintReport, Message } from '../core/types.js';
import { addCounts, countMessages } from '../core/result.js';
import { sentenceKeys } from '../text/sentence-key.js';
import type { UserConfig } from '../config/user-config.js';

/**
 * Rules whose messages are about words in one sentence, so a template sentence (a tagline, a
 * standard intro or footer) repeats them in every page that holds it. Scores, readability and
 * document-level messages are about the page itself and never grouped.
 */
export const sentenceRules: readonly string[] = ['buzzword', 'alienating-language', 'undefined-acronym', 'persona-disparagement'];

/** Config `repeatedSentences`: `false` (or `minFiles: 0`) shows every copy. */
export type RepeatedSentencesSetting = NonNullable<UserConfig['repeatedSentences']>;

export const defaultMinFiles = 5;

/** The files a sentence must be in before it is reported once; 0 when grouping is off. */
export function minFilesOf(setting: RepeatedSentencesSetting | undefined): number {
  if (setting === undefined || setting === true) return defaultMinFiles;
  if (setting === false) return 0;
  return setting.minFiles ?? defaultMinFiles;
}

const key = (...parts: string[]) => parts.join('\u0000');

interface Copy {
  file: number;
  message: Message;
}

/** The note the one message of a group ends with. */
export const repeatedNote = (files: number) => ` (the same sentence is in ${files} files: fix it where it comes from)`;

/**
 * One message for each sentence repeated word for word in at least `minFiles` files of a run (same
 * rule, same flagged words, same normalised sentence): the first copy in report order, its text
 * ending with a note and carrying the other places (`repeated`); the other copies are left out,
 * so counts and the exit code see one message. Messages in a --baseline and new ones are grouped
 * apart, so a new copy never hides behind a recorded one. `readText` gives a file's text by its
 * path in the results; a file it cannot give keeps its messages.
 */
export function collapseRepeatedSentences(report: LintReport, minFiles: number, readText: (path: string) => string | undefined): LintReport {
  if (minFiles < 2) return report;
  const candidates = new Map<string, Copy[]>();
  report.results.forEach((result, file) =>
    result.messages.forEach((message) => {
      if (!sentenceRules.includes(message.ruleId) || message.line === null || message.column === null || message.repeated) return;
      const k = key(message.ruleId, message.actual ?? '', message.baseline ? 'baseline' : '');
      const copies = candidates.get(k) ?? candidates.set(k, []).get(k)!;
      copies.push({ file, message });
    }),
  );
  const groups = new Map<string, Copy[]>();
  const keysOf = new Map<number, ReturnType<typeof sentenceKeys> | undefined>();
  const keys = (file: number) => {
    if (!keysOf.has(file)) {
      const text = readText(report.results[file].path);
      keysOf.set(file, text === undefined ? undefined : sentenceKeys(text));
    }
    return keysOf.get(file);
  };
  for (const [k, copies] of candidates) {
    // Only words flagged in enough files are worth reading the sentence around.
    if (fileCount(copies) < minFiles) continue;
    for (const copy of copies) {
      const m = copy.message;
      const sentence = keys(copy.file)?.(m.line!, m.column!, m.endLine ?? m.line!, m.endColumn ?? m.column!);
      if (sentence === undefined) continue;
      const group = key(k, sentence);
      (groups.get(group) ?? groups.set(group, []).get(group)!).push(copy);
    }
  }
  const kept = new Map<Message, Message>();
  const dropped = new Set<Message>();
  for (const copies of groups.values()) {
    const files = fileCount(copies);
    if (files < minFiles) continue;
    const [first, ...others] = copies;
    kept.set(first.message, {
      ...first.message,
      message: `${first.message.message}${repeatedNote(files)}`,
      repeated: { files, places: others.map((c) => ({ path: report.results[c.file].path, line: c.message.line!, column: c.message.column! })) },
    });
    for (const other of others) dropped.add(other.message);
  }
  if (kept.size === 0) return report;
  const results = report.results.map((result): FileResult => {
    if (!result.messages.some((m) => kept.has(m) || dropped.has(m))) return result;
    const messages = result.messages.filter((m) => !dropped.has(m)).map((m) => kept.get(m) ?? m);
    return { ...result, messages, counts: countMessages(messages.filter((m) => !m.baseline)) };
  });
  return { ...report, results, counts: results.reduce((total, r) => addCounts(total, r.counts), { errors: 0, warnings: 0, infos: 0, fatal: 0 }) };
}

function fileCount(copies: readonly Copy[]): number {
  return new Set(copies.map((c) => c.file)).size;
}

/** Copies of repeated sentences a report leaves out (for the stylish summary). */
export function hiddenCopies(report: LintReport): number {
  return report.results.reduce((n, r) => n + r.messages.reduce((k, m) => k + (m.repeated?.places.length ?? 0), 0), 0);
}
