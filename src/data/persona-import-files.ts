import YAML from 'yaml';
import type { ImportedProfile } from './persona-import.js';

export { importPersonas } from './persona-import.js';

/** An imported profile as a YAML file for review: what to fill first, then the fields the page gave. */
export function profileYaml(imported: ImportedProfile, page: string): string {
  const header = [
    '# yaml-language-server: $schema=https://persona-lint.dev/schemas/persona.schema.json',
    `# Imported from ${page} by persona-lint personas import. Review it, then fill:`,
    ...imported.unfilled.map((field) => `#   ${field}`),
    ...imported.notes.map((note) => `# Note: ${note}`),
  ];
  return `${header.join('\n')}\n${YAML.stringify(imported.profile, { lineWidth: 0 })}`;
}
