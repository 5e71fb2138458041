import type { ScoreRow, ScoreSheet } from './score-sheet.js';
import { terminalPath, terminalText } from './escape.js';
import { defaultWidth, hangingLines, minimumWidth, padTo, textWidth } from './terminal-width.js';

const percent = (probability: number) => `${Math.round(100 * probability)}%`;

/** The best-fit cell: the most relevant persona and its probability, `?` after it when unclear, `a = b 45%` for a tie. */
function bestCell(row: ScoreRow, short: Map<string, string>): string {
  if (!row.best) return '-';
  const who = row.tied.length > 0 ? row.tied.map((id) => short.get(id)).join(' = ') : short.get(row.best);
  return `${who} ${percent(row.confidence)}${row.unclear ? ' ?' : ''}`;
}

/**
 * The terminal table of `persona-lint score`: one row per document, one column per persona with
 * its fit (the declared persona marked with *, the best fit in bold when colour is on), the best
 * fit by relevance, then the document's path, last and whole so it can be copied; then why (the
 * words behind the two most relevant personas), then the per-persona summary. Everything but a
 * table row (whose path is never cut) fits in `width` columns.
 */
export function formatScoreTable(sheet: ScoreSheet, options: { color: boolean; width?: number }): string {
  const bold = (text: string) => (options.color ? `\u001b[1m${text}\u001b[22m` : text);
  const width = Math.max(minimumWidth, options.width ?? defaultWidth);
  const wrap = (text: string, indent = 0, hang = indent) => hangingLines(text, width, indent, hang);
  const widths = sheet.personas.map((p) => Math.max(p.short.length, 4));
  const short = new Map(sheet.personas.map((p) => [p.id, p.short]));
  const scored = sheet.documents.filter((row) => !row.error);
  const bestWidth = Math.max(8, ...scored.map((row) => textWidth(bestCell(row, short))));
  const lines: string[] = [];
  lines.push([...sheet.personas.map((p, i) => p.short.padStart(widths[i] + 1)), ` ${'best fit'.padEnd(bestWidth)}`, 'document'].join(' '));
  for (const row of scored) {
    const winners = row.tied.length > 0 ? row.tied : [row.best];
    const cells = sheet.personas.map((p, i) => {
      const fit = row.fits[p.id];
      const text = `${fit ?? '-'}${row.declared.includes(p.id) ? '*' : ' '}`.padStart(widths[i] + 1);
      return winners.includes(p.id) ? bold(text) : text;
    });
    lines.push(`${cells.join(' ')}  ${padTo(bestCell(row, short), bestWidth)}  ${terminalPath(row.path)}`);
  }
  lines.push('');
  lines.push(...wrap('* declared persona (frontmatter, config or --persona); best fit: the most relevant persona and its probability, ? when no persona clearly leads, a = b when two or more tie'));
  const failed = sheet.documents.filter((row) => row.error);
  if (failed.length > 0) {
    lines.push('', 'could not be scored');
    for (const row of failed) lines.push(`  ${terminalPath(row.path)}: ${terminalText(row.error!)}`);
  }
  lines.push('');
  const explained = scored.filter((row) => row.best);
  if (explained.length > 0) {
    lines.push('why (the words behind relevance)');
    for (const row of explained) {
      const top = Object.entries(row.relevance)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 2)
        .map(([id, probability]) => `${short.get(id)} ${percent(probability)}: ${(row.why[id] ?? []).join(', ') || '-'}`);
      lines.push(terminalPath(row.path), ...top.flatMap((text) => wrap(terminalText(text), 2, 4)));
    }
    lines.push('');
  }
  // Personas by their column name, which --persona accepts too.
  const nameWidth = Math.max(7, ...sheet.personas.map((p) => p.short.length));
  const head = `${'persona'.padEnd(nameWidth)}  mean fit  best for  declared  `;
  lines.push(`${head}most often missing`);
  for (const s of sheet.summary) {
    const missing = s.mostMissing.length > 0 ? s.mostMissing.map((m) => `${m.label} (${m.documents})`).join(', ') : '-';
    const figures = `${(short.get(s.id) ?? s.id).padEnd(nameWidth)}  ${(s.meanFit === null ? '-' : s.meanFit.toFixed(1)).padStart(8)}  ${String(s.bestFor).padStart(8)}  ${String(s.declaredBy).padStart(8)}  `;
    const [first, ...rest] = hangingLines(terminalText(missing), width, head.length, head.length);
    lines.push(figures + first.trimStart(), ...rest);
  }
  return `${lines.join('\n')}\n`;
}
