import { relative, resolve } from 'node:path';
import type { PackChanges } from '../data/load-data.js';
import { defaultMinFit, mergeMinFit } from '../data/min-fit.js';
import type { EffectiveConfig, RuleConfig } from '../engine/settings.js';
import { rules } from '../rules/index.js';
import { toList, type LoadedConfig, type RuleSetting } from './user-config.js';
import type { Provenance } from './extends.js';
import { displayPath } from '../core/paths.js';

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
  const effective: EffectiveConfig = { source: loaded.source, rules: {}, packs: {}, personas: loaded.personas, persona: toList(loaded.config.persona), genre: loaded.config.genre ?? 'auto', minFit: mergeMinFit({ default: defaultMinFit, byPersona: {} }, loaded.config.minFit, loaded.personas) };
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
    if (override.genre !== undefined) effective.genre = override.genre;
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
    for (const key of ['persona', 'gates', 'minFit', 'genre'] as const) if (override[key] !== undefined) sources[key] = from;
  });
  return sources;
}
