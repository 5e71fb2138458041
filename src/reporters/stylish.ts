import type { Reporter } from './reporter.js';
import type { Message } from '../core/types.js';
import { terminalPath, terminalText } from './escape.js';
import { breakdownRows, foldedIntoSummary, personaLines, personaLineText } from './persona-summary.js';
import { hiddenCopies } from '../ci/repeated-sentences.js';
import { defaultWidth, hangingLines, minimumWidth, padTo, textWidth, wrapLines } from './terminal-width.js';

const codes = { red: [31, 39], yellow: [33, 39], blue: [34, 39], dim: [2, 22], underline: [4, 24], bold: [1, 22], green: [32, 39] } as const;
type Style = keyof typeof codes;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const labels: Record<Message['severity'], string> = { error: 'error', warning: 'warning', info: 'info' };
const severityStyle: Record<Message['severity'], Style> = { error: 'red', warning: 'yellow', info: 'blue' };

/**
 * Grouped by file, as ESLint's and Vale's: the path, a line per declared persona (fit, coverage,
 * the key concepts it misses), then `line:col  severity  message  ruleId`, the message wrapped in
 * its column so no line is wider than `width` (the path alone is never cut: it must stay copyable).
 * Then a summary line.
 */
export const stylish: Reporter = (report, { color, personas, width: givenWidth, explainScores, quiet }) => {
  const paint = (style: Style, text: string) => (color ? `\u001b[${codes[style][0]}m${text}\u001b[${codes[style][1]}m` : text);
  const width = Math.max(minimumWidth, givenWidth ?? defaultWidth);
  const names = new Map((personas ?? []).map((p) => [p.id, p.name]));
  const out: string[] = [];
  for (const result of report.results) {
    const summaries = quiet ? [] : personaLines(result, names);
    const messages = result.messages.filter((m) => !foldedIntoSummary(m));
    if (messages.length === 0 && summaries.length === 0) continue;
    out.push(paint('underline', terminalPath(result.path)));
    for (const line of summaries) {
      out.push(...hangingLines(terminalText(personaLineText(line)), width, 2, 4));
      if (!explainScores) continue;
      const rows = breakdownRows(line);
      const partWidth = Math.max(...rows.map((r) => r[0].length));
      const pointsWidth = Math.max(...rows.map((r) => r[1].length));
      for (const [part, points, detail] of rows) {
        const lead = `    ${part.padEnd(partWidth)}  ${points.padStart(pointsWidth)}  `;
        const [first, ...rest] = wrapLines(terminalText(detail), width - lead.length);
        out.push(paint('dim', lead) + first, ...rest.map((text) => ' '.repeat(lead.length) + text));
      }
    }
    const rows = messages.map((m) => ({ place: m.line === null ? '-' : `${m.line}:${m.column}`, label: m.baseline ? 'baseline' : labels[m.severity], text: terminalText(m.message), m }));
    const placeWidth = Math.max(0, ...rows.map((r) => r.place.length));
    const labelWidth = Math.max(0, ...rows.map((r) => r.label.length));
    const ruleWidth = Math.max(0, ...rows.map((r) => textWidth(r.m.ruleId)));
    const textStart = 2 + placeWidth + 2 + labelWidth + 2;
    // The message column: as wide as the longest message, at most what the width leaves beside the rule ids.
    const columnRoom = width - textStart - 2 - ruleWidth;
    const textWidthMax = Math.max(0, ...rows.map((r) => textWidth(r.text)));
    const column = Math.min(textWidthMax, Math.max(20, columnRoom));
    for (const { place, label, text, m } of rows) {
      // Too narrow to keep the rule ids in a column of their own: they go on the message's last line.
      const lines = columnRoom >= 20 ? wrapLines(text, column) : wrapLines(`${text}  ${m.ruleId}`, width - textStart);
      const [first, ...rest] = lines;
      const continuation = rest.map((line) => ' '.repeat(textStart) + line);
      const ruleCell = columnRoom >= 20 ? `  ${m.ruleId}` : '';
      // Accepted by --baseline: shown for context, dimmed, not counted.
      if (m.baseline) {
        out.push(paint('dim', `  ${place.padEnd(placeWidth)}  ${label.padEnd(labelWidth)}  ${padTo(first, column)}${ruleCell}`.trimEnd()), ...continuation.map((line) => paint('dim', line)));
      } else {
        const head = `  ${paint('dim', place.padEnd(placeWidth))}  ${paint(severityStyle[m.severity], label.padEnd(labelWidth))}  `;
        out.push(ruleCell ? `${head}${padTo(first, column)}  ${paint('dim', m.ruleId)}` : `${head}${first}`, ...continuation);
      }
    }
    out.push('');
  }
  const { errors, warnings, infos } = report.counts;
  const files = report.results.length;
  const total = errors + warnings + infos;
  const inBaseline = report.results.reduce((n, r) => n + r.messages.filter((m) => m.baseline).length, 0);
  const baselineNote = inBaseline > 0 ? ` ${plural(inBaseline, 'message')} in the baseline not counted.` : '';
  const hidden = hiddenCopies(report);
  const repeatNote = hidden > 0 ? ` ${hidden} ${hidden === 1 ? 'copy' : 'copies'} of repeated sentences not shown (--every-repeat shows them).` : '';
  let footer: string;
  if (total === 0) {
    footer = paint('green', `✔ ${plural(files, 'file')} checked, no problems.`) + baselineNote + repeatNote;
  } else {
    const parts = [plural(errors, 'error'), plural(warnings, 'warning')];
    if (infos > 0) parts.push(`${infos} info`);
    const mark = errors > 0 ? paint('red', '✖') : paint('yellow', '⚠');
    footer = paint('bold', `${mark} ${plural(total, 'problem')} (${parts.join(', ')}) in ${plural(files, 'file')} checked.`) + baselineNote + repeatNote;
  }
  out.push(...wrapLines(footer, width));
  return `${out.join('\n')}\n`;
};
