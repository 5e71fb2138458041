// What the persona scores cost, in process on one thread: every file of a corpus linted with every
// default rule (lintDocument, as a default run does per file), and the scores alone (scoreDocument
// on the parsed documents: relevance, then fit). The sentences' reading ages are computed before
// the scores are timed, as the readability rule computes them in a run before the scores share
// them. Prints JSON; bench/run.mjs turns it into a target.
//
//   node bench/scoring.mjs [dir]   (default ../shared/corpus/rust-blog; run `npm run build` first)
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configFor } from '../dist/run/lint-file.js';
import { lintDocument } from '../dist/engine/lint-document.js';
import { tonePenaltiesOf } from '../dist/engine/rule.js';
import { rules } from '../dist/rules/index.js';
import { parseDocument } from '../dist/text/document.js';
import { scoreDocument } from '../dist/scoring/index.js';
import { documentAges } from '../dist/scoring/readability-level.js';
import { relevanceModel, scoreRelevance } from '../dist/scoring/relevance.js';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const dir = process.argv[2] ?? join(repo, '..', 'shared', 'corpus', 'rust-blog');
const files = readdirSync(dir, { recursive: true }).filter((name) => name.endsWith('.md')).sort().map((name) => join(dir, name));
const texts = files.map((file) => readFileSync(file, 'utf8'));
const config = await configFor(join(dir, 'x.md'), { cwd: dir });
const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;

// Warm-up: compile the persona model, packs and relevance model once, as a run does.
lintDocument(files[0], texts[0], config, rules);

let start = process.hrtime.bigint();
for (let i = 0; i < files.length; i++) lintDocument(files[i], texts[i], config, rules);
const lint = seconds(start);

const docs = files.map((file, i) => parseDocument(file, texts[i]));
for (const doc of docs) documentAges(doc.sentences, doc.text);
start = process.hrtime.bigint();
const penalties = tonePenaltiesOf(rules);
for (const doc of docs) scoreDocument(doc, config.personas, [], [], penalties);
const scores = seconds(start);

const model = relevanceModel(config.personas);
start = process.hrtime.bigint();
for (const doc of docs) scoreRelevance(model, doc);
const relevance = seconds(start);

console.log(JSON.stringify({ files: files.length, lintSeconds: lint, scoreSeconds: scores, relevanceSeconds: relevance, scoreShare: scores / lint, relevanceShare: relevance / lint }));
