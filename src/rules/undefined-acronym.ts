import { visit } from 'unist-util-visit';
import type { Rule, Report } from '../rule.js';
import type { Persona } from '../data.js';
import { readDataFile, DataError } from '../data.js';
import { packagePath } from '../schema.js';
import { longForm } from '../long-form.js';
import type { Token } from '../tokens.js';
import type { Document } from '../document.js';

export interface UndefinedAcronymOptions {
  /** Your team's acronyms that readers know, added to the built-in lists. */
  allow?: string[];
  /** Report errors, not warnings, in documents written for a persona whose technicalDepth is business. */
  raiseForBusiness?: boolean;
}

interface AcronymLists {
  rule: string;
  common: Record<string, string>;
  technical: Record<string, string>;
  notAcronyms: string[];
}

let lists: AcronymLists | undefined;

/** rules/undefined-acronym.yml, validated once; an acronym may sit in one list only. */
export function acronymLists(): AcronymLists {
  if (!lists) {
    const file = packagePath('rules', 'undefined-acronym.yml');
    const loaded = readDataFile<AcronymLists>(file, 'acronyms.schema.json');
    const problems: string[] = [];
    const seen = new Map<string, string>();
    const note = (word: string, list: string) => {
      const previous = seen.get(word);
      if (previous) problems.push(`${list}: "${word}" is already in ${previous}; keep it in one list`);
      else seen.set(word, list);
    };
    for (const word of Object.keys(loaded.common)) note(word, 'common');
    for (const word of Object.keys(loaded.technical)) note(word, 'technical');
    for (const word of loaded.notAcronyms) note(word, 'notAcronyms');
    if (problems.length > 0) throw new DataError('rules/undefined-acronym.yml', problems);
    lists = loaded;
  }
  return lists;
}

