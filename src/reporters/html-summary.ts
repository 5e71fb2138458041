import type { GateFailure, LintReport } from '../core/types.js';
import type { ScoreSheet } from './score-sheet.js';
import { describeGateFailure } from '../ci/gates.js';
import { docLink, esc, figure, section, table, type Document } from './html-markup.js';

/** How many rows the ranked lists show (worst pages, phrases). */
export const listLength = 20;

/** Rules whose flagged phrases the report counts, with the heading of their table. */
const phraseRules = [
  { ruleId: 'buzzword', title: 'Top buzzwords' },
  { ruleId: 'alienating-language', title: 'Top alienating phrases' },
];

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

export function gatesSection(failures: GateFailure[] | undefined, docs: Map<string, Document>): string {
  if (failures === undefined) return section('gates', 'Failed gates', '<p>No gates were checked (set <code>--min-fit</code>, <code>--min-coverage</code>, config <code>gates</code> or <code>--baseline</code>).</p>');
  if (failures.length === 0) return section('gates', 'Failed gates', '<p>None: every gate passed.</p>');
  const rows = failures.map((f) => {
    const doc = docs.get(f.path);
    return [doc ? docLink(doc) : esc(f.path), esc(f.persona), esc(f.gate), esc(describeGateFailure(f))];
  });
  return section('gates', `Failed gates (${failures.length})`, table(['Document', 'Persona', 'Gate', 'What failed'], rows));
}

export function personasSection(sheet: ScoreSheet): string {
  const rows = sheet.summary.map((s) => {
    const persona = sheet.personas.find((p) => p.id === s.id)!;
    const missing = s.mostMissing.length > 0 ? s.mostMissing.map((m) => `${esc(m.label)} (${m.documents})`).join(', ') : '–';
    return [`${esc(persona.name)} <small>(${esc(persona.id)})</small>`, String(s.declaredBy), String(s.bestFor), figure(s.meanFit), missing];
  });
  return section('personas', 'Personas', `${table(['Persona', 'Documents declaring it', 'Documents it fits best', 'Mean fit', 'Key concepts most often missing (documents)'], rows, 'numbers')}\n<p>Missing concepts count the documents written for the persona: those that declare it, or, when none does, those it fits best.</p>`);
}

export function mismatchSection(docs: Document[], name: (id: string) => string): string {
  const mismatches = docs.filter(({ row }) => row.declared.length > 0 && row.best !== null && row.fits[row.best] !== undefined && !row.declared.includes(row.best));
  if (mismatches.length === 0) return section('mismatches', 'Mismatches', '<p>None: every document that declares a persona fits it best (or declares none).</p>');
  const rows = mismatches.map((doc) => {
    const { row } = doc;
    const declared = row.declared.map((id) => `${esc(name(id))} ${figure(row.fits[id] ?? null)}`).join(', ');
    return [docLink(doc), declared, `${esc(name(row.best!))} ${row.fits[row.best!]}`];
  });
  return section('mismatches', `Mismatches (${mismatches.length})`, `<p>Documents whose declared persona is not the one they fit best.</p>\n${table(['Document', 'Declared persona, fit', 'Best fit, fit'], rows)}`);
}

export function worstSection(docs: Document[], name: (id: string) => string): string {
  const judged = docs.map((doc) => ({ doc, judged: judgedFit(doc) })).filter((d): d is { doc: Document; judged: NonNullable<ReturnType<typeof judgedFit>> } => d.judged !== null);
  const worst = judged.sort((a, b) => a.judged.fit - b.judged.fit || a.doc.n - b.doc.n).slice(0, listLength);
  if (worst.length === 0) return section('worst', 'Worst pages by fit', '<p>No document was scored.</p>');
  const rows = worst.map(({ doc, judged: j }) => [docLink(doc), `${esc(name(j.persona))}${j.declared ? ' (declared)' : ' (best fit)'}`, String(j.fit)]);
  return section('worst', 'Worst pages by fit', `<p>Each page's fit for its declared persona (the lowest when it declares several), or for the persona it fits best when it declares none; the ${listLength} lowest.</p>\n${table(['Document', 'Persona', 'Fit'], rows)}`);
}

export function phrasesSection(report: LintReport): string {
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

