import type { ListItem, Paragraph, PhrasingContent, Root, RootContent, TableRow } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import type { Reporter } from './reporter.js';
import type { FileResult, Message } from '../core/types.js';
import { describeGateFailure } from '../ci/gates.js';

/** Messages listed per file; the rest are counted. A merge-request comment should stay readable. */
export const messagesPerFile = 10;

const rank: Record<Message['severity'], number> = { error: 0, warning: 1, info: 2 };

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value });
const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
const item = (content: Paragraph): ListItem => ({ type: 'listItem', spread: false, children: [content] });
const row = (cells: PhrasingContent[][]): TableRow => ({ type: 'tableRow', children: cells.map((children) => ({ type: 'tableCell', children })) });

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function percent(coverage: number): string {
  return `${Math.round(coverage * 100)}%`;
}

/** The declared personas with their fit and coverage, or dashes when the document declares none. */
function personaCells(file: FileResult): PhrasingContent[][] {
  const declared = file.personas?.declared ?? [];
  if (declared.length === 0) return [[text('—')], [text('—')], [text('—')]];
  const scores = declared.map((id) => file.personas?.scores.find((s) => s.id === id));
  return [
    [text(declared.join(', '))],
    [text(scores.map((s) => (s ? String(Math.round(s.fit)) : '—')).join(' / '))],
    [text(scores.map((s) => (s ? percent(s.coverage) : '—')).join(' / '))],
  ];
}

function messageItem(message: Message): ListItem {
  const place = message.line === null ? '' : ` ${message.line}:${message.column}`;
  return item(paragraph({ type: 'strong', children: [text(message.severity)] }, text(`${place} ${message.message} `), code(message.ruleId)));
}

/**
 * A summary for a merge-request comment or `$GITHUB_STEP_SUMMARY`: the totals, any failed gate, a
 * table of the files that have messages or declared personas (persona, fit, coverage, counts),
 * then per file its most important messages, errors first.
 */
export const markdown: Reporter = (report) => {
  const { errors, warnings, infos } = report.counts;
  const total = errors + warnings + infos;
  const inBaseline = report.results.reduce((n, r) => n + r.messages.filter((m) => m.baseline).length, 0);
  const files = report.results.length;
  const summary = total === 0 ? `✔ ${plural(files, 'file')} checked, no problems.` : `${errors > 0 ? '✖' : '⚠'} ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info) in ${plural(files, 'file')} checked.`;
  const nodes: RootContent[] = [{ type: 'heading', depth: 3, children: [text('persona-lint')] }, paragraph(text(summary + (inBaseline > 0 ? ` ${plural(inBaseline, 'message')} in the baseline not counted.` : '')))];
  const gateFailures = report.gateFailures ?? [];
  if (gateFailures.length > 0) {
    nodes.push(paragraph({ type: 'strong', children: [text(`${plural(gateFailures.length, 'gate')} failed:`)] }));
    nodes.push({ type: 'list', ordered: false, spread: false, children: gateFailures.map((f) => item(paragraph(text(describeGateFailure(f))))) });
  }
  const shown = report.results.filter((file) => file.messages.length > 0 || (file.personas?.declared.length ?? 0) > 0);
  if (shown.length > 0) {
    const header = ['File', 'Persona', 'Fit', 'Coverage', 'Errors', 'Warnings', 'Info', ...(inBaseline > 0 ? ['Baseline'] : [])];
    const rows = shown.map((file) =>
      row([
        [code(file.path)],
        ...personaCells(file),
        [text(String(file.counts.errors))],
        [text(String(file.counts.warnings))],
        [text(String(file.counts.infos))],
        ...(inBaseline > 0 ? [[text(String(file.messages.filter((m) => m.baseline).length))]] : []),
      ]),
    );
    nodes.push({ type: 'table', align: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'].slice(0, header.length) as ('left' | 'right')[], children: [row(header.map((h) => [text(h)])), ...rows] });
  }
  const clean = files - shown.length;
  if (clean > 0 && shown.length > 0) nodes.push(paragraph(text(`${plural(clean, 'other file')} checked without messages.`)));
  for (const file of shown) {
    const listed = file.messages.filter((m) => !m.baseline).sort((a, b) => rank[a.severity] - rank[b.severity]);
    if (listed.length === 0) continue;
    nodes.push({ type: 'heading', depth: 4, children: [code(file.path)] });
    nodes.push({ type: 'list', ordered: false, spread: false, children: listed.slice(0, messagesPerFile).map(messageItem) });
    if (listed.length > messagesPerFile) nodes.push(paragraph(text(`…and ${listed.length - messagesPerFile} more.`)));
  }
  const tree: Root = { type: 'root', children: nodes };
  return toMarkdown(tree, { extensions: [gfmTableToMarkdown({ tablePipeAlign: false })], bullet: '-' });
};
