import type { KeyConcept, Persona } from '../data/load-data.js';
import type { ConceptFound, FitPart, Message, PersonaScore } from '../core/types.js';
import type { PersonaMatches } from './matches.js';
import type { ConceptRef, TermRef } from './persona-model.js';
import { evidenceKinds, type Evidence, type EvidenceKind } from './evidence.js';
import { isHard, type SentenceAges } from './readability-level.js';
import { toneCost, type ToneCost, type TonePenalties } from './tone.js';

/** Points each part of the fit can give; docs/scoring.md explains each. */
export const fitWeights = { coverage: 40, vocabulary: 30, readability: 10, evidence: 10, tone: 10 } as const;

/**
 * Weighted vocabulary at which the vocabulary part gives 63% of its points (1 − 1/e): about four
 * words that only this persona uses, or more words that several personas share.
 */
export const vocabularyScale = 8;

/** Everything a score was computed from, for messages that explain it. */
export interface ScoreDetail {
  persona: Persona;
  score: PersonaScore;
  /** The fit before rounding, for ranking. */
  exactFit: number;
  missingConcepts: KeyConcept[];
  /** Per key concept, 0 to 1: how fully the page expresses it (see docs/scoring.md). */
  conceptCredit: number[];
  /** The persona's vocabulary the page does not use, most specific first. */
  unusedTerms: () => TermRef[];
  usedTerms: { term: TermRef; count: number }[];
  /** The weighted vocabulary the vocabulary part is computed from. */
  weightedVocabulary: number;
  hardSentences: SentenceAges[];
  checkedSentences: number;
  /** Null when the persona does not decide purchases (evidence is not scored). */
  missingEvidence: EvidenceKind[] | null;
  tone: ToneCost;
}

export interface FitInput {
  persona: Persona;
  matches: PersonaMatches;
  terms: readonly TermRef[];
  evidence: Evidence;
  ages: readonly SentenceAges[];
  messages: readonly Message[];
  tonePenalties: TonePenalties;
}

