// How many files pay for a worker pool: times the CLI on the first n files of the corpus in
// process (--workers 1) and on the default pool size (--workers <cores>), medians of a few runs.
// The crossing point sets minFilesForPool in src/run/pool.ts.
//
//   node bench/threshold.mjs [--corpus <dir>] [--runs 5] [--sizes 8,16,32,64,128,256]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: join(repo, '..', 'shared', 'corpus', 'rust-blog') },
    runs: { type: 'string', default: '5' },
    sizes: { type: 'string', default: '8,16,32,64,128,256' },
  },
});
const files = readdirSync(values.corpus, { recursive: true }).filter((name) => name.endsWith('.md')).sort();
const cores = availableParallelism();
const scratch = mkdtempSync(join(tmpdir(), 'persona-lint-threshold-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (dir, workers) => {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [join(repo, 'dist', 'cli', 'main.js'), '--workers', String(workers), dir], { stdio: 'ignore' });
  if (result.status !== 0 && result.status !== 1) throw new Error(`persona-lint exited ${result.status}`);
  return Number(process.hrtime.bigint() - start) / 1e9;
};
try {
  console.log(`| files | 1 worker s | ${cores} workers s | pool / in process |\n| ---: | ---: | ---: | ---: |`);
  for (const n of values.sizes.split(',').map(Number)) {
    const dir = join(scratch, String(n));
    for (const name of files.slice(0, n)) cpSync(join(values.corpus, name), join(dir, name.replaceAll('/', '_')));
    const one = [];
    const pool = [];
    for (let r = 0; r < Number(values.runs); r++) {
      one.push(time(dir, 1));
      pool.push(time(dir, cores));
    }
    console.log(`| ${n} | ${median(one).toFixed(2)} | ${median(pool).toFixed(2)} | ${(median(pool) / median(one)).toFixed(2)} |`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
