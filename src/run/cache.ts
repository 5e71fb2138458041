import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EffectiveConfig } from '../engine/settings.js';
import type { Persona } from '../data/load-data.js';
import type { FileResult } from '../core/types.js';
import { packagePath } from '../core/schema.js';
import { toolName, toolVersion } from '../core/meta.js';

/** Where `--cache` keeps results unless `--cache-location` says otherwise (relative to the working directory). */
export const defaultCacheLocation = join('node_modules', '.cache', toolName);
export const cacheFileName = 'results.json';
const cacheFormat = 1;

interface CacheEntry {
  key: string;
  result: FileResult;
}

interface CacheFile {
  tool: string;
  format: number;
  /** Tool version, code and data files: when it changes, no entry can be trusted. */
  fingerprint: string;
  entries: Record<string, CacheEntry>;
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

const personasHashes = new WeakMap<readonly Persona[], string>();

/**
 * The effective config as data: every rule's severity and options, pack changes, every persona
 * (built-in and configured profiles), the targets and whatever else it sets, plus the lint options
 * that change results (such as --persona). Where the config came from does not matter, only what
 * it says.
 */
export function configHash(config: EffectiveConfig, options: Record<string, unknown>): string {
  const { source, personas, ...settings } = config;
  let personasHash = personasHashes.get(personas);
  if (!personasHash) {
    personasHash = sha256(JSON.stringify(personas));
    personasHashes.set(personas, personasHash);
  }
  return sha256(JSON.stringify({ settings, options }), personasHash);
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
 * Results of earlier runs, one file on disk keyed by absolute path. A CI checkout with new mtimes
 * still hits, since keys hash content, not times. A corrupt, foreign or outdated cache file is
 * read as empty and replaced on save; writes go to a temporary file renamed into place, so a
 * crashed or concurrent run never leaves half a file.
 */
export class ResultCache {
  private readonly entries = new Map<string, CacheEntry>();
  private readonly fresh = new Set<string>();
  /** Nothing to write when every file hit and the file on disk was ours. */
  private changed = false;

  private constructor(readonly file: string) {}

  static async open(location: string): Promise<ResultCache> {
    const cache = new ResultCache(join(resolve(location), cacheFileName));
    cache.changed = true;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(cache.file, 'utf8'));
    } catch {
      return cache;
    }
    const data = parsed as CacheFile;
    if (typeof data !== 'object' || data === null || data.tool !== toolName || data.format !== cacheFormat || data.fingerprint !== toolFingerprint()) return cache;
    if (typeof data.entries !== 'object' || data.entries === null || Array.isArray(data.entries)) return cache;
    cache.changed = false;
    for (const [path, entry] of Object.entries(data.entries)) {
      if (typeof entry === 'object' && entry !== null && typeof entry.key === 'string' && isResult(entry.result)) cache.entries.set(path, entry);
      else cache.changed = true;
    }
    return cache;
  }

  /** The stored result for this file if its key still matches, with the path as shown in this run. */
  get(absolutePath: string, key: string, shownPath: string): FileResult | undefined {
    const entry = this.entries.get(absolutePath);
    if (!entry || entry.key !== key) return undefined;
    this.fresh.add(absolutePath);
    return { ...entry.result, path: shownPath };
  }

  set(absolutePath: string, key: string, result: FileResult): void {
    // A file that could not be linted may be fine next time (a worker out of memory, a locked file).
    this.changed = true;
    if (result.counts.fatal > 0) {
      this.entries.delete(absolutePath);
      return;
    }
    this.entries.set(absolutePath, { key, result });
    this.fresh.add(absolutePath);
  }

  /** Writes the entries of this run, and earlier ones for files that still exist; says why it could not. */
  async save(): Promise<string | undefined> {
    const entries: Record<string, CacheEntry> = {};
    for (const [path, entry] of [...this.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (this.fresh.has(path) || existsSync(path)) entries[path] = entry;
      else this.changed = true;
    }
    if (!this.changed) return undefined;
    const data: CacheFile = { tool: toolName, format: cacheFormat, fingerprint: toolFingerprint(), entries };
    const temporary = `${this.file}.${process.pid}.${randomUUID()}.tmp`;
    try {
      await mkdir(dirname(this.file), { recursive: true });
      await writeFile(temporary, JSON.stringify(data));
      await rename(temporary, this.file);
      return undefined;
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      return `cannot write the cache ${this.file}: ${(error as Error).message}`;
    }
  }
}
