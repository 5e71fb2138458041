import type { Counts, FileResult, Message } from './types.js';

export function countMessages(messages: readonly Message[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, infos: 0, fatal: 0 };
  for (const message of messages) {
    if (message.fatal) counts.fatal++;
    if (message.severity === 'error') counts.errors++;
    else if (message.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

export function addCounts(total: Counts, counts: Counts): Counts {
  return { errors: total.errors + counts.errors, warnings: total.warnings + counts.warnings, infos: total.infos + counts.infos, fatal: total.fatal + counts.fatal };
}

/** Document-level messages first, then by position, then by rule id: stable for reporters and snapshots. */
export function sortMessages(messages: Message[]): Message[] {
  return messages.sort(
    (a, b) =>
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.ruleId.localeCompare(b.ruleId) ||
      (a.endLine ?? 0) - (b.endLine ?? 0) ||
      (a.endColumn ?? 0) - (b.endColumn ?? 0),
  );
}

export function fileResult(path: string, messages: Message[], extra: Partial<FileResult> = {}): FileResult {
  const sorted = sortMessages(messages);
  return { path, messages: sorted, counts: countMessages(sorted), ...extra };
}

/** The one message of a file that could not be linted. */
export function fatalResult(path: string, reason: string): FileResult {
  const message: Message = {
    ruleId: 'fatal',
    severity: 'error',
    message: reason,
    line: null,
    column: null,
    endLine: null,
    endColumn: null,
    actual: null,
    expected: [],
    note: null,
    url: null,
    fatal: true,
  };
  return fileResult(path, [message]);
}
