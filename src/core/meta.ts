import { readFileSync } from 'node:fs';
import { packagePath } from './schema.js';

const pkg = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { name: string; version: string; homepage: string };

export const toolName = pkg.name;
export const toolVersion = pkg.version;
export const homepage = pkg.homepage;

/** Rule documentation lives in docs/rules/<id>.md; messages link to it. */
export function ruleUrl(ruleId: string): string {
  return `${homepage}/blob/main/docs/rules/${ruleId}.md`;
}

/** Version of the JSON report's shape; bumped on any breaking change (see the README's JSON output section). */
export const jsonFormatVersion = 1;
