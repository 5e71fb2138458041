import { readFileSync } from 'node:fs';

/** A parser's complaint: its reason, and where (1-based) when the parser says. */
export interface ParseProblem {
  reason: string;
  line?: number;
  column?: number;
}

/** 1-based line and column of a character offset. */
function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/** The parser's first line of explanation, without the code frame or the position it repeats. */
function firstReason(message: string): string {
  return (
    message
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '' && !/^[>|\-\d\s]*\|/.test(line) && !/^-+\^$/.test(line))
      ?.replace(/\s*\(\d+:\d+\)$/, '')
      .replace(/\s+at line \d+, column \d+:?$/, '')
      .replace(/\s+while parsing '.*$/, '') ?? message
  );
}

/**
 * What went wrong in a config file that does not parse, as cosmiconfig reports it: the JSON
 * parser gives a character position in its message, js-yaml a mark. The "JSON Error in <file>:"
 * prefix goes: the caller names the file.
 */
export function configParseProblem(error: unknown, file: string | undefined): ParseProblem {
  const err = error as Error & { reason?: string; mark?: { line: number; column: number } };
  const message = (err.message ?? String(error)).replace(/^(?:JSON|YAML|JS) Error in [^\n]*?:\s*/, '');
  if (err.mark && typeof err.mark.line === 'number') return { reason: err.reason ?? firstReason(message), line: err.mark.line + 1, column: err.mark.column + 1 };
  const json = /^(.*?) in JSON at position (\d+)/m.exec(message);
  if (json && file) {
    try {
      return { reason: json[1], ...positionAt(readFileSync(file, 'utf8'), Number(json[2])) };
    } catch {
      // The file went away: the reason alone still helps.
    }
  }
  if (/Unexpected end of JSON input/.test(message)) return { reason: 'the file ends before the JSON does (a missing } or ])' };
  return { reason: firstReason(message) };
}

/**
 * A frontmatter parse error, placed in the document: `yaml` gives `linePos`, smol-toml `line` and
 * `column`, both relative to the frontmatter's text, which starts on `firstLine`.
 */
export function frontmatterParseProblem(error: unknown, firstLine: number): ParseProblem {
  const err = error as Error & { linePos?: { line: number; col: number }[]; line?: number; column?: number };
  const reason = firstReason(err.message ?? String(error));
  const at = err.linePos?.[0] ?? (typeof err.line === 'number' ? { line: err.line, col: err.column ?? 1 } : undefined);
  return at ? { reason, line: firstLine + at.line - 1, column: at.col } : { reason };
}

export function describeParseProblem(problem: ParseProblem): string {
  return problem.line === undefined ? problem.reason : `line ${problem.line}, column ${problem.column}: ${problem.reason}`;
}
