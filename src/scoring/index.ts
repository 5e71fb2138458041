import type { Persona } from '../data/load-data.js';
import type { Document } from '../text/document.js';
import type { Message, PersonaReport, PersonaScore } from '../core/types.js';
import { findEvidence } from './evidence.js';
import { scorePersona, type ScoreDetail } from './fit.js';
import { matchDocument } from './matches.js';
import { personaModel } from './persona-model.js';
import { documentAges } from './readability-level.js';
import type { TonePenalties } from './tone.js';
import { relevanceModel, scoreRelevance, type PersonaRelevance } from './relevance.js';
import type { RelevanceData } from '../data/relevance-data.js';
import { byRelevance, relevanceVerdict } from './verdict.js';

/** One persona's fit and relevance, with the details messages explain them with. */
export interface PersonaDetail extends ScoreDetail {
  score: PersonaScore;
  relevance: PersonaRelevance;
}

/** The report that goes into the result, and the details that messages explain it with. */
export interface DocumentScores {
  report: PersonaReport;
  /** Most relevant first, like report.scores. */
  details: PersonaDetail[];
}

/**
 * Scores a document against every known persona: relevance (who the page is for) ranks them, fit
 * (how well it serves each) is scored for each. `messages` are the messages of the rules that ran
 * before (buzzword, alienating language...), after inline comments: the tone part reads them.
 * `relevanceData` replaces the shipped relevance data (cross-validation does).
 */
export function scoreDocument(doc: Document, personas: readonly Persona[], targets: readonly Persona[], messages: readonly Message[], tonePenalties: TonePenalties, relevanceData?: RelevanceData): DocumentScores {
  const model = personaModel(personas);
  const matches = matchDocument(model, doc.sentences, doc.text);
  const evidence = findEvidence(doc.sentences);
  const ages = documentAges(doc.sentences, doc.text);
  const relevance = scoreRelevance(relevanceModel(personas, relevanceData), doc);
  const details: PersonaDetail[] = personas.map((persona, p) => {
    const detail = scorePersona({ persona, matches: matches[p], terms: model.termsByPersona[p], evidence, ages, messages, tonePenalties });
    const { relevance: value, probability, why } = relevance[p];
    return { ...detail, score: { ...detail.score, relevance: value, probability, why }, relevance: relevance[p] };
  });
  details.sort(byRelevance);
  const verdict = relevanceVerdict(details.map((d) => d.relevance));
  return {
    report: {
      declared: targets.map((p) => p.id),
      best: verdict.any ? details[0].persona.id : null,
      confidence: verdict.confidence,
      margin: verdict.margin,
      unclear: verdict.unclear,
      scores: details.map((d) => d.score),
    },
    details,
  };
}
