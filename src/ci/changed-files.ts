import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import parseDiff from 'parse-diff';
import type { FileResult } from '../core/types.js';
import { countMessages } from '../core/result.js';
import { UsageError } from '../core/errors.js';

const run = promisify(execFile);

/** The lines of a file that a change added or modified, or 'all' for a file git does not track yet. */
export type ChangedLines = Set<number> | 'all';

/** What changed since the merge base: absolute real paths of files that still exist, with their changed lines. */
export interface ChangeSet {
  /** The merge base commit the working tree was compared with. */
  base: string;
  files: Map<string, ChangedLines>;
}

async function git(args: string[], cwd: string): Promise<string> {
  const { stdout } = await run('git', ['-c', 'core.quotePath=false', ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return stdout;
}

/** git C-quotes a path with a backslash, quote or control character in it; parse-diff drops the quotes but keeps the escapes. */
function unquote(path: string): string {
  if (!path.includes('\\')) return path;
  const escapes: Record<string, string> = { a: '\u0007', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', '"': '"', '\\': '\\' };
  const bytes: number[] = [];
  for (let i = 0; i < path.length; i++) {
    if (path[i] === '\\' && /^[0-7]{3}$/.test(path.slice(i + 1, i + 4))) {
      bytes.push(parseInt(path.slice(i + 1, i + 4), 8));
      i += 3;
    } else if (path[i] === '\\' && escapes[path[i + 1]] !== undefined) {
      bytes.push(...Buffer.from(escapes[path[i + 1]]));
      i += 1;
    } else bytes.push(...Buffer.from(path[i]));
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * The files changed since the merge base of `ref` and HEAD: committed on this branch, staged,
 * unstaged, and untracked files that are not ignored (a new page is a change even before `git add`).
 * Deleted files are left out. With `lines`, also which lines of each file were added or modified
 * (`git diff --unified=0` against the merge base, so line numbers are those of the working tree).
 */
export async function changesSince(ref: string, cwd: string, options: { lines: boolean }): Promise<ChangeSet> {
  let root: string;
  try {
    root = (await git(['rev-parse', '--show-toplevel'], cwd)).trim();
  } catch {
    throw new UsageError(`--changed-since needs a git repository, and ${cwd} is not inside one.`);
  }
  let commit: string;
  try {
    commit = (await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], root)).trim();
  } catch {
    throw new UsageError(`--changed-since: unknown git ref "${ref}" (not a branch, tag or commit in ${root}).`);
  }
  let base: string;
  try {
    base = (await git(['merge-base', commit, 'HEAD'], root)).trim();
  } catch {
    throw new UsageError(`--changed-since: "${ref}" and HEAD have no merge base in ${root} (unrelated histories, or no commit yet; fetch more history in a shallow clone).`);
  }
  const tracked = (await git(['diff', '--name-only', '-z', '--diff-filter=d', base, '--'], root)).split('\0').filter(Boolean);
  const untracked = (await git(['ls-files', '--others', '--exclude-standard', '-z'], root)).split('\0').filter(Boolean);
  const files = new Map<string, ChangedLines>();
  const realRoot = realpathSync(root);
  for (const path of tracked) files.set(resolve(realRoot, path), new Set());
  for (const path of untracked) files.set(resolve(realRoot, path), 'all');
  if (options.lines && tracked.length > 0) {
    const diff = await git(['diff', '--unified=0', '--no-color', '--no-ext-diff', '--no-textconv', base, '--'], root);
    for (const file of parseDiff(diff)) {
      if (!file.to || file.to === '/dev/null') continue;
      const lines = files.get(resolve(realRoot, unquote(file.to)));
      if (!(lines instanceof Set)) continue;
      for (const chunk of file.chunks) for (const change of chunk.changes) if (change.type === 'add') lines.add(change.ln);
    }
  }
  return { base, files };
}

/** The real path of a file, so a path under a symlinked directory matches what git reports. */
export function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Keeps the messages on changed lines (a message spanning lines is kept when any of them changed) and every document-level message. */
export function onChangedLines(result: FileResult, lines: ChangedLines | undefined): FileResult {
  if (lines === 'all') return result;
  const changed = lines ?? new Set<number>();
  const kept = result.messages.filter((m) => {
    if (m.line === null) return true;
    for (let line = m.line; line <= (m.endLine ?? m.line); line++) if (changed.has(line)) return true;
    return false;
  });
  return kept.length === result.messages.length ? result : { ...result, messages: kept, counts: countMessages(kept) };
}

/** Applies onChangedLines to every file of a report; `cwd` resolves the report's relative paths. */
export function keepChangedLines(results: FileResult[], changes: ChangeSet, cwd: string): FileResult[] {
  return results.map((result) => onChangedLines(result, changes.files.get(realPath(resolve(cwd, result.path)))));
}
