import { visit } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import type { Link } from 'mdast';
import type { Rule, Report } from '../engine/rule.js';
import type { Persona } from '../data/load-data.js';
import { longForm } from './helpers/long-form.js';
import type { Token } from '../text/tokens.js';
import type { Document } from '../text/document.js';

export interface UndefinedAcronymOptions {
  /** Your team's acronyms that readers know, added to the built-in lists. */
  allow?: string[];
  /** Report errors, not warnings, in documents written for a persona whose technicalDepth is business. */
  raiseForBusiness?: boolean;
}

/** rules/undefined-acronym.yml: an acronym sits in one list only. */
export interface AcronymLists {
  rule: string;
  common: Record<string, string>;
  technical: Record<string, string>;
  notAcronyms: string[];
}


/** 2 to 6 capitals, with an optional plural or possessive: API, APIs, API's. */
const acronymPattern = /^([A-Z]{2,6})(?:s|['’]s)?$/;
const capsWord = /^[A-Z][A-Z0-9'’]*$/;

interface Occurrence {
  acronym: string;
  token: Token;
  inHeading: boolean;
  /** The acronym is explained right here: "long form (ACR)", "ACR (long form)", a footnote. */
  defined: boolean;
  /** The long form, where the explanation spells it out. */
  longForm: string | null;
  /** The text to report, and where it ends: "MC/DC" is one acronym. */
  text: string;
  end: Token;
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
    lists: { schema: 'acronyms.schema.json' },
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
    const { common, technical, notAcronyms } = context.lists as unknown as AcronymLists;
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
      if (occurrence.defined) {
        done.add(acronym);
        continue;
      }
      if (occurrence.inHeading) continue;
      done.add(acronym);
      if (acronym.split('/').every(known)) continue;
      const later = occurrences.find((o) => o.acronym === acronym && o.defined && o.token.start.offset > occurrence.token.start.offset);
      context.report(report(occurrence, later, business, options.raiseForBusiness !== false));
    }
  },
};

function report(occurrence: Occurrence, later: Occurrence | undefined, business: readonly Persona[], raise: boolean): Report {
  const { acronym, token, text } = occurrence;
  const expanded = later?.longForm ? `${later.longForm} (${later.text})` : null;
  const where = !later
    ? `is not expanded in this document; spell it out at its first use, e.g. “full name (${acronym})”`
    : expanded
      ? `is used before it is expanded on line ${later.token.start.line}; expand it here: “${expanded}”`
      : `is used before it is explained on line ${later.token.start.line}; explain it at its first use`;
  const who = business.length > 0 ? ` Readers like ${business.map((p) => p.id).join(' and ')} may not know it.` : '';
  return {
    message: `“${text}” ${where}.${who}`,
    span: { start: token.start, end: occurrence.end.end },
    actual: text,
    expected: expanded ? [expanded] : [],
    note: 'Spell an acronym out at its first use, with the acronym in parentheses, so readers who do not know it can follow.',
    ...(business.length > 0 ? { persona: business[0].id } : {}),
    ...(business.length > 0 && raise ? { severity: 'error' as const } : {}),
  };
}

/**
 * Where a bare acronym is not a first use: headings (titles are short; the text below them
 * expands), links to a heading of the page (a table of contents repeats the headings), and link
 * text that is the link's own address (`[ELD](https://github.com/ELD)`: a user name).
 */
function headingRanges(doc: Document): [number, number][] {
  const ranges: [number, number][] = [];
  const add = (node: { position?: { start: { offset?: number }; end: { offset?: number } } }) => {
    if (node.position) ranges.push([node.position.start.offset ?? 0, node.position.end.offset ?? 0]);
  };
  visit(doc.mdast, (node) => {
    if (node.type === 'heading') add(node);
    else if (node.type === 'link') {
      const link = node as Link;
      const text = toString(link).trim();
      if (link.url.startsWith('#') || (acronymPattern.test(text) && link.url.includes(text))) add(link);
    }
  });
  return ranges;
}

function findOccurrences(doc: Document, skip: ReadonlySet<string>): Occurrence[] {
  // A walk over the whole tree: only for files with a candidate.
  let headings: [number, number][] | undefined;
  const occurrences: Occurrence[] = [];
  for (const { tokens } of doc.sentences) {
    const acronymAt = (i: number) => {
      const match = tokens[i] && acronymPattern.exec(tokens[i].text);
      return match && !skip.has(match[1]) ? match[1] : null;
    };
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      const acronym = acronymAt(i);
      if (!acronym || shouting(tokens, i) || identifier(tokens, i, doc.text)) continue;
      // Part of a longer name: .NET, ASP.NET, @MIR.
      if (/[.@#$\\]$/.test(doc.text.slice(token.start.offset - 1, token.start.offset))) continue;
      // "MC/DC", "CI/CD": one term.
      const pair = doc.text.slice(token.end.offset, tokens[i + 1]?.start.offset ?? 0) === '/' ? acronymAt(i + 1) : null;
      const offset = token.start.offset;
      const longForm = pair ? null : expansionAt(tokens, i, acronym, doc.text);
      occurrences.push({
        acronym: pair ? `${acronym}/${pair}` : acronym,
        token,
        end: pair ? tokens[i + 1] : token,
        text: pair ? doc.text.slice(offset, tokens[i + 1].end.offset) : token.text,
        inHeading: (headings ??= headingRanges(doc)).some(([start, end]) => offset >= start && offset < end),
        defined: longForm !== null,
        longForm: longForm === explained ? null : longForm,
      });
      if (pair) i++;
    }
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

/** "RFC 2119", "CVE-2024-1234", "ISO 27001", "UAX #31": the acronym names a series, and the number an item in it. */
function identifier(tokens: readonly Token[], i: number, text: string): boolean {
  const next = tokens[i + 1];
  if (!next || !/^\d/.test(next.text)) return false;
  return /^(?:[\s\-\u00a0]{1,2}|\s?#|\s?No\.\s?)$/.test(text.slice(tokens[i].end.offset, next.start.offset));
}

/** Marks a use explained by a footnote or a gloss: defined, but with no long form to quote. */
const explained = '\u0000explained';

/** Markdown and quotes around a word: `([LTO])`, `("high-level IR")`, `**MIR**`. */
const markup = /[[\]*_`"'“”‘’]/g;
const gapText = (text: string, from: number, to: number) => text.slice(from, to).replace(markup, '');

/** Words that may stand between the parenthesis and the acronym: "major change proposal (or MCP)". */
const introducing = new Set(['or', 'aka', 'hereafter', 'henceforth', 'abbreviated', 'short']);

/** The longest run of words from `tokens[from]` that the acronym abbreviates, word for word. */
function leadingLongForm(tokens: readonly Token[], from: number, to: number, acronym: string): string | null {
  for (let end = Math.min(to, from + acronym.length * 2 + 2); end > from; end--) {
    const candidate = tokens.slice(from, end).map((t) => t.text).join(' ');
    const found = longForm(acronym, candidate);
    if (found && found.toLowerCase() === candidate.toLowerCase()) return found;
  }
  return null;
}

/**
 * The long form when this use expands the acronym: "static application security testing (SAST)",
 * "major change proposal (or MCP)", "SAST (static application security testing)", "MIR stands
 * for mid-level IR". A gloss ("the default linker (BFD)") or a footnote right after the acronym
 * (`CTFE[^ctfe]`) explains it too.
 */
function expansionAt(tokens: readonly Token[], i: number, acronym: string, text: string): string | null {
  const token = tokens[i];
  const previousEnd = (k: number) => (k > 0 ? tokens[k - 1].end.offset : Math.max(0, tokens[k].start.offset - 3));
  const nextStart = tokens[i + 1]?.start.offset ?? text.length;
  const rawAfter = text.slice(token.end.offset, nextStart);
  if (rawAfter.startsWith('[^')) return explained;
  const after = gapText(text, token.end.offset, nextStart);
  let opening = i;
  if (i > 0 && introducing.has(tokens[i - 1].norm) && /\(\s*$/.test(gapText(text, previousEnd(i - 1), tokens[i - 1].start.offset))) opening = i - 1;
  if (/\(\s*$/.test(gapText(text, previousEnd(opening), tokens[opening].start.offset)) && /^\s*[),;]/.test(after)) {
    const words = tokens.slice(Math.max(0, opening - Math.min(acronym.length + 5, acronym.length * 2)), opening).map((t) => t.text);
    const found = longForm(acronym, words.join(' '));
    // "its internal code representation (MIR)", "the default linker (BFD)": a gloss, not the
    // long form, but it tells the reader what the acronym is.
    if (!found) return words.length > 0 && /^\s*\)/.test(after) ? explained : null;
    // "Static application security testing (SAST)" opens a sentence; quoted mid-sentence it is lowercase.
    return found.startsWith(tokens[0].text) && /^[A-Z][a-z]+$/.test(tokens[0].text) ? found[0].toLowerCase() + found.slice(1) : found;
  }
  if (/^\s*\(\s*$/.test(after)) {
    const close = text.indexOf(')', token.end.offset);
    if (close < 0) return null;
    let end = i + 1;
    while (end < tokens.length && tokens[end].end.offset <= close) end++;
    return leadingLongForm(tokens, i + 1, end, acronym);
  }
  const next = tokens.slice(i + 1, i + 4).map((t) => t.norm);
  const lead = next[0] === 'stands' && next[1] === 'for' ? 2 : next[0] === 'short' && next[1] === 'for' ? 2 : next[0] === 'is' && next[1] === 'short' && next[2] === 'for' ? 3 : 0;
  if (lead > 0) return leadingLongForm(tokens, i + 1 + lead, tokens.length, acronym);
  return null;
}
