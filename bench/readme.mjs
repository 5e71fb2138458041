// Writes the tables of bench/results.json into the README's Performance section (between the
// bench:start and bench:end markers): run it after `npm run bench`. A short run written elsewhere
// goes to its own block: `node bench/readme.mjs bench/results-10x.json bench-10x`.
import { readFileSync, writeFileSync } from 'node:fs';
import { rowsTable, targetsTable } from './tables.mjs';

const [file = new URL('results.json', import.meta.url), marker = 'bench'] = process.argv.slice(2);
const results = JSON.parse(readFileSync(file, 'utf8'));
const readmeUrl = new URL('../README.md', import.meta.url);
const readme = readFileSync(readmeUrl, 'utf8');

const { machine, corpus } = results;
const runs = [...new Set(results.rows.map((r) => `${r.runs} (${r.corpus})`))].join(', ');
const block = `<!-- ${marker}:start -->
Measured ${results.date.slice(0, 10)} at commit \`${results.commit}\` on ${machine.availableParallelism} cores (\`${machine.model}\`), ${machine.memoryGb} GB,
Node ${machine.node}, load average ${machine.loadAverageAtStart.join(' ')} at the start; ${corpus['1x'].files} files
(${(corpus['1x'].bytes / 1e6).toFixed(1)} MB)${corpus['10x'] ? ` and the 10× copy (${corpus['10x'].files} files)` : ''}; runs per row: ${runs}. Peers: ${Object.entries(results.peers)
  .map(([name, version]) => `${name} ${version}`)
  .join(', ')}.

${rowsTable(results.rows)}

${targetsTable(results.targets)}
<!-- ${marker}:end -->`;
const updated = readme.replace(new RegExp(`<!-- ${marker}:start -->[^]*?<!-- ${marker}:end -->`), block);
if (updated === readme && !readme.includes(block)) throw new Error(`README.md has no <!-- ${marker}:start --> … <!-- ${marker}:end --> block`);
writeFileSync(readmeUrl, updated);
console.log(`README.md Performance tables updated from ${file}`);
