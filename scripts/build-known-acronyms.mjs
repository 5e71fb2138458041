// Makes rules/acronyms/debian-descriptions.json, the acronyms technical readers know because
// software descriptions use them without a word of explanation (run after `npm run build`):
//
//   node scripts/build-known-acronyms.mjs [Translation-en.lz4] [Packages.lz4] [min-source-packages]
//
// Source: the English package descriptions of Debian 12 "bookworm" main (i18n/Translation-en) and
// its binary-amd64 Packages index, which names each binary package's source package (apt-get
// update fetches both into /var/lib/apt/lists; lz4cat from the lz4 package reads them).
// Rule: a word of three to six capitals that undefined-acronym reads as an acronym (its tokenizer
// and acronymPattern, case kept, plurals and possessives folded) is known when the descriptions of
// at least `min-source-packages` (5) distinct SOURCE packages use it; a source package counts
// once however many binary packages it builds. Two-letter words are left out: nearly every pair of
// capitals has many senses (AD, SE, HA), so a count says nothing about the sense a page means.
// Why 5: from 5 to 9 the bands hold general terms and names in capitals (WASI, MLIR), which the
// reviews judged no acronym to expand; below 5, one package's own words; docs/rules/undefined-acronym.md. Only acronyms and counts are kept, no text.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from '../dist/text/document.js';
import { acronymPattern } from '../dist/rules/helpers/acronym-contexts.js';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const lists = '/var/lib/apt/lists';
const [translations = join(lists, 'deb.debian.org_debian_dists_bookworm_main_i18n_Translation-en.lz4'), packages = join(lists, 'deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4'), minimum = '5'] = process.argv.slice(2);
const minSourcePackages = Number(minimum);
const release = join(lists, 'deb.debian.org_debian_dists_bookworm_InRelease');

const read = (file) => execFileSync('lz4cat', [file], { encoding: 'utf8', maxBuffer: 1 << 30 });
/** Deb822 records: blank-line separated paragraphs of "Field: value" with indented continuation lines. */
const records = (text) => text.split(/\n\n+/).filter(Boolean);
const field = (record, name) => new RegExp(`^${name}: ?(.*)$`, 'm').exec(record)?.[1]?.trim();

/** Binary package → source package (its own name when the index gives no Source:). */
const sourceOf = new Map();
for (const record of records(read(packages))) {
  const name = field(record, 'Package');
  if (name) sourceOf.set(name, (field(record, 'Source') ?? name).split(' ')[0]);
}

/** The description as the text a page would hold: the summary, then the body with Debian's " ." blank lines. */
function descriptionText(record) {
  const lines = record.split('\n');
  const start = lines.findIndex((line) => line.startsWith('Description-en:'));
  if (start < 0) return '';
  const body = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith(' ')) break;
    body.push(line === ' .' ? '' : line.slice(1));
  }
  return `${lines[start].slice('Description-en:'.length).trim()}\n\n${body.join('\n')}\n`;
}

/** Acronym → the source packages whose descriptions use it. */
const users = new Map();
const sources = new Set();
let described = 0;
for (const record of records(read(translations))) {
  const name = field(record, 'Package');
  if (!name) continue;
  described++;
  const source = sourceOf.get(name) ?? name;
  sources.add(source);
  for (const { tokens } of parseDocument(`${name}.md`, descriptionText(record)).sentences) {
    for (const token of tokens) {
      const acronym = acronymPattern.exec(token.text)?.[1];
      if (!acronym || acronym.length < 3) continue;
      let set = users.get(acronym);
      if (!set) users.set(acronym, (set = new Set()));
      set.add(source);
    }
  }
}

const date = /^Date: (.*)$/m.exec(execFileSync('cat', [release], { encoding: 'utf8' }))?.[1] ?? 'unknown';
const version = /^Version: (.*)$/m.exec(execFileSync('cat', [release], { encoding: 'utf8' }))?.[1] ?? '12';
const acronyms = Object.fromEntries(
  [...users]
    .filter(([, set]) => set.size >= minSourcePackages)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([acronym, set]) => [acronym, set.size]),
);
const data = {
  source: `English package descriptions (Translation-en) of Debian ${version} "bookworm" main, ${described} binary packages grouped into ${sources.size} source packages by the Source: field of binary-amd64 Packages; https://deb.debian.org/debian/dists/bookworm/`,
  date,
  rule: `A word undefined-acronym reads as an acronym (3 to 6 capitals, plural or possessive folded, case kept) that the descriptions of at least ${minSourcePackages} distinct source packages use. Only acronyms and counts are kept. Made by scripts/build-known-acronyms.mjs.`,
  minSourcePackages,
  sourcePackages: sources.size,
  acronyms,
};
if (process.env.KNOWN_ACRONYMS_DUMP) {
  // Every count, for choosing the threshold: KNOWN_ACRONYMS_DUMP=/tmp/all.tsv
  writeFileSync(process.env.KNOWN_ACRONYMS_DUMP, [...users].map(([a, set]) => `${set.size}\t${a}`).sort((x, y) => Number(y.split('\t')[0]) - Number(x.split('\t')[0])).join('\n') + '\n');
}
writeFileSync(join(repo, 'rules', 'acronyms', 'debian-descriptions.json'), `${JSON.stringify(data, null, 1)}\n`);
console.log(`${Object.keys(acronyms).length} acronyms used by >= ${minSourcePackages} of ${sources.size} source packages (${described} descriptions)`);
