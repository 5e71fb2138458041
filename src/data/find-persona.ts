import type { Persona } from './load-data.js';

/** Finds a persona by id or alias, case-insensitively. */
export function findPersona(name: string, personas: readonly Persona[]): Persona | undefined {
  const wanted = name.trim().toLowerCase();
  return personas.find((p) => p.id === wanted || p.aliases.includes(wanted));
}

/** Frontmatter `persona:` as a list of names (string, list, or comma-separated string). */
export function personaNames(value: unknown): string[] {
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string').map((s) => s.trim()).filter(Boolean);
  return [];
}
