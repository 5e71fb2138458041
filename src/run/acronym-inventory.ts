import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { displayPath } from '../core/paths.js';
import { defaultMaxFileSize } from '../text/file-limits.js';
import { parseDocument } from '../text/document.js';
import { genreOf } from '../text/genre.js';
import { loadRuleLists } from '../data/rule-lists.js';
import { findAcronymUses, newParts, type AcronymUse } from '../rules/helpers/acronym-uses.js';
import { targetPersonas } from '../engine/lint-document.js';
import { acronymReaders, acronymVerdicts, knownAcronyms, knownByLabel, reported, undefinedAcronym, type AcronymLists, type KnownBy, type UndefinedAcronymOptions } from '../rules/undefined-acronym.js';
import { discoverFiles, type FindFilesOptions } from './find-files.js';
import { configFor } from './lint-file.js';

// `persona-lint acronyms`: every acronym of a tree, where it is expanded and where a file uses it
// bare first, found as undefined-acronym finds them, so a team can write its glossary or allow list.

export interface AcronymPlace {
  path: string;
  line: number;
  column: number;
}

export interface AcronymEntry {
  acronym: string;
  /** Every use, in every file (headings and quotations too). */
  uses: number;
  files: number;
  /** The list that makes it known for the first file using it (`technical` and `debian` assume technical readers), or null. */
  known: KnownBy | null;
  /** That list as the rule names it: “common list”, “Debian descriptions (118 packages)”. */
  knownBy: string | null;
  /** The first expansion in each file that expands it, with the long form where it is spelled out. */
  expandedIn: (AcronymPlace & { longForm: string | null })[];
  /** Each file where undefined-acronym reports it: its first use outside headings, quotations and names, before any expansion there. */
  firstUsedBareIn: AcronymPlace[];
}

export interface AcronymInventory {
  files: number;
  /** Files that could not be read or parsed as Markdown text, with why. */
  skipped: { path: string; reason: string }[];
  /** By uses, most first, then by name. */
  acronyms: AcronymEntry[];
}

/** The acronyms of the Markdown files that `patterns` name, found with the lint command's discovery, ignores and config. */
export async function acronymInventory(patterns: readonly string[], options: FindFilesOptions = {}): Promise<AcronymInventory> {
  const cwd = options.cwd ?? process.cwd();
  const { files } = await discoverFiles(patterns, { ...options, cwd });
  const lists = loadRuleLists(undefinedAcronym.meta.id, 'acronyms.schema.json') as unknown as AcronymLists;
  const notAcronyms = new Set(lists.notAcronyms);
  const entries = new Map<string, AcronymEntry>();
  const skipped: AcronymInventory['skipped'] = [];
  for (const file of files) {
    const absolute = resolve(cwd, file);
    const path = displayPath(absolute, cwd);
    let uses;
    let doc;
    try {
      if ((await stat(absolute)).size > defaultMaxFileSize) throw new Error('larger than 5 MB');
      const text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(absolute)).replace(/^\uFEFF/, '');
      doc = parseDocument(path, text);
      uses = findAcronymUses(doc, notAcronyms);
    } catch (error) {
      skipped.push({ path, reason: (error as Error).message.split('\n')[0] });
      continue;
    }
    const config = await configFor(absolute, { cwd, configFile: options.configFile });
    const ruleOptions = (config.rules[undefinedAcronym.meta.id]?.options ?? {}) as UndefinedAcronymOptions;
    // Known to every reader of the tree: the lists, the allow list and the glossary.
    const known = knownAcronyms(lists, ruleOptions, true);
    // The rule's own verdicts also know the page's readers' vocabulary, so the listing and the lint run agree.
    const audience = acronymReaders(doc, ruleOptions, config.personas, targetPersonas(doc, config, {}));
    const knownOnPage = knownAcronyms(lists, ruleOptions, true, audience);
    const entry = (acronym: string) => {
      let found = entries.get(acronym);
      if (!found) {
        const by = known(acronym);
        entries.set(acronym, (found = { acronym, uses: 0, files: 0, known: by, knownBy: by && knownByLabel(by, acronym), expandedIn: [], firstUsedBareIn: [] }));
      }
      return found;
    };
    const place = (use: AcronymUse) => ({ path, line: use.token.start.line, column: use.token.start.column });
    const seen = new Set<string>();
    for (const use of uses.flatMap((whole) => (known(whole.acronym) ? [whole] : newParts(whole, (part) => !known(part))))) {
      const found = entry(use.acronym);
      found.uses++;
      if (!seen.has(use.acronym)) {
        seen.add(use.acronym);
        found.files++;
      }
      if (use.defined && found.expandedIn.at(-1)?.path !== path) found.expandedIn.push({ ...place(use), longForm: use.longForm });
    }
    // Where the rule reports an acronym, so the listing and the lint run agree.
    const genre = genreOf(path, doc.frontmatter, config.genre);
    for (const verdict of acronymVerdicts(uses, doc, knownOnPage, audience)) if (reported(verdict, ruleOptions, genre)) entry(verdict.use.acronym).firstUsedBareIn.push(place(verdict.use));
  }
  const acronyms = [...entries.values()].sort((a, b) => b.uses - a.uses || a.acronym.localeCompare(b.acronym));
  return { files: files.length, skipped, acronyms };
}

