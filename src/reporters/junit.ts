import type { Reporter } from './reporter.js';
import type { Message } from '../core/types.js';
import { attribute, serialize, xmlDocument } from './xml.js';

function describe(path: string, message: Message): string {
  const place = message.line === null ? path : `${path}:${message.line}:${message.column}`;
  return `${place}: ${message.severity}: ${message.message} (${message.ruleId})${message.baseline ? ' [baseline]' : ''}`;
}

/**
 * JUnit XML for CI test reports: one test case per linted file, which fails when the file has an
 * error that counts. GitLab reads one `failure` element per test case and shows its text, so the
 * failure lists every such error, one a line; warnings, infos and baseline messages go to
 * `system-out`.
 */
export const junit: Reporter = (report) => {
  const doc = xmlDocument();
  const failed = report.results.filter((file) => file.messages.some(counts)).length;
  const suites = doc.ele('testsuites', { name: 'persona-lint', tests: String(report.results.length), failures: String(failed), errors: '0' });
  const suite = suites.ele('testsuite', { name: 'persona-lint', tests: String(report.results.length), failures: String(failed), errors: '0', skipped: '0' });
  for (const file of report.results) {
    const testcase = suite.ele('testcase', { name: attribute(file.path), classname: 'persona-lint', file: attribute(file.path), time: '0' });
    const failures = file.messages.filter(counts);
    const others = file.messages.filter((m) => !counts(m));
    if (failures.length > 0) testcase.ele('failure', { message: `${failures.length} error${failures.length === 1 ? '' : 's'}`, type: 'persona-lint' }).txt(failures.map((m) => describe(file.path, m)).join('\n'));
    if (others.length > 0) testcase.ele('system-out').txt(others.map((m) => describe(file.path, m)).join('\n'));
  }
  return serialize(doc);
};

function counts(message: Message): boolean {
  return message.severity === 'error' && !message.baseline;
}
