import type { Rule } from '../engine/rule.js';
import type { Persona } from '../data/load-data.js';
import { packMatches, phraseText, orList, type PackMatch } from './helpers/pack-matches.js';
import { PhraseIndex, type PhraseMatch } from '../text/phrase-index.js';
import { groupNameIndex, type GroupName } from './helpers/group-names.js';
import type { Token } from '../text/tokens.js';

export interface PersonaDisparagementOptions {
  /** Group names (from persona profiles) that are too ambiguous to count, e.g. "release", "platform". */
  ignoreNames?: string[];
  /** Check quotations (text in quotation marks, blockquotes with an attribution) too. */
  checkQuotations?: boolean;
}

/** Names from the profiles that are ordinary nouns in technical prose: "the release is a blocker", "the platform". */
export const defaultIgnoreNames = ['release', 'platform', 'owner', 'founder', 'vp', 'product development', 'product management'];

/** At most this many linking words between a group name and a frame. */
const maxGap = 4;

/** Small words that may link a group before a frame: "the security team is always a blocker". */
const linking = new Set(
  (
    'is are was were be been being am has have had will would can could may might must should shall do does did ' +
    'keep keeps kept always often usually constantly still just again really totally simply become becomes became becoming ' +
    'act acts acting as seen seem seems feel feels like a an the another one big bigger biggest real huge major main new yet ' +
    'team teams department departments folks people to in of that who which then also only your our their its make makes made ' +
    'you us everyone force forces forced end ends ended up tend tends love loves get gets got getting out with ' +
    "they they're it it's there there's what ever"
  ).split(' '),
);

/** Words between an obstacle or contempt frame and the group after it: "red tape from legal". */
const afterLinking = new Set('by from of in at within inside imposed created caused over down the your our their a an its those these'.split(' '));
const prepositions = new Set('by from of in at within inside imposed created caused over down'.split(' '));

/** Words between a hostility frame and its target: "hate dealing with the PMO". */
const hostileLinking = new Set(
  'the your our their a an its those these dealing working talking waiting asking having going getting deal work talk wait ask with to on for about from past around through of'.split(' '),
);

/** Words that may follow a group name when it is a whole noun phrase, not a modifier ("security vulnerabilities"). */
const endsPhrase = new Set(
  'and or but to who that which when whenever wherever because so again anymore before after until unless if as is are was were will would can could has have had do does did for with at in on about by from than while since too also all just always never every entirely altogether completely'.split(' '),
);

const role: Record<string, string> = { obstacle: 'as an obstacle', hostility: 'as an adversary', contempt: 'with contempt' };

interface Span {
  start: number;
  end: number;
}

interface Link {
  group: PhraseMatch<GroupName> | null;
  personas: Persona[];
  frame: PackMatch;
}

/** Only linking words, and no clause punctuation, between two token positions. */
function linked(tokens: readonly Token[], from: number, to: number, words: ReadonlySet<string>, text: string, negations: ReadonlySet<string>): boolean {
  if (to - from > maxGap) return false;
  // Negation words link too, so that the negation guard, not the word order, decides.
  for (let k = from; k < to; k++) if (!words.has(tokens[k].norm) && !negations.has(tokens[k].norm)) return false;
  const gapStart = from > 0 ? tokens[from - 1].end.offset : 0;
  const gapEnd = tokens[to]?.start.offset ?? text.length;
  // Clause punctuation, brackets and symbols (& | = + arrows …) separate: "Finance & red tape reduction", "security team → blocker tickets".
  return !/[;:()[\]\u2014\u2013&|=+\u2026\u2190-\u21ff]|\n\s*\n/.test(text.slice(gapStart, gapEnd));
}

