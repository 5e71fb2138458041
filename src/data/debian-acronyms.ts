import { readFileSync } from 'node:fs';
import { DataError } from '../core/errors.js';
import { displayPath } from '../core/paths.js';
import { describeErrors, packagePath, schemaValidator } from '../core/schema.js';

/** rules/acronyms/debian-descriptions.json, made by scripts/build-known-acronyms.mjs. */
export interface DebianAcronyms {
  source: string;
  date: string;
  rule: string;
  minSourcePackages: number;
  sourcePackages: number;
  /** Acronym → how many Debian source packages' descriptions use it. */
  acronyms: Record<string, number>;
}

let loaded: DebianAcronyms | undefined;

/** The acronyms Debian's package descriptions use without explaining them, read and validated once per run. */
export function debianAcronyms(): DebianAcronyms {
  if (loaded) return loaded;
  const file = packagePath('rules', 'acronyms', 'debian-descriptions.json');
  const value = JSON.parse(readFileSync(file, 'utf8')) as DebianAcronyms;
  const validate = schemaValidator('debian-acronyms.schema.json');
  if (!validate(value)) throw new DataError(displayPath(file), describeErrors(validate.errors));
  return (loaded = value);
}
