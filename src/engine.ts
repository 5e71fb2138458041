import { readFile } from 'node:fs/promises';
import { sep } from 'node:path';
import { dirname, relative, resolve } from 'node:path';
import type { FileResult, Message } from './types.js';
import { parseDocument, type Document } from './document.js';
import { ConfigError, findConfig, loadConfigFile, resolveFileConfig, type EffectiveConfig } from './config.js';
import { compilePack, DataError, type Persona } from './data.js';
import { rules } from './rules/index.js';
import { toMessage, type RuleContext } from './rule.js';
import { readDirectives, applyDirectives } from './message-control.js';
import { fileResult, fatalResult } from './result.js';
import { findPersona, personaNames } from './personas.js';
import { scoreDocument, type DocumentScores } from './scoring/index.js';
import { UsageError } from './files.js';
import { displayPath } from './paths.js';
import { MdxParseError } from './mdx.js';

export interface LintOptions {
  /** Paths in results are relative to this directory. Default: process.cwd(). */
  cwd?: string;
  /** One config file for every file, instead of searching from each file's directory. */
  configFile?: string;
  /** Target personas for every document, overriding frontmatter and config (--persona). */
  persona?: string[];
}

// Moved to paths.ts so a run that lints nothing in process (cache, pool) does not load the parser.
export { displayPath };

/** The personas a document is written for: --persona, else frontmatter `persona`, else config. */
export function targetPersonas(doc: Document, config: EffectiveConfig, options: LintOptions): Persona[] {
  const names = options.persona?.length ? options.persona : doc.frontmatter?.data.persona !== undefined ? personaNames(doc.frontmatter.data.persona) : config.persona;
  // Frontmatter names are checked by the frontmatter rule and config names when the config loads.
  const unknown = options.persona?.find((name) => !findPersona(name, config.personas));
  if (unknown !== undefined) throw new UsageError(`Unknown persona "${unknown}" in --persona; known: ${config.personas.map((p) => p.id).join(', ')}`);
  const found = names.map((name) => findPersona(name, config.personas)).filter((p): p is Persona => p !== undefined);
  return [...new Set(found)];
}

/** Lints one document's text with a resolved config: parse, run every rule, apply inline comments. */
export function lintDocument(path: string, text: string, config: EffectiveConfig, options: LintOptions = {}): FileResult {
  const doc = parseDocument(path, text);
  const targets = targetPersonas(doc, config, options);
  const messages: Message[] = [];
  const directives = readDirectives(doc.mdast, text);
  let scores: DocumentScores | undefined;
  // The scores read the messages of the rules before them, as inline comments leave them.
  const scored = () => (scores ??= scoreDocument(doc, config.personas, targets, applyDirectives(messages, directives, text)));
  for (const rule of rules) {
    const setting = config.rules[rule.meta.id];
    if (!setting || setting.severity === 'off') continue;
    const severity = setting.severity;
    const context: RuleContext = {
      doc,
      options: setting.options,
      personas: config.personas,
      targetPersonas: targets,
      pack: rule.meta.hasPack ? compilePack(rule.meta.id, config.packs[rule.meta.id]) : undefined,
      severity,
      report: (report) => messages.push(toMessage(rule.meta, severity, report)),
      earlierMessages: messages,
      scores: scored,
      config,
    };
    rule.check(context);
  }
  return fileResult(path, applyDirectives(messages, directives, text), { personas: scored().report });
}

/** Why a byte buffer is not lintable text, or null when it is. */
function notText(bytes: Buffer): string | null {
  if (bytes.includes(0)) return 'File is not text (it contains NUL bytes).';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return null;
  } catch {
    return 'File is not valid UTF-8 text.';
  }
}

export async function configFor(absolutePath: string, options: LintOptions): Promise<EffectiveConfig> {
  const loaded = options.configFile ? await loadConfigFile(options.configFile) : await findConfig(dirname(absolutePath));
  return resolveFileConfig(loaded, absolutePath);
}

/**
 * Lints one file from disk. Config errors propagate (exit 2); anything wrong with the file itself
 * becomes one fatal message on that file, so the rest of the run goes on.
 */
export async function lintPath(path: string, options: LintOptions = {}): Promise<FileResult> {
  const cwd = options.cwd ?? process.cwd();
  const absolute = resolve(cwd, path);
  const shown = displayPath(absolute, cwd);
  const config = await configFor(absolute, options);
  let bytes: Buffer;
  try {
    bytes = await readFile(absolute);
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    const reason = err.code === 'EISDIR' ? 'it is a directory' : err.code === 'EACCES' || err.code === 'EPERM' ? `${err.code}: permission denied` : (err.message ?? String(error));
    return fatalResult(shown, `Cannot read file: ${reason}`);
  }
  const problem = notText(bytes);
  if (problem) return fatalResult(shown, problem);
  return lintTextSafely(shown, bytes.toString('utf8').replace(/^\uFEFF/, ''), config, options);
}

export function lintTextSafely(path: string, text: string, config: EffectiveConfig, options: LintOptions): FileResult {
  try {
    return lintDocument(path, text, config, options);
  } catch (error) {
    // Broken data or config is the run's problem, not this file's: exit 2.
    if (error instanceof DataError || error instanceof ConfigError || error instanceof UsageError) throw error;
    if (error instanceof MdxParseError) return fatalResult(path, `Cannot parse MDX: ${error.reason}`, error.line === null ? undefined : { line: error.line, column: error.column ?? 1 });
    const reason = error instanceof Error ? error.message : String(error);
    return fatalResult(path, `Cannot lint file: ${reason}`);
  }
}
