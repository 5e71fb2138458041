import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { repoRoot } from './helpers/fixtures.js';

// The layers of src/, lowest first: a file may import its own layer and the layers before it.
const layers = ['core', 'text', 'data', 'scoring', 'engine', 'rules', 'config', 'run', 'ci', 'reporters', 'cli'];
const src = join(repoRoot, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** src-relative file → the src-relative files it imports (static, type-only and dynamic imports alike). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(src)) {
    const text = readFileSync(file, 'utf8');
    const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*)'(\.{1,2}\/[^']+)\.js'/g)].map((m) => m[1]);
    graph.set(
      relative(src, file),
      specifiers.map((spec) => relative(src, resolve(dirname(file), `${spec}.ts`))),
    );
  }
  return graph;
}

/** Each import circle in the graph, as `a → b → a`. */
function findCircles(graph: Map<string, string[]>): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const circles: string[] = [];
  const visit = (file: string, path: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      circles.push([...path.slice(path.indexOf(file)), file].join(' → '));
      return;
    }
    state.set(file, 'open');
    for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
    state.set(file, 'done');
  };
  for (const file of graph.keys()) visit(file, []);
  return circles;
}

const layerOf = (file: string) => (file.includes('/') ? file.split('/')[0] : 'index');
const rank = (file: string) => (layerOf(file) === 'index' ? layers.length : layers.indexOf(layerOf(file)));

describe('src/ layout', () => {
  const graph = importGraph();

  it('has no import circle', () => {
    expect(findCircles(graph)).toEqual([]);
  });

  it('finds a circle when there is one', () => {
    expect(findCircles(new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']]]))).toEqual(['a.ts → b.ts → c.ts → a.ts']);
  });

  it('imports point down the layers only', () => {
    const upward = [...graph].flatMap(([file, imports]) => imports.filter((target) => rank(target) > rank(file)).map((target) => `${file} → ${target}`));
    expect(upward).toEqual([]);
  });

  it('rules see the rule contract, never the config', () => {
    const reaching = [...graph].flatMap(([file, imports]) =>
      layerOf(file) === 'rules' || file === 'engine/rule.ts' ? imports.filter((t) => layerOf(t) === 'config' || (layerOf(t) === 'engine' && t !== 'engine/rule.ts')).map((t) => `${file} → ${t}`) : [],
    );
    expect(reaching).toEqual([]);
  });

  it('has a README saying what lives in each folder and what it may import', () => {
    for (const layer of layers) {
      const readme = join(src, layer, 'README.md');
      expect(existsSync(readme), readme).toBe(true);
      expect(readFileSync(readme, 'utf8')).toMatch(/May import|Imports nothing/);
    }
  });

  it('keeps every file under 250 lines and no two files with one name (index.ts aside)', () => {
    const files = sourceFiles(src).map((f) => relative(src, f));
    const long = files.filter((f) => readFileSync(join(src, f), 'utf8').split('\n').length > 250);
    expect(long).toEqual([]);
    const names = files.map((f) => f.split('/').pop()!).filter((n) => n !== 'index.ts');
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});
