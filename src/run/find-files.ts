import fs, { statSync, existsSync, readFileSync } from 'node:fs';
import { relative, resolve, join, dirname } from 'node:path';
import ignore from 'ignore';
import picomatch from 'picomatch';
import { UsageError } from '../core/errors.js';
import { findConfig, loadConfigFile, type LoadedConfig } from '../config/load-config.js';
import { displayPath } from '../core/paths.js';

export const markdownExtensions = ['md', 'markdown', 'mdx'];
const markdownGlob = `**/*.{${markdownExtensions.join(',')}}`;
const alwaysIgnored = ['**/node_modules/**', '**/.git/**'];
export const ignoreFileName = '.personalintignore';

export interface FindFilesOptions {
  cwd?: string;
  /** --config: one config for every file, so its ignores apply everywhere. */
  configFile?: string;
  /** --no-ignore: walks skip only node_modules and .git, not .gitignore, .personalintignore or config `ignores`. */
  noIgnore?: boolean;
  /**
   * A directory without Markdown or a glob that matches nothing is a usage error (default true;
   * --no-error-on-unmatched-pattern turns it off, and then it adds no file).
   */
  errorOnUnmatchedPattern?: boolean;
}

/** A folder a walk could not read: reported as a fatal message on it, the walk goes on. */
export interface UnreadableFolder {
  path: string;
  reason: string;
}

export interface Discovery {
  files: string[];
  unreadable: UnreadableFolder[];
}

/**
 * Expands paths, directories and globs to the Markdown files to lint, sorted.
 * Directories and globs honour .gitignore, .personalintignore and config `ignores` (unless
 * `noIgnore`); a file named explicitly is always linted. Symbolic links are not followed in a walk.
 */
export async function discoverFiles(patterns: readonly string[], options: FindFilesOptions = {}): Promise<Discovery> {
  const cwd = options.cwd ?? process.cwd();
  const explicit = new Set<string>();
  const found = new Set<string>();
  const unreadable = new Map<string, string>();
  const { isDynamicPattern } = await import('globby');
  for (const pattern of patterns.length > 0 ? patterns : ['.']) {
    const absolute = resolve(cwd, pattern);
    const directory = existsSync(absolute) && statSync(absolute).isDirectory();
    if (existsSync(absolute) && !directory) {
      explicit.add(absolute);
      continue;
    }
    if (!directory && !isDynamicPattern(pattern)) throw new UsageError(`No such file or directory: ${pattern}`);
    const expand = (noIgnore: boolean) =>
      directory ? walk(absolute, markdownGlob, cwd, noIgnore, unreadable) : walk(cwd, pattern, cwd, noIgnore, unreadable).then((files) => files.filter((file) => namesExtension(pattern) || isMarkdown(file)));
    const matches = options.noIgnore ? await expand(true) : await withoutConfigIgnores(await expand(false), options);
    if (matches.length === 0 && options.errorOnUnmatchedPattern !== false && !hasUnreadableUnder(unreadable, directory ? absolute : cwd)) {
      const ignored = options.noIgnore ? [] : await expand(true);
      if (ignored.length > 0) {
        const by = await ignoredBy(ignored[0], options);
        throw new UsageError(`All files matched by "${pattern}" are ignored (${by}). Lint them anyway with --no-ignore.`);
      }
      throw new UsageError(directory ? `No Markdown files found in ${pattern} (looked for ${markdownExtensions.map((e) => `*.${e}`).join(', ')}).` : `No files matching the pattern "${pattern}" were found.`);
    }
    for (const file of matches) found.add(file);
  }
  return {
    files: [...new Set([...explicit, ...found])].sort(),
    unreadable: [...unreadable].map(([path, reason]) => ({ path, reason })).sort((a, b) => a.path.localeCompare(b.path)),
  };
}

/** The files discoverFiles finds, without the folders it could not read. */
export async function findFiles(patterns: readonly string[], options: FindFilesOptions = {}): Promise<string[]> {
  return (await discoverFiles(patterns, options)).files;
}

function isMarkdown(file: string): boolean {
  return markdownExtensions.some((ext) => file.endsWith(`.${ext}`));
}

function namesExtension(pattern: string): boolean {
  const last = pattern.split('/').pop() ?? '';
  return /\.[A-Za-z0-9{},]+$/.test(last);
}

