import { dirname, resolve } from 'node:path';
import { cosmiconfig } from 'cosmiconfig';
import picomatch from 'picomatch';
import { schemaValidator, describeErrors } from '../core/schema.js';
import { loadBuiltinPersonas } from '../data/load-data.js';
import type { EffectiveConfig } from '../engine/settings.js';
import { checkMinFit } from '../data/min-fit.js';
import { displayPath } from '../core/paths.js';
import { ConfigError } from '../core/errors.js';
import { checkPacks, checkRules, mergeProfiles } from './check-config.js';
import { resolveFileConfig } from './resolve-config.js';
import { toList, type LoadedConfig, type UserConfig } from './user-config.js';

export type { EffectiveConfig, RuleConfig } from '../engine/settings.js';
export type { ConfigOverride, LoadedConfig, UserConfig } from './user-config.js';
export { resolveFileConfig, toList };

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

const explorer = cosmiconfig('personalint', {
  searchPlaces: configSearchPlaces,
  // cosmiconfig 9 only looks in the start directory unless told to walk up.
  searchStrategy: 'global',
});

const defaults = (): LoadedConfig => ({ source: null, baseDir: process.cwd(), config: {}, personas: loadBuiltinPersonas(), overrides: [], ignores: [] });

const loadedBySource = new Map<string, LoadedConfig>();

/** The nearest config above `directory`, or the defaults. */
export async function findConfig(directory: string): Promise<LoadedConfig> {
  let result;
  try {
    result = await explorer.search(directory);
  } catch (error) {
    throw asConfigError(error);
  }
  if (!result || result.isEmpty) return result ? prepare(result.filepath, {}) : defaults();
  return prepare(result.filepath, result.config);
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
  return prepare(path, result?.config ?? {});
}

function asConfigError(error: unknown, fallbackFile?: string): ConfigError {
  if (error instanceof ConfigError) return error;
  const err = error as NodeJS.ErrnoException & { filepath?: string };
  const file = err.filepath ?? fallbackFile ?? '(config)';
  if (err.code === 'ENOENT') return new ConfigError(displayPath(file), ['file not found']);
  const reason = (err.message ?? String(error)).split('\n')[0];
  return new ConfigError(displayPath(file), [`cannot be parsed: ${reason}`]);
}

function prepare(source: string, raw: unknown): LoadedConfig {
  const cached = loadedBySource.get(source);
  if (cached) return cached;
  const file = displayPath(source);
  const validate = schemaValidator('config.schema.json');
  if (!validate(raw)) throw new ConfigError(file, describeErrors(validate.errors));
  const config = raw as UserConfig;
  const baseDir = dirname(source);
  const problems = [...checkRules(config.rules, 'rules'), ...checkPacks(config.packs, 'packs')];
  (config.overrides ?? []).forEach((override, i) => {
    problems.push(...checkRules(override.rules, `overrides[${i}].rules`), ...checkPacks(override.packs, `overrides[${i}].packs`));
  });
  if (problems.length > 0) throw new ConfigError(file, problems);
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
    overrides: (config.overrides ?? []).map((override) => ({ matches: picomatch(toList(override.files), { dot: true }), override })),
    ignores: config.ignores ?? [],
  };
  loadedBySource.set(source, loaded);
  return loaded;
}

/** Effective config for one file, as --print-config shows it. */
export async function configForFile(filePath: string, configFile?: string): Promise<EffectiveConfig> {
  const loaded = configFile ? await loadConfigFile(configFile) : await findConfig(dirname(resolve(filePath)));
  return resolveFileConfig(loaded, filePath);
}
