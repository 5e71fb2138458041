import { dirname, relative, resolve, extname } from 'node:path';
import { readFileSync } from 'node:fs';
import { cosmiconfig } from 'cosmiconfig';
import picomatch from 'picomatch';
import { lazy } from './lazy.js';
import type { ConfigSeverity } from './types.js';
import { schemaValidator, describeErrors } from './schema.js';
import { loadBuiltinPersonas, checkPersonaNames, DataError, type PackChanges, type Persona } from './data.js';
import { rules, findRule, ruleIds } from './rules/index.js';
import type { Gates } from './gates.js';
import { checkMinFit, defaultMinFit, mergeMinFit, type MinFit, type MinFitSetting } from './min-fit.js';
import type { Ajv } from 'ajv';
import { displayPath } from './paths.js';
import { resolveExtends, type Provenance } from './config-extends.js';

const yaml = lazy<typeof import('yaml')>('yaml');
const ajvModule = lazy<typeof import('ajv')>('ajv');

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

type RuleSetting = ConfigSeverity | [ConfigSeverity, Record<string, unknown>?];

/** The configuration as a user writes it. */
export interface UserConfig {
  $schema?: string;
  /** Presets this config builds on: relative paths or npm packages (see config-extends.ts). */
  extends?: string | string[];
  rules?: Record<string, RuleSetting>;
  packs?: Record<string, PackChanges>;
  personaProfiles?: (string | (Partial<Persona> & { id: string }))[];
  persona?: string | string[];
  ignores?: string[];
  overrides?: ConfigOverride[];
  /** Bars the declared personas' scores must reach (--min-fit, --min-coverage). */
  gates?: Gates;
  minFit?: MinFitSetting;
}

export interface ConfigOverride {
  files: string | string[];
  rules?: Record<string, RuleSetting>;
  packs?: Record<string, PackChanges>;
  persona?: string | string[];
  gates?: Gates;
  minFit?: MinFitSetting;
}

export interface RuleConfig {
  severity: ConfigSeverity;
  options: Record<string, unknown>;
}

/** The settings that apply to one file, after overrides. */
export interface EffectiveConfig {
  /** The config file it came from, or null for the defaults. */
  source: string | null;
  rules: Record<string, RuleConfig>;
  packs: Record<string, PackChanges>;
  /** Every known persona (built-in and the config's profiles). */
  personas: Persona[];
  /** Target persona ids or aliases, as configured (resolved by the engine). */
  persona: string[];
  /** Gates for this file: the config's, then matching overrides'. */
  gates?: Gates;
  /** The fit under which persona-fit reports a declared persona. */
  minFit: MinFit;
}

/** A config mistake: names the file, the key and what was expected. The CLI exits 2. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Invalid config in ${file}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** A loaded, validated config file, ready to be resolved per file. */
export interface LoadedConfig {
  source: string | null;
  baseDir: string;
  /** The config with its presets (`extends`) merged in. */
  config: UserConfig;
  personas: Persona[];
  overrides: { matches: (relativePath: string) => boolean; override: ConfigOverride; source: string }[];
  ignores: string[];
  /** The files merged, presets first, this config last. */
  chain: string[];
  /** Which file each setting came from. */
  provenance: Provenance;
}

const explorer = cosmiconfig('personalint', {
  searchPlaces: configSearchPlaces,
  // cosmiconfig 9 only looks in the start directory unless told to walk up.
  searchStrategy: 'global',
});

const defaults = (): LoadedConfig => ({ source: null, baseDir: process.cwd(), config: {}, personas: loadBuiltinPersonas(), overrides: [], ignores: [], chain: [], provenance: {} });

const loadedBySource = new Map<string, LoadedConfig>();

