import { createHash, randomUUID } from 'node:crypto';
import findCacheDirectory from 'find-cache-dir';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { createFolders } from './output-files.js';
import { dirname, join, resolve } from 'node:path';
import { repoPath } from '../core/paths.js';
import { memoByObject } from '../core/memo.js';
import { fileURLToPath } from 'node:url';
import type { EffectiveConfig } from '../engine/settings.js';
import type { Persona } from '../data/load-data.js';
import type { FileResult } from '../core/types.js';
import { packagePath } from '../core/schema.js';
import { toolName, toolVersion } from '../core/meta.js';

/**
 * Where `--cache` keeps results unless `--cache-location` says otherwise: find-cache-dir's
 * convention (`node_modules/.cache/persona-lint` beside the nearest package.json, or
 * `$CACHE_DIR/persona-lint`), else `.cache/persona-lint` in the working directory, so a docs-only
 * repository gets no `node_modules/`.
 */
export function defaultCacheLocation(cwd: string): string {
  return findCacheDirectory({ name: toolName, cwd }) ?? join(cwd, '.cache', toolName);
}
/** The folder of the cache location that holds the entries, one file per linted file; a new layout gets a new name. */
export const entriesFolder = 'files-v2';
/** The single file of every result that the first layout kept; removed when a run writes entries. */
const firstLayoutFile = 'results.json';

/** One file's cached result, as stored in its entry file. */
interface CacheEntry {
  tool: string;
  /** The file's path from the repository root: the entry's name is its hash. */
  path: string;
  /** Content, effective config and tool: the result holds while the key matches. */
  key: string;
  result: FileResult;
}

function sha256(...parts: (string | Buffer)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** Every file under `dir`, sorted, as [relative path, content]. */
function treeFiles(dir: string, prefix = ''): [string, Buffer][] {
  if (!existsSync(dir)) return [];
  const out: [string, Buffer][] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...treeFiles(path, `${prefix}${entry.name}/`));
    else if (entry.isFile()) out.push([`${prefix}${entry.name}`, readFileSync(path)]);
  }
  return out;
}

let fingerprint: string | undefined;

/**
 * The tool version, the data files (rules/: packs, personas, schemas) and the code itself: a local
 * build or an edited data file invalidates every entry, as a new release does.
 */
export function toolFingerprint(): string {
  if (!fingerprint) {
    const code = fileURLToPath(new URL('..', import.meta.url));
    const parts = [toolVersion];
    for (const [root, files] of [['rules', treeFiles(packagePath('rules'))], ['code', treeFiles(code)]] as const) {
      for (const [path, content] of files) parts.push(`${root}/${path}`, sha256(content));
    }
    fingerprint = sha256(...parts);
  }
  return fingerprint;
}

/** A persona set's hash, once per set: every file of a run shares the set. */
const personasHash = memoByObject((personas: readonly Persona[]) => sha256(JSON.stringify(personas)));

/**
 * The effective config as data: every rule's severity and options, pack changes, every persona
 * (built-in and configured profiles), the targets and whatever else it sets, plus the lint options
 * that change results (such as --persona). Where the config came from does not matter, only what
 * it says.
 */
export function configHash(config: EffectiveConfig, options: Record<string, unknown>): string {
  const { source, personas, ...settings } = config;
  return sha256(JSON.stringify({ settings, options }), personasHash(personas));
}

/** The key of one file's result: its content, its effective config, and the tool. */
export function entryKey(content: Buffer, config: string): string {
  return sha256(toolFingerprint(), config, sha256(content));
}

function isResult(value: unknown): value is FileResult {
  const r = value as FileResult;
  return typeof r === 'object' && r !== null && typeof r.path === 'string' && Array.isArray(r.messages) && typeof r.counts === 'object' && r.counts !== null;
}

/**
 * Results of earlier runs, one entry file per linted file, named by a hash of the file's path from
 * the repository root and holding a key of its content, config and the tool. A run reads only the
 * entries of the files it lints; a cache copied to another checkout, runner or shard still hits
 * (nothing absolute goes in); a CI checkout with new mtimes hits, since keys hash content. An entry
 * that is corrupt, foreign or stale is a miss and is replaced. Each entry is written as its result
 * arrives, to a temporary file renamed into place, so a crashed or concurrent run never leaves
 * half an entry. Entries of deleted files stay until the cache folder is removed.
 */
export class ResultCache {
  private writes: Promise<void> = Promise.resolve();
  private failure: string | undefined;
  private wrote = false;

  private constructor(
    readonly directory: string,
    private readonly root: string,
  ) {}

  /** The cache in `location`, for files under the repository `root`. */
  static async open(location: string, root: string): Promise<ResultCache> {
    return new ResultCache(resolve(location), root);
  }

  private entryFile(path: string): string {
    return join(this.directory, entriesFolder, `${sha256(path).slice(0, 40)}.json`);
  }

  /** The stored result for this file if its key still matches, with the path as shown in this run. */
  get(absolutePath: string, key: string, shownPath: string): FileResult | undefined {
    const path = repoPath(absolutePath, this.root);
    let entry: CacheEntry;
    try {
      entry = JSON.parse(readFileSync(this.entryFile(path), 'utf8')) as CacheEntry;
    } catch {
      return undefined;
    }
    if (typeof entry !== 'object' || entry === null || entry.tool !== toolName || entry.path !== path || entry.key !== key || !isResult(entry.result)) return undefined;
    return { ...entry.result, path: shownPath };
  }

  /** Stores this file's result now (serialised at once, written in order); a fatal result removes the entry instead. */
  set(absolutePath: string, key: string, result: FileResult): void {
    const path = repoPath(absolutePath, this.root);
    const file = this.entryFile(path);
    // A file that could not be linted may be fine next time (a worker out of memory, a locked file).
    const text = result.counts.fatal > 0 ? undefined : JSON.stringify({ tool: toolName, path, key, result: { ...result, path } } satisfies CacheEntry);
    this.writes = this.writes.then(async () => {
      if (this.failure) return;
      if (text === undefined) return void (await rm(file, { force: true }).catch(() => undefined));
      const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
      try {
        if (!this.wrote) await createFolders(dirname(file));
        this.wrote = true;
        await writeFile(temporary, text);
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true }).catch(() => undefined);
        this.failure = `cannot write the cache ${this.directory}: ${(error as Error).message}`;
      }
    });
  }

  /** Waits for every entry to be written; says why the cache could not be written, if it could not. */
  async save(): Promise<string | undefined> {
    await this.writes;
    if (this.wrote && !this.failure) await rm(join(this.directory, firstLayoutFile), { force: true }).catch(() => undefined);
    return this.failure;
  }
}
