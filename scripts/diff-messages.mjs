#!/usr/bin/env node
// What a change did to the messages of a run: counts per rule before and after, and every message
// removed or added, with the reason a message was removed where the tool can tell.
//   node scripts/diff-messages.mjs <before.json> <after.json> [--rules a,b] [--added] [--before-commit <commit>] [--config <file>]
// Both files are `persona-lint --format json` reports of the same files; run `npm run build` first.
// An undefined-acronym message gets the reason the rule itself gives for leaving that use alone
// (acronymVerdicts and findAcronymUses); --before-commit names the commit of the before run, whose
// rules/undefined-acronym.yml tells a known-list entry added from one known before; --config is the
// config of both runs (its undefined-acronym allow list). A copy of a sentence repeated in many
// files, which the after run reports once (its `repeated` places), gets that as its reason.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { parseDocument } from '../dist/text/document.js';
import { inRanges, proseRegions } from '../dist/rules/helpers/prose-regions.js';
import { properNames } from '../dist/rules/helpers/proper-names.js';
import { findAcronymUses } from '../dist/rules/helpers/acronym-uses.js';
import { acronymReaders, acronymVerdicts, knownAcronyms } from '../dist/rules/undefined-acronym.js';
import { compilePack, loadBuiltinPack, loadBuiltinPersonas } from '../dist/data/load-data.js';
import { guardAgainst, packMatches } from '../dist/rules/helpers/pack-matches.js';
import { genreOf } from '../dist/text/genre.js';
import { leftAlone } from '../dist/rules/helpers/buzzword-guards.js';

const options = { rules: { type: 'string' }, added: { type: 'boolean' }, 'before-commit': { type: 'string' }, config: { type: 'string' } };
const { values, positionals } = parseArgs({ allowPositionals: true, options });
if (positionals.length !== 2) {
  console.error('Usage: node scripts/diff-messages.mjs <before.json> <after.json> [--rules a,b] [--added] [--before-commit <commit>] [--config <file>]');
  process.exit(2);
}
const [before, after] = positionals.map((file) => JSON.parse(readFileSync(file, 'utf8')));
const only = values.rules?.split(',');
const wanted = (m) => m.line !== null && (!only || only.includes(m.ruleId));
const key = (path, m) => `${path}\0${m.ruleId}\0${m.line}:${m.column}\0${m.actual}\0${m.message}`;
// Same place and words, new wording: not removed.
const placeKey = (path, m) => `${path}\0${m.ruleId}\0${m.line}:${m.column}\0${m.actual}`;
// An acronym's first use flagged elsewhere in the same page: moved, not removed.
const acronymKey = (path, m) => `${path}\0${m.actual.replace(/(?:s|['’]s)$/, '')}`;
// A message that only moved (same rule, same end, same words) is not removed: readability spans now start at the first word.
const endKey = (path, m) => `${path}\0${m.ruleId}\0${m.endLine}:${m.endColumn}`;
// Same rule and start, new end: the span narrowed ("PGO/BOLT" → "PGO" once BOLT is no acronym).
const startKey = (path, m) => `${path}\0${m.ruleId}\0${m.line}:${m.column}`;

