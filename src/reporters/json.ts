import type { Reporter } from './types.js';
import { toolName, toolVersion } from '../meta.js';

/** Version of the JSON shape; bumped on any breaking change (see the README's JSON output section). */
export const jsonFormatVersion = 1;

export const json: Reporter = (report) =>
  `${JSON.stringify(
    {
      version: jsonFormatVersion,
      tool: { name: toolName, version: toolVersion },
      ...(report.shard ? { shard: report.shard } : {}),
      ...(report.configHash ? { configHash: report.configHash } : {}),
      results: report.results,
      counts: report.counts,
      ...(report.gateFailures ? { gateFailures: report.gateFailures } : {}),
    },
    null,
    2,
  )}\n`;
