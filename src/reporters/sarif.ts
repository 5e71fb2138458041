import { isAbsolute } from 'node:path';
import { jsonText } from './escape.js';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Reporter } from './reporter.js';
import type { ConfigSeverity, Message } from '../core/types.js';
import { homepage, ruleUrl, toolName, toolVersion } from '../core/meta.js';
import { fingerprints } from '../ci/fingerprint.js';

const levels: Record<Message['severity'], Result.level> = { error: 'error', warning: 'warning', info: 'note' };
const defaultLevels: Record<ConfigSeverity, Result.level> = { error: 'error', warn: 'warning', info: 'note', off: 'none' };

/** The one message of a file that could not be linted has no rule; SARIF wants a descriptor all the same. */
const fatalRule: ReportingDescriptor = {
  id: 'fatal',
  shortDescription: { text: 'The file could not be read or parsed, so it was not linted.' },
  helpUri: `${homepage}#exit-codes`,
};

/**
 * SARIF viewers show a PascalCase friendly name beside the id (`concept-coverage` → `ConceptCoverage`);
 * SARIF wants none when it would only repeat the id (`buzzword`).
 */
function friendlyName(id: string): { name?: string } {
  const name = id.replace(/(^|-)([a-z0-9])/g, (_, _dash, c: string) => c.toUpperCase());
  return name.toLowerCase() === id.toLowerCase() ? {} : { name };
}

/** Relative paths become URIs against %SRCROOT% (the working directory), each segment percent-encoded. */
function artifactUri(path: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(path)) return { uri: pathToFileURL(path).href };
  return { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/**
 * SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it: one run, every rule with
 * its description and help URI, one result per message with level, region and a stable
 * fingerprint. Columns count UTF-16 code units and `endColumn` is exclusive, as in SARIF.
 * Document-level messages (and files that could not be linted) point at line 1 of the file.
 */
export const sarif: Reporter = (report, { rules, cwd }) => {
  const descriptors: ReportingDescriptor[] = rules.map((rule) => ({
    id: rule.id,
    ...friendlyName(rule.id),
    shortDescription: { text: rule.description },
    helpUri: ruleUrl(rule.id),
    defaultConfiguration: { level: defaultLevels[rule.defaultSeverity] },
  }));
  const indexOf = (ruleId: string): number => {
    let index = descriptors.findIndex((d) => d.id === ruleId);
    if (index < 0) {
      descriptors.push(ruleId === 'fatal' ? fatalRule : { id: ruleId, ...friendlyName(ruleId) });
      index = descriptors.length - 1;
    }
    return index;
  };
  const withBaseline = report.results.some((r) => r.messages.some((m) => m.baseline));
  const results: Result[] = report.results.flatMap((file) => {
    const prints = fingerprints(file);
    return file.messages.map((message, i): Result => {
      const result: Result = {
        ruleId: message.ruleId,
        ruleIndex: indexOf(message.ruleId),
        level: levels[message.severity],
        message: { text: message.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifactUri(file.path),
              // A document-level message is about the whole file; GitHub wants a start line all the same.
              region:
                message.line === null
                  ? { startLine: 1 }
                  : { startLine: message.line, startColumn: message.column ?? 1, endLine: message.endLine ?? message.line, endColumn: message.endColumn ?? message.column ?? 1 },
            },
          },
        ],
        partialFingerprints: { 'personaLint/v1': prints[i] },
      };
      // The other copies of a repeated sentence: SARIF's place for locations that are part of the result.
      if (message.repeated) {
        result.relatedLocations = message.repeated.places.map((place, id) => ({
          id,
          message: { text: 'The same sentence.' },
          physicalLocation: { artifactLocation: artifactUri(place.path), region: { startLine: place.line, startColumn: place.column } },
        }));
      }
      if (withBaseline) result.baselineState = message.baseline ? 'unchanged' : 'new';
      return result;
    });
  });
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: toolName, version: toolVersion, semanticVersion: toolVersion, informationUri: homepage, rules: descriptors } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${jsonText(log)}\n`;
};
