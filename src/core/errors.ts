/** What went wrong, which decides the exit code: usage, config and data mistakes stop the run (2). */
export type ErrorKind = 'usage' | 'config' | 'data' | 'file';

/** Exit codes by kind, in one place. A `file` problem becomes a fatal message on that file instead. */
export const exitCodes: Readonly<Record<ErrorKind, number>> = { usage: 2, config: 2, data: 2, file: 2 };

/** The base of every error persona-lint throws on purpose; anything else is a bug (still exit 2). */
export class PersonaLintError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    /** The config or data file at fault, when there is one. */
    readonly file?: string,
    /** One line per problem in that file. */
    readonly problems: readonly string[] = [],
  ) {
    super(message);
  }

  get exitCode(): number {
    return exitCodes[this.kind];
  }
}

/** A mistake in how the CLI or API was called. */
export class UsageError extends PersonaLintError {
  constructor(message: string) {
    super('usage', message);
    this.name = 'UsageError';
  }
}

/** A config mistake: names the file, the key and what was expected. */
export class ConfigError extends PersonaLintError {
  declare readonly file: string;
  constructor(file: string, problems: readonly string[]) {
    super('config', `Invalid config in ${file}:\n${problems.map((p) => `  ${p}`).join('\n')}`, file, problems);
    this.name = 'ConfigError';
  }
}

/** A broken data file: names the file, the field and what is wrong, like a config error. */
export class DataError extends PersonaLintError {
  declare readonly file: string;
  constructor(file: string, problems: readonly string[]) {
    super('data', `Invalid data in ${file}:\n${problems.map((p) => `  ${p}`).join('\n')}`, file, problems);
    this.name = 'DataError';
  }
}

/** Rebuilds an error from its plain-data form (worker threads clone data, not classes). */
export function reviveError(error: { kind: ErrorKind | 'bug'; message: string; stack?: string; file?: string; problems?: readonly string[] }): Error {
  if (error.kind === 'config') return new ConfigError(error.file ?? '(config)', error.problems ?? []);
  if (error.kind === 'data') return new DataError(error.file ?? '(data)', error.problems ?? []);
  if (error.kind === 'usage') return new UsageError(error.message);
  const revived = error.kind === 'bug' ? new Error(error.message) : new PersonaLintError(error.kind, error.message, error.file, error.problems);
  if (error.stack) revived.stack = error.stack;
  return revived;
}
