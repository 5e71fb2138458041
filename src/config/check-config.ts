import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Ajv } from 'ajv';
import { lazy } from '../core/lazy.js';
import { ConfigError, DataError } from '../core/errors.js';
import { schemaValidator, describeErrors } from '../core/schema.js';
import { checkPersonaNames, type PackChanges, type Persona } from '../data/load-data.js';
import { rules, findRule, ruleIds } from '../rules/index.js';
import type { RuleSetting, UserConfig } from './user-config.js';

// What the config schema cannot check: rule names and options, packs, persona profiles.

const yaml = lazy<typeof import('yaml')>('yaml');
const ajvModule = lazy<typeof import('ajv')>('ajv');

let ajv: Ajv | undefined;

export function checkRules(settings: Record<string, RuleSetting> | undefined, key: string): string[] {
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

export function checkPacks(packs: Record<string, PackChanges> | undefined, key: string): string[] {
  const withPacks = rules.filter((r) => r.meta.pack).map((r) => r.meta.id);
  return Object.keys(packs ?? {})
    .filter((id) => !withPacks.includes(id))
    .map((id) => `${key}.${id}: no word pack for this rule; rules with packs: ${withPacks.join(', ')}`);
}

export function mergeProfiles(builtins: Persona[], profiles: NonNullable<UserConfig['personaProfiles']>, baseDir: string, file: string): Persona[] {
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

