import { daleChall } from 'dale-chall';
import { memoByObject } from '../../core/memo.js';
import type { Document } from '../../text/document.js';
import type { Token } from '../../text/tokens.js';
import { gapBefore } from './token-gaps.js';

// "Windows XP", "Git LFS", "AWS EKS", "Security Response WG": an acronym right after a capitalized
// word is the end of a name, which the reader meets whole, not a use of the acronym on its own.

const familiar = new Set(daleChall.map((word) => word.toLowerCase()));
/** A familiar word or an inflection of one: "Use", "Uses", "Added", "Running". */
const familiarWord = (norm: string) => familiar.has(norm) || [/s$/, /es$/, /ed$/, /d$/, /ing$/].some((ending) => familiar.has(norm.replace(ending, '')));

/** Only spaces between two words, or a line break inside a paragraph ("the [Async Foundations⏎WG]"). */
const spaced = (doc: Document, a: Token, b: Token) => /^[ \t\u00a0]*\n?[ \t\u00a0]*$/.test(doc.text.slice(a.end.offset, b.start.offset)) && a.end.offset < b.start.offset;

/** What may come before a word that starts a sentence, a clause, a list line, a link text or a quotation. */
const clauseStart = /[.!?:;\n"“‘(/|*_[`>#\u2013\u2014]/;

/** Lowercased words a document writes capitalized mid-sentence, and words it writes in lowercase. */
interface Casing {
  capitalized: Set<string>;
  lowercase: Set<string>;
}
/** The casing of a document's words, found once per document. */
const casing: (doc: Document) => Casing = memoByObject((doc) => {
  const found: Casing = { capitalized: new Set(), lowercase: new Set() };
  for (const { tokens } of doc.sentences) {
    tokens.forEach((token, k) => {
      if (/^\p{Ll}/u.test(token.text)) found.lowercase.add(token.norm);
      else if (k > 0 && /^\p{Lu}\p{Ll}/u.test(token.text) && !clauseStart.test(gapBefore(tokens, k, doc.text))) found.capitalized.add(token.norm);
    });
  }
  return found;
});

/**
 * Whether the acronym at `tokens[i]` ends a name: a capitalized word right before it in the same
 * sentence, with only spaces (or a soft line break) between. A word capitalized only because it starts the sentence (or
 * a clause, a list line, a link text) does not make a name when it is a familiar English word
 * ("Use TLS") or one the page writes in lowercase ("Enable SAST", "enable it"), or when the page
 * never writes it capitalized mid-sentence.
 */
export function endsName(doc: Document, tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  // "Rust's MIR": a possessive is an owner, not a name's first word.
  if (!before || before.text.length < 2 || !/^\p{Lu}/u.test(before.text) || /['’]s?$/.test(before.text) || !spaced(doc, before, tokens[i])) return false;
  const starts = i === 1 || clauseStart.test(doc.text.slice(tokens[i - 2].end.offset, before.start.offset));
  if (!starts) return true;
  const { capitalized, lowercase } = casing(doc);
  // Two capitals mean nothing on their own, so after a word that is no familiar English word they
  // finish a name even where the page has no other mid-sentence use of it ("(Greg KH who…").
  const twoLetters = tokens[i].text.replace(/['’]s$|s$/, '').length === 2;
  return !familiarWord(before.norm) && !lowercase.has(before.norm) && (twoLetters || capitalized.has(before.norm));
}

/** A word that may continue a name: capitalized, or one capital letter ("MISRA C"), not in capitals. */
const nameWord = (text: string) => /^\p{Lu}(?:\p{Ll}[\p{L}'’]*)?$/u.test(text);

/**
 * Whether the acronym at `tokens[i]` starts a name ("the SF Rust Meetup", "MISRA C", "the CISA
 * Known Exploited Vulnerabilities catalogue"): a capitalized word right after it, with only spaces
 * between, in a sentence of ordinary text (more words in lowercase than capitalized, so not a
 * title-case line: "Use SSH Keys"), and either two such words in a row or one the page never
 * writes in lowercase ("the MR Widget" where the page says "widget" is a use of MR). An acronym
 * opening a sentence, a clause, a list line or a link text starts no name here.
 */
export function startsName(doc: Document, tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (!next || !nameWord(next.text) || !spaced(doc, tokens[i], next)) return false;
  // "SSH Keys are…", "[SRE Considerations…]": at a sentence's or clause's start, capitals may be a title's.
  if (i === 0 || clauseStart.test(gapBefore(tokens, i, doc.text))) return false;
  const words = tokens.slice(1).filter((token) => /^\p{L}/u.test(token.text) && !/^\p{Lu}[\p{Lu}\d]+/u.test(token.text));
  const lower = words.filter((token) => /^\p{Ll}/u.test(token.text)).length;
  if (lower <= words.length - lower) return false;
  const then = tokens[i + 2];
  return (then !== undefined && nameWord(then.text) && spaced(doc, next, then)) || !casing(doc).lowercase.has(next.norm);
}
