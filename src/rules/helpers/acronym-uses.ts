import { daleChall } from 'dale-chall';
import { englishWordsInCapitals } from '../../data/english-words.js';
import { expansionAt, explained } from './acronym-expansion.js';
import { acronymPattern, insideAny, kindAt, profileLink, specialRanges } from './acronym-contexts.js';
import { endsName, startsName } from './acronym-name-parts.js';
import { inRanges, proseRegions } from './prose-regions.js';
import { peopleInCapitals } from './acronym-people.js';
import { capitalNamesInCode } from './acronym-code.js';
import { gapBefore } from './token-gaps.js';
import type { Token } from '../../text/tokens.js';
import type { Document } from '../../text/document.js';

// Where undefined-acronym and `persona-lint acronyms` find acronyms: every use, whether it
// expands the acronym, and the places a bare use is not a first use (documented in
// docs/rules/undefined-acronym.md, "What it leaves alone").

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
  /** The use ends a name (“Windows XP”): passive, but where the reader meets an acronym flagged later. */
  named: boolean;
  /** A compound joined by a hyphen (“US-CERT”): one name, not two terms. */
  hyphenated: boolean;
  /** The index of its sentence in the document's sentences. */
  sentence: number;
  /** Why the use is passive or defined ("a heading", "a link whose address names or spells it"), else null. */
  because: string | null;
}

/** A word in capitals that is not taken for an acronym, and why (for scripts/diff-messages.mjs). */
export interface SkippedWord {
  token: Token;
  because: string;
}

/** Familiar English words (the Dale–Chall list) of four letters or more, in capitals, are emphasis or placeholders (DATE, SELF), not acronyms. */
const familiarWords = new Set(daleChall.filter((word) => word.length >= 4 && /^[a-z]+$/.test(word)).map((word) => word.toUpperCase()));

/**
 * Any other English word of four to six letters, in capitals, is a name styled in capitals or
 * emphasis (BOLT, REDOX, ABBA), not an abbreviation to expand: the reviews judged 16 such rows
 * false and 2 real.
 */
const englishWord = (word: string) => word.length >= 4 && englishWordsInCapitals().has(word);

/** US states and Canadian provinces by their postal codes (USPS, Canada Post). */
const regionCodes = new Set('AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC AB BC MB NB NL NS NT NU ON PE QC SK YT'.split(' '));
const organizationWord = /^\s+(?:Institute|Foundation|University|College|Corporation|Inc\b|Ltd\b|GmbH|Association|Society|Consortium|Alliance)/;

/** "Pittsburgh, PA": a region after its city; "SANS Institute": an organization's own name. */
function placeOrOrganization(text: string, token: Token, acronym: string): boolean {
  if (regionCodes.has(acronym) && token.text === acronym && /\p{Lu}\p{Ll}+,\s$/u.test(text.slice(Math.max(0, token.start.offset - 30), token.start.offset))) return true;
  return organizationWord.test(text.slice(token.end.offset, token.end.offset + 20));
}

/** The heads of compound adjectives ("MSRV-aware", "TLS-only"), besides those their endings tell. */
const compoundHeads = new Set(['aware', 'like', 'only', 'free', 'safe', 'style', 'wide', 'first', 'level', 'native', 'ready', 'heavy', 'bound', 'proof', 'centric']);
const adjectiveEnding = /(?:ed|ing|able|ible|ic|al|ive|ful|less|ly|ish|ous|ant|ent)$/;

/**
 * "WG-async", "WG-compiler-parallel": capitals joined by hyphens to lowercase parts, with no space,
 * name a label, a team or a slug. One lowercase part that reads as the head of a compound
 * adjective ("MSRV-aware", "HTTP-based", "SVE-specific") is a use of the acronym.
 */
