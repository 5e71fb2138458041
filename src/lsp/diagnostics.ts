import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { Fix, Message } from '../core/types.js';

export const source = 'persona-lint';

/** What a code action needs from a diagnostic, carried in its `data`. */
export interface DiagnosticData {
  ruleId: string;
  actual: string | null;
  expected: string[];
  fix?: Fix;
  note: string | null;
  url: string | null;
}

const severities: Record<Message['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/**
 * The range of a message in LSP terms: lines and columns 0-based, columns in UTF-16 code units,
 * which are the units of our 1-based columns (they count JavaScript string positions).
 * Document-level messages sit at the start of the file.
 */
export function rangeOf(message: Message): Range {
  if (message.line === null || message.column === null) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return {
    start: { line: message.line - 1, character: message.column - 1 },
    end: { line: (message.endLine ?? message.line) - 1, character: (message.endColumn ?? message.column) - 1 },
  };
}

export function toDiagnostic(message: Message): Diagnostic {
  const data: DiagnosticData = { ruleId: message.ruleId, actual: message.actual, expected: message.expected, note: message.note, url: message.url };
  if (message.fix) data.fix = message.fix;
  return {
    range: rangeOf(message),
    severity: severities[message.severity],
    code: message.ruleId,
    ...(message.url ? { codeDescription: { href: message.url } } : {}),
    source,
    message: message.message,
    data,
  };
}
