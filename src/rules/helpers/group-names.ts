import type { Persona } from '../../data/load-data.js';
import { PhraseIndex, phraseTokens } from '../../text/phrase-index.js';

/** A name by which prose refers to one or more personas' teams (security team, auditors, CFO...). */
export interface GroupName {
  phrase: string;
  personas: Persona[];
}

/**
 * The words of a title that name a role on their own: "Director or Manager of Audit" → Director,
 * Manager of Audit; "Application Development Executive (VP, etc)" → Application Development
 * Executive; "Sr. Manager, DevSecOps" → Sr. Manager, DevSecOps.
 */
export function titleNames(title: string): string[] {
  return title
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s*\/\s*|\s*,\s*|\s+or\s+|\s+and\s+|\s*&\s*/)
    .map((part) => part.trim())
    .filter((part) => part.length > 1);
}

const key = (phrase: string) =>
  phraseTokens(phrase)
    .map((t) => t.norm)
    .join(' ');

/**
 * Every group name of a set of personas: groupNames, then aliases other than the given name, and title parts. A title part
 * that several personas share (Director, Manager) names no one in particular and is left out;
 * a name in `ignore` is left out too. Custom personas from config get their names for free.
 */
export function groupNames(personas: readonly Persona[], ignore: readonly string[]): GroupName[] {
  const ignored = new Set(ignore.map(key));
  const byName = new Map<string, GroupName>();
  const add = (phrase: string, persona: Persona) => {
    const k = key(phrase);
    if (!k || ignored.has(k)) return;
    const found = byName.get(k);
    if (!found) byName.set(k, { phrase, personas: [persona] });
    else if (!found.personas.includes(persona)) found.personas.push(persona);
  };
  for (const persona of personas) for (const name of persona.groupNames) add(name, persona);
  // A persona's given name ("tristan" of Tech Exec Tristan) is an alias for --persona, but in prose it is a person, not a team.
  const givenName = (persona: Persona) => key(persona.name.split(/\s+/).pop() ?? '');
  for (const persona of personas) for (const alias of persona.aliases) if (key(alias) !== givenName(persona)) add(alias, persona);
  const titleOwners = new Map<string, Set<Persona>>();
  for (const persona of personas) {
    for (const title of persona.titles) {
      for (const part of titleNames(title)) titleOwners.set(key(part), (titleOwners.get(key(part)) ?? new Set()).add(persona));
    }
  }
  for (const persona of personas) {
    for (const title of persona.titles) {
      for (const part of titleNames(title)) {
        if ((titleOwners.get(key(part))?.size ?? 0) === 1 || byName.has(key(part))) add(part, persona);
      }
    }
  }
  return [...byName.values()];
}

const compiled = new WeakMap<readonly Persona[], Map<string, PhraseIndex<GroupName>>>();

/** The group names of a persona set as a phrase index, compiled once per persona set and ignore list. */
export function groupNameIndex(personas: readonly Persona[], ignore: readonly string[]): PhraseIndex<GroupName> {
  let byIgnore = compiled.get(personas);
  if (!byIgnore) compiled.set(personas, (byIgnore = new Map()));
  const cacheKey = JSON.stringify(ignore);
  let index = byIgnore.get(cacheKey);
  if (!index) {
    index = new PhraseIndex<GroupName>();
    for (const name of groupNames(personas, ignore)) index.add(name.phrase, name);
    byIgnore.set(cacheKey, index);
  }
  return index;
}
