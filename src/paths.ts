import { relative, resolve } from 'node:path';

/** A file's path as results show it. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const absolute = resolve(cwd, path);
  const rel = relative(cwd, absolute);
  // Inside the working directory a relative path reads best; outside it, the absolute one.
  return rel === '' || rel.startsWith('..') ? absolute : rel.split('\\').join('/');
}
