import { statSync, existsSync, readFileSync } from 'node:fs';
import { relative, resolve, join, dirname } from 'node:path';
import ignore from 'ignore';
import picomatch from 'picomatch';
import { UsageError } from '../core/errors.js';
import { findConfig, loadConfigFile, type LoadedConfig } from '../config/load-config.js';

export const markdownExtensions = ['md', 'markdown', 'mdx'];
const markdownGlob = `**/*.{${markdownExtensions.join(',')}}`;
const alwaysIgnored = ['**/node_modules/**', '**/.git/**'];
export const ignoreFileName = '.personalintignore';

export interface FindFilesOptions {
  cwd?: string;
  /** --config: one config for every file, so its ignores apply everywhere. */
  configFile?: string;
}

/**
 * Expands paths, directories and globs to the Markdown files to lint, sorted.
 * Directories and globs honour .gitignore, .personalintignore and config `ignores`;
 * a file named explicitly is always linted.
 */
export async function findFiles(patterns: readonly string[], options: FindFilesOptions = {}): Promise<string[]> {
  const cwd = options.cwd ?? process.cwd();
  const explicit = new Set<string>();
  const found = new Set<string>();
  for (const pattern of patterns.length > 0 ? patterns : ['.']) {
    const absolute = resolve(cwd, pattern);
    if (existsSync(absolute)) {
      if (statSync(absolute).isDirectory()) {
        for (const file of await walk(absolute, markdownGlob, cwd)) found.add(file);
      } else explicit.add(absolute);
    } else if ((await import('globby')).isDynamicPattern(pattern)) {
      const matches = (await walk(cwd, pattern, cwd)).filter((file) => namesExtension(pattern) || isMarkdown(file));
      if (matches.length === 0) throw new UsageError(`No files matching the pattern "${pattern}" were found.`);
      for (const file of matches) found.add(file);
    } else {
      throw new UsageError(`No such file or directory: ${pattern}`);
    }
  }
  const kept = await withoutConfigIgnores([...found].filter((file) => !explicit.has(file)), options);
  return [...new Set([...explicit, ...kept])].sort();
}

function isMarkdown(file: string): boolean {
  return markdownExtensions.some((ext) => file.endsWith(`.${ext}`));
}

function namesExtension(pattern: string): boolean {
  const last = pattern.split('/').pop() ?? '';
  return /\.[A-Za-z0-9{},]+$/.test(last);
}

async function walk(root: string, pattern: string, cwd: string): Promise<string[]> {
  // Loaded on first use: linting named files does not need a directory walker.
  const { globby } = await import('globby');
  const files = await globby(pattern, {
    cwd: root,
    absolute: true,
    gitignore: true,
    ignoreFiles: [`**/${ignoreFileName}`],
    ignore: alwaysIgnored,
    onlyFiles: true,
    followSymbolicLinks: false,
  });
  // An ignore file at the working directory also covers subdirectories linted from there.
  return root !== cwd && root.startsWith(cwd) ? files.filter(notIgnoredFrom(cwd)) : files;
}

function notIgnoredFrom(cwd: string): (file: string) => boolean {
  const path = join(cwd, ignoreFileName);
  if (!existsSync(path)) return () => true;
  const matcher = ignore().add(readFileSync(path, 'utf8'));
  return (file) => !matcher.ignores(relative(cwd, file));
}

async function withoutConfigIgnores(files: string[], options: FindFilesOptions): Promise<string[]> {
  const fixed = options.configFile ? await loadConfigFile(options.configFile) : undefined;
  const kept: string[] = [];
  const matchers = new Map<LoadedConfig, (path: string) => boolean>();
  for (const file of files) {
    const loaded = fixed ?? (await findConfig(dirname(file)));
    if (loaded.ignores.length === 0) {
      kept.push(file);
      continue;
    }
    let matches = matchers.get(loaded);
    if (!matches) {
      matches = picomatch(loaded.ignores, { dot: true });
      matchers.set(loaded, matches);
    }
    if (!matches(relative(loaded.baseDir, file).split('\\').join('/'))) kept.push(file);
  }
  return kept;
}
