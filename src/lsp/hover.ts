import type { Hover, Position } from 'vscode-languageserver';
import type { FileResult, Message, PersonaScore } from '../core/types.js';
import { rangeOf } from './diagnostics.js';

function contains(message: Message, position: Position): boolean {
  if (message.line === null) return false;
  const { start, end } = rangeOf(message);
  const after = position.line > start.line || (position.line === start.line && position.character >= start.character);
  const before = position.line < end.line || (position.line === end.line && position.character <= end.character);
  return after && before;
}

function explainMessage(message: Message): string {
  const link = message.url ? `[${message.ruleId}](${message.url})` : message.ruleId;
  return [`**${message.message}**`, message.note, `persona-lint: ${link}`].filter(Boolean).join('\n\n');
}

function describeScore(score: PersonaScore): string {
  const missing = score.missing.length > 0 ? `; missing key concepts: ${score.missing.join(', ')}` : '; every key concept covered';
  return `- **${score.id}**: fit ${Math.round(score.fit)}/100, coverage ${Math.round(score.coverage * 100)}%${missing}`;
}

/** How the page does for its declared personas (or, with none declared, which persona it fits best). */
function personaSummary(result: FileResult): string | null {
  const report = result.personas;
  if (!report) return null;
  const declared = report.scores.filter((score) => report.declared.includes(score.id));
  if (declared.length > 0) return `**Persona fit** (declared)\n\n${declared.map(describeScore).join('\n')}`;
  const best = report.scores.find((score) => score.id === report.best);
  return best ? `**Persona fit**: no persona declared (frontmatter \`persona:\`); best fit\n\n${describeScore(best)}` : null;
}

/** The hover at a position: the flagged spans under it (message, why, rule link), and on line 1 the persona scores. */
export function hoverAt(result: FileResult, position: Position): Hover | null {
  const parts = result.messages.filter((message) => contains(message, position)).map(explainMessage);
  if (position.line === 0) {
    const summary = personaSummary(result);
    if (summary) parts.push(summary);
  }
  return parts.length > 0 ? { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') } } : null;
}
