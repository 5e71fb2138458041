import { daleChall } from 'dale-chall';
import { inflectionBases, type Token } from '../../text/tokens.js';
import { gapBefore } from './token-gaps.js';
import type { Document } from '../../text/document.js';

// People known by their initials or a handle in capitals ("Oli Scherer and TC joined", "TC
// explained"), for acronym-uses.ts: such a word is a person in the whole document, not an acronym to expand.

const familiar = new Set(daleChall.map((word) => word.toLowerCase()));
/** A part of a name: "Oli", "Erik" of "Jan-Erik", "LeVasseur", "McDonald", "O'Brien". */
const namePart = /^(?:\p{Lu}\p{Ll}+|(?:Mc|Mac|Le|La|De|Di|Du|Van|Von|O['’])\p{Lu}\p{Ll}+)$/u;
/** Endings of English nouns and adjectives, not of names: "Dependency Scanning", "Secret Detection", "Code Quality", "Rust Analyzer". */
const englishSuffix = /(?:ing|tion|sion|ment|ness|ity|ency|ics|ism|ogy|ware|able|ible|ous|ful|less|ize|ify|[iy]zer|ator)$/;
/** Link syntax between two words of a list: `](https://…), [`, `], [`. */
const linkSyntax = /\]\([^)]*\)|\]\[[^\]]*\]|[[\]*_]/g;

/** A word that leaves the acronym standing alone: lowercase, not an article ("the MIR and Ralf Jung") nor part of a name ("Security Response WG"). */
const plainWord = (token: Token | undefined) => !token || (/^\p{Ll}/u.test(token.text) && !determiners.has(token.norm));
const determiners = new Set(['the', 'a', 'an', 'this', 'that', 'our', 'your', 'their', 'its', 'my', 'his', 'her']);

/** Words whose subject is a person: "who", and verbs of speaking, thinking and joining. */
const personVerbs = new Set(['who', 'whom', 'explained', 'explains', 'said', 'says', 'wrote', 'writes', 'noted', 'asked', 'asks', 'replied', 'answered', 'argued', 'suggested', 'suggests', 'proposed', 'commented', 'mentioned', 'thinks', 'thought', 'believes', 'agreed', 'join', 'joins', 'joined']);

interface Item {
  tokens: Token[];
  /** Separated from the item before by a comma, "and" or "or". */
  coordinated: boolean;
}

/**
 * Acronyms the document coordinates with a person's full name, in a comma, "and" or "or" list
 * ("Niko Matsakis, TC, et al.", "TC and Pete LeVasseur are the leads"). A full name is two or
 * three capitalized words (hyphenated parts joined) that the document never writes in lowercase
 * (nor their stems) and that lack the endings of English nouns ("Dependency Scanning"), whose last
 * word is no familiar English word or an inflection of one (the Dale–Chall list: "Merge Trains")
 * and appears only after the word before it ("Microsoft Azure, AWS and GCP" fails when the page
 * says "on Azure"), and whose other words no other capitalized word follows ("Rust Analyzer" fails
 * when the page says "Rust Project"). The acronym opens or closes its item, next to the name, with no article or
 * capitalized word beside it ("the MIR and Ralf Jung", "the Security Response WG and Walter Pearce").
 */
export function peopleInCapitals(doc: Document, isAcronym: (token: Token) => boolean): Set<string> {
  const people = new Set<string>();
  let lowercase: Set<string> | undefined;
  const note = (items: Item[]) => {
    for (let k = 0; k < items.length; k++) {
      const item = items[k].tokens;
      // The acronym opens its item (then the item before is its neighbour) or closes it (then the next one is).
      const first = isAcronym(item[0]) && plainWord(item[1]) ? item[0] : undefined;
      const last = isAcronym(item[item.length - 1]) && plainWord(item[item.length - 2]) ? item[item.length - 1] : undefined;
      const before = first && k > 0 && items[k].coordinated ? items[k - 1].tokens : [];
      const after = last && items[k + 1]?.coordinated ? items[k + 1].tokens : [];
      if (before.length + after.length === 0) continue;
      lowercase ??= new Set(doc.sentences.flatMap((s) => s.tokens.filter((t) => /^\p{Ll}+$/u.test(t.text)).map((t) => t.stem)));
      const name = (run: Token[]) => fullName(doc, run, lowercase!);
      if (first && name(trailingRun(doc.text, before))) people.add(first.text);
      if (last && name(leadingRun(doc.text, after))) people.add(last.text);
    }
  };
  for (const { tokens } of doc.sentences) {
    // "TC explained that …", "TC, who leads …": only a person explains, or is a who.
    tokens.forEach((token, k) => {
      const next = tokens[k + 1];
      if (next && personVerbs.has(next.norm) && isAcronym(token) && plainWord(tokens[k - 1]) && /^[\s,]+$/.test(gapBefore(tokens, k + 1, doc.text))) people.add(token.text);
    });
    note(coordinatedItems(doc.text, tokens));
    // "(e.g. TC, Niko Matsakis, Eric Huss)": an aside is a list of its own.
    for (const aside of asides(doc.text, tokens)) note(coordinatedItems(doc.text, aside));
  }
  return people;
}

