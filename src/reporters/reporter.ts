import type { LintReport } from '../core/types.js';
import type { RuleMeta } from '../engine/rule.js';

export interface ReporterContext {
  /** Colour output (stylish only): true on a TTY without NO_COLOR. */
  color: boolean;
  /** Metadata of every rule, so a reporter can describe and link them. */
  rules: readonly RuleMeta[];
  cwd: string;
  /** The configured personas, for names (HTML); a reporter falls back to the ids in the results. */
  personas?: readonly { id: string; name: string; aliases: readonly string[] }[];
  /** A linted file's text by its path in the results, or undefined (rdjson counts columns in UTF-8 bytes). */
  readFile?: (path: string) => string | undefined;
  /** Terminal columns (stylish): no line but a file's path is wider. Default 80. */
  width?: number;
  /** Stylish: show the parts that make each declared persona's fit (--explain-scores). */
  explainScores?: boolean;
  /** Errors only (--quiet): stylish leaves out the persona lines. */
  quiet?: boolean;
}

/** A reporter is a pure function from results to text. */
export type Reporter = (report: LintReport, context: ReporterContext) => string;
