import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import YAML from 'yaml';
import type { PackChanges, Persona } from '../data/load-data.js';
import { displayPath } from '../core/paths.js';

/**
 * `extends`: a config built on shared presets (relative paths or npm packages), ESLint's and
 * markdownlint's way. Each config in the chain is validated on its own, then merged in order,
 * presets first:
 * - `rules`: per rule (a severity alone keeps the options set before it);
 * - `packs`: `add` and `remove` lists concatenated;
 * - `personaProfiles`: merged by id, their key concepts by label;
 * - `ignores` and `overrides`: appended;
 * - `persona`, `gates`, `minFit`, `genre` and `repeatedSentences`: replaced.
 * File paths in a preset (persona profiles, pack files) are relative to the preset; globs
 * (`ignores`, `overrides[].files`) apply to the files of the project that extends it.
 */

type Setting = string | [string, Record<string, unknown>?];
type Profile = Partial<Persona> & { id: string };

/** The parts of a config this module merges; the rest of UserConfig is not its business. */
export interface ExtendableConfig {
  extends?: string | string[];
  rules?: Record<string, Setting>;
  packs?: Record<string, PackChanges | string>;
  personaProfiles?: (string | Profile)[];
  persona?: string | string[];
  gates?: object;
  minFit?: unknown;
  genre?: unknown;
  repeatedSentences?: unknown;
  ignores?: string[];
  overrides?: object[];
}

/** The settings a later config in the chain replaces whole. */
const replacedKeys = ['persona', 'gates', 'minFit', 'genre', 'repeatedSentences'] as const;

/** Which config file each setting came from, as --print-config shows it. */
export type Provenance = Record<string, string | string[]>;

export interface ExtendsDeps<C extends ExtendableConfig> {
  /** Reads a config file (any format) to its raw value. */
  load(path: string): Promise<unknown>;
  /** Validates one config file's raw value; throws a ConfigError naming the file. */
  validate(raw: unknown, path: string): C;
  /** The error for a mistake in `file`'s key. */
  error(file: string, problems: string[]): Error;
}

export interface ResolvedConfig<C> {
  config: C;
  /** The files merged, presets first, the config itself last. */
  chain: string[];
  provenance: Provenance;
  /** The config file each entry of the merged `overrides` came from. */
  overrideSources: string[];
}

/** The npm package an `extends` name stands for: `example` → `persona-lint-config-example`, `@acme` → `@acme/persona-lint-config`. */
export function presetPackageName(name: string): string {
  if (name.startsWith('@')) {
    const [scope, rest] = name.split('/', 2);
    if (!rest) return `${scope}/persona-lint-config`;
    return rest.startsWith('persona-lint-config') ? name : `${scope}/persona-lint-config-${rest}`;
  }
  return name.startsWith('persona-lint-config') ? name : `persona-lint-config-${name}`;
}

function isPath(name: string): boolean {
  return name.startsWith('./') || name.startsWith('../') || isAbsolute(name);
}

/** The file an `extends` entry names, resolved from the folder of the config that names it. */
function presetFile<C extends ExtendableConfig>(name: string, from: string, deps: ExtendsDeps<C>): string {
  if (isPath(name)) return resolve(dirname(from), name);
  const packageName = presetPackageName(name);
  try {
    return createRequire(join(dirname(from), 'noop.js')).resolve(packageName);
  } catch {
    throw deps.error(displayPath(from), [`extends: cannot find the package "${packageName}" from ${displayPath(dirname(from))}; install it (npm install --save-dev ${packageName})`]);
  }
}

/** The config with its presets merged in, or the config itself when it extends nothing. */
export async function resolveExtends<C extends ExtendableConfig>(source: string, raw: unknown, deps: ExtendsDeps<C>): Promise<ResolvedConfig<C>> {
  const layers = await layersOf(source, raw, deps, [source]);
  if (layers.length === 1) {
    // Alone, a config keeps its persona profile paths: they resolve from its own folder anyway.
    const config = localize(layers[0].config, source, deps, false);
    return { config, chain: [source], provenance: provenanceOf(layers), overrideSources: (config.overrides ?? []).map(() => source) };
  }
  return merge(layers.map((layer) => ({ source: layer.source, config: localize(layer.config, layer.source, deps, true) })));
}

interface Layer<C> {
  source: string;
  config: C;
}

