import type { Message } from '../core/types.js';

/**
 * Points each message of these rules costs the tone part of the fit. The handbook: "Never alienate
 * other personas. You can appeal to a buyer without buzzword bingo." Wording that alienates or
 * disparages a reader costs more than a buzzword, which only wastes the reader's time. Rules are
 * read by id from the messages of earlier rules, so a rule that is off or disabled inline costs nothing.
 */
export const tonePenalties: Readonly<Record<string, number>> = {
  buzzword: 2,
  'alienating-language': 4,
  'persona-disparagement': 5,
};

export interface ToneCost {
  /** Rule id → number of messages that cost this persona points. */
  counts: Record<string, number>;
  points: number;
}

/**
 * What the messages cost one persona. A message that names the persona it alienates costs only
 * that persona; one that names none costs every persona.
 */
export function toneCost(messages: readonly Message[], personaId: string): ToneCost {
  const counts: Record<string, number> = {};
  let points = 0;
  for (const message of messages) {
    const penalty = tonePenalties[message.ruleId];
    if (penalty === undefined) continue;
    if (message.persona && message.persona !== personaId) continue;
    counts[message.ruleId] = (counts[message.ruleId] ?? 0) + 1;
    points += penalty;
  }
  return { counts, points };
}
