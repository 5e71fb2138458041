import { packagePath, readJsonData } from '../core/schema.js';

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
  return (loaded ??= readJsonData<DebianAcronyms>(packagePath('rules', 'acronyms', 'debian-descriptions.json'), 'debian-acronyms.schema.json'));
}
