import { DataError } from '../core/errors.js';
import { displayPath } from '../core/paths.js';
import { packagePath } from '../core/schema.js';
import { readDataFile } from './load-data.js';

/**
 * A rule's own word lists (not a word pack), such as rules/undefined-acronym.yml: named lists of
 * words, as `word → meaning` maps or arrays, beside a `rule` field.
 */
export type RuleLists = { rule: string } & Record<string, Record<string, string> | string[] | string>;

const loaded = new Map<string, RuleLists>();

/** rules/<ruleId>.yml, read by the one data loader: validated against `schema` once, then checked that a word sits in one list only. */
export function loadRuleLists<T extends RuleLists>(ruleId: string, schema: string): T {
  let lists = loaded.get(ruleId);
  if (!lists) {
    const file = packagePath('rules', `${ruleId}.yml`);
    lists = readDataFile<RuleLists>(file, schema);
    const problems = checkListsDistinct(lists);
    if (problems.length > 0) throw new DataError(displayPath(file), problems);
    loaded.set(ruleId, lists);
  }
  return lists as T;
}

/** A word in two lists would have two meanings: each must be in one list only. */
export function checkListsDistinct(lists: RuleLists): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const [list, words] of Object.entries(lists)) {
    if (typeof words === 'string') continue;
    for (const word of Array.isArray(words) ? words : Object.keys(words)) {
      const previous = seen.get(word);
      if (previous) problems.push(`${list}: "${word}" is already in ${previous}; keep it in one list`);
      else seen.set(word, list);
    }
  }
  return problems;
}
