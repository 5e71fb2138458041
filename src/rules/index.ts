import type { Rule } from '../engine/rule.js';
import { buzzword } from './buzzword.js';
import { frontmatter } from './frontmatter.js';
import { readability } from './readability.js';
import { personaFit } from './persona-fit.js';
import { conceptCoverage } from './concept-coverage.js';
import { personaMismatch } from './persona-mismatch.js';
import { channelFit } from './channel-fit.js';
import { alienatingLanguage } from './alienating-language.js';
import { personaDisparagement } from './persona-disparagement.js';
import { undefinedAcronym } from './undefined-acronym.js';

/** Every rule, in the order they run. Scores that read other rules' messages come last. */
export const rules: readonly Rule<any>[] = [
  frontmatter,
  buzzword,
  alienatingLanguage,
  personaDisparagement,
  undefinedAcronym,
  readability,
  personaFit,
  conceptCoverage,
  personaMismatch,
  channelFit,
];

export const ruleIds: readonly string[] = rules.map((rule) => rule.meta.id);

export function findRule(id: string): Rule<any> | undefined {
  return rules.find((rule) => rule.meta.id === id);
}
