import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { packagePath, packageRoot } from '../core/schema.js';

/**
 * The built-in data files (rules/*.yml, rules/personas/*.yml) as the build validated them
 * (scripts/snapshot-data.mjs). Parsing YAML with positions and compiling the JSON Schemas was most
 * of the start-up of a one-file run and of every pool worker; a file whose text or schema changed
 * since the build simply misses and is read and validated as before.
 */
export const snapshotFile = packagePath('dist', 'data-snapshot.json');

type Snapshot = Record<string, { hash: string; value: unknown }>;

let snapshot: Snapshot | undefined;
const validated = new WeakSet<object>();
const schemaTexts = new Map<string, Buffer>();

/** Hashes a data file's text with the schema it is validated against. */
export function snapshotHash(text: string, schemaName: string): string {
  let schema = schemaTexts.get(schemaName);
  if (!schema) {
    schema = readFileSync(packagePath('rules', 'schemas', schemaName));
    schemaTexts.set(schemaName, schema);
  }
  return createHash('sha256').update(text).update('\0').update(schema).digest('hex');
}

/** `rules/personas/x.yml` for a file inside the package, or null. */
export function snapshotName(file: string): string | null {
  const rel = relative(packageRoot, file).split('\\').join('/');
  return rel.startsWith('rules/') ? rel : null;
}

function load(): Snapshot {
  try {
    return JSON.parse(readFileSync(snapshotFile, 'utf8')) as Snapshot;
  } catch {
    return {};
  }
}

/** The value of a built-in data file the build validated, when the file and its schema are unchanged since. */
export function validatedAtBuild(file: string, text: string, schemaName: string): unknown {
  const name = snapshotName(file);
  if (!name) return undefined;
  snapshot ??= load();
  const entry = snapshot[name];
  if (!entry || typeof entry.value !== 'object' || entry.value === null || entry.hash !== snapshotHash(text, schemaName)) return undefined;
  validated.add(entry.value);
  return entry.value;
}

/** True for a value that came from the snapshot: its invariants were checked at build time too. */
export function wasValidatedAtBuild(value: object): boolean {
  return validated.has(value);
}
