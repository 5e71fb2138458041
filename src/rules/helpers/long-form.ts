/**
 * The long form that an acronym abbreviates, found in the words around it, by the algorithm of
 * Schwartz and Hearst ("A simple algorithm for identifying abbreviation definitions in biomedical
 * text", 2003): match the acronym's letters right to left against the candidate text, the first
 * letter at the start of a word. Returns the shortest matching tail of `candidate`, or null.
 *
 * "static application security testing" + "SAST" → "static application security testing"
 * "JavaScript Object Notation" + "JSON" → "JavaScript Object Notation"
 */
export function longForm(acronym: string, candidate: string): string | null {
  const short = acronym.toLowerCase();
  const long = candidate.toLowerCase();
  let s = short.length - 1;
  let l = long.length - 1;
  const isAlnum = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  while (s >= 0) {
    const c = short[s];
    if (!isAlnum(c)) {
      s--;
      continue;
    }
    while ((l >= 0 && long[l] !== c) || (s === 0 && l > 0 && isAlnum(long[l - 1]))) l--;
    if (l < 0) return null;
    l--;
    s--;
  }
  const start = long.lastIndexOf(' ', l) + 1;
  const found = candidate.slice(start).trim();
  // A long form is longer than its acronym and is not the acronym itself.
  if (found.replace(/[^\p{L}\p{N}]/gu, '').length <= acronym.length) return null;
  return found;
}
