import type { Reporter } from './reporter.js';
import type { Message } from '../core/types.js';

// As the Actions toolkit documents: the message escapes %, CR and LF; a property also , and :.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const commands: Record<Message['severity'], string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands: one annotation per message, on the file and, where the message
 * has one, the span. Messages accepted by the baseline become notices.
 */
export const github: Reporter = (report) => {
  const lines: string[] = [];
  for (const file of report.results) {
    for (const message of file.messages) {
      const properties: [string, string | number][] = [['file', file.path]];
      if (message.line !== null) {
        properties.push(['line', message.line]);
        if (message.column !== null) properties.push(['col', message.column]);
        if (message.endLine !== null) properties.push(['endLine', message.endLine]);
        if (message.endColumn !== null) properties.push(['endColumn', message.endColumn]);
      }
      properties.push(['title', `persona-lint (${message.ruleId})${message.baseline ? ' baseline' : ''}`]);
      const command = message.baseline ? 'notice' : commands[message.severity];
      lines.push(`::${command} ${properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',')}::${escapeData(message.message)}`);
    }
  }
  const { errors, warnings, infos } = report.counts;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(`persona-lint: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info in ${plural(report.results.length, 'file')}.`);
  return `${lines.join('\n')}\n`;
};