async function layersOf<C extends ExtendableConfig>(source: string, raw: unknown, deps: ExtendsDeps<C>, chain: string[]): Promise<Layer<C>[]> {
  const config = deps.validate(raw, source);
  const layers: Layer<C>[] = [];
  for (const name of toList(config.extends)) {
    const file = presetFile(name, source, deps);
    if (chain.includes(file)) throw deps.error(displayPath(source), [`extends: "${name}" makes a cycle: ${[...chain, file].map((path) => displayPath(path)).join(' → ')}`]);
    let presetRaw: unknown;
    try {
      presetRaw = await deps.load(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw deps.error(displayPath(source), [`extends: "${name}": no such file ${displayPath(file)}`]);
      throw error;
    }
    layers.push(...(await layersOf(file, presetRaw, deps, [...chain, file])));
  }
  const { extends: _extends, ...own } = config;
  layers.push({ source, config: own as C });
  return layers;
}

function readDataFile(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  return extname(path) === '.json' ? JSON.parse(text) : YAML.parse(text);
}

/** Loads the files a config names (persona profiles, packs) relative to it, so its paths survive the merge. */
function localize<C extends ExtendableConfig>(config: C, source: string, deps: ExtendsDeps<C>, profiles: boolean): C {
  const load = (key: string, path: string) => {
    try {
      return readDataFile(resolve(dirname(source), path));
    } catch (error) {
      throw deps.error(displayPath(source), [`${key}: cannot read ${path}: ${(error as Error).message.split('\n')[0]}`]);
    }
  };
  const personaProfiles = profiles && config.personaProfiles?.map((entry, i) => (typeof entry === 'string' ? (load(`personaProfiles[${i}]`, entry) as Profile) : entry));
  const packFile = (id: string, path: string) => {
    const changes = load(`packs.${id}`, path);
    deps.validate({ packs: { [id]: changes } }, resolve(dirname(source), path));
    return changes as PackChanges;
  };
  const packs = config.packs && Object.fromEntries(Object.entries(config.packs).map(([id, changes]) => [id, typeof changes === 'string' ? packFile(id, changes) : changes]));
  return { ...config, ...(personaProfiles && { personaProfiles }), ...(packs && { packs }) };
}

function toList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function mergeRule(previous: Setting | undefined, next: Setting): Setting {
  const options = { ...(Array.isArray(previous) ? previous[1] : {}), ...(Array.isArray(next) ? next[1] : {}) };
  const severity = Array.isArray(next) ? next[0] : next;
  return Object.keys(options).length > 0 ? [severity, options] : severity;
}

function mergeProfile(previous: Profile, next: Profile): Profile {
  const merged = { ...previous, ...next };
  if (previous.keyConcepts && next.keyConcepts) {
    const byLabel = new Map(previous.keyConcepts.map((concept) => [concept.label, concept]));
    for (const concept of next.keyConcepts) byLabel.set(concept.label, { ...byLabel.get(concept.label), ...concept });
    merged.keyConcepts = [...byLabel.values()];
  }
  return merged;
}

function merge<C extends ExtendableConfig>(layers: Layer<C>[]): ResolvedConfig<C> {
  const merged: ExtendableConfig = {};
  const overrideSources: string[] = [];
  for (const { source, config } of layers) {
    for (const [id, setting] of Object.entries(config.rules ?? {})) (merged.rules ??= {})[id] = mergeRule(merged.rules[id], setting);
    for (const [id, changes] of Object.entries(config.packs ?? {}) as [string, PackChanges][]) {
      const previous = (merged.packs?.[id] ?? {}) as PackChanges;
      (merged.packs ??= {})[id] = { add: [...(previous.add ?? []), ...(changes.add ?? [])], remove: [...(previous.remove ?? []), ...(changes.remove ?? [])] };
    }
    for (const profile of (config.personaProfiles ?? []) as Profile[]) {
      const profiles = (merged.personaProfiles ??= []) as Profile[];
      const at = profiles.findIndex((p) => p.id === profile.id);
      if (at >= 0) profiles[at] = mergeProfile(profiles[at], profile);
      else profiles.push(profile);
    }
    if (config.ignores) merged.ignores = [...(merged.ignores ?? []), ...config.ignores];
    if (config.overrides) {
      merged.overrides = [...(merged.overrides ?? []), ...config.overrides];
      overrideSources.push(...config.overrides.map(() => source));
    }
    for (const key of replacedKeys) if (config[key] !== undefined) (merged as Record<string, unknown>)[key] = config[key];
  }
  // Keys other than these (such as $schema) are the extending config's own.
  const own = layers[layers.length - 1].config;
  return { config: { ...own, ...merged } as C, chain: layers.map((layer) => layer.source), provenance: provenanceOf(layers), overrideSources };
}

/** For each setting, the file it came from; for merged and appended ones, every file that added to it. */
function provenanceOf<C extends ExtendableConfig>(layers: Layer<C>[]): Provenance {
  const provenance: Record<string, string | string[]> = {};
  const replace = (key: string, source: string) => (provenance[key] = displayPath(source));
  const add = (key: string, source: string) => {
    const list = (provenance[key] ??= []) as string[];
    if (!list.includes(displayPath(source))) list.push(displayPath(source));
  };
  for (const { source, config } of layers) {
    for (const id of Object.keys(config.rules ?? {})) replace(`rules.${id}`, source);
    for (const id of Object.keys(config.packs ?? {})) add(`packs.${id}`, source);
    for (const profile of config.personaProfiles ?? []) add(`personaProfiles.${typeof profile === 'string' ? profile : profile.id}`, source);
    if (config.ignores) add('ignores', source);
    (config.overrides ?? []).forEach(() => add('overrides', source));
    for (const key of replacedKeys) if (config[key] !== undefined) replace(key, source);
  }
  return provenance;
}
