import { dirname, resolve } from 'node:path';
import { cosmiconfig, defaultLoaders } from 'cosmiconfig';
import { codeExtensions, jsConfigRefusal } from './js-config-policy.js';
import { configParseProblem, describeParseProblem } from '../core/parse-errors.js';
import picomatch from 'picomatch';
import { schemaValidator, describeErrors } from '../core/schema.js';
import { loadBuiltinPersonas } from '../data/load-data.js';
import type { EffectiveConfig } from '../engine/settings.js';
import { checkMinFit } from '../data/min-fit.js';
import { displayPath } from '../core/paths.js';
import { ConfigError } from '../core/errors.js';
import { checkPacks, checkRules, mergeProfiles } from './check-config.js';
import { resolveFileConfig, configSources } from './resolve-config.js';
import { toList, type LoadedConfig, type UserConfig } from './user-config.js';
import { resolveExtends } from './extends.js';
import { readGlossaries } from './glossary-files.js';

export type { EffectiveConfig, RuleConfig } from '../engine/settings.js';
export type { ConfigOverride, LoadedConfig, UserConfig } from './user-config.js';
export { resolveFileConfig, configSources, toList };

export const configSearchPlaces = [
  'package.json',
  '.personalintrc',
  '.personalintrc.json',
  '.personalintrc.yaml',
  '.personalintrc.yml',
  '.personalintrc.js',
  '.personalintrc.mjs',
  'personalint.config.js',
  'personalint.config.mjs',
];

/**
 * cosmiconfig's loaders, with two checks: loading a JavaScript config runs it, so only when the
 * policy allows (js-config-policy.ts); and a data file holding `null`, which cosmiconfig would take
 * for no config at all, is reported like an empty one.
 */
const loaders = Object.fromEntries(
  Object.entries(defaultLoaders).map(([extension, load]) => [
    extension,
    async (filepath: string, content: string) => {
      if (codeExtensions.includes(extension)) {
        const refusal = jsConfigRefusal(filepath);
        if (refusal) throw new ConfigError(displayPath(filepath), [refusal]);
      }
      const loaded = await load(filepath, content);
      return loaded === null ? notEmpty(filepath, null) : loaded;
    },
  ]),
);

const explorer = cosmiconfig('personalint', {
  searchPlaces: configSearchPlaces,
  loaders,
  // An empty or null config is reported (notEmpty), not passed over for one further up.
  ignoreEmptySearchPlaces: false,
  // cosmiconfig 9 only looks in the start directory unless told to walk up.
  searchStrategy: 'global',
});

const defaults = (): LoadedConfig => ({ source: null, baseDir: process.cwd(), config: {}, personas: loadBuiltinPersonas(), overrides: [], ignores: [], chain: [], provenance: {} });

const loadedBySource = new Map<string, LoadedConfig>();

/** Forgets every loaded config, so the next lint reads config and persona profile files again (the language server, on file changes). */
export function clearConfigCaches(): void {
  loadedBySource.clear();
  explorer.clearCaches();
}

/** The nearest config above `directory`, or the defaults. */
export async function findConfig(directory: string): Promise<LoadedConfig> {
  let result;
  try {
    result = await explorer.search(directory);
  } catch (error) {
    throw asConfigError(error);
  }
  if (!result) return defaults();
  return await prepare(result.filepath, notEmpty(result.filepath, result.config));
}

/** A config named by --config. */
export async function loadConfigFile(file: string): Promise<LoadedConfig> {
  const path = resolve(file);
  let result;
  try {
    result = await explorer.load(path);
  } catch (error) {
    throw asConfigError(error, path);
  }
  return await prepare(path, notEmpty(path, result?.config));
}

/** An empty or `null` config file is a mistake (a half-written file, a bad merge), not “no settings”. */
function notEmpty(file: string, config: unknown): unknown {
  if (config === undefined || config === null) throw new ConfigError(displayPath(file), [`the file holds no settings (it is empty or null); a config is an object, e.g. { "rules": {} } (delete the file to use the defaults)`]);
  return config;
}

