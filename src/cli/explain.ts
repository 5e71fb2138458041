import { readFileSync } from 'node:fs';
import { packagePath } from '../core/schema.js';
import { findRule, ruleIds } from '../rules/index.js';
import { UsageError } from '../core/errors.js';
import { ruleUrl } from '../core/meta.js';
import { terminalMarkdown } from './terminal-markdown.js';

/** The documentation page of a rule, docs/rules/<id>.md: the one text behind --explain and the messages' url. */
export function ruleDocPath(ruleId: string): string {
  return packagePath('docs', 'rules', `${ruleId}.md`);
}

/**
 * What `persona-lint --explain <rule>` prints: the rule's documentation page rendered for a
 * terminal, its links made absolute to the published docs. Unknown rule: a usage error (exit 2).
 */
export function explainRule(ruleId: string, options: { width: number; color: boolean }): string {
  if (!findRule(ruleId)) throw new UsageError(`Unknown rule "${ruleId}"; rules: ${ruleIds.join(', ')}`);
  return terminalMarkdown(readFileSync(ruleDocPath(ruleId), 'utf8'), { ...options, base: ruleUrl(ruleId) });
}
