import type { Reporter } from './reporter.js';
import { jsonFormatVersion, toolName, toolVersion } from '../core/meta.js';
import { jsonText } from './escape.js';

export const json: Reporter = (report) =>
  `${jsonText({
    version: jsonFormatVersion,
    tool: { name: toolName, version: toolVersion },
    ...(report.shard ? { shard: report.shard } : {}),
    ...(report.configHash ? { configHash: report.configHash } : {}),
    results: report.results,
    counts: report.counts,
    ...(report.gateFailures ? { gateFailures: report.gateFailures } : {}),
  })}\n`;
