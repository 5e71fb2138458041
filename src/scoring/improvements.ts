import { fitWeights, vocabularyScale, type ScoreDetail } from './fit.js';
import { evidenceKinds } from './evidence.js';

/** One change a writer can make, with the fit points it would add. */
export interface Improvement {
  gain: number;
  change: string;
}

const quoted = (items: readonly string[]) => items.map((item) => `“${item}”`).join(', ');

/**
 * The changes that would raise a persona's fit most, best first, each worth at least one point:
 * cover a missing concept, use more of the persona's words, rewrite hard sentences, add the
 * evidence deciders need, remove the flagged wording.
 */
export function improvements(detail: ScoreDetail): Improvement[] {
  const { persona, score } = detail;
  const maxPoints = score.breakdown.reduce((sum, part) => sum + part.max, 0);
  if (maxPoints === 0) return [];
  const toFit = (points: number) => (100 * points) / maxPoints;
  const options: Improvement[] = [];

  persona.keyConcepts.forEach((concept, c) => {
    const missing = 1 - detail.conceptCredit[c];
    if (missing <= 0) return;
    const verb = detail.conceptCredit[c] > 0 ? 'say more about' : 'cover';
    options.push({ gain: toFit((fitWeights.coverage * missing) / persona.keyConcepts.length), change: `${verb} “${concept.label}” (${quoted(concept.phrases.slice(0, 3))}…)` });
  });

  const unused = detail
    .unusedTerms()
    .filter((t) => t.source === 'vocabulary')
    .slice(0, 3);
  if (unused.length > 0) {
    const now = fitWeights.vocabulary * (1 - Math.exp(-detail.weightedVocabulary / vocabularyScale));
    const added = detail.weightedVocabulary + unused.reduce((sum, t) => sum + t.weight, 0);
    const then = fitWeights.vocabulary * (1 - Math.exp(-added / vocabularyScale));
    options.push({ gain: toFit(then - now), change: `use ${persona.name}'s words such as ${quoted(unused.map((t) => t.term))}` });
  }

  const hard = detail.hardSentences.length;
  if (hard > 0 && detail.checkedSentences > 0) {
    options.push({
      gain: toFit((fitWeights.readability * hard) / detail.checkedSentences),
      change: `simplify the ${hard === 1 ? 'sentence' : `${hard} sentences`} hard to read at age ${persona.readingAge}`,
    });
  }

  if (detail.missingEvidence && detail.missingEvidence.length > 0) {
    options.push({
      gain: toFit((fitWeights.evidence * detail.missingEvidence.length) / evidenceKinds.length),
      change: `add evidence a decision-maker can reuse: ${detail.missingEvidence.join(', ')}`,
    });
  }

  const tonePart = score.breakdown.find((part) => part.part === 'tone');
  if (tonePart && tonePart.points < tonePart.max) {
    const rules = Object.entries(detail.tone.counts).map(([rule, n]) => `${n} ${rule}`);
    options.push({ gain: toFit(tonePart.max - tonePart.points), change: `reword what the ${rules.join(' and ')} messages flag` });
  }

  return options.filter((o) => o.gain >= 1).sort((a, b) => b.gain - a.gain);
}
