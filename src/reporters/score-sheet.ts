import type { LintReport } from '../core/types.js';

/** One document's row of `persona-lint score`. */
export interface ScoreRow {
  path: string;
  declared: string[];
  best: string | null;
  /** Persona id → fit (0 to 100); empty when the file could not be linted. */
  fits: Record<string, number>;
  /** Why the file could not be scored. */
  error?: string;
}

/** One persona's line of the summary. */
export interface PersonaSummary {
  id: string;
  name: string;
  /** Mean fit over the documents that were scored, one decimal. */
  meanFit: number | null;
  /** Documents this persona fits best. */
  bestFor: number;
  /** Documents that declare this persona. */
  declaredBy: number;
  /** Key concepts most often missing from the documents written for the persona (declared, or best fit when none declares it). */
  mostMissing: { label: string; documents: number }[];
}

/** Documents × personas, the data behind every format of `persona-lint score`. */
export interface ScoreSheet {
  personas: { id: string; name: string; short: string }[];
  documents: ScoreRow[];
  summary: PersonaSummary[];
}

/** What a score sheet needs to know of a persona. */
export interface PersonaLabel {
  id: string;
  name: string;
  aliases: readonly string[];
}

/**
 * The configured personas, then any other persona the results were scored against (a nested
 * config's profiles), in the order their scores list them, named by id.
 */
export function personasInReport(report: LintReport, configured: readonly PersonaLabel[]): PersonaLabel[] {
  const known = new Map(configured.map((p) => [p.id, p]));
  for (const result of report.results) for (const score of result.personas?.scores ?? []) if (!known.has(score.id)) known.set(score.id, { id: score.id, name: score.id, aliases: [] });
  return [...known.values()];
}

/** Short column name: the first alias (rory, tristan), else the id. */
const shortName = (persona: PersonaLabel) => persona.aliases[0] ?? persona.id;

export function scoreSheet(report: LintReport, personas: readonly PersonaLabel[]): ScoreSheet {
  const documents: ScoreRow[] = report.results.map((result) => {
    if (!result.personas) {
      const fatal = result.messages.find((m) => m.fatal);
      return { path: result.path, declared: [], best: null, fits: {}, error: fatal?.message ?? 'not scored' };
    }
    const fits: Record<string, number> = {};
    for (const score of result.personas.scores) fits[score.id] = score.fit;
    return { path: result.path, declared: result.personas.declared, best: result.personas.best, fits };
  });
  const summary = personas.map((persona): PersonaSummary => {
    const scored = report.results.filter((r) => r.personas);
    const fits = scored.map((r) => r.personas!.scores.find((s) => s.id === persona.id)?.fit).filter((f): f is number => f !== undefined);
    const declaredBy = scored.filter((r) => r.personas!.declared.includes(persona.id));
    const audience = declaredBy.length > 0 ? declaredBy : scored.filter((r) => r.personas!.best === persona.id);
    const missing = new Map<string, number>();
    for (const r of audience) {
      for (const label of r.personas!.scores.find((s) => s.id === persona.id)?.missing ?? []) missing.set(label, (missing.get(label) ?? 0) + 1);
    }
    return {
      id: persona.id,
      name: persona.name,
      meanFit: fits.length > 0 ? Math.round((10 * fits.reduce((a, b) => a + b, 0)) / fits.length) / 10 : null,
      bestFor: scored.filter((r) => r.personas!.best === persona.id).length,
      declaredBy: declaredBy.length,
      mostMissing: [...missing]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 3)
        .map(([label, documents]) => ({ label, documents })),
    };
  });
  return { personas: personas.map((p) => ({ id: p.id, name: p.name, short: shortName(p) })), documents, summary };
}

function truncateStart(text: string, width: number): string {
  return text.length <= width ? text : `…${text.slice(text.length - width + 1)}`;
}

/**
 * The terminal table: one row per document, one column per persona (the declared persona marked
 * with *, the best fit in bold when colour is on), then the per-persona summary.
 */
export function formatScoreTable(sheet: ScoreSheet, options: { color: boolean; pathWidth?: number }): string {
  const bold = (text: string) => (options.color ? `\u001b[1m${text}\u001b[22m` : text);
  const pathWidth = Math.min(options.pathWidth ?? 48, Math.max(8, ...sheet.documents.map((d) => d.path.length)));
  const widths = sheet.personas.map((p) => Math.max(p.short.length, 4));
  const short = new Map(sheet.personas.map((p) => [p.id, p.short]));
  const lines: string[] = [];
  lines.push(['document'.padEnd(pathWidth), ...sheet.personas.map((p, i) => p.short.padStart(widths[i])), 'best fit'].join('  '));
  for (const row of sheet.documents) {
    const path = truncateStart(row.path, pathWidth).padEnd(pathWidth);
    if (row.error) {
      lines.push(`${path}  could not be scored: ${row.error}`);
      continue;
    }
    const cells = sheet.personas.map((p, i) => {
      const fit = row.fits[p.id];
      const text = `${fit ?? '-'}${row.declared.includes(p.id) ? '*' : ' '}`.padStart(widths[i] + 1);
      return p.id === row.best ? bold(text) : text;
    });
    lines.push(`${path}  ${cells.join(' ')}  ${row.best ? short.get(row.best) : '-'}`);
  }
  lines.push('', '* declared persona (frontmatter, config or --persona)', '');
  const nameWidth = Math.max(7, ...sheet.summary.map((s) => s.id.length));
  lines.push(`${'persona'.padEnd(nameWidth)}  mean fit  best fit for  declared by  key concepts most often missing`);
  for (const s of sheet.summary) {
    const missing = s.mostMissing.length > 0 ? s.mostMissing.map((m) => `${m.label} (${m.documents})`).join(', ') : '-';
    lines.push(`${s.id.padEnd(nameWidth)}  ${(s.meanFit === null ? '-' : s.meanFit.toFixed(1)).padStart(8)}  ${String(s.bestFor).padStart(12)}  ${String(s.declaredBy).padStart(11)}  ${missing}`);
  }
  return `${lines.join('\n')}\n`;
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC 4180 CSV of the table: path, declared (ids separated by ;), best, then one fit column per persona id. */
export function formatScoreCsv(sheet: ScoreSheet): string {
  const rows = [['path', 'declared', 'best', ...sheet.personas.map((p) => p.id)]];
  for (const row of sheet.documents) {
    rows.push([row.path, row.declared.join(';'), row.best ?? '', ...sheet.personas.map((p) => (row.fits[p.id] === undefined ? '' : String(row.fits[p.id])))]);
  }
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