function asConfigError(error: unknown, fallbackFile?: string): ConfigError {
  if (error instanceof ConfigError) return error;
  const err = error as NodeJS.ErrnoException & { filepath?: string };
  const file = err.filepath ?? fallbackFile ?? '(config)';
  if (err.code === 'ENOENT') return new ConfigError(displayPath(file), ['file not found']);
  return new ConfigError(displayPath(file), [`cannot be parsed: ${describeParseProblem(configParseProblem(error, err.filepath ?? fallbackFile))}`]);
}

/** One config file checked on its own: the schema, then rule ids, options and packs. */
function validateConfigFile(raw: unknown, source: string): UserConfig {
  const file = displayPath(source);
  const validate = schemaValidator('config.schema.json');
  if (!validate(raw)) throw new ConfigError(file, describeErrors(validate.errors));
  const config = raw as UserConfig;
  const problems = [...checkRules(config.rules, 'rules'), ...checkPacks(config.packs, 'packs')];
  if (typeof config.repeatedSentences === 'object' && config.repeatedSentences.minFiles === 1) {
    problems.push('repeatedSentences.minFiles: 1 would make every message a group of one; use 0 (or false) to show every copy, or 2 or more');
  }
  (config.overrides ?? []).forEach((override, i) => {
    problems.push(...checkRules(override.rules, `overrides[${i}].rules`), ...checkPacks(override.packs, `overrides[${i}].packs`));
  });
  if (problems.length > 0) throw new ConfigError(file, problems);
  return readGlossaries(config, source);
}

async function loadPresetFile(path: string): Promise<unknown> {
  try {
    return (await explorer.load(path))?.config ?? {};
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
    throw asConfigError(error, path);
  }
}

async function prepare(source: string, raw: unknown): Promise<LoadedConfig> {
  const cached = loadedBySource.get(source);
  if (cached) return cached;
  const file = displayPath(source);
  const resolved = await resolveExtends<UserConfig>(source, raw, { load: loadPresetFile, validate: validateConfigFile, error: (file, problems) => new ConfigError(file, problems) });
  const config = resolved.config;
  const baseDir = dirname(source);
  const personas = mergeProfiles(loadBuiltinPersonas(), config.personaProfiles ?? [], baseDir, file);
  const known = new Set(personas.flatMap((p) => [p.id, ...p.aliases]));
  const targetProblems: string[] = [];
  const checkTargets = (targets: string | string[] | undefined, key: string) => {
    for (const name of toList(targets)) if (!known.has(name.toLowerCase())) targetProblems.push(`${key}: unknown persona "${name}"; known: ${personas.map((p) => p.id).join(', ')}`);
  };
  checkTargets(config.persona, 'persona');
  (config.overrides ?? []).forEach((o, i) => checkTargets(o.persona, `overrides[${i}].persona`));
  targetProblems.push(...checkMinFit(config.minFit, 'minFit', personas));
  (config.overrides ?? []).forEach((o, i) => targetProblems.push(...checkMinFit(o.minFit, `overrides[${i}].minFit`, personas)));
  if (targetProblems.length > 0) throw new ConfigError(file, targetProblems);
  const loaded: LoadedConfig = {
    source,
    baseDir,
    config,
    personas,
    overrides: (config.overrides ?? []).map((override, i) => ({ matches: picomatch(toList(override.files), { dot: true }), override, source: resolved.overrideSources[i] })),
    ignores: config.ignores ?? [],
    chain: resolved.chain,
    provenance: resolved.provenance,
  };
  loadedBySource.set(source, loaded);
  return loaded;
}

/** Effective config for one file, as --print-config shows it. */
export async function configForFile(filePath: string, configFile?: string): Promise<EffectiveConfig> {
  const loaded = configFile ? await loadConfigFile(configFile) : await findConfig(dirname(resolve(filePath)));
  return resolveFileConfig(loaded, filePath);
}
