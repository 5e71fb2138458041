import type { FileResult, Message } from '../core/types.js';
import { defaultMaxFileSize, DocumentLimitError, sizeProblem, stackOverflowMessage } from '../text/file-limits.js';
import { parseDocument, type Document } from '../text/document.js';
import { compilePack, type Persona } from '../data/load-data.js';
import { loadRuleLists } from '../data/rule-lists.js';
import { toMessage, tonePenaltiesOf, type Rule, type RuleContext } from './rule.js';
import { readDirectives, applyDirectives } from './message-control.js';
import { fileResult, fatalResult } from '../core/result.js';
import { findPersona, personaNames } from '../data/find-persona.js';
import { scoreDocument, type DocumentScores } from '../scoring/index.js';
import { PersonaLintError, UsageError } from '../core/errors.js';
import { MdxParseError } from '../text/mdx.js';
import type { EffectiveConfig, LintOptions } from './settings.js';
import { genreOf } from '../text/genre.js';

/** The personas a document is written for: --persona, else frontmatter `persona`, else config. */
export function targetPersonas(doc: Document, config: EffectiveConfig, options: LintOptions): Persona[] {
  const names = options.persona?.length ? options.persona : doc.frontmatter?.data.persona !== undefined ? personaNames(doc.frontmatter.data.persona) : config.persona;
  // Frontmatter names are checked by the frontmatter rule and config names when the config loads.
  const unknown = options.persona?.find((name) => !findPersona(name, config.personas));
  if (unknown !== undefined) throw new UsageError(`Unknown persona "${unknown}" in --persona; known: ${config.personas.map((p) => p.id).join(', ')}`);
  const found = names.map((name) => findPersona(name, config.personas)).filter((p): p is Persona => p !== undefined);
  return [...new Set(found)];
}

/**
 * Lints one document's text with resolved settings: parse, run the rules, apply inline comments.
 * Rules run in the order given, those that read the scores (`phase: 'after-scores'`) after the rest,
 * so the scores always see the messages of every other rule.
 */
export function lintDocument(path: string, text: string, config: EffectiveConfig, rules: readonly Rule<any>[], options: LintOptions = {}): FileResult {
  const doc = parseDocument(path, text);
  const targets = targetPersonas(doc, config, options);
  const genre = genreOf(path, doc.frontmatter, config.genre);
  const messages: Message[] = [];
  const directives = readDirectives(doc.mdast, text);
  let scores: DocumentScores | undefined;
  const penalties = tonePenaltiesOf(rules);
  // The scores read the messages of the rules before them, as inline comments leave them.
  const scored = () => (scores ??= scoreDocument(doc, config.personas, targets, applyDirectives(messages, directives, text), penalties, options.relevanceData));
  const ordered = [...rules.filter((r) => r.meta.phase !== 'after-scores'), ...rules.filter((r) => r.meta.phase === 'after-scores')];
  for (const rule of ordered) {
    const setting = config.rules[rule.meta.id];
    if (!setting || setting.severity === 'off') continue;
    const severity = setting.severity;
    const context: RuleContext = {
      doc,
      options: setting.options,
      personas: config.personas,
      targetPersonas: targets,
      genre,
      pack: rule.meta.pack ? compilePack(rule.meta.id, config.packs[rule.meta.id]) : undefined,
      lists: rule.meta.lists ? loadRuleLists(rule.meta.id, rule.meta.lists.schema) : undefined,
      severity,
      report: (report) => messages.push(toMessage(rule.meta, severity, report)),
      earlierMessages: messages,
      scores: scored,
      minFit: config.minFit,
    };
    rule.check(context);
  }
  return fileResult(path, applyDirectives(messages, directives, text), { personas: scored().report });
}

/** lintDocument, with anything wrong with this one file as a fatal message on it, so the run goes on. */
export function lintDocumentSafely(path: string, text: string, config: EffectiveConfig, rules: readonly Rule<any>[], options: LintOptions): FileResult {
  try {
    const tooLarge = sizeProblem(Buffer.byteLength(text), options.maxFileSize ?? defaultMaxFileSize);
    if (tooLarge) return fatalResult(path, tooLarge);
    return lintDocument(path, text, config, rules, options);
  } catch (error) {
    // Broken data or config is the run's problem, not this file's: exit 2.
    if (error instanceof PersonaLintError && error.kind !== 'file') throw error;
    if (error instanceof DocumentLimitError) return fatalResult(path, error.message, error.line === null ? undefined : { line: error.line, column: 1 });
    if (error instanceof RangeError && /call stack/i.test(error.message)) return fatalResult(path, stackOverflowMessage);
    if (error instanceof MdxParseError) return fatalResult(path, `Cannot parse MDX: ${error.reason}`, error.line === null ? undefined : { line: error.line, column: error.column ?? 1 });
    const reason = error instanceof Error ? error.message : String(error);
    return fatalResult(path, `Cannot lint file: ${reason}`);
  }
}
