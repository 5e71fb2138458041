import { randomUUID } from 'node:crypto';
import { realpathSync, statSync } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { UsageError } from '../core/errors.js';
import { displayPath } from '../core/paths.js';

/** A file the run will write, and the option that names it (for messages). */
export interface OutputTarget {
  /** The option as the user wrote it: `-o out.xml`, `--report sarif=out.sarif`. */
  option: string;
  path: string;
}

/** A file the run reads, and what it is (for messages). */
export interface InputFile {
  what: string;
  path: string;
}

/**
 * The same file whatever the spelling: device and inode when it exists (symlinks and hard links
 * included), else the real path of its folder plus its name.
 */
function identity(absolute: string): string {
  try {
    const info = statSync(absolute);
    return `inode:${info.dev}:${info.ino}`;
  } catch {
    let folder = dirname(absolute);
    try {
      folder = realpathSync(folder);
    } catch {
      // A folder that does not exist yet is created on write; its spelling is all there is.
    }
    return `path:${resolve(folder, basename(absolute))}`;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // absent, or under a file (ENOTDIR): the write will say why
  }
}

function isInside(folder: string, file: string): boolean {
  const rel = relative(folder, file);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}

/**
 * Outputs never clobber inputs: an output that is a linted file (or another input such as the
 * config or the baseline read), an existing folder, or the same file as another output is a usage
 * error, raised before anything is linted. `cacheFolder`, when set, must hold no linted file.
 */
export function checkOutputs(outputs: readonly OutputTarget[], inputs: readonly InputFile[], cwd: string, cacheFolder?: string): void {
  const inputsById = new Map<string, InputFile>();
  for (const input of inputs) inputsById.set(identity(resolve(cwd, input.path)), input);
  const outputsById = new Map<string, OutputTarget>();
  for (const output of outputs) {
    const absolute = resolve(cwd, output.path);
    const shown = displayPath(absolute, cwd);
    if (isFolder(absolute)) throw new UsageError(`${output.option}: ${shown} is a folder; name a file to write to.`);
    const id = identity(absolute);
    const input = inputsById.get(id);
    if (input) throw new UsageError(`${output.option} would overwrite ${shown}, ${input.what}; write to another file.`);
    const other = outputsById.get(id);
    if (other) throw new UsageError(`${output.option} and ${other.option} both write ${shown}; give each output a file of its own.`);
    outputsById.set(id, output);
  }
  if (cacheFolder) {
    const folder = resolve(cwd, cacheFolder);
    const real = (() => {
      try {
        return realpathSync(folder);
      } catch {
        return folder;
      }
    })();
    for (const input of inputs) {
      const file = resolve(cwd, input.path);
      if (isInside(folder, file) || isInside(real, file)) throw new UsageError(`--cache-location ${cacheFolder} holds ${displayPath(file, cwd)}, ${input.what}; keep the cache in a folder of its own.`);
    }
    for (const output of outputs) {
      const file = resolve(cwd, output.path);
      if (isInside(folder, file) || isInside(real, file)) throw new UsageError(`--cache-location ${cacheFolder} holds the output of ${output.option}; keep the cache in a folder of its own.`);
    }
  }
}

/** A report, baseline or other output that could not be written; the message names the path and why. */
export class OutputWriteError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`cannot write ${path}: ${reason}`);
    this.name = 'OutputWriteError';
  }
}

function reasonOf(error: unknown): string {
  const err = error as NodeJS.ErrnoException;
  if (err.code === 'EISDIR') return 'it is a folder';
  if (err.code === 'EACCES' || err.code === 'EPERM') return 'permission denied';
  if (err.code === 'ENOTDIR') return 'a part of the path is a file, not a folder';
  if (err.code === 'ENOENT') return 'it cannot be created there (no such file or folder)';
  if (err.code === 'EROFS') return 'the file system is read-only';
  if (err.code === 'ENOSPC') return 'no space left on the device';
  return err.message ?? String(error);
}

/**
 * `mkdir -p`, one level at a time. Node's own recursive mkdir never returns when the file system
 * answers ENOENT for a folder whose parent exists (/proc, /sys): it retries the same call forever.
 */
export async function createFolders(folder: string): Promise<void> {
  const missing: string[] = [];
  let at = resolve(folder);
  while (!(await stat(at).catch(() => undefined))) {
    missing.push(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const path of missing.reverse()) {
    await mkdir(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}

/**
 * Writes a whole file or nothing: the text goes to a temporary file beside it, then is renamed
 * into place, so a crash or a full disk never leaves half a report and readers never see one.
 * A device or pipe (`/dev/stdout`, a FIFO) is written directly, as renaming over it would
 * replace it. Failures throw an OutputWriteError naming `shownPath`.
 */
export async function writeFileAtomically(path: string, text: string, shownPath = path): Promise<void> {
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw new OutputWriteError(shownPath, 'it is a folder');
  try {
    if (existing && !existing.isFile()) {
      await writeFile(path, text);
      return;
    }
    await createFolders(dirname(path));
  } catch (error) {
    throw new OutputWriteError(shownPath, reasonOf(error));
  }
  const temporary = resolve(dirname(path), `.${basename(path)}.${process.pid}.${randomUUID()}.tmp`);
  try {
    await writeFile(temporary, text, { mode: existing ? existing.mode & 0o777 : 0o666 });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new OutputWriteError(shownPath, reasonOf(error));
  }
}
