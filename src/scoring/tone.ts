import type { Message } from '../core/types.js';

/**
 * Rule id → points each of its messages costs the tone part of the fit (from each rule's
 * `tonePenalty`). The handbook: "Never alienate other personas. You can appeal to a buyer without
 * buzzword bingo." Only messages that survive inline comments are passed in, so a rule that is off
 * or disabled inline costs nothing.
 */
export type TonePenalties = Readonly<Record<string, number>>;

export interface ToneCost {
  /** Rule id → number of messages that cost this persona points. */
  counts: Record<string, number>;
  points: number;
}

/**
 * What the messages cost one persona. A message that names the persona it alienates costs only
 * that persona; one that names none costs every persona.
 */
export function toneCost(messages: readonly Message[], personaId: string, tonePenalties: TonePenalties): ToneCost {
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
