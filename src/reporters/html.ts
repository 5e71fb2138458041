import type { Reporter } from './types.js';
import type { FileResult, GateFailure, LintReport, Message } from '../types.js';
import { personasInReport, scoreSheet, type ScoreRow, type ScoreSheet } from '../score-sheet.js';
import { describeGateFailure } from '../gates.js';
import { toolName, toolVersion } from '../meta.js';

/** How many rows the ranked lists show (worst pages, phrases). */
export const listLength = 20;

/** Rules whose flagged phrases the report counts, with the heading of their table. */
const phraseRules = [
  { ruleId: 'buzzword', title: 'Top buzzwords' },
  { ruleId: 'alienating-language', title: 'Top alienating phrases' },
];

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or an attribute value, escaped. */
function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]);
}

/** JSON safe inside a <script> element: no `<` at all, so no `</script>` or `<!--` can end or bend it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const mean = (values: number[]) => (values.length === 0 ? null : Math.round((10 * values.reduce((a, b) => a + b, 0)) / values.length) / 10);
const figure = (value: number | null) => (value === null ? '–' : String(value));
/** A heat class from 0 (fit 0–9) to 10 (fit 100): darker is a better fit. */
const heat = (fit: number) => `h${Math.max(0, Math.min(10, Math.floor(fit / 10)))}`;

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '.' : path.slice(0, slash);
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

interface Document {
  /** 1-based position in the report: the anchors `r-<n>` (heatmap row) and `d-<n>` (messages). */
  n: number;
  row: ScoreRow;
  result: FileResult;
}

/** The persona a page is judged on: its declared persona with the lowest fit, else its best fit. */
function judgedFit(doc: Document): { persona: string; fit: number; declared: boolean } | null {
  const { row } = doc;
  const declared = row.declared.filter((id) => row.fits[id] !== undefined);
  if (declared.length > 0) {
    const persona = declared.reduce((a, b) => (row.fits[b] < row.fits[a] ? b : a));
    return { persona, fit: row.fits[persona], declared: true };
  }
  return row.best !== null && row.fits[row.best] !== undefined ? { persona: row.best, fit: row.fits[row.best], declared: false } : null;
}

function table(head: string[], rows: string[][], className = ''): string {
  const cls = className ? ` class="${className}"` : '';
  return `<table${cls}><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>\n${rows.map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')}\n</tbody></table>`;
}

function section(id: string, title: string, body: string): string {
  return `<section id="${id}" aria-labelledby="${id}-title">\n<h2 id="${id}-title">${title}</h2>\n${body}\n</section>`;
}

/** A link to the document's messages (to its heatmap row when it has none), shown by path or by `label`. */
function docLink(doc: Document, label = doc.row.path): string {
  return `<a href="#${doc.result.messages.length > 0 ? 'd' : 'r'}-${doc.n}">${esc(label)}</a>`;
}

function gatesSection(failures: GateFailure[] | undefined, docs: Map<string, Document>): string {
  if (failures === undefined) return section('gates', 'Failed gates', '<p>No gates were checked (set <code>--min-fit</code>, <code>--min-coverage</code>, config <code>gates</code> or <code>--baseline</code>).</p>');
  if (failures.length === 0) return section('gates', 'Failed gates', '<p>None: every gate passed.</p>');
  const rows = failures.map((f) => {
    const doc = docs.get(f.path);
    return [doc ? docLink(doc) : esc(f.path), esc(f.persona), esc(f.gate), esc(describeGateFailure(f))];
  });
  return section('gates', `Failed gates (${failures.length})`, table(['Document', 'Persona', 'Gate', 'What failed'], rows));
}

function personasSection(sheet: ScoreSheet): string {
  const rows = sheet.summary.map((s) => {
    const persona = sheet.personas.find((p) => p.id === s.id)!;
    const missing = s.mostMissing.length > 0 ? s.mostMissing.map((m) => `${esc(m.label)} (${m.documents})`).join(', ') : '–';
    return [`${esc(persona.name)} <small>(${esc(persona.id)})</small>`, String(s.declaredBy), String(s.bestFor), figure(s.meanFit), missing];
  });
  return section('personas', 'Personas', `${table(['Persona', 'Documents declaring it', 'Documents it fits best', 'Mean fit', 'Key concepts most often missing (documents)'], rows, 'numbers')}\n<p>Missing concepts count the documents written for the persona: those that declare it, or, when none does, those it fits best.</p>`);
}

