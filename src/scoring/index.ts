import type { Persona } from '../data/load-data.js';
import type { Document } from '../text/document.js';
import type { Message, PersonaReport } from '../core/types.js';
import { findEvidence } from './evidence.js';
import { scorePersona, type ScoreDetail } from './fit.js';
import { matchDocument } from './matches.js';
import { personaModel } from './persona-model.js';
import { documentAges } from './readability-level.js';
import type { TonePenalties } from './tone.js';

/** The report that goes into the result, and the details that messages explain it with. */
export interface DocumentScores {
  report: PersonaReport;
  /** Highest fit first, like report.scores. */
  details: ScoreDetail[];
}

/**
 * Scores a document against every known persona. `messages` are the messages of the rules that ran
 * before (buzzword, alienating language...), after inline comments: the tone part reads them.
 */
export function scoreDocument(doc: Document, personas: readonly Persona[], targets: readonly Persona[], messages: readonly Message[], tonePenalties: TonePenalties): DocumentScores {
  const model = personaModel(personas);
  const matches = matchDocument(model, doc.sentences, doc.text);
  const evidence = findEvidence(doc.sentences);
  const ages = documentAges(doc.sentences, doc.text);
  const details = personas.map((persona, p) => scorePersona({ persona, matches: matches[p], terms: model.termsByPersona[p], evidence, ages, messages, tonePenalties }));
  details.sort((a, b) => b.exactFit - a.exactFit || a.persona.id.localeCompare(b.persona.id));
  return {
    report: {
      declared: targets.map((p) => p.id),
      // A page that uses none of any persona's words is written for nobody in particular.
      best: details.length > 0 && details[0].usedTerms.length > 0 ? details[0].persona.id : null,
      scores: details.map((d) => d.score),
    },
    details,
  };
}