const counts = {};
const count = (m, side) => ((counts[m.ruleId] ??= { before: 0, after: 0 })[side]++);
const afterKeys = new Set();
const afterEnds = new Set();
const afterStarts = new Set();
const afterPlaces = new Set();
const afterAcronyms = new Map();
// A copy of a sentence repeated in many files: left out, its message kept once in the first file (`repeated`).
const repeatKey = (path, ruleId, line, column, actual) => `${path}\0${ruleId}\0${line}:${column}\0${actual}`;
const repeatedCopies = new Map();
for (const result of after.results) for (const m of result.messages) {
  count(m, 'after');
  for (const place of m.repeated?.places ?? []) repeatedCopies.set(repeatKey(place.path, m.ruleId, place.line, place.column, m.actual), `the same sentence in ${m.repeated.files} files, reported once in ${result.path}`);
  afterKeys.add(key(result.path, m));
  afterEnds.add(endKey(result.path, m));
  afterStarts.add(startKey(result.path, m));
  afterPlaces.add(placeKey(result.path, m));
  if (m.ruleId === 'undefined-acronym') afterAcronyms.set(acronymKey(result.path, m), m);
}
const beforeKeys = new Set();
const removed = [];
const movedAcronyms = [];
let moved = 0;
let reworded = 0;
let narrowed = 0;
for (const result of before.results) for (const m of result.messages) {
  count(m, 'before');
  beforeKeys.add(key(result.path, m));
  if (!wanted(m) || afterKeys.has(key(result.path, m))) continue;
  if (afterPlaces.has(placeKey(result.path, m))) reworded++;
  else if (afterEnds.has(endKey(result.path, m))) moved++;
  else if (afterStarts.has(startKey(result.path, m))) narrowed++;
  else if (m.ruleId === 'undefined-acronym' && afterAcronyms.has(acronymKey(result.path, m))) movedAcronyms.push({ path: result.path, m, to: afterAcronyms.get(acronymKey(result.path, m)) });
  else removed.push({ path: result.path, m });
}

console.log('| rule | before | after |\n| --- | ---: | ---: |');
for (const [rule, { before: b, after: a }] of Object.entries(counts).sort()) console.log(`| ${rule} | ${b} | ${a} |`);
console.log(`\n${moved} messages moved (same rule and end, new start); ${narrowed} narrowed (same rule and start, new end); ${reworded} reworded (same place and words, new message text).`);

const docs = new Map();
const docOf = (path) => {
  if (!docs.has(path)) docs.set(path, parseDocument(path, readFileSync(path, 'utf8')));
  return docs.get(path);
};
const offsetOf = (text, line, column) => {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
};

const acronymLists = parseYaml(readFileSync(new URL('../rules/undefined-acronym.yml', import.meta.url), 'utf8'));
const listsBefore = values['before-commit'] ? parseYaml(execFileSync('git', ['show', `${values['before-commit']}:rules/undefined-acronym.yml`], { encoding: 'utf8' })) : null;
const runConfig = values.config ? JSON.parse(readFileSync(values.config, 'utf8')) : {};
const ruleEntry = runConfig.rules?.['undefined-acronym'];
const genreSetting = runConfig.genre ?? 'auto';
const acronymOptions = Array.isArray(ruleEntry) ? (ruleEntry[1] ?? {}) : {};
// Business readers: the run flagged an acronym of this page for a persona.
const businessPages = new Set(before.results.filter((r) => r.messages.some((m) => m.ruleId === 'undefined-acronym' && m.persona)).map((r) => r.path));

const builtinPersonas = loadBuiltinPersonas();

