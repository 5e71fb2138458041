// Validates the built-in data files with the built loaders and writes what they read to
// dist/data-snapshot.json, so a run skips YAML parsing and schema compiling for unchanged files
// (src/data-snapshot.ts). A file that does not validate is left out: the run reports it as before.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const { snapshotFile, snapshotHash } = await import('../dist/data-snapshot.js');
rmSync(snapshotFile, { force: true });
const { loadBuiltinPersonas, loadBuiltinPack, DataError } = await import('../dist/data.js');

const entries = {};
const read = (name) => readFileSync(new URL(name, root), 'utf8');
const skipDataErrors = (load) => {
  try {
    return load();
  } catch (error) {
    if (error instanceof DataError) return undefined;
    throw error;
  }
};

const personas = skipDataErrors(loadBuiltinPersonas) ?? [];
for (const name of readdirSync(new URL('rules/personas/', root)).sort()) {
  const persona = personas.find((p) => `${p.id}.yml` === name || `${p.id}.yaml` === name);
  if (persona) entries[`rules/personas/${name}`] = { hash: snapshotHash(read(`rules/personas/${name}`), 'persona.schema.json'), value: persona };
}
for (const name of readdirSync(new URL('rules/', root)).sort()) {
  if (!name.endsWith('.yml')) continue;
  const pack = skipDataErrors(() => loadBuiltinPack(name.slice(0, -'.yml'.length)));
  if (pack) entries[`rules/${name}`] = { hash: snapshotHash(read(`rules/${name}`), 'word-pack.schema.json'), value: pack };
}
writeFileSync(snapshotFile, JSON.stringify(entries));
