import type { Reporter } from './reporter.js';
import type { Message } from '../core/types.js';

const codes = { red: [31, 39], yellow: [33, 39], blue: [34, 39], dim: [2, 22], underline: [4, 24], bold: [1, 22], green: [32, 39] } as const;
type Style = keyof typeof codes;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const labels: Record<Message['severity'], string> = { error: 'error', warning: 'warning', info: 'info' };

/** Grouped by file: `line:col  severity  message  ruleId`, then a summary line. */
export const stylish: Reporter = (report, { color }) => {
  const paint = (style: Style, text: string) => (color ? `\u001b[${codes[style][0]}m${text}\u001b[${codes[style][1]}m` : text);
  const severityStyle: Record<Message['severity'], Style> = { error: 'red', warning: 'yellow', info: 'blue' };
  const out: string[] = [];
  for (const result of report.results) {
    if (result.messages.length === 0) continue;
    out.push(paint('underline', result.path));
    const rows = result.messages.map((m) => [m.line === null ? '-' : `${m.line}:${m.column}`, m.baseline ? 'baseline' : labels[m.severity], m.message, m.ruleId, m.severity, m.baseline === true] as const);
    const placeWidth = Math.max(...rows.map((r) => r[0].length));
    const severityWidth = Math.max(...rows.map((r) => r[1].length));
    for (const [place, label, text, ruleId, severity, baseline] of rows) {
      // Accepted by --baseline: shown for context, dimmed, not counted.
      if (baseline) out.push(paint('dim', `  ${place.padEnd(placeWidth)}  ${label.padEnd(severityWidth)}  ${text}  ${ruleId}`));
      else out.push(`  ${paint('dim', place.padEnd(placeWidth))}  ${paint(severityStyle[severity], label.padEnd(severityWidth))}  ${text}  ${paint('dim', ruleId)}`);
    }
    out.push('');
  }
  const { errors, warnings, infos } = report.counts;
  const files = report.results.length;
  const total = errors + warnings + infos;
  const inBaseline = report.results.reduce((n, r) => n + r.messages.filter((m) => m.baseline).length, 0);
  const baselineNote = inBaseline > 0 ? ` ${plural(inBaseline, 'message')} in the baseline not counted.` : '';
  if (total === 0) {
    out.push(paint('green', `✔ ${plural(files, 'file')} checked, no problems.`) + baselineNote);
  } else {
    const parts = [plural(errors, 'error'), plural(warnings, 'warning')];
    if (infos > 0) parts.push(`${infos} info`);
    const mark = errors > 0 ? paint('red', '✖') : paint('yellow', '⚠');
    out.push(paint('bold', `${mark} ${plural(total, 'problem')} (${parts.join(', ')}) in ${plural(files, 'file')} checked.`) + baselineNote);
  }
  return `${out.join('\n')}\n`;
};
