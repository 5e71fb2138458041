/** Severity as written in config. `info` is for advisory rules such as channel-fit. */
export type ConfigSeverity = 'off' | 'info' | 'warn' | 'error';

/** Severity as reported on a message. */
export type Severity = 'error' | 'warning' | 'info';

/** An edit that fixes a message: replace the text between two 0-based offsets of the file (as ESLint's fixes do). */
export interface Fix {
  range: [number, number];
  text: string;
}

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
  /** The edit that fixes the message, when the rule's entry is marked fixable (--fix, editor quick fixes). */
  fix?: Fix;
  /** The persona the message is about: the one the wording would alienate, or the declared persona a score message concerns. */
  persona?: string;
  /** Recorded in the --baseline file: reported, but not counted in `counts` or the exit code. */
  baseline?: boolean;
  /** The same sentence, with the same flagged words, in many files of the run: this message stands for every copy. */
  repeated?: Repeated;
}

/** Where else a repeated sentence is: the copies left out of the report (config `repeatedSentences`). */
export interface Repeated {
  /** Files that hold the sentence, this message's file included. */
  files: number;
  /** Every other copy, in report order. */
  places: { path: string; line: number; column: number }[];
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

/** How well one document serves one persona. */
export interface FitScore {
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

/** One persona's fit, and how relevant the document is to it. */
export interface PersonaScore extends FitScore {
  /** Who the page is written for: the mean weight of its words for this persona (0 = none). */
  relevance: number;
  /** 0 to 1, summing to 1 over the personas: how likely the page is written for this persona. */
  probability: number;
  /** The page's words that gave this persona most of its relevance, most first. */
  why: string[];
}

export interface PersonaReport {
  /** Persona ids the document is written for (frontmatter, config or --persona). */
  declared: string[];
  /** The most relevant persona id; null when the page uses none of any persona's words. */
  best: string | null;
  /** The probability of `best`, 0 to 1. */
  confidence: number;
  /** How far `best` leads the second persona, in probability (0 to 1). */
  margin: number;
  /** True when no persona clearly leads (confidence under 0.4): `best` is a guess. */
  unclear: boolean;
  /** Every known persona, most relevant first. */
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
