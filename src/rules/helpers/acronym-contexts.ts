import { visit } from 'unist-util-visit';
import { titleLinks } from './title-links.js';
import { toString } from 'mdast-util-to-string';
import type { Link, LinkReference, Nodes, Parent } from 'mdast';
import { longForm } from './long-form.js';
import type { Document } from '../../text/document.js';

// The parts of a page where an acronym is explained by a link, or where a bare acronym is not the
// writer's first use (headings, quotations, titles, names), for acronym-uses.ts.

/** 2 to 6 capitals, with an optional plural or possessive: API, APIs, API's. */
export const acronymPattern = /^([A-Z]{2,6})(?:s|['’]s)?$/;

/** Advisory identifiers: a row or item that names one carries the advisory's own title. */
const advisoryId = /\b(?:CVE-\d{4}-\d{4,}|GHSA(?:-[0-9a-z]{4}){3}|RUSTSEC-\d{4}-\d{4}|PYSEC-\d{4}-\d+|GO-\d{4}-\d{4}|OSV-\d{4}-\d+)\b/i;

type Range = [number, number];
/** A special range and what it is ("a heading"), to say why a use there is left alone. */
export interface LabelledRange {
  range: Range;
  kind: string;
  explains: boolean;
}

/** What the innermost special range around `offset` is, or null. */
export function kindAt(kinds: readonly LabelledRange[], offset: number, explains: boolean): string | null {
  const around = kinds.filter(({ range, explains: e }) => e === explains && range[0] <= offset && offset < range[1]);
  return around.sort((a, b) => b.range[0] - a.range[0])[0]?.kind ?? null;
}

/** An issue, pull request, merge request or discussion: a link to one whose text reads as a title is that title. */
const issuePage = /\/(?:issues|pull|pulls|merge_requests|discussions)\/\d+/;

/** Issue or pull request numbers as link text: "#95270", "rust#123", "!456". */
const issueNumber = /^[\w.\/-]*[#!]\d+$/;

/**
 * "[#95270](…/pull/95270) - debuginfo: emit ZST…": a list item whose first paragraph opens with a
 * link to an issue or pull request (by its address or a number as its text), then a separator
 * (dash, colon, bar) and text: that text is the linked item's title, as changelogs list them.
 */
function opensWithIssueLink(first: Nodes | undefined, definitions: ReadonlyMap<string, string>, text: string): boolean {
  if (first?.type !== 'paragraph') return false;
  const link = first.children[0];
  if (link?.type !== 'link' && link?.type !== 'linkReference') return false;
  const url = addressOf(link, definitions);
  if (!issuePage.test(url) && !issueNumber.test(toString(link).trim())) return false;
  const rest = text.slice(link.position?.end.offset ?? 0, first.position?.end.offset ?? 0);
  return /^\s*[-–—:|]\s*\S/.test(rest);
}

/** The address of a link or a link reference. */
const addressOf = (link: Link | LinkReference, definitions: ReadonlyMap<string, string>) => (link.type === 'link' ? link.url : (definitions.get(link.identifier.toLowerCase()) ?? ''));

/** "Fix debuginfo for ZST types [#96316](…/pull/96316)": a paragraph that ends with a link to an issue or pull request by its number. */
function endsWithIssueLink(first: Nodes | undefined, definitions: ReadonlyMap<string, string>): boolean {
  if (first?.type !== 'paragraph') return false;
  const children = first.children.filter((child) => !(child.type === 'text' && /^[\s.,;()]*$/.test(child.value)));
  const link = children[children.length - 1];
  return children.length > 1 && (link?.type === 'link' || link?.type === 'linkReference') && issueNumber.test(toString(link).trim()) && issuePage.test(addressOf(link, definitions));
}

/** What a link that explains itself is, as `because`: no expansion a reader sees, so a use before it is told the acronym is not expanded. */
export const addressLink = 'a link whose address names or spells it';

/** What a link to a person's profile is, as `because`: acronym-uses.ts makes such a word a person on the whole page. */
export const profileLink = 'a link to a person’s profile';

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
 * - titles of other linked pages: a link of three words or more, capitalised, that is a whole
 *   list item, table cell or paragraph, or opens one before a byline or separator (title-links.ts);
 * - keys in `<kbd>` (<kbd>ESC</kbd>);
 * - lists of people (a release's contributors), where surnames are often in capitals;
 * - table rows, list items and paragraphs that name an advisory (CVE-2024-1234...): their text
 *   is the advisory's title.
 * Quotations are prose-regions.ts's, as for every rule.
 */
export function specialRanges(doc: Document): { passive: Range[]; explaining: Range[]; kinds: LabelledRange[] } {
  const ranges: Range[] = [];
  const explaining: Range[] = [];
  const kinds: LabelledRange[] = [];
  const add = (node: Nodes, kind: string, to = ranges) => {
    if (!node.position) return;
    const range: Range = [node.position.start.offset ?? 0, node.position.end.offset ?? 0];
    to.push(range);
    kinds.push({ range: [...range], kind, explains: to === explaining });
  };
  const source = (node: Nodes) => doc.text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
  const definitions = new Map<string, string>();
  visit(doc.mdast, 'definition', (definition) => void definitions.set(definition.identifier.toLowerCase(), definition.url));
  let titleStarts: Set<number> | undefined;
  visit(doc.mdast, (node, index, parent) => {
    if (node.type === 'heading') add(node, 'a heading');
    else if (node.type === 'link' || node.type === 'linkReference') {
      const url = node.type === 'link' ? node.url : (definitions.get(node.identifier.toLowerCase()) ?? '');
      const words = toString(node).trim().split(/\s+/);
      const acronyms = words.map((word) => acronymPattern.exec(word.replace(/^\W+|\W+$/g, ''))?.[1]).filter((a): a is string => Boolean(a));
      const explains = words.length <= 3 && acronyms.length > 0 && acronyms.every((acronym) => addressExplains(url, acronym));
      if (url.startsWith('#')) add(node, 'a link to a heading of the page');
      else if (words.length >= 3 && /^[\p{Lu}\d#]/u.test(words[0]) && issuePage.test(url)) add(node, 'the title of a linked issue or pull request');
      else if (profilePage.test(url)) add(node, profileLink, explaining);
      else if (explains) add(node, addressLink, explaining);
      // "- [Reintroduce a FCW to borrowck](…)", "[Announcing the Rust-Edu Refresh and CFP](…) — …": a
      // whole entry's link of three words or more, capitalised, is another work's title (buzzword reads them the same way).
      if (words.length >= 3 && /^[\p{Lu}\d]/u.test(words[0]) && (titleStarts ??= new Set(titleLinks(doc).map((range) => range.start))).has(node.position?.start.offset ?? -1)) add(node, 'the title of a linked page (a list, table or contents entry)');
    } else if (node.type === 'text' && parent && index !== undefined && index > 0) {
      const before = (parent as Parent).children[index - 1];
      if (before.type === 'html' && /^<kbd\b/i.test(before.value)) add(node, 'a key in <kbd>');
    } else if (node.type === 'list' && peopleList(node.children.map((item) => toString(item).trim()))) add(node, 'a list of people');
    else if (node.type === 'tableRow' && advisoryId.test(source(node))) add(node, 'a table row naming an advisory');
    else if (node.type === 'list' && node.children.length >= 3 && node.children.every((item) => endsWithIssueLink(item.children[0], definitions))) add(node, 'the title of a linked issue or pull request (a list of titles, each ending with its link)');
    else if (node.type === 'listItem' && opensWithIssueLink(node.children[0], definitions, doc.text)) add(node.children[0], 'the title of a linked issue or pull request (a list item opening with its link)');
    else if ((node.type === 'listItem' || node.type === 'paragraph') && advisoryId.test(source(node).slice(0, 40))) add(node, 'a list item or paragraph naming an advisory');
  });
  return { passive: disjoint(ranges), explaining: disjoint(explaining), kinds };
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
export function insideAny(ranges: readonly Range[], offset: number): boolean {
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