/** The group name is a whole noun phrase: nothing, punctuation or a small word follows it. */
function wholePhrase(tokens: readonly Token[], group: Span, frames: readonly PackMatch[], text: string): boolean {
  const next = tokens[group.end];
  if (!next) return true;
  if (/[^\s'’]/.test(text.slice(tokens[group.end - 1].end.offset, next.start.offset))) return true;
  return endsPhrase.has(next.norm) || frames.some((f) => f.start === group.end);
}

/**
 * A negation cancels a link: between a group and the frame after it ("security is never a
 * blocker"), or else in the few words before the frame ("you don't have to fight with legal").
 * "Don't let procurement slow you down" negates "let", not the frame, so it stays flagged.
 */
function negated(tokens: readonly Token[], frame: PackMatch, group: PhraseMatch<GroupName> | null, negations: PhraseIndex<true>): boolean {
  const from = group && group.end <= frame.start ? group.end : Math.max(0, frame.start - maxGap);
  return negations.matchAll(tokens.slice(from, frame.start)).length > 0;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** The groups a frame casts as the problem, by its category (see rules/persona-disparagement.yml). */
function linkedGroups(tokens: readonly Token[], frame: PackMatch, groups: readonly PhraseMatch<GroupName>[], frames: readonly PackMatch[], text: string, negationWords: ReadonlySet<string>): PhraseMatch<GroupName>[] {
  const category = frame.entry.category ?? 'contempt';
  // Passive voice ("slowed down by the CAB"): the group after "by" is the agent, the one before is not.
  const passive = tokens[frame.end]?.norm === 'by' || tokens[frame.end - 1].norm === 'by';
  const before = (g: PhraseMatch<GroupName>) => g.end <= frame.start && linked(tokens, g.end, frame.start, linking, text, negationWords);
  const after = (g: PhraseMatch<GroupName>, words: ReadonlySet<string>, needPreposition: boolean) => {
    if (g.start < frame.end || !linked(tokens, frame.end, g.start, words, text, negationWords)) return false;
    // "clueless executives keep asking": an adjective right before the group is about the group.
    if (!(category === 'contempt' && g.start === frame.end) && !wholePhrase(tokens, g, frames, text)) return false;
    // The frame may end in its own preposition: "slowed down by the CAB".
    return !needPreposition || tokens.slice(frame.end - 1, g.start).some((t) => prepositions.has(t.norm));
  };
  return groups.filter((g) => {
    if (overlaps(g, frame)) return false;
    if (category === 'hostility') return after(g, hostileLinking, false);
    if (category === 'obstacle') return passive ? after(g, afterLinking, true) : before(g) || after(g, afterLinking, true);
    return before(g) || after(g, afterLinking, false);
  });
}

/**
 * A sentence that casts a persona's team as the problem: a group name from the persona profiles
 * linked to a negative frame from rules/persona-disparagement.yml, unless a negation comes first.
 */
export const personaDisparagement: Rule<PersonaDisparagementOptions> = {
  meta: {
    id: 'persona-disparagement',
    description: 'Flags sentences that cast a persona’s team (security, compliance, finance...) as the problem, naming the persona it alienates.',
    defaultSeverity: 'warn',
    pack: { schema: 'word-pack.schema.json' },
    tonePenalty: 5,
    optionsSchema: {
      type: 'object',
      properties: {
        ignoreNames: { type: 'array', items: { type: 'string', minLength: 1 } },
        checkQuotations: { type: 'boolean', description: 'Check quotations (quotation marks, blockquotes with an attribution) too (default false).' },
      },
    },
    defaultOptions: { ignoreNames: defaultIgnoreNames, checkQuotations: false },
  },
  check(context) {
    const { doc, pack, personas, options } = context;
    if (!pack) return;
    const groupIndex = groupNameIndex(personas, options.ignoreNames ?? defaultIgnoreNames);
    const { negations, negationWords } = pack;
    const framesBySentence = new Map<object, PackMatch[]>();
    for (const match of packMatches(pack, doc, { checkQuotations: options.checkQuotations, genre: context.genre })) {
      const list = framesBySentence.get(match.sentence) ?? [];
      list.push(match);
      framesBySentence.set(match.sentence, list);
    }
    for (const [sentence, frames] of framesBySentence) {
      const tokens = (sentence as (typeof doc.sentences)[number]).tokens;
      const groups = groupIndex.matchAll(tokens);
      const links: Link[] = [];
      for (const frame of frames) {
        for (const group of linkedGroups(tokens, frame, groups, frames, doc.text, negationWords)) {
          if (!negated(tokens, frame, group, negations)) links.push({ group, personas: group.value.personas, frame });
        }
        const named = frame.entry.persona ? personas.find((p) => p.id === frame.entry.persona) : undefined;
        if (named && !negated(tokens, frame, null, negations) && !links.some((l) => l.frame === frame && l.personas.includes(named))) {
          links.push({ group: null, personas: [named], frame });
        }
      }
      const reported = new Set<Persona>();
      for (const link of links) {
        const fresh = link.personas.filter((p) => !reported.has(p));
        if (fresh.length === 0) continue;
        for (const p of fresh) reported.add(p);
        context.report(describe(link, fresh, tokens, doc.text));
      }
    }
  },
};

function describe(link: Link, personas: Persona[], tokens: readonly Token[], text: string) {
  const { group, frame } = link;
  const first = group ? Math.min(group.start, frame.start) : frame.start;
  const last = group ? Math.max(group.end, frame.end) : frame.end;
  const span = { start: tokens[first].start, end: tokens[last - 1].end };
  const frameText = phraseText(frame.tokens, text);
  const who = group ? `“${phraseText(tokens.slice(group.start, group.end), text)}”` : `${personas[0].name}’s team`;
  const ids = personas.map((p) => p.id);
  const alienates = ids.length === 1 ? ids[0] : `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
  const how = role[frame.entry.category ?? 'contempt'] ?? 'with contempt';
  const partner = frame.entry.alternatives.length > 0 ? ` (e.g. ${orList(frame.entry.alternatives)})` : '';
  return {
    message: `Casts ${who} ${how} (“${frameText}”), which alienates ${alienates}; frame them as a partner: say what they do with the reader and why${partner}.`,
    span,
    actual: phraseText(tokens.slice(first, last), text),
    expected: frame.entry.alternatives,
    note: frame.entry.why,
    persona: personas[0].id,
  };
}
