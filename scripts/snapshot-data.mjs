// Validates the built-in data files with the built loaders and writes what they read to
// dist/data-snapshot.json, so a run skips YAML parsing and schema compiling for unchanged files
// (src/data/data-snapshot.ts). A file that does not validate is left out: the run reports it as before.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const { snapshotFile, snapshotHash } = await import('../dist/data/data-snapshot.js');
rmSync(snapshotFile, { force: true });
const { loadBuiltinPersonas, loadBuiltinPack, readDataFile } = await import('../dist/data/load-data.js');
const { DataError } = await import('../dist/core/errors.js');

const entries = {};
const read = (name) => readFileSync(new URL(name, root), 'utf8');
const orUndefined = (load) => {
  try {
    return load();
  } catch (error) {
    if (error instanceof DataError) return undefined;
    throw error;
  }
};

const personas = orUndefined(loadBuiltinPersonas) ?? [];
for (const name of readdirSync(new URL('rules/personas/', root)).sort()) {
  const persona = personas.find((p) => `${p.id}.yml` === name || `${p.id}.yaml` === name);
  if (persona) entries[`rules/personas/${name}`] = { hash: snapshotHash(read(`rules/personas/${name}`), 'persona.schema.json'), value: persona };
}
// A word pack is checked with its invariants (loadBuiltinPack); other data files, such as a rule's
// own lists, against the schema they satisfy (their loaders check anything further at run time).
const otherSchemas = readdirSync(new URL('rules/schemas/', root)).filter((name) => !['config.schema.json', 'persona.schema.json', 'word-pack.schema.json'].includes(name));
for (const name of readdirSync(new URL('rules/', root)).sort()) {
  if (!name.endsWith('.yml')) continue;
  const file = new URL(`rules/${name}`, root).pathname;
  const pack = orUndefined(() => loadBuiltinPack(name.slice(0, -'.yml'.length)));
  if (pack) {
    entries[`rules/${name}`] = { hash: snapshotHash(read(`rules/${name}`), 'word-pack.schema.json'), value: pack };
    continue;
  }
  for (const schema of otherSchemas) {
    const value = orUndefined(() => readDataFile(file, schema));
    if (value) {
      entries[`rules/${name}`] = { hash: snapshotHash(read(`rules/${name}`), schema), value };
      break;
    }
  }
}
writeFileSync(snapshotFile, JSON.stringify(entries));
