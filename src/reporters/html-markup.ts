import type { FileResult } from '../core/types.js';
import type { ScoreRow } from './score-sheet.js';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or an attribute value, escaped. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]);
}

/** JSON safe inside a <script> element: no `<` at all, so no `</script>` or `<!--` can end or bend it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
export const mean = (values: number[]) => (values.length === 0 ? null : Math.round((10 * values.reduce((a, b) => a + b, 0)) / values.length) / 10);
export const figure = (value: number | null) => (value === null ? '–' : String(value));
/** A heat class from 0 (fit 0–9) to 10 (fit 100): darker is a better fit. */
export const heat = (fit: number) => `h${Math.max(0, Math.min(10, Math.floor(fit / 10)))}`;

export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '.' : path.slice(0, slash);
}

export function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** One row of the report: the document's score sheet row and its result. */
export interface Document {
  /** 1-based position in the report: the anchors `r-<n>` (heatmap row) and `d-<n>` (messages). */
  n: number;
  row: ScoreRow;
  result: FileResult;
}

export function table(head: string[], rows: string[][], className = ''): string {
  const cls = className ? ` class="${className}"` : '';
  return `<table${cls}><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>\n${rows.map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')}\n</tbody></table>`;
}

export function section(id: string, title: string, body: string): string {
  return `<section id="${id}" aria-labelledby="${id}-title">\n<h2 id="${id}-title">${title}</h2>\n${body}\n</section>`;
}

/** A link to the document's messages (to its heatmap row when it has none), shown by path or by `label`. */
export function docLink(doc: Document, label = doc.row.path): string {
  return `<a href="#${doc.result.messages.length > 0 ? 'd' : 'r'}-${doc.n}">${esc(label)}</a>`;
}

