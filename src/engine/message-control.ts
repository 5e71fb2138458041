import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Message } from '../core/types.js';

interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  /** Empty means every rule. */
  ruleIds: string[];
  line: number;
  endLine: number;
  /** Offset just past the comment: the directive applies from here on. */
  endOffset: number;
}

const directivePattern = /<!--\s*persona-lint-(disable-next-line|disable-line|disable|enable)\b([^]*?)-->/g;

/** `<!-- persona-lint-disable buzzword -->` and friends, in document order. */
export function readDirectives(tree: Root, text: string): Directive[] {
  const directives: Directive[] = [];
  // Most files have no directive: skip the walk over the whole tree.
  if (!text.includes('persona-lint-')) return directives;
  visit(tree, 'html', (node) => {
    if (!node.position || node.position.start.offset === undefined) return;
    const source = text.slice(node.position.start.offset, node.position.end.offset);
    for (const match of source.matchAll(directivePattern)) {
      const start = node.position.start.offset! + match.index!;
      const end = start + match[0].length;
      const before = text.slice(0, start);
      const line = before.split('\n').length;
      const endLine = line + match[0].split('\n').length - 1;
      // "-- reason" after the rule ids is a comment for humans, as in ESLint.
      const list = match[2].split(/\s--\s/)[0];
      const ruleIds = list.split(/[\s,]+/).filter(Boolean);
      directives.push({ kind: match[1] as Directive['kind'], ruleIds, line, endLine, endOffset: end });
    }
  });
  return directives.sort((a, b) => a.endOffset - b.endOffset);
}

function offsetOf(lineStarts: number[], message: Message): number {
  return (lineStarts[(message.line ?? 1) - 1] ?? 0) + (message.column ?? 1) - 1;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Drops the messages that inline comments turn off. Document-level messages are not affected. */
export function applyDirectives(messages: Message[], directives: Directive[], text: string): Message[] {
  if (directives.length === 0) return messages;
  const lineStarts = lineStartsOf(text);
  return messages.filter((message) => {
    if (message.line === null || message.fatal) return true;
    const at = offsetOf(lineStarts, message);
    let all = false;
    const disabled = new Set<string>();
    const enabled = new Set<string>();
    for (const directive of directives) {
      const names = (rule: string) => directive.ruleIds.length === 0 || directive.ruleIds.includes(rule);
      if (directive.kind === 'disable-next-line') {
        if (message.line === directive.endLine + 1 && names(message.ruleId)) return false;
        continue;
      }
      if (directive.kind === 'disable-line') {
        if (message.line === directive.line && names(message.ruleId)) return false;
        continue;
      }
      if (directive.endOffset > at) continue;
      if (directive.kind === 'disable') {
        if (directive.ruleIds.length === 0) {
          all = true;
          enabled.clear();
        } else for (const id of directive.ruleIds) (all ? enabled.delete(id) : disabled.add(id));
      } else if (directive.ruleIds.length === 0) {
        all = false;
        disabled.clear();
      } else for (const id of directive.ruleIds) (all ? enabled.add(id) : disabled.delete(id));
    }
    return !((all && !enabled.has(message.ruleId)) || disabled.has(message.ruleId));
  });
}
