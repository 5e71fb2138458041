import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { toolName } from '../core/meta.js';

/** `persona-lint personas import <page.md> [folder]`: profiles for review, written only when the whole page reads. */
export async function importCommand(args: string[], io: { stdout: (text: string) => void; stderr: (text: string) => void }): Promise<number> {
  const [page, folder = 'personas', ...extra] = args;
  if (!page || extra.length > 0) throw new UsageError(`Usage: ${toolName} personas import <page.md> [folder]   (default folder: personas)`);
  const { importPersonas, profileYaml } = await import('../data/persona-import-files.js');
  let text: string;
  try {
    text = await readFile(resolve(page), 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${page}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const { profiles, problems } = importPersonas(text);
  const targets = profiles.map((p) => join(folder, `${p.profile.id}.yml`));
  for (const target of targets) if (existsSync(target)) problems.push(`${target} exists; move it away or import into another folder`);
  if (problems.length > 0) {
    io.stderr(`${toolName}: Cannot import personas from ${page}; nothing was written:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    return 2;
  }
  await mkdir(folder, { recursive: true });
  const lines: string[] = [];
  for (const [i, imported] of profiles.entries()) {
    await writeFile(targets[i], profileYaml(imported, page));
    lines.push(`${targets[i]}: ${imported.profile.name}`, `  to fill: ${imported.unfilled.join('; ')}`, ...imported.notes.map((note) => `  note: ${note}`));
  }
  io.stdout(`${lines.join('\n')}\n\n${profiles.length} profiles written for review. Fill the fields listed, then add the files to \`personaProfiles\` in your config.\n`);
  return 0;
}

