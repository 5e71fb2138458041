import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lazy } from '../core/lazy.js';
import { packagePath, schemaValidator, describeErrors } from '../core/schema.js';
import { PhraseIndex, phraseTokens } from '../text/phrase-index.js';
import { sameInflection } from '../text/tokens.js';
import { fixProblems } from './fixable.js';
import { validatedAtBuild, wasValidatedAtBuild } from './data-snapshot.js';
import { displayPath } from '../core/paths.js';
import { DataError } from '../core/errors.js';

const yaml = lazy<typeof import('yaml')>('yaml');

/** A buyer persona profile, as in rules/personas/<id>.yml (see rules/schemas/persona.schema.json). */
export interface Persona {
  id: string;
  name: string;
  aliases: string[];
  group: string;
  jobToBeDone: string;
  summary: string[];
  titles: string[];
  reportsTo: string[];
  responsibilities: string[];
  measuredBy: string[];
  goals: string[];
  motivations: string[];
  challenges: string[];
  channels: { primary: string[]; secondary: string[]; tertiary: string[] };
  internalInfluencers: string[];
  purchasingRoles: string[];
  keyConcepts: KeyConcept[];
  technicalDepth: 'business' | 'mixed' | 'technical';
  readingAge: number;
  groupNames: string[];
  vocabulary: string[];
  knownAcronyms?: string[]; // the role's acronyms: undefined-acronym leaves them alone on pages for this persona
}

export interface KeyConcept {
  label: string;
  why: string;
  phrases: string[];
}

/** One entry of a word pack (rules/<rule-id>.yml). */
export interface WordEntry {
  term: string;
  variants?: string[];
  alternatives: string[];
  why: string;
  category?: string;
  exact?: boolean;
  articles?: boolean; // false: left alone on article pages (text/genre.ts)
  taskSubject?: boolean; // flagged only when the subject is a task: the sentence opens with a verb in -ing
  clauseStart?: boolean; // flagged only where it opens a clause without a subject, as an instruction does: Just run
  exceptWhenNamedInCode?: string[]; // left alone on a page that writes one as an identifier: `master`, …/blob/master/…
  /** The one grammatical replacement that makes the entry fixable, for the phrase as listed. */
  fix?: string;
  /** The one word of the phrase whose deletion fixes it; the rest of the phrase stays. */
  drop?: string;
  exceptWhenFollowedBy?: string[];
  exceptWhenPrecededBy?: string[];
  onlyWhenFollowedBy?: string[]; // one must follow within three words for the term to be flagged: robust → platform
  /** The persona a term itself names (persona-disparagement: bean counters → back-office-blake). */
  persona?: string;
}

export interface WordPack {
  rule: string;
  categories?: Record<string, string>;
  negations?: string[]; // words that negate a term a few words later (persona-disparagement)
  entries: WordEntry[];
}

/** A pack entry compiled for matching, with its guards. */
export interface CompiledEntry {
  entry: WordEntry;
  followedBy?: PhraseIndex<true>;
  precededBy?: PhraseIndex<true>;
  onlyFollowedBy?: PhraseIndex<true>;
}

export interface CompiledPack {
  rule: string;
  categories: Record<string, string>;
  entries: WordEntry[];
  index: PhraseIndex<CompiledEntry>;
  /** Words and phrases that negate what the pack's entries say (persona-disparagement), matched exactly. */
  negations: PhraseIndex<true>;
  negationWords: ReadonlySet<string>; // the one-word negations
}

/** Reads and validates one YAML data file; schema errors point at the line inside the file. */
export function readDataFile<T>(file: string, schemaName: string): T {
  const text = readFileSync(file, 'utf8');
  const known = validatedAtBuild(file, text, schemaName);
  if (known !== undefined) return known as T;
  const { LineCounter, isNode, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const line = lineCounter.linePos(error.pos[0]).line;
    throw new DataError(displayPath(file), [`line ${line}: ${error.message.split('\n')[0]}`]);
  }
  const value = doc.toJS() as T;
  const validate = schemaValidator(schemaName);
  if (!validate(value)) {
    const lineOf = (instancePath: string) => {
      const node = doc.getIn(instancePath.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p)), true);
      return isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : undefined;
    };
    throw new DataError(displayPath(file), describeErrors(validate.errors, lineOf));
  }
  return value;
}

let builtinPersonas: Persona[] | undefined;

/** The eight built-in personas, validated once per run. */
export function loadBuiltinPersonas(): Persona[] {
  if (!builtinPersonas) {
    const dir = packagePath('rules', 'personas');
    builtinPersonas = readdirSync(dir)
      .filter((name) => name.endsWith('.yml') || name.endsWith('.yaml'))
      .sort()
      .map((name) => {
        const file = join(dir, name);
        const persona = readDataFile<Persona>(file, 'persona.schema.json');
        const expectedId = name.replace(/\.ya?ml$/, '');
        if (persona.id !== expectedId) throw new DataError(displayPath(file), [`id: must match the file name (${expectedId})`]);
        return persona;
      });
    checkPersonaNames(builtinPersonas, 'rules/personas');
  }
  return builtinPersonas;
}