/** The words inside each outermost pair of parentheses of a sentence: "(e.g. TC, Niko Matsakis)" is a list of its own. */
function asides(text: string, tokens: readonly Token[]): Token[][] {
  const found: Token[][] = [];
  let depth = 0;
  for (let k = 0; k < tokens.length; k++) {
    // "(a), (b)": the gap may close one aside and open the next.
    let outside = depth === 0;
    for (const c of k > 0 ? gapBefore(tokens, k, text).replace(linkSyntax, '') : '') {
      depth = Math.max(0, depth + (c === '(' ? 1 : c === ')' ? -1 : 0));
      outside ||= depth === 0;
    }
    if (depth === 0) continue;
    if (outside) found.push([]);
    found[found.length - 1].push(tokens[k]);
  }
  return found;
}

/** The sentence cut at commas, hard line breaks, semicolons, "and" and "or", with parenthetical asides dropped: "JT (Core), Mark Rousskov". */
function coordinatedItems(text: string, tokens: readonly Token[]): Item[] {
  const items: Item[] = [];
  let current: Item = { tokens: [], coordinated: false };
  let depth = 0;
  for (let k = 0; k < tokens.length; k++) {
    const raw = k > 0 ? gapBefore(tokens, k, text) : '';
    // A hard line break ends a line of a list, as a comma does: a letter's signatories, one a line.
    const gap = raw.replace(linkSyntax, '').replace(/(?:\\| {2,})\n/g, ',');
    for (const c of gap) depth = Math.max(0, depth + (c === '(' ? 1 : c === ')' ? -1 : 0));
    if (depth > 0) continue;
    const cut = /[,;]/.test(gap) || /[^\s,;()'’-]/.test(gap.replace(/[()]/g, ''));
    const conjunction = tokens[k].norm === 'and' || tokens[k].norm === 'or';
    if (cut || conjunction) {
      if (current.tokens.length > 0) items.push(current);
      // After "and", "or" or a comma an item is coordinated; after a semicolon or another mark it is not.
      current = { tokens: [], coordinated: conjunction || /,/.test(gap) };
    }
    if (!conjunction) current.tokens.push(tokens[k]);
  }
  if (current.tokens.length > 0) items.push(current);
  return items;
}

/** The capitalized words ending an item ("Niko Matsakis" of "done by Niko Matsakis"). */
function trailingRun(text: string, item: Token[]): Token[] {
  let from = item.length;
  while (from > 0 && namePart.test(item[from - 1].text) && (from === item.length || joined(text, item[from - 1], item[from]))) from--;
  return item.slice(from);
}

/** The capitalized words starting an item ("Joel Marcey" of "Joel Marcey wanted"). */
function leadingRun(text: string, item: Token[]): Token[] {
  let to = 0;
  while (to < item.length && namePart.test(item[to].text) && (to === 0 || joined(text, item[to - 1], item[to]))) to++;
  return item.slice(0, to);
}

/** "Verhoeven" of "Verhoeven's". */
const base = (token: Token) => token.text.replace(/['’]s$/, '');
const joined = (text: string, a: Token, b: Token) => /^(?:\s+|-)$/.test(text.slice(a.end.offset, b.start.offset));

function fullName(doc: Document, run: Token[], lowercase: ReadonlySet<string>): boolean {
  const words = 1 + run.slice(1).filter((t, k) => doc.text.slice(run[k].end.offset, t.start.offset) !== '-').length;
  if (words < 2 || words > 3 || run.some((t) => lowercase.has(t.stem) || englishSuffix.test(t.norm))) return false;
  const [given, surname] = run.slice(-2);
  if (inflectionBases(surname.norm).some((base) => familiar.has(base))) return false;
  // The words of a name keep together: the surname never stands alone or after another word, and no
  // other capitalized word follows the given name ("Rust Analyzer" fails where the page says "Rust Project").
  return doc.sentences.every(({ tokens }) =>
    tokens.every((t, k) => {
      if (base(t) === surname.text) return tokens[k - 1]?.text === given.text;
      const at = run.findIndex((word, i) => i < run.length - 1 && word.text === t.text);
      const next = tokens[k + 1];
      return at < 0 || !next || !/^\p{Lu}/u.test(next.text) || !joined(doc.text, t, next) || base(next) === run[at + 1].text;
    }),
  );
}
