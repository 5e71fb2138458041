import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** A file's path as results show it. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const absolute = resolve(cwd, path);
  const rel = relative(cwd, absolute);
  // Inside the working directory a relative path reads best; outside it, the absolute one.
  // Only Windows separators become '/': on POSIX a backslash is part of a file name.
  return rel === '' || rel.startsWith('..') ? absolute : rel.split(sep).join('/');
}

/** The repository root: the nearest folder above `cwd` with a `.git`, else `cwd` itself. */
export function projectRoot(cwd: string): string {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return resolve(cwd);
  }
}

/** A path relative to the repository root with `/` separators: the same on every checkout and runner. */
export function repoPath(absolute: string, root: string): string {
  return relative(root, absolute).split(sep).join('/');
}