function mismatchSection(docs: Document[], name: (id: string) => string): string {
  const mismatches = docs.filter(({ row }) => row.declared.length > 0 && row.best !== null && row.fits[row.best] !== undefined && !row.declared.includes(row.best));
  if (mismatches.length === 0) return section('mismatches', 'Mismatches', '<p>None: every document that declares a persona fits it best (or declares none).</p>');
  const rows = mismatches.map((doc) => {
    const { row } = doc;
    const declared = row.declared.map((id) => `${esc(name(id))} ${figure(row.fits[id] ?? null)}`).join(', ');
    return [docLink(doc), declared, `${esc(name(row.best!))} ${row.fits[row.best!]}`];
  });
  return section('mismatches', `Mismatches (${mismatches.length})`, `<p>Documents whose declared persona is not the one they fit best.</p>\n${table(['Document', 'Declared persona, fit', 'Best fit, fit'], rows)}`);
}

function worstSection(docs: Document[], name: (id: string) => string): string {
  const judged = docs.map((doc) => ({ doc, judged: judgedFit(doc) })).filter((d): d is { doc: Document; judged: NonNullable<ReturnType<typeof judgedFit>> } => d.judged !== null);
  const worst = judged.sort((a, b) => a.judged.fit - b.judged.fit || a.doc.n - b.doc.n).slice(0, listLength);
  if (worst.length === 0) return section('worst', 'Worst pages by fit', '<p>No document was scored.</p>');
  const rows = worst.map(({ doc, judged: j }) => [docLink(doc), `${esc(name(j.persona))}${j.declared ? ' (declared)' : ' (best fit)'}`, String(j.fit)]);
  return section('worst', 'Worst pages by fit', `<p>Each page's fit for its declared persona (the lowest when it declares several), or for the persona it fits best when it declares none; the ${listLength} lowest.</p>\n${table(['Document', 'Persona', 'Fit'], rows)}`);
}

function phrasesSection(report: LintReport): string {
  const parts = phraseRules.map(({ ruleId, title }) => {
    const counts = new Map<string, { phrase: string; count: number; documents: Set<string>; suggestion: string }>();
    for (const result of report.results) {
      for (const m of result.messages) {
        if (m.ruleId !== ruleId || m.actual === null) continue;
        const key = m.actual.toLowerCase();
        const entry = counts.get(key) ?? { phrase: key, count: 0, documents: new Set(), suggestion: m.expected.slice(0, 3).join(', ') };
        entry.count++;
        entry.documents.add(result.path);
        counts.set(key, entry);
      }
    }
    const top = [...counts.values()].sort((a, b) => b.count - a.count || (a.phrase < b.phrase ? -1 : 1)).slice(0, listLength);
    const body = top.length === 0 ? '<p>None found.</p>' : table(['Phrase', 'Times', 'Documents', 'Suggestion'], top.map((t) => [esc(t.phrase), String(t.count), String(t.documents.size), esc(t.suggestion) || '–']));
    return `<h3 id="phrases-${ruleId}">${title} <small>(<code>${ruleId}</code>)</small></h3>\n${body}`;
  });
  return section('phrases', 'Top buzzwords and alienating phrases', parts.join('\n'));
}

function heatCell(doc: Document, persona: string): string {
  const { row } = doc;
  const fit = row.fits[persona];
  if (fit === undefined) return '<td>–</td>';
  const declared = row.declared.includes(persona);
  const best = row.best === persona;
  const value = best ? `<strong>${fit}</strong>` : String(fit);
  // A score from a newer scorer may carry more figures (relevance): shown on hover, never assumed.
  const score = doc.result.personas?.scores.find((s) => s.id === persona) as ({ coverage?: unknown; relevance?: unknown } | undefined);
  const extra = [typeof score?.coverage === 'number' ? `coverage ${Math.round(score.coverage * 100)}%` : '', typeof score?.relevance === 'number' ? `relevance ${score.relevance}` : ''].filter(Boolean).join(', ');
  return `<td class="${heat(fit)}${declared ? ' declared' : ''}" data-persona="${esc(persona)}" data-fit="${fit}"${extra ? ` title="${extra}"` : ''}>${value}${declared ? '<span class="mark">*</span>' : ''}</td>`;
}