/** The nearest config above `directory`, or the defaults. */
export async function findConfig(directory: string): Promise<LoadedConfig> {
  let result;
  try {
    result = await explorer.search(directory);
  } catch (error) {
    throw asConfigError(error);
  }
  if (!result || result.isEmpty) return result ? await prepare(result.filepath, {}) : defaults();
  return await prepare(result.filepath, result.config);
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
  return await prepare(path, result?.config ?? {});
}

function asConfigError(error: unknown, fallbackFile?: string): ConfigError {
  if (error instanceof ConfigError) return error;
  const err = error as NodeJS.ErrnoException & { filepath?: string };
  const file = err.filepath ?? fallbackFile ?? '(config)';
  if (err.code === 'ENOENT') return new ConfigError(displayPath(file), ['file not found']);
  const reason = (err.message ?? String(error)).split('\n')[0];
  return new ConfigError(displayPath(file), [`cannot be parsed: ${reason}`]);
}

/** One config file checked on its own: the schema, then rule ids, options and packs. */
function validateConfigFile(raw: unknown, source: string): UserConfig {
  const file = displayPath(source);
  const validate = schemaValidator('config.schema.json');
  if (!validate(raw)) throw new ConfigError(file, describeErrors(validate.errors));
  const config = raw as UserConfig;
  const problems = [...checkRules(config.rules, 'rules'), ...checkPacks(config.packs, 'packs')];
  (config.overrides ?? []).forEach((override, i) => {
    problems.push(...checkRules(override.rules, `overrides[${i}].rules`), ...checkPacks(override.packs, `overrides[${i}].packs`));
  });
  if (problems.length > 0) throw new ConfigError(file, problems);
  return config;
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

let ajv: Ajv | undefined;

function checkRules(settings: Record<string, RuleSetting> | undefined, key: string): string[] {
  const problems: string[] = [];
  for (const [id, setting] of Object.entries(settings ?? {})) {
    const rule = findRule(id);
    if (!rule) {
      problems.push(`${key}.${id}: unknown rule; known rules: ${ruleIds.join(', ')}`);
      continue;
    }
    const options = Array.isArray(setting) ? setting[1] : undefined;
    if (options === undefined) continue;
    if (!rule.meta.optionsSchema) {
      if (Object.keys(options).length > 0) problems.push(`${key}.${id}[1]: this rule takes no options`);
      continue;
    }
    const validate = (ajv ??= new (ajvModule().Ajv)({ allErrors: true, strict: false })).compile({ ...rule.meta.optionsSchema, additionalProperties: false });
    if (!validate(options)) {
      for (const line of describeErrors(validate.errors)) problems.push(`${key}.${id}[1].${line.replace(/^\(root\): /, '')}`.replace('[1].(root)', '[1]'));
    }
  }
  return problems;
}

function checkPacks(packs: Record<string, PackChanges> | undefined, key: string): string[] {
  const withPacks = rules.filter((r) => r.meta.hasPack).map((r) => r.meta.id);
  return Object.keys(packs ?? {})
    .filter((id) => !withPacks.includes(id))
    .map((id) => `${key}.${id}: no word pack for this rule; rules with packs: ${withPacks.join(', ')}`);
}

function mergeProfiles(builtins: Persona[], profiles: NonNullable<UserConfig['personaProfiles']>, baseDir: string, file: string): Persona[] {
  if (profiles.length === 0) return builtins;
  const personas = [...builtins];
  const validate = schemaValidator('persona.schema.json');
  profiles.forEach((entry, i) => {
    const key = `personaProfiles[${i}]`;
    let profile: Partial<Persona> & { id: string };
    if (typeof entry === 'string') {
      const path = resolve(baseDir, entry);
      try {
        const text = readFileSync(path, 'utf8');
        profile = extname(path) === '.json' ? JSON.parse(text) : yaml().parse(text);
      } catch (error) {
        throw new ConfigError(file, [`${key}: cannot read ${entry}: ${(error as Error).message.split('\n')[0]}`]);
      }
    } else profile = entry;
    const at = personas.findIndex((p) => p.id === profile.id);
    const merged = at >= 0 ? { ...personas[at], ...profile } : profile;
    if (!validate(merged)) throw new ConfigError(file, describeErrors(validate.errors).map((line) => `${key}.${line}`));
    if (at >= 0) personas[at] = merged as Persona;
    else personas.push(merged as Persona);
  });
  try {
    checkPersonaNames(personas, file);
  } catch (error) {
    if (error instanceof DataError) throw new ConfigError(file, error.problems.map((p) => `personaProfiles: ${p}`));
    throw error;
  }
  return personas;
}

export function toList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function ruleConfig(setting: RuleSetting, previous: RuleConfig): RuleConfig {
  if (!Array.isArray(setting)) return { severity: setting, options: previous.options };
  return { severity: setting[0], options: { ...previous.options, ...(setting[1] ?? {}) } };
}

function mergePacks(into: Record<string, PackChanges>, packs: Record<string, PackChanges> | undefined): void {
  for (const [id, changes] of Object.entries(packs ?? {})) {
    const previous = into[id] ?? {};
    into[id] = { add: [...(previous.add ?? []), ...(changes.add ?? [])], remove: [...(previous.remove ?? []), ...(changes.remove ?? [])] };
  }
}

/** The settings for one file: defaults, then the config, then each matching override in order. */
export function resolveFileConfig(loaded: LoadedConfig, filePath: string): EffectiveConfig {
  const effective: EffectiveConfig = { source: loaded.source, rules: {}, packs: {}, personas: loaded.personas, persona: toList(loaded.config.persona), minFit: mergeMinFit({ default: defaultMinFit, byPersona: {} }, loaded.config.minFit, loaded.personas) };
  for (const rule of rules) effective.rules[rule.meta.id] = { severity: rule.meta.defaultSeverity, options: { ...(rule.meta.defaultOptions ?? {}) } };
  const apply = (settings: Record<string, RuleSetting> | undefined) => {
    for (const [id, setting] of Object.entries(settings ?? {})) effective.rules[id] = ruleConfig(setting, effective.rules[id]);
  };
  apply(loaded.config.rules);
  mergePacks(effective.packs, loaded.config.packs);
  effective.gates = { ...loaded.config.gates };
  const rel = relative(loaded.baseDir, resolve(filePath)).split('\\').join('/');
  for (const { matches, override } of loaded.overrides) {
    if (!matches(rel)) continue;
    apply(override.rules);
    mergePacks(effective.packs, override.packs);
    if (override.persona !== undefined) effective.persona = toList(override.persona);
    if (override.gates) effective.gates = { ...effective.gates, ...override.gates };
    effective.minFit = mergeMinFit(effective.minFit, override.minFit, loaded.personas);
  }
  return effective;
}

/** Which file each setting of one file's effective config came from: the config chain's, then each matching override's. */
export function configSources(loaded: LoadedConfig, filePath: string): Provenance {
  const sources: Provenance = { ...loaded.provenance };
  const rel = relative(loaded.baseDir, resolve(filePath)).split('\\').join('/');
  loaded.overrides.forEach(({ matches, override, source }, i) => {
    if (!matches(rel)) return;
    const from = `${displayPath(source)} (overrides[${i}])`;
    for (const id of Object.keys(override.rules ?? {})) sources[`rules.${id}`] = from;
    for (const id of Object.keys(override.packs ?? {})) sources[`packs.${id}`] = [...toList(sources[`packs.${id}`]), from];
    for (const key of ['persona', 'gates', 'minFit'] as const) if (override[key] !== undefined) sources[key] = from;
  });
  return sources;
}

/** Effective config for one file, as --print-config shows it. */
export async function configForFile(filePath: string, configFile?: string): Promise<EffectiveConfig> {
  const loaded = configFile ? await loadConfigFile(configFile) : await findConfig(dirname(resolve(filePath)));
  return resolveFileConfig(loaded, filePath);
}
