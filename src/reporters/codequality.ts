import type { Reporter } from './reporter.js';
import type { Message } from '../core/types.js';
import { fingerprints } from '../ci/fingerprint.js';
import { jsonText } from './escape.js';

/** GitLab's scale is info, minor, major, critical, blocker. */
type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

/** One entry of GitLab's Code Quality report (the subset of the Code Climate spec GitLab reads). */
export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: CodeQualitySeverity;
  location: CodeQualityLocation;
  /** The other copies of a repeated sentence (the Code Climate spec's `other_locations`). */
  other_locations?: CodeQualityLocation[];
}

interface CodeQualityLocation {
  path: string;
  lines: { begin: number; end?: number };
}

function severityOf(message: Message): CodeQualitySeverity {
  // Accepted by the baseline: still listed, so GitLab can compare branches, but at the bottom.
  if (message.baseline) return 'info';
  if (message.fatal) return 'critical';
  return message.severity === 'error' ? 'major' : message.severity === 'warning' ? 'minor' : 'info';
}

/**
 * The GitLab Code Quality report: the JSON array the merge-request widget and diff show.
 * Document-level messages point at line 1, the only way GitLab shows an issue on a file.
 */
export const codequality: Reporter = (report) => {
  const issues: CodeQualityIssue[] = report.results.flatMap((file) => {
    const prints = fingerprints(file);
    return file.messages.map((message, i) => ({
      description: message.message,
      check_name: message.ruleId,
      fingerprint: prints[i],
      severity: severityOf(message),
      location: {
        path: file.path,
        lines: message.line === null ? { begin: 1 } : { begin: message.line, end: message.endLine ?? message.line },
      },
      ...(message.repeated ? { other_locations: message.repeated.places.map((place) => ({ path: place.path, lines: { begin: place.line } })) } : {}),
    }));
  });
  return `${jsonText(issues)}\n`;
};
