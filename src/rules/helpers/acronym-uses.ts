import { visit } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import { daleChall } from 'dale-chall';
import type { Nodes, Parent } from 'mdast';
import { expansionAt, explained } from './acronym-expansion.js';
import { longForm } from './long-form.js';
import type { Token } from '../../text/tokens.js';
import type { Document } from '../../text/document.js';

// Where undefined-acronym and `persona-lint acronyms` find acronyms: every use, whether it
// expands the acronym, and the places a bare use is not a first use (documented in
// docs/rules/undefined-acronym.md, "What it leaves alone").

/** 2 to 6 capitals, with an optional plural or possessive: API, APIs, API's. */
export const acronymPattern = /^([A-Z]{2,6})(?:s|['’]s)?$/;
const capsWord = /^[A-Z][A-Z0-9'’]*$/;

/** One part of a compound ("CI" of "CI/CD"), or the whole of a single acronym. */
export interface AcronymPart {
  acronym: string;
  token: Token;
}

export interface AcronymUse {
  /** The base form ("API" for "APIs"); "MC/DC" for a compound. */
  acronym: string;
  /** The parts of "CI/CD" or "US-CERT"; one part for a single acronym. */
  parts: AcronymPart[];
  token: Token;
  /** The text to report, and where it ends: "MC/DC" is one term. */
  text: string;
  end: Token;
  /** A bare use here is not a first use: a heading, a quotation, a vulnerability title... */
  passive: boolean;
  /** The acronym is explained right here: "long form (ACR)", "ACR (long form)", a footnote. */
  defined: boolean;
  /** The long form, where the explanation spells it out. */
  longForm: string | null;
}

/** Familiar English words (the Dale–Chall list) of four letters or more, in capitals, are emphasis or placeholders (DATE, SELF), not acronyms. */
const familiarWords = new Set(daleChall.filter((word) => word.length >= 4 && /^[a-z]+$/.test(word)).map((word) => word.toUpperCase()));

/** Advisory identifiers: a row or item that names one carries the advisory's own title. */
const advisoryId = /\b(?:CVE-\d{4}-\d{4,}|GHSA(?:-[0-9a-z]{4}){3}|RUSTSEC-\d{4}-\d{4}|PYSEC-\d{4}-\d+|GO-\d{4}-\d{4}|OSV-\d{4}-\d+)\b/i;

/** A blockquote's last line naming its source: "— Jane Doe", "-- Jane", "~ Jane". */
const attribution = /(?:^|\n)[\s>]*(?:[—―~]|--)\s*\S[^\n]*\s*$/;

type Range = [number, number];

/** An issue, pull request, merge request or discussion: a link to one whose text reads as a title is that title. */
const issuePage = /\/(?:issues|pull|pulls|merge_requests|discussions)\/\d+/;

/** A page of one person: a user name or a name links there (`[TC](https://github.com/traviscross)`). */
const profilePage = /^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|twitter\.com|x\.com|bsky\.app\/profile)\/[^/?#]+\/?$/i;

/**
 * A list item that is a person's name, as in a release's list of contributors: "Noah",
 * "Overmind JIANG", "NODA, Kai", "SADIK KUZU (sadikkuzu)", "Ms2ger": one to four words of letters
 * (and digits), with a capitalized word, a handle in parentheses, or alone and not in capitals (a
 * user name).
 */
function nameShaped(text: string): boolean {
  const handle = /\s*\([^()\s]+\)\s*$/.test(text);
  const words = text.replace(/\s*\([^)]*\)\s*$/, '').replace(/[.,;:]+$/, '').split(/[\s,]+/).filter(Boolean);
  if (words.length < 1 || words.length > 4 || !words.every((word) => /^\p{L}[\p{L}\p{N}'’.-]*$/u.test(word))) return false;
  return handle || words.some((word) => /^\p{Lu}\p{Ll}+$/u.test(word)) || (words.length === 1 && /\p{Ll}/u.test(words[0]));
}

/** A list of people: eight items or more, four in five of them names. */
const peopleList = (items: readonly string[]) => items.length >= 8 && items.filter(nameShaped).length >= items.length * 0.8;

/** Whether a link's address names the acronym (as a word of the address) or spells its long form (`wiki/Elliptic_Curve_Digital_Signature_Algorithm`). */
function addressExplains(url: string, acronym: string): boolean {
  const address = decodeURIComponentSafely(url).toLowerCase();
  if (new RegExp(`(?:^|[^a-z])${acronym.toLowerCase()}s?(?:[^a-z]|$)`).test(address)) return true;
  const page = address.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop() ?? '';
  const words = page.replace(/\.[a-z]+$/, '').split(/[_+\-\s]+/).join(' ');
  return words.includes(' ') && longForm(acronym, words)?.toLowerCase() === words;
}

function decodeURIComponentSafely(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/**
 * Where an acronym is explained by its link (`explaining`): link text of up to three words whose
 * address names each acronym in it or spells its long form (`[ELD](https://github.com/ELD)`, a
 * user name; `[CWE](glossary.md#cwe)`, a page about the term), and links to a person's profile.
 *
 * Where a bare acronym is not a first use (`passive`), as offset ranges:
 * - headings (titles are short; the text below expands) and links to a heading of the page;
 * - titles of issues and pull requests: link text of three words or more that starts with a
 *   capital, a digit or `#`, linking to an issue, pull request, merge request or discussion;
 * - keys in `<kbd>` (<kbd>ESC</kbd>);
 * - lists of people (a release's contributors), where surnames are often in capitals;
 * - blockquotes with an attribution line (someone else's words) and table rows, list items and
 *   paragraphs that name an advisory (CVE-2024-1234...): their text is the advisory's title.
 */
function specialRanges(doc: Document): { passive: Range[]; explaining: Range[] } {
  const ranges: Range[] = [];
  const explaining: Range[] = [];
  const add = (node: Nodes, to = ranges) => {
    if (node.position) to.push([node.position.start.offset ?? 0, node.position.end.offset ?? 0]);
  };
  const source = (node: Nodes) => doc.text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
  const definitions = new Map<string, string>();
  visit(doc.mdast, 'definition', (definition) => void definitions.set(definition.identifier.toLowerCase(), definition.url));
  visit(doc.mdast, (node, index, parent) => {
    if (node.type === 'heading') add(node);
    else if (node.type === 'link' || node.type === 'linkReference') {
      const url = node.type === 'link' ? node.url : (definitions.get(node.identifier.toLowerCase()) ?? '');
      const words = toString(node).trim().split(/\s+/);
      const acronyms = words.map((word) => acronymPattern.exec(word.replace(/^\W+|\W+$/g, ''))?.[1]).filter((a): a is string => Boolean(a));
      const explains = words.length <= 3 && acronyms.length > 0 && acronyms.every((acronym) => addressExplains(url, acronym));
      if (url.startsWith('#') || (words.length >= 3 && /^[\p{Lu}\d#]/u.test(words[0]) && issuePage.test(url))) add(node);
      else if (profilePage.test(url) || explains) add(node, explaining);
    } else if (node.type === 'text' && parent && index !== undefined && index > 0) {
      const before = (parent as Parent).children[index - 1];
      if (before.type === 'html' && /^<kbd\b/i.test(before.value)) add(node);
    } else if (node.type === 'list' && peopleList(node.children.map((item) => toString(item).trim()))) add(node);
    else if (node.type === 'blockquote' && attribution.test(source(node))) add(node);
    else if (node.type === 'tableRow' && advisoryId.test(source(node))) add(node);
    else if ((node.type === 'listItem' || node.type === 'paragraph') && advisoryId.test(source(node).slice(0, 40))) add(node);
  });
  return { passive: disjoint(ranges), explaining: disjoint(explaining) };
}

/** Ranges merged into disjoint ones, sorted, for insideAny: links sit inside headings. */
function disjoint(ranges: Range[]): Range[] {
  const merged: Range[] = [];
  for (const [start, end] of ranges.sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Whether `offset` falls in one of `ranges` (merged, sorted, non-overlapping): a binary search. */
function insideAny(ranges: readonly Range[], offset: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (offset < ranges[mid][0]) high = mid - 1;
    else if (offset >= ranges[mid][1]) low = mid + 1;
    else return true;
  }
  return false;
}

/**
 * Whether the text from `from` to `offset` leaves a quotation of more than one word open that
 * closes before `to`: “Remote code execution in the RCE handler”. A quoted title or someone's
 * words, not the writer's.
 */
function insideQuotation(text: string, from: number, offset: number, to: number): boolean {
  const before = text.slice(from, offset);
  const after = text.slice(offset, to);
  const curlyOpen = before.lastIndexOf('“');
  if (curlyOpen > before.lastIndexOf('”')) {
    const close = after.indexOf('”');
    return close > 0 && /\s/.test(before.slice(curlyOpen) + after.slice(0, close));
  }
  const straight = [...before.matchAll(/"/g)];
  if (straight.length % 2 === 0) return false;
  const close = after.indexOf('"');
  return close > 0 && /\s/.test(before.slice(straight[straight.length - 1].index) + after.slice(0, close));
}

/** US states and Canadian provinces by their postal codes (USPS, Canada Post). */
const regionCodes = new Set('AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC AB BC MB NB NL NS NT NU ON PE QC SK YT'.split(' '));
const organizationWord = /^\s+(?:Institute|Foundation|University|College|Corporation|Inc\b|Ltd\b|GmbH|Association|Society|Consortium|Alliance)/;

/** "Pittsburgh, PA": a region after its city; "SANS Institute": an organization's own name. */
function placeOrOrganization(text: string, token: Token, acronym: string): boolean {
  if (regionCodes.has(acronym) && token.text === acronym && /\p{Lu}\p{Ll}+,\s$/u.test(text.slice(Math.max(0, token.start.offset - 30), token.start.offset))) return true;
  return organizationWord.test(text.slice(token.end.offset, token.end.offset + 20));
}

/** Where the paragraph around `offset` starts and ends: at a blank line (in a blockquote too). */
const blankLine = /\n[ \t>]*\n/g;
function blockStart(text: string, offset: number): number {
  let start = Math.max(0, offset - 2000);
  for (const match of text.slice(start, offset).matchAll(blankLine)) start = Math.max(0, offset - 2000) + match.index + match[0].length;
  return start;
}
function blockEnd(text: string, offset: number): number {
  blankLine.lastIndex = 0;
  const match = blankLine.exec(text.slice(offset, offset + 2000));
  return match ? offset + match.index : Math.min(text.length, offset + 2000);
}

/** "FLAG:" or "DETAILS:" alone on the first line of a paragraph: a label, not an acronym. */
function label(doc: Document, token: Token, first: boolean): boolean {
  return first && /^:[ \t]*(?:\n|$)/.test(doc.text.slice(token.end.offset, token.end.offset + 40));
}

/**
 * A compound as its reader meets it: whole when every part is new to the reader ("MC/DC"), else
 * only the new parts ("UTMs/URLs" with URL known is a use of UTM).
 */
export function newParts(use: AcronymUse, isNew: (acronym: string) => boolean): AcronymUse[] {
  const fresh = use.parts.filter((part) => isNew(part.acronym));
  if (fresh.length === use.parts.length) return [use];
  return fresh.map((part) => ({ ...use, acronym: part.acronym, parts: [part], token: part.token, end: part.token, text: part.token.text }));
}

/** Every acronym use in the document, in reading order, with whether it expands the acronym. */
export function findAcronymUses(doc: Document, notAcronyms: ReadonlySet<string>): AcronymUse[] {
  // A walk over the whole tree: only for files with a candidate.
  let special: ReturnType<typeof specialRanges> | undefined;
  let lastClose: number | undefined;
  const uses: AcronymUse[] = [];
  for (const { tokens } of doc.sentences) {
    const acronymAt = (i: number) => {
      const match = tokens[i] && acronymPattern.exec(tokens[i].text);
      return match && !notAcronyms.has(match[1]) && !familiarWords.has(match[1]) ? match[1] : null;
    };
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      const acronym = acronymAt(i);
      if (!acronym || shouting(tokens, i, doc.text) || identifier(tokens, i, doc.text) || label(doc, token, i === 0)) continue;
      if (placeOrOrganization(doc.text, token, acronym)) continue;
      // Part of a longer name: .NET, ASP.NET, @MIR.
      if (/[.@#$\\]$/.test(doc.text.slice(token.start.offset - 1, token.start.offset))) continue;
      // "MC/DC", "CI/CD", "US-CERT": one term of two parts.
      const joiner = doc.text.slice(token.end.offset, tokens[i + 1]?.start.offset ?? 0);
      const pair = joiner === '/' || joiner === '-' ? acronymAt(i + 1) : null;
      const offset = token.start.offset;
      special ??= specialRanges(doc);
      const longForm = insideAny(special.explaining, offset) ? explained : pair ? null : expansionAt(tokens, i, acronym, doc.text, (lastClose ??= doc.text.lastIndexOf(')')));
      const end = pair ? tokens[i + 1] : token;
      const sentenceEnd = tokens[tokens.length - 1].end.offset;
      uses.push({
        acronym: pair ? `${acronym}/${pair}` : acronym,
        parts: pair ? [{ acronym, token }, { acronym: pair, token: end }] : [{ acronym, token }],
        token,
        end,
        text: pair ? doc.text.slice(offset, end.end.offset) : token.text,
        passive: insideAny(special.passive, offset) || insideQuotation(doc.text, blockStart(doc.text, tokens[0].start.offset), offset, blockEnd(doc.text, sentenceEnd)),
        defined: longForm !== null,
        longForm: longForm === explained ? null : longForm,
      });
      if (pair) i++;
    }
  }
  // Table cells come after the rest of the document in doc.sentences.
  return uses.sort((a, b) => a.token.start.offset - b.token.start.offset);
}

/** Three or more words in capitals in a row, with only spaces between, are shouting (A NEW ERA FOR CI), not acronyms. */
function shouting(tokens: readonly Token[], i: number, text: string): boolean {
  const joined = (k: number) => /^[\s*_]*$/.test(text.slice(tokens[k].end.offset, tokens[k + 1].start.offset));
  let from = i;
  let to = i;
  while (from > 0 && capsWord.test(tokens[from - 1].text) && joined(from - 1)) from--;
  while (to < tokens.length - 1 && capsWord.test(tokens[to + 1].text) && joined(to)) to++;
  return to - from + 1 >= 3;
}

/** "RFC 2119", "CVE-2024-1234", "ISO 27001", "UAX #31": the acronym names a series, and the number an item in it. */
function identifier(tokens: readonly Token[], i: number, text: string): boolean {
  const next = tokens[i + 1];
  if (!next || !/^\d/.test(next.text)) return false;
  return /^(?:[\s\-\u00a0]{1,2}|\s?#|\s?No\.\s?)$/.test(text.slice(tokens[i].end.offset, next.start.offset));
}
