import type { Reporter } from './types.js';

// Loaded on demand: a run pays only for the reporters it asks for.
const loaders: Record<string, () => Promise<Reporter>> = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
};

export const reporterNames = Object.keys(loaders);

export async function loadReporter(name: string): Promise<Reporter | undefined> {
  return loaders[name]?.();
}
