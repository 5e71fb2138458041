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
 * path in the results; a file it cannot give keeps its messages. Then `collapseRepeatedAcronyms`
 * groups an acronym flagged in many files, whatever the sentence.
 */
export function collapseRepeatedSentences(report: LintReport, minFiles: number, readText: (path: string) => string | undefined): LintReport {
  return collapseRepeatedAcronyms(groupSentences(report, minFiles, readText), minFiles);
}

function groupSentences(report: LintReport, minFiles: number, readText: (path: string) => string | undefined): LintReport {
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
  return replaced(report, kept, dropped);
}

/** The report with each kept message replaced and the dropped ones left out, counts made again. */
function replaced(report: LintReport, kept: ReadonlyMap<Message, Message>, dropped: ReadonlySet<Message>): LintReport {
  if (kept.size === 0) return report;
  const results = report.results.map((result): FileResult => {
    if (!result.messages.some((m) => kept.has(m) || dropped.has(m))) return result;
    const messages = result.messages.filter((m) => !dropped.has(m)).map((m) => kept.get(m) ?? m);
    return { ...result, messages, counts: countMessages(messages.filter((m) => !m.baseline)) };
  });
  return { ...report, results, counts: results.reduce((total, r) => addCounts(total, r.counts), { errors: 0, warnings: 0, infos: 0, fatal: 0 }) };
}

/** The note the one message of an acronym group ends with. */
export const acronymNote = (files: number) => ` (flagged in ${files} files: spell it out in each, or define it once in a glossary; \`persona-lint acronyms\` lists them)`;

/** The acronym an `undefined-acronym` message is about, singular and in its case as written: “GATs” and “GAT’s” are “GAT”. */
export const acronymOf = (actual: string) => actual.replace(/(?<=[A-Z0-9])(?:s|['’]s)$/, '');

/**
 * One message for each acronym `undefined-acronym` flags in at least `minFiles` files of a run,
 * whatever the sentence: a tree-level problem with a tree-level fix (a glossary). Runs after the
 * sentence grouping: a message that already stands for a repeated sentence joins as one member,
 * and its files and places come with it, so no copy is counted twice. A group needs two members
 * (a sentence group alone keeps its own note). The first member in report order is kept, its text
 * ending with `acronymNote` (in place of a sentence note) and `repeated` holding every other place
 * in report order; baseline messages are grouped apart from new ones.
 */
export function collapseRepeatedAcronyms(report: LintReport, minFiles: number): LintReport {
  if (minFiles < 2) return report;
  const order = new Map(report.results.map((r, i) => [r.path, i]));
  const groups = new Map<string, Copy[]>();
  report.results.forEach((result, file) =>
    result.messages.forEach((message) => {
      if (message.ruleId !== 'undefined-acronym' || message.line === null || message.column === null || !message.actual) return;
      const k = key(acronymOf(message.actual), message.baseline ? 'baseline' : '');
      (groups.get(k) ?? groups.set(k, []).get(k)!).push({ file, message });
    }),
  );
  const kept = new Map<Message, Message>();
  const dropped = new Set<Message>();
  for (const copies of groups.values()) {
    if (copies.length < 2) continue;
    const places = copies.flatMap((c) => [{ path: report.results[c.file].path, line: c.message.line!, column: c.message.column! }, ...(c.message.repeated?.places ?? [])]);
    const files = new Set(places.map((p) => p.path)).size;
    if (files < minFiles) continue;
    const [first, ...others] = copies;
    const [, ...rest] = places;
    rest.sort((a, b) => (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0) || a.line - b.line || a.column - b.column);
    const text = first.message.repeated ? first.message.message.slice(0, -repeatedNote(first.message.repeated.files).length) : first.message.message;
    kept.set(first.message, { ...first.message, message: `${text}${acronymNote(files)}`, repeated: { files, places: rest } });
    for (const other of others) dropped.add(other.message);
  }
  return replaced(report, kept, dropped);
}

/** What the other places of a group are, for formats that label each one (SARIF, rdjson). */
export const relatedText = (message: Message) => (message.ruleId === 'undefined-acronym' ? 'The same acronym, not expanded there either.' : 'The same sentence.');

function fileCount(copies: readonly Copy[]): number {
  return new Set(copies.map((c) => c.file)).size;
}

/** Copies of repeated sentences a report leaves out (for the stylish summary). */
export function hiddenCopies(report: LintReport): number {
  return report.results.reduce((n, r) => n + r.messages.reduce((k, m) => k + (m.repeated?.places.length ?? 0), 0), 0);
}
