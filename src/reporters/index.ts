import type { Reporter } from './reporter.js';

// Loaded on demand: a run pays only for the reporters it asks for.
const loaders: Record<string, () => Promise<Reporter>> = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  codequality: async () => (await import('./codequality.js')).codequality,
  junit: async () => (await import('./junit.js')).junit,
  github: async () => (await import('./github.js')).github,
  checkstyle: async () => (await import('./checkstyle.js')).checkstyle,
  markdown: async () => (await import('./markdown.js')).markdown,
  html: async () => (await import('./html.js')).html,
  rdjson: async () => (await import('./rdjson.js')).rdjson,
};

export const reporterNames = Object.keys(loaders);

export async function loadReporter(name: string): Promise<Reporter | undefined> {
  return loaders[name]?.();
}
