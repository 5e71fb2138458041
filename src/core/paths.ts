import { relative, resolve, sep } from 'node:path';

/** A file's path as results show it. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const absolute = resolve(cwd, path);
  const rel = relative(cwd, absolute);
  // Inside the working directory a relative path reads best; outside it, the absolute one.
  // Only Windows separators become '/': on POSIX a backslash is part of a file name.
  return rel === '' || rel.startsWith('..') ? absolute : rel.split(sep).join('/');
}