function hasUnreadableUnder(unreadable: Map<string, string>, root: string): boolean {
  return [...unreadable.keys()].some((path) => path === root || path.startsWith(`${root}/`));
}

/**
 * The file system as the walker sees it: a folder it may not read lists as empty and is recorded,
 * so one locked folder costs its own files, not the run.
 */
function recordingFs(unreadable: Map<string, string>): typeof fs {
  const denied = (error: NodeJS.ErrnoException | null) => error !== null && (error.code === 'EACCES' || error.code === 'EPERM');
  const readdir = ((path: string, options: unknown, callback: (error: NodeJS.ErrnoException | null, entries?: unknown) => void) =>
    fs.readdir(path, options as never, (error: NodeJS.ErrnoException | null, entries: unknown) => {
      if (!denied(error)) return callback(error, entries);
      unreadable.set(resolve(path), error!.code!);
      callback(null, []);
    })) as unknown as typeof fs.readdir;
  const readdirSync = ((path: string, options: unknown) => {
    try {
      return fs.readdirSync(path, options as never);
    } catch (error) {
      if (!denied(error as NodeJS.ErrnoException)) throw error;
      unreadable.set(resolve(path), (error as NodeJS.ErrnoException).code!);
      return [];
    }
  }) as unknown as typeof fs.readdirSync;
  return { ...fs, readdir, readdirSync };
}

async function walk(root: string, pattern: string, cwd: string, noIgnore: boolean, unreadable: Map<string, string>): Promise<string[]> {
  // Loaded on first use: linting named files does not need a directory walker.
  const { globby } = await import('globby');
  const files = await globby(pattern, {
    cwd: root,
    absolute: true,
    gitignore: !noIgnore,
    ignoreFiles: noIgnore ? [] : [`**/${ignoreFileName}`],
    ignore: alwaysIgnored,
    onlyFiles: true,
    followSymbolicLinks: false,
    fs: recordingFs(unreadable),
  });
  // An ignore file at the working directory also covers subdirectories linted from there.
  return !noIgnore && root !== cwd && root.startsWith(cwd) ? files.filter(notIgnoredFrom(cwd)) : files;
}

function notIgnoredFrom(cwd: string): (file: string) => boolean {
  const path = join(cwd, ignoreFileName);
  if (!existsSync(path)) return () => true;
  const matcher = ignore().add(readFileSync(path, 'utf8'));
  return (file) => !matcher.ignores(relative(cwd, file));
}

const configMatchers = new Map<LoadedConfig, (path: string) => boolean>();

function configIgnores(loaded: LoadedConfig, file: string): boolean {
  if (loaded.ignores.length === 0) return false;
  let matches = configMatchers.get(loaded);
  if (!matches) {
    matches = picomatch(loaded.ignores, { dot: true });
    configMatchers.set(loaded, matches);
  }
  return matches(relative(loaded.baseDir, file).split('\\').join('/'));
}

async function configOf(file: string, options: FindFilesOptions): Promise<LoadedConfig> {
  return options.configFile ? loadConfigFile(options.configFile) : findConfig(dirname(file));
}

async function withoutConfigIgnores(files: string[], options: FindFilesOptions): Promise<string[]> {
  const kept: string[] = [];
  for (const file of files) if (!configIgnores(await configOf(file, options), file)) kept.push(file);
  return kept;
}

/**
 * Which ignore rule leaves out `file`, for the error that says so: the config's `ignores`, else the
 * nearest .personalintignore or .gitignore above it with a pattern that matches.
 */
async function ignoredBy(file: string, options: FindFilesOptions): Promise<string> {
  const loaded = await configOf(file, options);
  if (configIgnores(loaded, file)) return `by "ignores" in ${displayPath(loaded.source ?? '')}`;
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    for (const name of [ignoreFileName, '.gitignore']) {
      const path = join(dir, name);
      if (!existsSync(path)) continue;
      const rel = relative(dir, file).split('\\').join('/');
      const lines = readFileSync(path, 'utf8').split(/\r?\n/);
      if (!ignore().add(lines).ignores(rel)) continue;
      const line = lines.findIndex((pattern) => pattern.trim() !== '' && !pattern.startsWith('#') && ignore().add(pattern).ignores(rel));
      return line >= 0 ? `by ${displayPath(path, options.cwd)}:${line + 1} "${lines[line].trim()}"` : `by ${displayPath(path, options.cwd)}`;
    }
    if (dirname(dir) === dir) return 'by git’s ignore rules';
  }
}
