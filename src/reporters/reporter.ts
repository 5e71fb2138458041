import type { LintReport } from '../core/types.js';
import type { RuleMeta } from '../engine/rule.js';

export interface ReporterContext {
  /** Colour output (stylish only): true on a TTY without NO_COLOR. */
  color: boolean;
  /** Metadata of every rule, so a reporter can describe and link them. */
  rules: readonly RuleMeta[];
  cwd: string;
}

/** A reporter is a pure function from results to text. */
export type Reporter = (report: LintReport, context: ReporterContext) => string;
