import { UsageError } from '../core/errors.js';
import { jsonFormatVersion, toolName, toolVersion } from '../core/meta.js';
import { acronymInventory, type AcronymInventory, type AcronymPlace } from '../run/acronym-inventory.js';
import type { OutputWriteError } from '../run/output-files.js';
import { writeOutput } from './report-files.js';

/** The options `persona-lint acronyms` takes. */
const acronymsOptions = ['format', 'output-file', 'config', 'no-ignore', 'no-error-on-unmatched-pattern', 'no-js-config', 'color', 'no-color'];

/** How many places a text listing names before “+N more”. */
const shownPlaces = 5;

const place = (p: AcronymPlace) => `${p.path}:${p.line}:${p.column}`;

function places(list: AcronymPlace[]): string {
  const more = list.length > shownPlaces ? `, +${list.length - shownPlaces} more` : '';
  return list.slice(0, shownPlaces).map(place).join(', ') + more;
}

/** The acronyms no list knows that some file uses bare first: what a glossary or `allow` list needs. */
function unknownBare(inventory: AcronymInventory): string[] {
  return [...new Set(inventory.acronyms.filter((a) => !a.known && a.firstUsedBareIn.length > 0).flatMap((a) => a.acronym.split('/')))].sort();
}

/** A text listing: one block per acronym, then what to add to `allow` (or a glossary). */
export function formatAcronyms(inventory: AcronymInventory): string {
  const lines: string[] = [];
  for (const entry of inventory.acronyms) {
    const known = entry.known ? ` · known (${entry.known === 'debian' ? entry.knownBy : entry.known})` : '';
    lines.push(`${entry.acronym}  ${entry.uses} ${entry.uses === 1 ? 'use' : 'uses'} in ${entry.files} ${entry.files === 1 ? 'file' : 'files'}${known}`);
    for (const expansion of entry.expandedIn.slice(0, shownPlaces)) lines.push(`  expanded in ${place(expansion)}${expansion.longForm ? ` “${expansion.longForm}”` : ''}`);
    if (entry.expandedIn.length > shownPlaces) lines.push(`  expanded in ${entry.expandedIn.length - shownPlaces} more files`);
    if (entry.firstUsedBareIn.length > 0) lines.push(`  first used unexpanded in ${places(entry.firstUsedBareIn)}`);
  }
  for (const skipped of inventory.skipped) lines.push(`${skipped.path}: not read (${skipped.reason})`);
  const unknown = unknownBare(inventory);
  lines.push('', `${inventory.acronyms.length} acronyms in ${inventory.files} files; ${unknown.length} unknown and used unexpanded somewhere.`);
  if (unknown.length > 0) lines.push(`Expand them, define them in a glossary, or allow them: "allow": ${JSON.stringify(unknown)}`);
  return `${lines.join('\n')}\n`;
}

/** `persona-lint acronyms [paths...]`: the acronyms of a tree, as text or JSON (-f json). */
export async function acronymsCommand(
  paths: string[],
  values: Record<string, unknown> & { format?: string; config?: string; 'output-file'?: string; 'no-ignore'?: boolean; 'no-error-on-unmatched-pattern'?: boolean },
  io: { stdout: (text: string) => void; stderr: (text: string) => void },
): Promise<number> {
  const foreign = Object.keys(values).filter((name) => values[name] !== undefined && !acronymsOptions.includes(name));
  if (foreign.length > 0) throw new UsageError(`${foreign.map((name) => `--${name}`).join(', ')} ${foreign.length === 1 ? 'does' : 'do'} not apply to acronyms.`);
  const format = values.format ?? 'stylish';
  if (format !== 'stylish' && format !== 'json') throw new UsageError(`Unknown format "${format}" for acronyms; choose one of: stylish, json`);
  const inventory = await acronymInventory(paths, { configFile: values.config, noIgnore: values['no-ignore'], errorOnUnmatchedPattern: !values['no-error-on-unmatched-pattern'] });
  const text = format === 'json' ? `${JSON.stringify({ version: jsonFormatVersion, tool: { name: toolName, version: toolVersion }, ...inventory, unknown: unknownBare(inventory) }, null, 2)}\n` : formatAcronyms(inventory);
  const failures: OutputWriteError[] = [];
  await writeOutput(text, values['output-file'], io, failures);
  return failures.length > 0 ? 2 : 0;
}
