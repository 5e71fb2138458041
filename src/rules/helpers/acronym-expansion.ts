import type { Token } from '../../text/tokens.js';
import { gapBefore } from './token-gaps.js';
import { longForm } from './long-form.js';
import { acronymPattern } from './acronym-contexts.js';

// Where undefined-acronym finds an acronym explained at its use: the long form around it, a gloss, a footnote.

/** Marks a use explained by a footnote or a gloss: defined, but with no long form to quote. */
export const explained = '\u0000explained';

/** Markdown and quotes around a word: `([LTO])`, `("high-level IR")`, `**MIR**`. */
const markup = /[[\]*_`"'“”‘’]/g;
const gapText = (text: string, from: number, to: number) => text.slice(from, to).replace(markup, '');

/** Verbs that give a name to what the words before them describe: “often abbreviated MCVE”. */
const naming = new Set(['called', 'named', 'dubbed', 'termed', 'abbreviated', 'shortened']);
/** Two words that give a name the same way: “known as”, “abbreviated as”, “abbreviated to”, “shortened to”, “(which) we call”. */
const namingPairs = new Set(['known as', 'abbreviated as', 'abbreviated to', 'abbreviated in', 'shortened to', 'we call', 'i call', 'they call']);

/** Words that may stand between the parenthesis and the acronym: "major change proposal (or MCP)". */
const introducing = new Set(['or', 'aka', 'hereafter', 'henceforth', 'abbreviated', 'short']);

/** Words that open an aside or a pointer, not a description: "(see below)", "(optional)", "(or later)". */
const asides = new Set(['see', 'cf', 'and', 'or', 'not', 'no', 'only', 'also', 'as', 'like', 'for', 'if', 'when', 'which', 'where', 'with', 'without', 'via', 'optional', 'default', 'required', 'recommended', 'deprecated', 'experimental', 'beta', 'preview', 'plural', 'singular', 'sic']);

/**
 * "DST (summer time)", "SAST (the scanner)": a gloss right after the acronym, two to six plain
 * words with a lowercase one, no digit, acronym, link or code, not opening an aside ("see below").
 * One word ("(zero)", "(optional)") is too little to tell what the acronym is.
 */
function glossAfter(after: string): boolean {
  const inner = /^[ \t]?\(([^()\n]{1,60})\)/.exec(after)?.[1].trim();
  const words = inner?.split(/\s+/) ?? [];
  if (words.length < 2 || words.length > 6 || !words.every((word) => /^\p{L}[\p{L}'’-]*$/u.test(word))) return false;
  return words.some((word) => /^\p{Ll}/u.test(word)) && !words.some((word) => /\p{Lu}.*\p{Lu}/u.test(word)) && !asides.has(words[0].toLowerCase());
}

/** The most words a long form may have: two per letter (“of the”), and two more. */
function longFormWords(acronym: string): number {
  return acronym.length * 2 + 2;
}

/** Characters after a sentence's last word that the expansion tests look at. */
const gapWindow = 400;

/** The longest run of words from `tokens[from]` that the acronym abbreviates, word for word. */
function leadingLongForm(tokens: readonly Token[], from: number, to: number, acronym: string): string | null {
  // "MIR: MIR stands for...": the acronym again is not its long form.
  if (acronymPattern.exec(tokens[from]?.text ?? '')?.[1] === acronym) return null;
  for (let end = Math.min(to, from + longFormWords(acronym)); end > from; end--) {
    const candidate = tokens.slice(from, end).map((t) => t.text).join(' ');
    const found = longForm(acronym, candidate);
    if (found && found.toLowerCase() === candidate.toLowerCase()) return found;
  }
  return null;
}

/**
 * The long form that ends right before the acronym: "a Software Bill of Materials, or SBOM",
 * "Merge Request/MR". The words must spell the acronym from the first to the last.
 */
function trailingLongForm(tokens: readonly Token[], i: number, acronym: string, text: string): string | null {
  const gap = (k: number) => gapBefore(tokens, k, text).replace(markup, '');
  let last = i - 1;
  if (i >= 2 && tokens[i - 1].norm === 'or' && /^\s*,\s*$/.test(gap(i - 1)) && /^\s+$/.test(gap(i))) last = i - 2;
  else if (!(i >= 1 && gap(i) === '/')) return null;
  const words = tokens.slice(Math.max(0, last + 1 - longFormWords(acronym)), last + 1);
  const found = longForm(acronym, words.map((t) => t.text).join(' '));
  // Every word of the long form must be prose of this sentence, not across a line or a bracket.
  const first = found && words[words.length - found.split(' ').length];
  if (!found || !first || /[\n()[\]]/.test(text.slice(first.start.offset, tokens[last].end.offset))) return null;
  return found;
}

/**
 * The long form when this use expands the acronym: "static application security testing (SAST)",
 * "major change proposal (or MCP)", "SAST (static application security testing)", "MIR stands
 * for mid-level IR". A gloss ("the default linker (BFD)") or a footnote right after the acronym
 * (`CTFE[^ctfe]`) explains it too.
 */
export function expansionAt(tokens: readonly Token[], i: number, acronym: string, text: string, lastClose: number): string | null {
  const token = tokens[i];
  const previousEnd = (k: number) => (k > 0 ? tokens[k - 1].end.offset : Math.max(0, tokens[k].start.offset - 3));
  // After a sentence's last word, a window, not the rest of the file: every test below reads
  // only the gap's start, and reading to the end made a big file quadratic.
  const nextStart = tokens[i + 1]?.start.offset ?? Math.min(text.length, token.end.offset + gapWindow);
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
    if (lastClose < token.end.offset) return null;
    // Only the words a long form can span matter: look for the “)” among them, not beyond.
    const last = Math.min(tokens.length, i + 1 + longFormWords(acronym));
    const within = text.slice(token.end.offset, tokens[last - 1]?.end.offset ?? token.end.offset).indexOf(')');
    const close = within < 0 ? Infinity : token.end.offset + within;
    let end = i + 1;
    while (end < last && tokens[end].end.offset <= close) end++;
    return leadingLongForm(tokens, i + 1, end, acronym) ?? (glossAfter(text.slice(token.end.offset, token.end.offset + 80)) ? explained : null);
  }
  // "an approach called SLG", "(often called “RPIT”)", "known as MIR": the writer names what the words before describe.
  const before = tokens.slice(Math.max(0, i - 2), i).map((t) => t.norm);
  if (i >= 3 && (naming.has(before[1]) || namingPairs.has(before.join(' '))) && /^[\s"“'‘*_[]*$/.test(gapBefore(tokens, i, text))) return explained;
  const trailing = trailingLongForm(tokens, i, acronym, text);
  if (trailing) return trailing;
  // "a minimal reproducible example, or MCVE for short", "(MCVE for short)": the words before are what it is short for.
  const shortFor = tokens[i + 1]?.norm === 'for' && tokens[i + 2]?.norm === 'short';
  if (shortFor && i >= 2 && ((tokens[i - 1].norm === 'or' && /,\s*$/.test(gapBefore(tokens, i - 1, text))) || /\(\s*$/.test(gapBefore(tokens, i, text)))) return explained;
  // "DRI: directly responsible individual", "(ICEs — internal compiler errors)": the long form
  // right after a colon or dash, up to the end of the clause.
  if (/^[ \t]*(?:[:–—]|-(?=\s))/.test(rawAfter.replace(markup, ''))) {
    const clause = tokens.slice(i + 2).findIndex((t, k) => /[\n.,;()]/.test(text.slice(tokens[i + 1 + k].end.offset, t.start.offset)));
    const found = leadingLongForm(tokens, i + 1, clause < 0 ? tokens.length : i + 2 + clause, acronym);
    if (found) return found;
  }
  if (appositiveGloss(tokens, i, acronym, text) || exampleOf(token.start.offset, token.end.offset, text)) return explained;
  const next = tokens.slice(i + 1, i + 4).map((t) => t.norm);
  const lead = next[0] === 'stands' && next[1] === 'for' ? 2 : next[0] === 'short' && next[1] === 'for' ? 2 : next[0] === 'is' && next[1] === 'short' && next[2] === 'for' ? 3 : 0;
  if (lead > 0) return leadingLongForm(tokens, i + 1 + lead, tokens.length, acronym);
  return null;
}

/** Words that open an appositive: "MIR, the intermediate representation …". */
const appositiveOpeners = new Set(['the', 'a', 'an', 'its', 'our', 'their']);

/**
 * "MIR, the intermediate representation used by the compiler": an appositive right after the
 * acronym that names what it is, told from a list ("MIR, the borrow checker, and …") by two or
 * more of its first words in a row whose initials are the acronym's last letters (I, R of MIR).
 */
function appositiveGloss(tokens: readonly Token[], i: number, acronym: string, text: string): boolean {
  if (!tokens[i + 1] || !/^,\s+$/.test(gapBefore(tokens, i + 1, text)) || !appositiveOpeners.has(tokens[i + 1].norm)) return false;
  const letters = acronym.toLowerCase();
  for (let k = i + 2; k < Math.min(tokens.length, i + 6); k++) {
    if (!/^\s+$/.test(gapBefore(tokens, k, text))) break;
    for (let n = 2; n <= letters.length - 1 && k + n <= tokens.length; n++) {
      const run = tokens.slice(k, k + n);
      if (run.every((_, j) => j === 0 || /^\s+$/.test(gapBefore(tokens, k + j, text))) && run.map((t) => t.norm[0]).join('') === letters.slice(-n)) return true;
    }
  }
  return false;
}

/**
 * "some kind of Unix-compatibility layer (e.g. MSYS)", "debuggers (such as GDB, LLDB or CDB)": an
 * example in parentheses right after the words that say what kind of thing it is. Every item of
 * the parenthesis must be a name ("(e.g. features with a different MSRV)" explains nothing).
 */
function exampleOf(start: number, end: number, text: string): boolean {
  const open = text.lastIndexOf('(', start);
  const close = text.indexOf(')', end);
  if (open < 0 || close < 0 || start - open > 80 || close - end > 80 || !/\p{L}[\p{L}\d*_]*\s*$/u.test(text.slice(Math.max(0, open - 40), open))) return false;
  const opener = /^\((?:e\.\s?g\.|such as|for example|for instance)[,:]?\s+/i.exec(text.slice(open, start));
  if (!opener) return false;
  const items = text.slice(open + opener[0].length, close).split(/\s*,\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+/);
  return items.every((item) => /^[\p{Lu}\d][\p{L}\d.+/-]*$/u.test(item.replace(/[*_`]/g, '')));
}
