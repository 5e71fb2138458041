import type { LintReport } from '../core/types.js';
import { terminalPath } from '../reporters/escape.js';

/** One document's row of `persona-lint score`. */
export interface ScoreRow {
  path: string;
  declared: string[];
  /** The most relevant persona (who the page is written for); null when it uses none of any persona's words. */
  best: string | null;
  /** The probability of `best`, 0 to 1. */
  confidence: number;
  /** True when no persona clearly leads. */
  unclear: boolean;
  /** Personas whose probability rounds to the same whole percent as `best`'s, `best` among them; empty when none ties. */
  tied: string[];
  /** Persona id → fit (0 to 100); empty when the file could not be linted. */
  fits: Record<string, number>;
  /** Persona id → probability that the page is written for it (0 to 1). */
  relevance: Record<string, number>;
  /** Persona id → the page's words behind its relevance, most first. */
  why: Record<string, string[]>;
  /** Why the file could not be scored. */
  error?: string;
}

/** One persona's line of the summary. */
export interface PersonaSummary {
  id: string;
  name: string;
  /** Mean fit over the documents that were scored, one decimal. */
  meanFit: number | null;
  /** Documents this persona fits best (by relevance, unclear pages left out). */
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

const percent = (probability: number) => Math.round(100 * probability);

/** The personas (in column order) whose relevance shows as the same percentage as the best's: a tie, not a winner. */
function tiedWith(best: string | null, relevance: Record<string, number>, personas: readonly PersonaLabel[]): string[] {
  if (best === null || relevance[best] === undefined) return [];
  const top = percent(relevance[best]);
  const tied = personas.filter((p) => relevance[p.id] !== undefined && percent(relevance[p.id]) === top).map((p) => p.id);
  return tied.length > 1 ? tied : [];
}

export function scoreSheet(report: LintReport, personas: readonly PersonaLabel[]): ScoreSheet {
  const documents: ScoreRow[] = report.results.map((result) => {
    if (!result.personas) {
      const fatal = result.messages.find((m) => m.fatal);
      return { path: result.path, declared: [], best: null, confidence: 0, unclear: true, tied: [], fits: {}, relevance: {}, why: {}, error: fatal?.message ?? 'not scored' };
    }
    const { declared, best, confidence, unclear, scores } = result.personas;
    const fits: Record<string, number> = {};
    const relevance: Record<string, number> = {};
    const why: Record<string, string[]> = {};
    for (const score of scores) {
      fits[score.id] = score.fit;
      // Scores kept for declared personas only (a compact result) carry no relevance.
      if (score.probability !== undefined) relevance[score.id] = score.probability;
      if (score.why !== undefined) why[score.id] = score.why;
    }
    return { path: result.path, declared, best, confidence: confidence ?? 0, unclear: unclear ?? best === null, tied: tiedWith(best, relevance, personas), fits, relevance, why };
  });
  const summary = personas.map((persona): PersonaSummary => {
    const scored = report.results.filter((r) => r.personas);
    const fits = scored.map((r) => r.personas!.scores.find((s) => s.id === persona.id)?.fit).filter((f): f is number => f !== undefined);
    const declaredBy = scored.filter((r) => r.personas!.declared.includes(persona.id));
    // An unclear page is nobody's in particular, and a tie nobody's alone: it counts for no persona's best fit.
    const bestFor = report.results.filter((r, i) => r.personas && documents[i].best === persona.id && !documents[i].unclear && documents[i].tied.length === 0);
    const audience = declaredBy.length > 0 ? declaredBy : bestFor;
    const missing = new Map<string, number>();
    for (const r of audience) {
      for (const label of r.personas!.scores.find((s) => s.id === persona.id)?.missing ?? []) missing.set(label, (missing.get(label) ?? 0) + 1);
    }
    return {
      id: persona.id,
      name: persona.name,
      meanFit: fits.length > 0 ? Math.round((10 * fits.reduce((a, b) => a + b, 0)) / fits.length) / 10 : null,
      bestFor: bestFor.length,
      declaredBy: declaredBy.length,
      mostMissing: [...missing]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 3)
        .map(([label, documents]) => ({ label, documents })),
    };
  });
  return { personas: personas.map((p) => ({ id: p.id, name: p.name, short: shortName(p) })), documents, summary };
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC 4180 CSV of the table: path, declared (ids separated by ;), best, then one fit column per persona id. */
export function formatScoreCsv(sheet: ScoreSheet): string {
  const rows = [['path', 'declared', 'best', ...sheet.personas.map((p) => p.id)]];
  for (const row of sheet.documents) {
    rows.push([terminalPath(row.path), row.declared.join(';'), row.best ?? '', ...sheet.personas.map((p) => (row.fits[p.id] === undefined ? '' : String(row.fits[p.id])))]);
  }
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