/** 2 to 6 capitals, with an optional plural or possessive: API, APIs, API's. */
const acronymPattern = /^([A-Z]{2,6})(?:s|['’]s)?$/;
const capsWord = /^[A-Z][A-Z0-9'’]*$/;

interface Occurrence {
  acronym: string;
  token: Token;
  inHeading: boolean;
  /** The long form, when this occurrence is expanded right here: "long form (ACR)" or "ACR (long form)". */
  expansion: string | null;
}

/**
 * An acronym used before the document expands it loses the readers who do not know it: Back
 * Office Blake, and Tech Exec Tristan in business content. Flags the first use only.
 */
export const undefinedAcronym: Rule<UndefinedAcronymOptions> = {
  meta: {
    id: 'undefined-acronym',
    description: 'Flags the first use of an acronym that the document has not expanded yet; errors in documents for business personas.',
    defaultSeverity: 'warn',
    optionsSchema: {
      type: 'object',
      properties: {
        allow: { type: 'array', items: { type: 'string', pattern: '^[A-Z]{2,6}$' } },
        raiseForBusiness: { type: 'boolean' },
      },
    },
    defaultOptions: { allow: [], raiseForBusiness: true },
  },
  check(context) {
    const { doc, options, targetPersonas } = context;
    const { common, technical, notAcronyms } = acronymLists();
    const business = targetPersonas.filter((p) => p.technicalDepth === 'business');
    const skip = new Set(notAcronyms);
    const known = (acronym: string) =>
      acronym in common || (options.allow ?? []).includes(acronym) || (business.length === 0 && acronym in technical);
    const occurrences = findOccurrences(doc, skip).sort((a, b) => a.token.start.offset - b.token.start.offset);
    const done = new Set<string>();
    for (const occurrence of occurrences) {
      const { acronym } = occurrence;
      if (done.has(acronym)) continue;
      // An expansion in a heading counts; a bare use in a heading is not the first use.
      if (occurrence.expansion) {
        done.add(acronym);
        continue;
      }
      if (occurrence.inHeading) continue;
      done.add(acronym);
      if (known(acronym)) continue;
      const later = occurrences.find((o) => o.acronym === acronym && o.expansion && o.token.start.offset > occurrence.token.start.offset);
      context.report(report(occurrence, later, business, options.raiseForBusiness !== false));
    }
  },
};

function report(occurrence: Occurrence, later: Occurrence | undefined, business: readonly Persona[], raise: boolean): Report {
  const { acronym, token } = occurrence;
  const expanded = later?.expansion ? `${later.expansion} (${acronym})` : null;
  const where = later
    ? `is used before it is expanded on line ${later.token.start.line}; expand it here: “${expanded}”`
    : `is not expanded in this document; spell it out at its first use, e.g. “full name (${acronym})”`;
  const who = business.length > 0 ? ` Readers like ${business.map((p) => p.id).join(' and ')} may not know it.` : '';
  return {
    message: `“${token.text}” ${where}.${who}`,
    span: { start: token.start, end: token.end },
    actual: token.text,
    expected: expanded ? [expanded] : [],
    note: 'Spell an acronym out at its first use, with the acronym in parentheses, so readers who do not know it can follow.',
    ...(business.length > 0 ? { persona: business[0].id } : {}),
    ...(business.length > 0 && raise ? { severity: 'error' as const } : {}),
  };
}

function headingRanges(doc: Document): [number, number][] {
  const ranges: [number, number][] = [];
  visit(doc.mdast, 'heading', (node) => {
    if (node.position) ranges.push([node.position.start.offset ?? 0, node.position.end.offset ?? 0]);
  });
  return ranges;
}

function findOccurrences(doc: Document, skip: ReadonlySet<string>): Occurrence[] {
  const headings = headingRanges(doc);
  const occurrences: Occurrence[] = [];
  for (const { tokens } of doc.sentences) {
    tokens.forEach((token, i) => {
      const match = acronymPattern.exec(token.text);
      if (!match || skip.has(match[1])) return;
      if (shouting(tokens, i) || identifier(tokens, i, doc.text)) return;
      const offset = token.start.offset;
      occurrences.push({
        acronym: match[1],
        token,
        inHeading: headings.some(([start, end]) => offset >= start && offset < end),
        expansion: expansionAt(tokens, i, match[1], doc.text),
      });
    });
  }
  return occurrences;
}

/** Three or more words in capitals in a row are shouting (A NEW ERA FOR CI), not acronyms. */
function shouting(tokens: readonly Token[], i: number): boolean {
  let from = i;
  let to = i;
  while (from > 0 && capsWord.test(tokens[from - 1].text)) from--;
  while (to < tokens.length - 1 && capsWord.test(tokens[to + 1].text)) to++;
  return to - from + 1 >= 3;
}

/** "RFC 2119", "CVE-2024-1234", "ISO 27001": the acronym names a series, and the number an item in it. */
function identifier(tokens: readonly Token[], i: number, text: string): boolean {
  const next = tokens[i + 1];
  if (!next || !/^\d/.test(next.text)) return false;
  return /^[\s\-\u00a0]{1,2}$/.test(text.slice(tokens[i].end.offset, next.start.offset));
}

/** The long form when this use expands the acronym: "static application security testing (SAST)" or "SAST (static application security testing)". */
function expansionAt(tokens: readonly Token[], i: number, acronym: string, text: string): string | null {
  const token = tokens[i];
  const before = text.slice(i > 0 ? tokens[i - 1].end.offset : Math.max(0, token.start.offset - 2), token.start.offset);
  const after = text.slice(token.end.offset, tokens[i + 1]?.start.offset ?? token.end.offset + 2);
  if (/\(\s*$/.test(before) && /^\s*[),;]/.test(after)) {
    const words = tokens.slice(Math.max(0, i - Math.min(acronym.length + 5, acronym.length * 2)), i).map((t) => t.text);
    return longForm(acronym, words.join(' '));
  }
  if (/^\s*\(\s*$/.test(after)) {
    const close = text.indexOf(')', token.end.offset);
    if (close < 0) return null;
    const inside = tokens.slice(i + 1, i + 2 + acronym.length * 2).filter((t) => t.end.offset <= close);
    const candidate = inside.map((t) => t.text).join(' ');
    const found = longForm(acronym, candidate);
    // The parenthesis must spell the acronym out from its first word.
    return found && found.toLowerCase() === candidate.toLowerCase() ? found : null;
  }
  return null;
}
