import { readFileSync } from 'node:fs';
import { packagePath } from '../core/schema.js';
import { findRule, ruleIds } from '../rules/index.js';
import { UsageError } from '../core/errors.js';

/** The documentation page of a rule, docs/rules/<id>.md: the one text behind --explain and the messages' url. */
export function ruleDocPath(ruleId: string): string {
  return packagePath('docs', 'rules', `${ruleId}.md`);
}

/** What `persona-lint --explain <rule>` prints: the rule's documentation page. Unknown rule: a usage error (exit 2). */
export function explainRule(ruleId: string): string {
  if (!findRule(ruleId)) throw new UsageError(`Unknown rule "${ruleId}"; rules: ${ruleIds.join(', ')}`);
  const text = readFileSync(ruleDocPath(ruleId), 'utf8');
  return text.endsWith('\n') ? text : `${text}\n`;
}
