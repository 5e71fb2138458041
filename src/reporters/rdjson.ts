import type { Reporter } from './reporter.js';
import type { Message } from '../core/types.js';
import { homepage, toolName } from '../core/meta.js';

const severities: Record<Message['severity'], string> = { error: 'ERROR', warning: 'WARNING', info: 'INFO' };

interface Position {
  line: number;
  column: number;
}

/**
 * Converts a 1-based column in UTF-16 code units (ours) to rdjson's: 1-based, in UTF-8 bytes. Without
 * the line's text (a file gone since the run) the column is kept: right for ASCII lines.
 */
function byteColumn(lines: string[] | undefined, line: number, column: number): number {
  const text = lines?.[line - 1];
  if (text === undefined) return column;
  return Buffer.byteLength(text.slice(0, column - 1), 'utf8') + 1;
}

/** A replacement written as the flagged text starts: `Leverage` → `Use`. */
function matchCase(text: string, actual: string): string {
  const first = actual.charAt(0);
  return first !== first.toLowerCase() && first === first.toUpperCase() ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/**
 * Reviewdog Diagnostic Format (rdjson): one diagnostic per message with its rule code and docs
 * link, and each suggested replacement as a suggestion over the flagged text, so reviewdog can
 * offer it as a suggested change. Columns count UTF-8 bytes, as rdjson does; the end is exclusive.
 * Document-level messages have no range; baseline messages are INFO. The other copies of a
 * repeated sentence are related locations, by line (a column would need each file's bytes).
 */
export const rdjson: Reporter = (report, { readFile }) => {
  const diagnostics = report.results.flatMap((file) => {
    let lines: string[] | undefined;
    const linesOf = () => (lines ??= readFile?.(file.path)?.split(/\r?\n|\r/));
    return file.messages.map((message) => {
      const range =
        message.line === null || message.column === null
          ? undefined
          : {
              start: { line: message.line, column: byteColumn(linesOf(), message.line, message.column) } satisfies Position,
              end: { line: message.endLine ?? message.line, column: byteColumn(linesOf(), message.endLine ?? message.line, message.endColumn ?? message.column) } satisfies Position,
            };
      return {
        message: message.message,
        location: { path: file.path, ...(range ? { range } : {}) },
        severity: message.baseline ? 'INFO' : severities[message.severity],
        code: { value: message.ruleId, ...(message.url ? { url: message.url } : {}) },
        ...(message.repeated
          ? { related_locations: message.repeated.places.map((place) => ({ message: 'The same sentence.', location: { path: place.path, range: { start: { line: place.line } } } })) }
          : {}),
        ...(range && message.actual !== null && message.expected.length > 0 ? { suggestions: message.expected.map((text) => ({ range, text: matchCase(text, message.actual!) })) } : {}),
      };
    });
  });
  return `${JSON.stringify({ source: { name: toolName, url: homepage }, diagnostics }, null, 2)}\n`;
};
