/** Severity as written in config. `info` is for advisory rules such as channel-fit. */
export type ConfigSeverity = 'off' | 'info' | 'warn' | 'error';

/** Severity as reported on a message. */
export type Severity = 'error' | 'warning' | 'info';

/** One problem found in one file. Lines and columns are 1-based; document-level messages have null positions. */
export interface Message {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
  /** The flagged text as written in the file. */
  actual: string | null;
  /** Suggested replacements, best first; empty when the fix is to delete or rewrite. */
  expected: string[];
  /** Why the rule flags it. */
  note: string | null;
  /** The rule's documentation page. */
  url: string | null;
  /** Set on the one message of a file that could not be linted. */
  fatal?: boolean;
  /** The persona the message is about: the one the wording would alienate, or the declared persona a score message concerns. */
  persona?: string;
  /** Recorded in the --baseline file: reported, but not counted in `counts` or the exit code. */
  baseline?: boolean;
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  fatal: number;
}

/** The result of linting one file: the one shape every reporter, cache and API consumer reads. */
export interface FileResult {
  /** Path as given or found, relative to the working directory where possible. */
  path: string;
  messages: Message[];
  counts: Counts;
  /** Persona scores; filled by the scoring step. */
  personas?: PersonaReport;
}

/** Where a concept or other phrase was found. */
export interface Place {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The words as written. */
  text: string;
}

export interface ConceptFound {
  label: string;
  places: Place[];
}

/** One named part of the fit score, so a writer sees which part costs points. */
export interface FitPart {
  part: string;
  points: number;
  max: number;
  detail: string;
}

/** How well one document speaks to one persona. */
export interface PersonaScore {
  id: string;
  /** 0 to 100. */
  fit: number;
  /** 0 to 1: the share of the persona's key concepts the document expresses. */
  coverage: number;
  found: ConceptFound[];
  /** Labels of the key concepts the document does not express. */
  missing: string[];
  breakdown: FitPart[];
}

export interface PersonaReport {
  /** Persona ids the document is written for (frontmatter, config or --persona). */
  declared: string[];
  /** The best-fitting persona id. */
  best: string | null;
  /** Every known persona, highest fit first. */
  scores: PersonaScore[];
}

/** A declared persona scoring under a gate (--min-fit, --min-coverage) or under its --baseline score. */
export interface GateFailure {
  path: string;
  persona: string;
  gate: 'min-fit' | 'min-coverage' | 'baseline-fit' | 'baseline-coverage';
  /** The document's score: fit 0 to 100, coverage 0 to 1. */
  actual: number;
  /** The bar it had to reach. */
  required: number;
}

export interface LintReport {
  results: FileResult[];
  counts: Counts;
  /** Set when gates or a baseline were checked. */
  gateFailures?: GateFailure[];
  /** A hash of the configuration the run applied (every config file in play and --persona). */
  configHash?: string;
  /** Set on the report of one part of a run (--shard), for `persona-lint merge`. */
  shard?: { index: number; total: number };
}
