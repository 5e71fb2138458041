// Writes fixtures/<dir>/<case>.expected from the current output, for cases named on the command line
// (e.g. `node scripts/update-fixtures.mjs fixtures/buzzword/phrases.md`). Review the diff before committing.
import { writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { lintFiles, rules } from '../dist/index.js';

const ids = rules.map((r) => r.meta.id);
for (const file of process.argv.slice(2)) {
  // Lint as test/fixtures.test.ts does: paths relative to fixtures/, whose config isolates the cases.
  const report = await lintFiles([relative(resolve('fixtures'), resolve(file))], { cwd: 'fixtures' });
  const folder = basename(dirname(file));
  const lines = report.results[0].messages
    .filter((m) => !ids.includes(folder) || m.ruleId === folder)
    .map((m) => `${m.line === null ? '-' : `${m.line}:${m.column}-${m.endLine}:${m.endColumn}`} ${m.severity} ${m.ruleId} ${m.message}`);
  writeFileSync(file.replace(/\.md$/, '.expected'), lines.join('\n') + '\n');
  console.log(`${file}: ${lines.length} messages`);
}
