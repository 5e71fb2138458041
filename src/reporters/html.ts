import type { Reporter } from './reporter.js';
import type { Message } from '../core/types.js';
import { personasInReport, scoreSheet, type ScoreSheet } from './score-sheet.js';
import { toolName, toolVersion } from '../core/meta.js';
import { docLink, esc, fileName, figure, folderOf, heat, mean, plural, scriptJson, section, table, type Document } from './html-markup.js';
import { gatesSection, mismatchSection, personasSection, phrasesSection, worstSection } from './html-summary.js';
import { script, style } from './html-assets.js';

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