function heatmapSection(docs: Document[], sheet: ScoreSheet, open: boolean, name: (id: string) => string): string {
  const folders = new Map<string, Document[]>();
  for (const doc of docs) {
    const folder = folderOf(doc.row.path);
    const members = folders.get(folder);
    if (members) members.push(doc);
    else folders.set(folder, [doc]);
  }
  const head = `<th scope="col">Document</th>${sheet.personas.map((p) => `<th scope="col" data-persona="${esc(p.id)}"><abbr title="${esc(p.name)}">${esc(p.short)}</abbr></th>`).join('')}<th scope="col">Declared</th><th scope="col">Best fit</th><th scope="col">Messages</th>`;
  const groups = [...folders.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((folder, i) => {
      const members = folders.get(folder)!;
      const averages = sheet.personas.map((p) => mean(members.map((d) => d.row.fits[p.id]).filter((f): f is number => f !== undefined)));
      const messages = members.reduce((n, d) => n + d.result.messages.length, 0);
      const averageRow = `<tr class="average"><th scope="row">Folder average</th>${averages.map((a) => `<td${a === null ? '' : ` class="${heat(a)}"`}>${figure(a)}</td>`).join('')}<td></td><td></td><td>${messages}</td></tr>`;
      const rows = members.map((doc) => {
        const { row } = doc;
        if (row.error) return `<tr id="r-${doc.n}" data-path="${esc(row.path)}"><th scope="row">${docLink(doc, fileName(row.path))}</th><td colspan="${sheet.personas.length + 2}">could not be scored: ${esc(row.error)}</td><td>${doc.result.messages.length}</td></tr>`;
        const declared = row.declared.length > 0 ? row.declared.map((id) => esc(name(id))).join(', ') : '–';
        // A newer scorer may say no persona clearly leads (`unclear`): the best is then a guess.
        const unclear = (doc.result.personas as { unclear?: unknown } | undefined)?.unclear === true;
        const best = row.best === null ? '–' : `${esc(name(row.best))}${unclear ? ' (unclear)' : ''}`;
        return `<tr id="r-${doc.n}" data-path="${esc(row.path)}"><th scope="row">${docLink(doc, fileName(row.path))}</th>${sheet.personas.map((p) => heatCell(doc, p.id)).join('')}<td>${declared}</td><td>${best}</td><td>${doc.result.messages.length}</td></tr>`;
      });
      const summary = `<summary><strong>${esc(folder === '.' ? './' : `${folder}/`)}</strong> ${plural(members.length, 'document')}, ${plural(messages, 'message')}</summary>`;
      return `<details class="folder" id="f-${i + 1}"${open ? ' open' : ''}>${summary}\n<table class="heatmap"><thead><tr>${head}</tr>\n${averageRow}</thead><tbody>\n${rows.join('\n')}\n</tbody></table>\n</details>`;
    });
  const legend = '<p class="legend">Fit for each persona, 0 to 100 (see docs/scoring.md). <strong>Bold</strong>: the best persona of the document (<code>best</code> in the JSON report). <span class="mark">*</span> after a number: a persona the document declares (frontmatter, config or <code>--persona</code>). Each folder shows its average first; folders open and close.</p>';
  const note = open ? '' : `<p>The folders start closed: ${docs.length} documents are many to lay out at once. Open one, or all with the script's button.</p>`;
  return section('heatmap', 'Fit by document and persona', `${legend}\n${note}${groups.join('\n')}`);
}

function messageRow(m: Message): string[] {
  const place = m.line === null ? '–' : `${m.line}:${m.column}`;
  const rule = m.url ? `<a href="${esc(m.url)}">${esc(m.ruleId)}</a>` : esc(m.ruleId);
  const suggestion = m.expected.length > 0 ? esc(m.expected.slice(0, 5).join(', ')) : '–';
  return [place, m.baseline ? 'baseline' : m.severity, rule, esc(m.message), suggestion];
}

function messagesSection(docs: Document[]): string {
  const articles = docs
    .filter((doc) => doc.result.messages.length > 0)
    .map((doc) => {
      const { messages, counts } = doc.result;
      const totals = `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${counts.infos} info`;
      return `<article id="d-${doc.n}"><h3>${esc(doc.row.path)}</h3>\n<p>${totals} · <a href="#r-${doc.n}">its row in the heatmap</a></p>\n${table(['Line', 'Severity', 'Rule', 'Message', 'Suggestion'], messages.map(messageRow), 'messages')}\n</article>`;
    });
  return section('messages', 'Messages by document', articles.length === 0 ? '<p>No messages.</p>' : articles.join('\n'));
}

/** Colours and layout; the page reads the same without them (viewers that block inline styles). */
const style = `
body{font:14px/1.45 system-ui,sans-serif;margin:1rem 2rem;color:#1b1b1b}
table{border-collapse:collapse;margin:.5rem 0 1rem}
th,td{border:1px solid #ccd;padding:2px 6px;text-align:left;vertical-align:top}
.heatmap td,.numbers td{text-align:right}
.numbers td:first-child,.numbers td:last-child{text-align:left}
.heatmap td:nth-last-child(-n+3){text-align:left}
.heatmap tr.average th,.heatmap tr.average td{font-style:italic;border-bottom:2px solid #667}
summary{cursor:pointer;padding:4px 0}
.mark{font-weight:bold}
.heatmap td.declared{outline:3px solid #d95f02;outline-offset:-3px}
.h0{background:#f7fcf5}.h1{background:#e5f5e0}.h2{background:#c7e9c0}.h3{background:#a1d99b}.h4{background:#74c476}
.h5{background:#41ab5d;color:#fff}.h6{background:#238b45;color:#fff}.h7{background:#006d2c;color:#fff}.h8,.h9,.h10{background:#00441b;color:#fff}
.toolbar{position:sticky;top:0;background:#fff;padding:4px 0;border-bottom:1px solid #ccd}
.toolbar>*{margin-right:.5rem}
nav ul{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0}
@media print{.toolbar{display:none}thead{display:table-header-group}tr{break-inside:avoid}body{margin:0;font-size:10px}a{color:inherit;text-decoration:none}}
`;

/** Sorting and filtering, when scripts may run: without it the page is complete, only static. */
const script = `
(function () {
  var data = JSON.parse(document.getElementById('persona-lint-data').textContent);
  var heatmap = document.getElementById('heatmap');
  var bar = document.createElement('div');
  bar.className = 'toolbar';
  bar.innerHTML = '<label>Filter documents <input type="search" id="filter" placeholder="path contains"></label>' +
    '<label>Sort by fit for <select id="sort"><option value="">file order</option></select></label>' +
    '<button type="button" id="open-all">Open all folders</button><button type="button" id="close-all">Close all folders</button>';
  heatmap.insertBefore(bar, heatmap.querySelector('details'));
  var select = bar.querySelector('#sort');
  data.personas.forEach(function (p) { var o = document.createElement('option'); o.value = p.id; o.textContent = p.name; select.appendChild(o); });
  var fits = {};
  data.documents.forEach(function (d) { fits[d.path] = d.fits; });
  var folders = Array.prototype.slice.call(heatmap.querySelectorAll('details.folder'));
  folders.forEach(function (f) { Array.prototype.forEach.call(f.querySelectorAll('tbody tr'), function (tr, i) { tr.dataset.order = i; }); });
  bar.querySelector('#filter').addEventListener('input', function (e) {
    var q = e.target.value.toLowerCase();
    folders.forEach(function (f) {
      var shown = 0;
      Array.prototype.forEach.call(f.querySelectorAll('tbody tr'), function (tr) { tr.hidden = q !== '' && tr.dataset.path.toLowerCase().indexOf(q) < 0; if (!tr.hidden) shown++; });
      f.hidden = shown === 0;
      if (q !== '' && shown > 0) f.open = true;
    });
  });
  select.addEventListener('change', function () {
    var id = select.value;
    folders.forEach(function (f) {
      var body = f.querySelector('tbody');
      var rows = Array.prototype.slice.call(body.children);
      rows.sort(function (a, b) {
        if (!id) return a.dataset.order - b.dataset.order;
        var x = (fits[a.dataset.path] || {})[id], y = (fits[b.dataset.path] || {})[id];
        return (y === undefined ? -1 : y) - (x === undefined ? -1 : x) || a.dataset.order - b.dataset.order;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  bar.querySelector('#open-all').addEventListener('click', function () { folders.forEach(function (f) { f.open = true; }); });
  bar.querySelector('#close-all').addEventListener('click', function () { folders.forEach(function (f) { f.open = false; }); });
})();
`;

/** Above this many documents the heatmap's folders start closed, so the page lays out fast. */
export const openFoldersUpTo = 2000;

/**
 * One self-contained HTML page for people: failed gates, a summary per persona, mismatches, the
 * worst pages, the most common buzzwords and alienating phrases, a heatmap of documents × personas
 * grouped by folder, and every document's messages. No request leaves the file (its Content
 * Security Policy forbids any); it reads with scripts and styles blocked (semantic tables and
 * <details>), and prints. The score sheet is embedded as JSON for the optional script and for tools.
 */
export const html: Reporter = (report, context) => {
  const sheet = scoreSheet(report, personasInReport(report, context.personas ?? []));
  const names = new Map(sheet.personas.map((p) => [p.id, p.name]));
  const name = (id: string) => names.get(id) ?? id;
  const docs: Document[] = sheet.documents.map((row, i) => ({ n: i + 1, row, result: report.results[i] }));
  const byPath = new Map(docs.map((d) => [d.row.path, d]));
  const { errors, warnings, infos, fatal } = report.counts;
  const inBaseline = report.results.reduce((n, r) => n + r.messages.filter((m) => m.baseline).length, 0);
  const totals = `${plural(report.results.length, 'document')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info${fatal > 0 ? `, ${fatal} could not be linted` : ''}${inBaseline > 0 ? `; ${plural(inBaseline, 'message')} in the baseline not counted` : ''}.`;
  const gatesFailed = report.gateFailures?.length ?? 0;
  const data = { tool: { name: toolName, version: toolVersion }, counts: report.counts, ...sheet, gateFailures: report.gateFailures ?? null };
  const nav = [
    ['gates', `Failed gates${gatesFailed > 0 ? ` (${gatesFailed})` : ''}`],
    ['personas', 'Personas'],
    ['mismatches', 'Mismatches'],
    ['worst', 'Worst pages'],
    ['phrases', 'Buzzwords and alienating phrases'],
    ['heatmap', 'Heatmap'],
    ['messages', 'Messages'],
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${toolName} ${toolVersion}">
<title>${toolName} report: ${plural(report.results.length, 'document')}</title>
<style>${style}</style>
</head>
<body>
<header>
<h1>${toolName} report</h1>
<p>${esc(totals)}${gatesFailed > 0 ? ` <strong>${plural(gatesFailed, 'gate')} failed.</strong>` : ''}</p>
<nav aria-label="Sections"><ul>${nav.map(([id, label]) => `<li><a href="#${id}">${label}</a></li>`).join('')}</ul></nav>
</header>
<main>
${gatesSection(report.gateFailures, byPath)}
${personasSection(sheet)}
${mismatchSection(docs, name)}
${worstSection(docs, name)}
${phrasesSection(report)}
${heatmapSection(docs, sheet, docs.length <= openFoldersUpTo, name)}
${messagesSection(docs)}
</main>
<footer><p>Written by ${toolName} ${toolVersion}. The data of this page: the JSON in the element <code>#persona-lint-data</code>.</p></footer>
<script type="application/json" id="persona-lint-data">${scriptJson(data)}</script>
<script>${script}</script>
</body>
</html>
`;
};
