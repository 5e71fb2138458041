import type { Rule } from '../rule.js';
import { buzzword } from './buzzword.js';
import { frontmatter } from './frontmatter.js';
import { alienatingLanguage } from './alienating-language.js';
import { personaDisparagement } from './persona-disparagement.js';
import { undefinedAcronym } from './undefined-acronym.js';

/** Every rule, in the order they run. Scores that read other rules' messages come last. */
export const rules: readonly Rule<any>[] = [frontmatter, buzzword, alienatingLanguage, personaDisparagement, undefinedAcronym];

export const ruleIds: readonly string[] = rules.map((rule) => rule.meta.id);

export function findRule(id: string): Rule<any> | undefined {
  return rules.find((rule) => rule.meta.id === id);
}
