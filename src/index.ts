// The public API: lintFiles(paths, options) and lintText(text, options), and the types they use.
export { lintFiles, lintText, summarize } from './run/lint-files.js';
export type { LintTextOptions } from './run/lint-file.js';
export type { FileResult, LintReport, Message, Counts, Severity, ConfigSeverity } from './core/types.js';
export type { LintOptions } from './engine/settings.js';
export type { RunOptions } from './run/lint-paths.js';
export type { Persona, KeyConcept, WordEntry } from './data/load-data.js';
export { PersonaLintError, ConfigError, DataError, UsageError, type ErrorKind } from './core/errors.js';
export { rules } from './rules/index.js';
