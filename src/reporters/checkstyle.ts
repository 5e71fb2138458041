import type { Reporter } from './reporter.js';
import type { Message } from '../core/types.js';
import { attribute, serialize, xmlDocument } from './xml.js';

const severities: Record<Message['severity'], string> = { error: 'error', warning: 'warning', info: 'info' };

/**
 * Checkstyle XML, as CI plugins and reviewdog read it: a `file` element per linted file (clean ones
 * too) and an `error` per message. Document-level messages have no line or column attribute (both
 * are optional in the Checkstyle report schema); baseline messages are demoted to `info`.
 */
export const checkstyle: Reporter = (report) => {
  const doc = xmlDocument();
  const root = doc.ele('checkstyle', { version: '4.3' });
  for (const file of report.results) {
    const element = root.ele('file', { name: attribute(file.path) });
    for (const message of file.messages) {
      const attributes: Record<string, string> = {};
      if (message.line !== null) attributes.line = String(message.line);
      if (message.column !== null) attributes.column = String(message.column);
      attributes.severity = message.baseline ? 'info' : severities[message.severity];
      attributes.message = attribute(message.message);
      attributes.source = `persona-lint.${message.ruleId}`;
      element.ele('error', attributes);
    }
  }
  return serialize(doc);
};