/** What the rule now makes of the use at `start`: its verdict, or why the word is no use at all. */
function acronymReason(path, doc, start, m) {
  const skippedWords = [];
  const uses = findAcronymUses(doc, new Set(acronymLists.notAcronyms), skippedWords);
  // The run's config declares no persona (the corpus runs): the page's readers are its near-certain best fit.
  const audience = acronymReaders(doc, acronymOptions, builtinPersonas, []);
  const known = knownAcronyms(acronymLists, acronymOptions, !businessPages.has(path), audience);
  const verdicts = acronymVerdicts(uses, doc, known, audience);
  // "US-CERT" flagged “CERT”: the use is now the whole compound, which starts before the message.
  const verdict = verdicts.find((v) => v.use.token.start.offset === start) ?? verdicts.find((v) => v.use.token.start.offset < start && start < v.use.end.end.offset);
  const word = skippedWords.find((w) => w.token.start.offset === start);
  const base = m.actual.replace(/(?:s|['’]s)$/, '');
  const wasListed = (name) => listsBefore && (name in listsBefore.common || name in listsBefore.technical || listsBefore.notAcronyms.includes(name));
  if (word) return word.because.startsWith('not an acronym') && !wasListed(base) ? 'notAcronyms list entry added' : word.because;
  if (!verdict) return 'no guard found: no acronym use here now';
  const why = verdict.skipped;
  if (why === null) return 'no guard found: still reported here';
  if (why.startsWith('known: ')) {
    const name = verdict.use.acronym;
    const list = why.slice('known: '.length).replace(/ list$/, '');
    if (list === 'common' || list === 'technical') {
      if (listsBefore && !wasListed(name)) return `known list entry added (${list})`;
      if (verdict.use.text !== name) return 'plural or possessive of a known acronym';
    }
    // The Debian list is made by a script (scripts/build-known-acronyms.mjs): one reason whatever the count.
    // "the readers' vocabulary (platform-perry)": one reason per persona.
    if (list.startsWith("the readers' vocabulary")) return `known: ${list}`;
    return `known: ${list.replace(/^Debian descriptions \(\d+ packages\)$/, 'Debian descriptions')} list`;
  }
  // The old rule flagged this use, so the expansion it finds here is a form it did not know.
  if (why === 'expanded at this use' || why.startsWith('expanded earlier')) return `${why.replace(/ \(line \d+\)$/, '')}: a new expansion form`;
  // "(line 12, the end of a name)": one reason whatever the line and the words.
  return why.replace(/ \(line \d+(?:, .*)?\)$/, '');
}

/** Why a message is gone, where the new guards can tell; else the guard is a word pack's or a rule's own. */
function reason({ path, m }) {
  const repeated = repeatedCopies.get(repeatKey(path, m.ruleId, m.line, m.column, m.actual));
  if (repeated) return repeated;
  const doc = docOf(path);
  const start = offsetOf(doc.text, m.line, m.column);
  if (m.ruleId === 'undefined-acronym') return `undefined-acronym: ${acronymReason(path, doc, start, m)}`;
  const end = offsetOf(doc.text, m.endLine, m.endColumn);
  if (inRanges(proseRegions(doc).quotations, start, end)) return 'inside a quotation (checkQuotations is off)';
  for (const sentence of doc.sentences) {
    const from = sentence.tokens.findIndex((t) => t.start.offset === start);
    const to = sentence.tokens.findIndex((t) => t.end.offset === end);
    if (from >= 0 && to >= from && properNames(doc)(sentence.tokens, from, to + 1)) return 'a name: capitalised mid-sentence in this document';
  }
  if (m.ruleId === 'persona-disparagement') return 'a persona’s given name is a person, not a team';
  const genre = genreOf(path, doc.frontmatter, genreSetting);
  if (m.ruleId === 'buzzword') return buzzwordReason(doc, start, genre);
  if (m.ruleId === 'alienating-language') return `alienating-language: ${packReason(doc, start, m, genre)}`;
  return 'a word pack sense guard (see the entry’s comment in rules/<rule>.yml)';
}

const guardFields = ['onlyWhenFollowedBy', 'exceptWhenFollowedBy', 'exceptWhenPrecededBy'];
// The buzzword pack with every entry's sense guards taken off: which entry a message came from.
const unguarded = () => compilePack('buzzword', { add: loadBuiltinPack('buzzword').entries.map((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !guardFields.includes(k)))) });

/** A buzzword's reason: the rule's own guard (a title link, a heading echo, a mention), else the entry's sense guards. */
function buzzwordReason(doc, start, genre) {
  const matches = [...packMatches(compilePack('buzzword'), doc, { genre })];
  const found = matches.find((match) => match.span.start.offset === start);
  if (found) return `buzzword: ${leftAlone(doc, matches)(found) ?? 'no guard found: still matched here'}`;
  if ([...packMatches(compilePack('buzzword'), doc)].some((match) => match.span.start.offset === start)) return `buzzword: ${packGuards['an article']}`;
  const bare = [...packMatches(unguarded(), doc)].find((match) => match.span.start.offset === start);
  if (!bare) return 'no guard found: no buzzword match here now';
  const entry = loadBuiltinPack('buzzword').entries.find((e) => e.term === bare.entry.term);
  const fields = guardFields.filter((k) => entry?.[k]);
  return `buzzword: the “${entry.term}” entry’s sense guard (${fields.join(', ')} in rules/buzzword.yml)`;
}

/** What a word pack makes of the words at `start` now: no entry lists them, or the guard that leaves them alone (pack-matches' guardAgainst). */
const packGuards = {
  clauseStart: 'not an instruction: the verb does not open a clause of its own (clauseStart)',
  exceptWhenNamedInCode: 'the page names the thing in code or a URL (exceptWhenNamedInCode)',
  onlyWhenFollowedBy: 'a statement, not what the reader must do (onlyWhenFollowedBy)',
  exceptWhenFollowedBy: 'the words after it (exceptWhenFollowedBy)',
  exceptWhenPrecededBy: 'the words before it (exceptWhenPrecededBy)',
  'a quotation': 'inside a quotation (checkQuotations is off)',
  'an article': 'an article: the entry is left alone on article pages (articles: false, config genre)',
};
function packReason(doc, start, m, genre) {
  const pack = compilePack(m.ruleId);
  for (const sentence of doc.sentences) {
    const from = sentence.tokens.findIndex((t) => t.start.offset === start);
    if (from < 0) continue;
    const found = pack.index.longestAt(sentence.tokens, from);
    if (!found) return 'no entry lists these words now (see the comments in rules/alienating-language.yml)';
    const guard = guardAgainst(found.value, doc, sentence.tokens, found.start, found.end, { genre });
    if (!guard && found.value.entry.category === 'condescension' && genre === 'article') return 'an article: condescension is checked on documentation pages only (config genre)';
    return guard ? (packGuards[guard] ?? guard) : 'no guard found: still matched here';
  }
  return 'no guard found: no word starts here';
}

const lineOf = (path, line) => readFileSync(path, 'utf8').split('\n')[line - 1]?.trim() ?? '';
const byReason = new Map();
for (const entry of removed) {
  const why = reason(entry);
  if (!byReason.has(why)) byReason.set(why, []);
  byReason.get(why).push(entry);
}
const noGuard = [...byReason].filter(([why]) => why.includes('no guard found')).reduce((n, [, e]) => n + e.length, 0);
console.log(`\n## ${removed.length} messages removed${only ? ` (${only.join(', ')})` : ''}, by reason (${noGuard} with no guard found)\n`);
console.log('| reason | messages |\n| --- | ---: |');
for (const [why, entries] of [...byReason].sort((a, b) => b[1].length - a[1].length)) console.log(`| ${why} | ${entries.length} |`);
for (const [why, entries] of [...byReason].sort((a, b) => b[1].length - a[1].length)) {
  console.log(`\n### ${why} (${entries.length})\n`);
  for (const { path, m } of entries) console.log(`- ${path}:${m.line}:${m.column} ${m.ruleId} “${m.actual}” — ${lineOf(path, m.line).slice(0, 160)}`);
}
{
  console.log(`\n## ${movedAcronyms.length} undefined-acronym messages moved: the first use is now flagged elsewhere in the same page\n`);
  for (const { path, m, to } of movedAcronyms) console.log(`- ${path}:${m.line}:${m.column} → ${to.line}:${to.column} “${m.actual}” — ${lineOf(path, m.line).slice(0, 160)}`);
}
if (values.added) {
  console.log('\n## Messages added\n');
  for (const result of after.results) for (const m of result.messages) {
    if (wanted(m) && !beforeKeys.has(key(result.path, m)) && m.ruleId !== 'readability') console.log(`- ${result.path}:${m.line}:${m.column} ${m.ruleId} “${m.actual}” — ${lineOf(result.path, m.line).slice(0, 160)}`);
  }
}