/** Decision-makers have to sell a purchase internally, so the handbook's evidence counts for them. */
export function decidesPurchases(persona: Persona): boolean {
  return persona.purchasingRoles.includes('decision-maker');
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function list(items: readonly string[], max = 5): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** The coverage part: how many of the persona's key concepts the page expresses, and how fully. */
function coveragePart(persona: Persona, matches: PersonaMatches) {
  const found: ConceptFound[] = [];
  const missingConcepts: KeyConcept[] = [];
  persona.keyConcepts.forEach((concept, c) => {
    const places = matches.concepts.get(c);
    if (places) found.push({ label: concept.label, places });
    else missingConcepts.push(concept);
  });
  const coverage = persona.keyConcepts.length === 0 ? 0 : found.length / persona.keyConcepts.length;
  const credit = new Array<number>(persona.keyConcepts.length).fill(0);
  for (const [ref, count] of matches.terms) if (ref.source === 'concept') credit[(ref as ConceptRef).concept] += ref.weight * count;
  for (let c = 0; c < credit.length; c++) credit[c] = Math.min(1, credit[c]);
  const weightedCoverage = persona.keyConcepts.length === 0 ? 0 : credit.reduce((sum, c) => sum + c, 0) / persona.keyConcepts.length;
  const part: FitPart = {
    part: 'coverage',
    points: round1(fitWeights.coverage * weightedCoverage),
    max: fitWeights.coverage,
    detail: `${found.length} of ${persona.keyConcepts.length} key concepts${found.length ? `: ${found.map((f) => f.label).join(', ')}` : ''}${found.length ? `; credit ${round1(weightedCoverage * persona.keyConcepts.length)} of ${persona.keyConcepts.length}` : ''}`,
  };
  return { part, found, missingConcepts, coverage, credit };
}

/** The vocabulary part: the persona's words the page uses, weighted by how specific they are. */
function vocabularyPart(matches: PersonaMatches) {
  const usedTerms = [...matches.terms].map(([term, count]) => ({ term, count })).sort((a, b) => b.term.weight * (1 + Math.log(b.count)) - a.term.weight * (1 + Math.log(a.count)));
  const weighted = usedTerms.reduce((sum, { term, count }) => sum + term.weight * (1 + Math.log(count)), 0);
  const vocabularyPoints = fitWeights.vocabulary * (1 - Math.exp(-weighted / vocabularyScale));
  const part: FitPart = {
    part: 'vocabulary',
    points: round1(vocabularyPoints),
    max: fitWeights.vocabulary,
    detail: usedTerms.length ? `${usedTerms.length} of the persona's words (${list(usedTerms.map((u) => u.term.term))}), weight ${round1(weighted)}` : "none of the persona's words",
  };
  return { part, usedTerms, weighted };
}

/** The readability part: the share of sentences easy enough for the persona's reading age. */
function readabilityPart(persona: Persona, ages: readonly SentenceAges[]) {
  const hardSentences = ages.filter((s) => isHard(s.ages, persona.readingAge));
  const readabilityShare = ages.length === 0 ? 1 : 1 - hardSentences.length / ages.length;
  const part: FitPart = {
    part: 'readability',
    points: round1(fitWeights.readability * readabilityShare),
    max: fitWeights.readability,
    detail: `${hardSentences.length} of ${ages.length} sentences hard to read at age ${persona.readingAge}`,
  };
  return { part, hardSentences };
}

/** The evidence part, for personas who decide purchases: which kinds of evidence the page gives. */
function evidencePart(persona: Persona, evidence: Evidence) {
  if (!decidesPurchases(persona)) return { part: { part: 'evidence', points: 0, max: 0, detail: 'not scored: this persona does not decide purchases' } as FitPart, missingEvidence: null };
  const present = evidenceKinds.filter((kind) => evidence.counts[kind] > 0);
  const missingEvidence = evidenceKinds.filter((kind) => evidence.counts[kind] === 0);
  const part: FitPart = {
    part: 'evidence',
    points: round1((fitWeights.evidence * present.length) / evidenceKinds.length),
    max: fitWeights.evidence,
    detail: present.length ? `${present.join(', ')}${missingEvidence.length ? `; none of: ${missingEvidence.join(', ')}` : ''}` : `none of: ${evidenceKinds.join(', ')}`,
  };
  return { part, missingEvidence };
}

/** The tone part: points off for the messages that alienate this persona (or every persona). */
function tonePart(persona: Persona, messages: readonly Message[], tonePenalties: TonePenalties) {
  const tone = toneCost(messages, persona.id, tonePenalties);
  const toneCounts = Object.entries(tone.counts).map(([rule, n]) => `${n} ${rule}`);
  const part: FitPart = {
    part: 'tone',
    points: round1(Math.max(0, fitWeights.tone - tone.points)),
    max: fitWeights.tone,
    detail: toneCounts.length ? `−${tone.points} for ${toneCounts.join(', ')} messages` : 'no buzzwords or alienating language',
  };
  return { part, tone };
}

/** One persona's fit for one document, with its explainable parts. */
export function scorePersona(input: FitInput): ScoreDetail {
  const { persona, matches, terms, evidence, ages, messages } = input;
  const coverage = coveragePart(persona, matches);
  const vocabulary = vocabularyPart(matches);
  const readability = readabilityPart(persona, ages);
  const evidencePoints = evidencePart(persona, evidence);
  const tone = tonePart(persona, messages, input.tonePenalties);
  const parts = [coverage.part, vocabulary.part, readability.part, evidencePoints.part, tone.part];
  const points = parts.reduce((sum, part) => sum + part.points, 0);
  const max = parts.reduce((sum, part) => sum + part.max, 0);
  const exactFit = max === 0 ? 0 : (100 * points) / max;
  const usedKeys = new Set(vocabulary.usedTerms.map((u) => u.term));
  return {
    persona,
    score: { id: persona.id, fit: Math.round(exactFit), coverage: Math.round(coverage.coverage * 1000) / 1000, found: coverage.found, missing: coverage.missingConcepts.map((c) => c.label), breakdown: parts },
    exactFit,
    missingConcepts: coverage.missingConcepts,
    conceptCredit: coverage.credit,
    unusedTerms: () => terms.filter((t) => !usedKeys.has(t)).sort((a, b) => b.weight - a.weight),
    usedTerms: vocabulary.usedTerms,
    weightedVocabulary: vocabulary.weighted,
    hardSentences: readability.hardSentences,
    checkedSentences: ages.length,
    missingEvidence: evidencePoints.missingEvidence,
    tone: tone.tone,
  };
}
