import type { ConfigSeverity, Fix, Message } from '../core/types.js';
import type { Document } from '../text/document.js';
import type { CompiledPack, Persona } from '../data/load-data.js';
import type { Span } from '../core/position.js';
import { ruleUrl } from '../core/meta.js';
import type { DocumentScores } from '../scoring/index.js';
import type { MinFit } from '../data/min-fit.js';
import type { RuleLists } from '../data/rule-lists.js';
import type { Genre } from '../text/genre.js';

export interface RuleMeta {
  id: string;
  /** One line: what the rule flags. Shown in the README table and --explain. */
  description: string;
  defaultSeverity: ConfigSeverity;
  /** JSON Schema of the rule's options object (validated when the config is loaded). */
  optionsSchema?: Record<string, unknown>;
  defaultOptions?: Record<string, unknown>;
  /**
   * The rule reads a word pack, rules/<id>.yml, valid against this schema: loaded and compiled once
   * per config by data/, with the config's `packs.<id>` changes, and given to the rule as `pack`.
   */
  pack?: { schema: 'word-pack.schema.json' };
  /** The rule reads its own lists, rules/<id>.yml, valid against this schema (given as `lists`). */
  lists?: { schema: string };
  /** Points each message of this rule costs the tone part of every persona's fit (or the persona it names). */
  tonePenalty?: number;
  /** `after-scores`: the rule reads the persona scores, so it runs after every other rule. Default: `before-scores`. */
  phase?: 'before-scores' | 'after-scores';
}

/** What a rule reports; the harness adds ruleId, severity and url. */
export interface Report {
  message: string;
  /** Null for document-level messages. */
  span: Span | null;
  actual?: string | null;
  expected?: string[];
  note?: string | null;
  persona?: string;
  /** The edit that fixes the problem, for fixable pack entries. */
  fix?: Fix;
  /** Overrides the configured severity (e.g. raised for business personas). */
  severity?: Exclude<ConfigSeverity, 'off'>;
}

export interface RuleContext<Options = Record<string, unknown>> {
  doc: Document;
  options: Options;
  /** Every known persona: the built-in ones plus the config's profiles. */
  personas: readonly Persona[];
  /** The personas the document is written for (frontmatter, config, --persona); may be empty. */
  targetPersonas: readonly Persona[];
  /** Documentation or an article (config `genre`, else told from the page). */
  genre: Genre;
  /** The rule's word pack with the config's changes, when the rule has one. */
  pack?: CompiledPack;
  /** The rule's own lists, when its metadata names them. */
  lists?: RuleLists;
  /** The configured severity of this rule. */
  severity: Exclude<ConfigSeverity, 'off'>;
  report(report: Report): void;
  /** Messages reported so far by earlier rules (scores read them). */
  earlierMessages: readonly Message[];
  /** Persona scores, computed once per document on first call from the earlier rules' messages. */
  scores: () => DocumentScores;
  /** The fit under which a declared persona is reported (config `minFit`). */
  minFit: MinFit;
}

export interface Rule<Options = Record<string, unknown>> {
  meta: RuleMeta;
  check(context: RuleContext<Options>): void;
}

const severityOf: Record<Exclude<ConfigSeverity, 'off'>, Message['severity']> = { error: 'error', warn: 'warning', info: 'info' };

/** The harness, not the rule, stamps ruleId, severity and url on every message. */
export function toMessage(meta: RuleMeta, severity: Exclude<ConfigSeverity, 'off'>, report: Report): Message {
  const message: Message = {
    ruleId: meta.id,
    severity: severityOf[report.severity ?? severity],
    message: report.message,
    line: report.span?.start.line ?? null,
    column: report.span?.start.column ?? null,
    endLine: report.span?.end.line ?? null,
    endColumn: report.span?.end.column ?? null,
    actual: report.actual ?? null,
    expected: report.expected ?? [],
    note: report.note ?? null,
    url: ruleUrl(meta.id),
  };
  if (report.persona) message.persona = report.persona;
  if (report.fix) message.fix = report.fix;
  return message;
}

/** Rule id → points each message costs the tone part of the fit, from the rules' metadata. */
export function tonePenaltiesOf(rules: readonly Rule<any>[]): Record<string, number> {
  return Object.fromEntries(rules.filter((r) => r.meta.tonePenalty !== undefined).map((r) => [r.meta.id, r.meta.tonePenalty!]));
}