/** Ids and aliases must name one persona each, or `persona: cio` would be ambiguous. */
export function checkPersonaNames(personas: Persona[], source: string): void {
  const owner = new Map<string, string>();
  const problems: string[] = [];
  for (const persona of personas) {
    for (const name of [persona.id, ...persona.aliases]) {
      const previous = owner.get(name);
      if (previous && previous !== persona.id) problems.push(`${persona.id}.aliases: "${name}" already names ${previous}`);
      owner.set(name, persona.id);
    }
  }
  if (problems.length > 0) throw new DataError(source, problems);
}

const builtinPacks = new Map<string, WordPack>();

export function loadBuiltinPack(ruleId: string): WordPack {
  let pack = builtinPacks.get(ruleId);
  if (!pack) {
    const file = packagePath('rules', `${ruleId}.yml`);
    pack = readDataFile<WordPack>(file, 'word-pack.schema.json');
    if (!wasValidatedAtBuild(pack)) checkPackInvariants(pack, displayPath(file));
    builtinPacks.set(ruleId, pack);
  }
  return pack;
}

function termKey(phrase: string): string {
  return phraseTokens(phrase)
    .map((t) => t.stem)
    .join(' ');
}

/** Two phrases match the same prose: same stems and each word an inflection of the other's. */
export function sameTerm(a: string, b: string): boolean {
  const x = phraseTokens(a);
  const y = phraseTokens(b);
  return x.length === y.length && x.every((t, k) => t.stem === y[k].stem && sameInflection(t.norm, y[k].norm));
}

/** The loader checks what a schema cannot: no duplicate terms, no alternative equal to its term. */
export function checkPackInvariants(pack: WordPack, source: string): void {
  const seen = new Map<string, { phrase: string; entry: number }[]>();
  const problems: string[] = [];
  pack.entries.forEach((entry, i) => {
    for (const phrase of [entry.term, ...(entry.variants ?? [])]) {
      const key = termKey(phrase);
      if (!key) problems.push(`entries[${i}] (${entry.term}): "${phrase}" has no words`);
      const bucket = seen.get(key) ?? [];
      const previous = bucket.find((other) => other.entry !== i && sameTerm(other.phrase, phrase));
      if (previous) {
        problems.push(`entries[${i}] (${entry.term}): "${phrase}" is already entries[${previous.entry}] (${pack.entries[previous.entry].term}); merge them`);
      }
      bucket.push({ phrase, entry: i });
      seen.set(key, bucket);
    }
    for (const alternative of entry.alternatives) {
      if (alternative.toLowerCase() === entry.term.toLowerCase()) problems.push(`entries[${i}] (${entry.term}): an alternative repeats the term`);
    }
    problems.push(...fixProblems(entry).map((problem) => `entries[${i}] (${entry.term}): ${problem}`));
    if (entry.category && pack.categories && !(entry.category in pack.categories)) {
      problems.push(`entries[${i}] (${entry.term}): category "${entry.category}" is not one of ${Object.keys(pack.categories).join(', ')}`);
    }
  });
  if (problems.length > 0) throw new DataError(source, problems);
}

export interface PackChanges {
  add?: (WordEntry | string)[];
  remove?: string[];
}

const compiledPacks = new Map<string, CompiledPack>();

/**
 * The built-in pack for a rule with the config's additions and removals, compiled to a phrase
 * index once per distinct change set.
 */
export function compilePack(ruleId: string, changes: PackChanges = {}): CompiledPack {
  const cacheKey = `${ruleId}\0${JSON.stringify(changes)}`;
  let compiled = compiledPacks.get(cacheKey);
  if (compiled) return compiled;
  const base = loadBuiltinPack(ruleId);
  const removed = changes.remove ?? [];
  const entries = base.entries.filter((entry) => !removed.some((term) => sameTerm(term, entry.term)));
  for (const added of changes.add ?? []) {
    const entry: WordEntry = typeof added === 'string' ? { term: added, alternatives: [], why: 'Listed in your configuration.' } : added;
    const at = entries.findIndex((e) => sameTerm(e.term, entry.term));
    if (at >= 0) entries[at] = entry;
    else entries.push(entry);
  }
  const index = new PhraseIndex<CompiledEntry>();
  for (const entry of entries) {
    const compiledEntry: CompiledEntry = { entry, followedBy: guardIndex(entry.exceptWhenFollowedBy), precededBy: guardIndex(entry.exceptWhenPrecededBy), onlyFollowedBy: guardIndex(entry.onlyWhenFollowedBy) };
    for (const phrase of [entry.term, ...(entry.variants ?? [])]) index.add(phrase, compiledEntry, entry.exact ? 'exact' : 'inflection');
  }
  const negations = new PhraseIndex<true>();
  for (const phrase of base.negations ?? []) negations.add(phrase, true, 'exact');
  const negationWords = new Set((base.negations ?? []).filter((n) => !n.includes(' ')));
  compiled = { rule: ruleId, categories: base.categories ?? {}, entries, index, negations, negationWords };
  compiledPacks.set(cacheKey, compiled);
  return compiled;
}

function guardIndex(phrases: string[] | undefined): PhraseIndex<true> | undefined {
  if (!phrases || phrases.length === 0) return undefined;
  const index = new PhraseIndex<true>();
  for (const phrase of phrases) index.add(phrase, true);
  return index;
}