function slug(after: string): boolean {
  const parts = /^-(\p{Ll}[\p{Ll}\d]*(?:-[\p{Ll}\d]+)*)(?![\p{L}\d])/u.exec(after)?.[1].split('-');
  if (!parts) return false;
  return parts.length > 1 || !(compoundHeads.has(parts[0]) || adjectiveEnding.test(parts[0]));
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

const definedHere = (longForm: string) => (longForm === explained ? 'explained at this use (a gloss, a footnote, “called”)' : 'expanded at this use');

/** Why the capitals at `tokens[i]` are not an acronym use, or null. */
function notAUse(doc: Document, tokens: readonly Token[], i: number, acronym: string): string | null {
  const token = tokens[i];
  if (shouting(tokens, i, doc.text)) return 'shouting: three words in capitals in a row';
  if (identifier(tokens, i, doc.text)) return 'an identifier with a number (RFC 2119)';
  if (label(doc, token, i === 0)) return 'a label alone on its line (DETAILS:)';
  if (placeOrOrganization(doc.text, token, acronym)) return 'a region after its city, or an organization’s name';
  if (slug(doc.text.slice(token.end.offset, token.end.offset + 60))) return 'a slug or label: joined by hyphens to lowercase parts (WG-async)';
  // Part of a longer name: .NET, ASP.NET, @MIR.
  if (/[.@#$\\]$/.test(doc.text.slice(token.start.offset - 1, token.start.offset))) return 'part of a longer name (.NET, @handle)';
  return null;
}

/** Every acronym use in the document, in reading order, with whether it expands the acronym; `skipped` collects the words in capitals left out. */
export function findAcronymUses(doc: Document, notAcronyms: ReadonlySet<string>, skipped?: SkippedWord[]): AcronymUse[] {
  // A walk over the whole tree: only for files with a candidate.
  let special: ReturnType<typeof specialRanges> | undefined;
  let quotations: ReturnType<typeof quotationsOf> | undefined;
  let lastClose: number | undefined;
  const uses: AcronymUse[] = [];
  for (const [sentence, { tokens }] of doc.sentences.entries()) {
    const skip = (token: Token, because: string | null) => {
      if (because) skipped?.push({ token, because });
      return because !== null;
    };
    const wordAt = (i: number) => (tokens[i] && acronymPattern.exec(tokens[i].text)?.[1]) ?? null;
    const whyNot = (word: string) => (notAcronyms.has(word) ? 'not an acronym (notAcronyms list)' : familiarWords.has(word) ? 'a familiar English word in capitals' : englishWord(word) ? 'an English word in capitals (a name or emphasis)' : null);
    const acronymAt = (i: number) => {
      const word = wordAt(i);
      return word && !whyNot(word) ? word : null;
    };
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      const word = wordAt(i);
      if (!word || skip(token, whyNot(word)) || skip(token, notAUse(doc, tokens, i, word))) continue;
      const acronym = word;
      // "MC/DC", "CI/CD", "US-CERT": one term of two parts.
      const joiner = doc.text.slice(token.end.offset, tokens[i + 1]?.start.offset ?? 0);
      const pair = joiner === '/' || joiner === '-' ? acronymAt(i + 1) : null;
      // "INTEL-SA-00615": an identifier of two parts.
      if (pair && identifier(tokens, i + 1, doc.text)) {
        skip(token, 'an identifier of two parts (INTEL-SA-00615)');
        i++;
        continue;
      }
      const offset = token.start.offset;
      special ??= specialRanges(doc);
      const byLink = insideAny(special.explaining, offset);
      const longForm = byLink ? explained : pair ? null : expansionAt(tokens, i, acronym, doc.text, (lastClose ??= doc.text.lastIndexOf(')')));
      const end = pair ? tokens[i + 1] : token;
      const inSpecial = insideAny(special.passive, offset);
      const quoted = !inSpecial && inRanges((quotations ??= quotationsOf(doc)), offset, end.end.offset);
      const ending = !inSpecial && !quoted && endsName(doc, tokens, i);
      const starting = !inSpecial && !quoted && !ending && !pair && startsName(doc, tokens, i);
      const named = ending || starting;
      const passive = inSpecial || quoted || named;
      uses.push({
        acronym: pair ? `${acronym}/${pair}` : acronym,
        parts: pair ? [{ acronym, token }, { acronym: pair, token: end }] : [{ acronym, token }],
        token,
        end,
        text: pair ? doc.text.slice(offset, end.end.offset) : token.text,
        passive,
        named,
        hyphenated: pair !== null && joiner === '-',
        sentence,
        defined: longForm !== null,
        longForm: longForm === explained ? null : longForm,
        because: byLink ? kindAt(special.kinds, offset, true) : longForm !== null ? definedHere(longForm) : inSpecial ? kindAt(special.kinds, offset, false) : quoted ? 'a quotation' : ending ? 'part of a name (after a capitalised word: Windows XP)' : starting ? 'part of a name (before a capitalised word: the SF Rust Meetup)' : null,
      });
      if (pair) i++;
    }
  }
  // "Oli Scherer and TC joined": TC is a person throughout the document.
  const bare = new Set(uses.filter((use) => !use.defined && use.text === use.acronym).map((use) => use.acronym));
  const people = bare.size > 0 ? peopleInCapitals(doc, (token) => bare.has(token.text)) : bare;
  // "TC and Joel interviewed … [TC](https://github.com/traviscross) volunteered": the link says who, before it too.
  const profiled = new Map(uses.filter((use) => use.because === profileLink).reverse().map((use) => [use.acronym, use.token.start.line]));
  for (const use of uses) {
    const linked = profiled.get(use.acronym);
    if (!people.has(use.acronym) && linked === undefined) continue;
    if (!use.passive && !use.defined) use.because = people.has(use.acronym) ? 'a person: initials or a handle next to full names, or before “who” or a verb of speaking (“TC explained”)' : `a person: the page links the name to a profile (line ${linked})`;
    use.passive = true;
    use.named = false;
  }
  const code = uses.some((use) => !use.defined && !use.passive) ? capitalNamesInCode(doc) : null;
  for (const use of code ? uses : []) {
    if (use.defined || use.passive) continue;
    const line = code?.identifiers.get(use.acronym);
    const named = code?.named.get(use.acronym);
    if (line !== undefined) use.because = `an identifier: the page shows it in code (line ${line})`;
    else if (named && named.offset < use.token.start.offset) use.because = `named in code earlier (line ${named.line}, “abbreviated \`${use.acronym}\`”)`;
    else continue;
    use.passive = true;
  }
  // Table cells come after the rest of the document in doc.sentences.
  return uses.sort((a, b) => a.token.start.offset - b.token.start.offset);
}

/** Someone else's words (the regions every rule shares), when they are more than one word: a bare "ZFS" in quotes is still a use. */
function quotationsOf(doc: Document) {
  return proseRegions(doc).quotations.filter((range) => /\s/.test(doc.text.slice(range.start, range.end)));
}

/** Three or more words in capitals in a row, with only spaces between, are shouting (A NEW ERA FOR CI), not acronyms. */
function shouting(tokens: readonly Token[], i: number, text: string): boolean {
  const joined = (k: number) => /^[\s*_]*$/.test(gapBefore(tokens, k + 1, text));
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
