import type { Blockquote, Heading, Nodes, Paragraph, Parent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { memoByObject } from '../../core/memo.js';
import type { Document } from '../../text/document.js';

/** A half-open range of source offsets. */
export interface Range {
  start: number;
  end: number;
}

/** Parts of a document that word lists read differently from the writer's own prose. */
export interface ProseRegions {
  /** Someone else's words: text in quotation marks, blockquotes with an attribution, and labelled speech. */
  quotations: Range[];
  headings: Range[];
}

/** A document's prose regions, found once per document. */
export const proseRegions: (doc: Document) => ProseRegions = memoByObject((doc) => ({
  quotations: [...inlineQuotes(doc), ...attributedBlockquotes(doc), ...labelledSpeech(doc)],
  headings: headings(doc),
}));

export const inRanges = (ranges: readonly Range[], start: number, end: number) => ranges.some((r) => r.start <= start && end <= r.end);

const offsets = (node: Nodes): Range | undefined =>
  node.position?.start.offset !== undefined && node.position.end.offset !== undefined ? { start: node.position.start.offset, end: node.position.end.offset } : undefined;

function headings(doc: Document): Range[] {
  const out: Range[] = [];
  visit(doc.mdast, 'heading', (heading: Heading) => {
    const range = offsets(heading);
    if (range) out.push(range);
  });
  return out;
}

/**
 * Text between quotation marks within one block: “…”, ‘…’ and paired straight double quotes. Only
 * the marks in text nodes count, so code spans, link targets and titles never open a quotation.
 */
function inlineQuotes(doc: Document): Range[] {
  if (!/["“‘]/.test(doc.text)) return [];
  const out: Range[] = [];
  visit(doc.mdast, (node: Nodes) => {
    if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return;
    const marks: { mark: string; at: number }[] = [];
    visit(node, 'text', (text: Text) => {
      const range = offsets(text);
      if (!range) return;
      const source = doc.text.slice(range.start, range.end);
      for (const found of source.matchAll(/["“”‘’]/g)) marks.push({ mark: found[0], at: range.start + found.index });
    });
    let open: { mark: string; at: number } | undefined;
    for (const { mark, at } of marks) {
      const before = doc.text[at - 1] ?? ' ';
      const after = doc.text[at + 1] ?? ' ';
      // ’ between letters is an apostrophe (don’t, Rust’s), not a closing quote.
      if (mark === '’' && /\p{L}/u.test(before) && /\p{L}/u.test(after)) continue;
      if (!open) {
        if (mark === '“' || mark === '‘' || mark === '"') open = { mark, at };
      } else if ((open.mark === '“' && mark === '”') || (open.mark === '‘' && mark === '’') || (open.mark === '"' && mark === '"')) {
        out.push({ start: open.at, end: at + 1 });
        open = undefined;
      }
    }
  });
  return out;
}

/** A dash and a name: "— Jane Doe", "-- Creator of serde", "~ Jane". */
const dashAttribution = /(^|\n|["”]\s*)\s*(--|[\u2014\u2013\u2015~])\s*[\p{L}[*_@]/u;

/** Callout labels: a blockquote that opens with one ("> **Note**: …", "> [!WARNING]"), or is introduced by one alone ("Note:"), is the writer's own. */
const calloutStart = /^\s*(?:\[!\w+\]|(?:note|warning|caution|tip|important|info|hint|danger|attention)\b)/i;
const calloutLabel = /^\s*(?:note|notes|warning|caution|tip|important|info|hint|danger|attention)\s*:?\s*$/i;
/** A link to a comment on an issue, a pull or merge request, or a forum thread: what follows quotes it. */
const commentLink = /#(?:issuecomment-|note_|discussion_r|pullrequestreview-)|\/comments?\/|\/t\/[^/]+\/\d+\/\d+/i;

/**
 * A blockquote is a quotation when it carries an attribution: a dash and a name inside it or on the
 * paragraph right after it, or an introduction right before it (the last sentence of the paragraph
 * before) that ends in a colon ("Josh:", "As one respondent put it:") or links to a comment
 * ("**[Ian]** — [comment from 2026-01-09](…#issuecomment-1)"). Callouts are the writer's own
 * notes, never quotations: a blockquote that opens with a GFM alert or "Note:", and one introduced
 * by such a label alone. Blockquotes without an attribution are prose like any other. An HTML
 * `<blockquote>` on its own line, closed later by `</blockquote>`, counts the same way when the
 * paragraph before introduces it ("[Comment by @ada posted on 2025-02-26:](…#issuecomment-1)").
 */
function attributedBlockquotes(doc: Document): Range[] {
  if (!doc.text.includes('>')) return [];
  const out: Range[] = [];
  visit(doc.mdast, (node: Nodes) => {
    if (!('children' in node)) return;
    const children = (node as Parent).children as Nodes[];
    children.forEach((child, i) => {
      if (child.type === 'blockquote') {
        const range = offsets(child);
        if (range && attributed(child, children[i - 1], children[i + 1])) out.push(range);
      } else if (child.type === 'html' && htmlQuoteOpen.test(child.value) && !htmlQuoteClose.test(child.value)) {
        // "<blockquote>" on its own line, Markdown inside, then "</blockquote>": the blocks between are the quotation.
        const close = children.findIndex((later, k) => k > i && later.type === 'html' && htmlQuoteClose.test(later.value));
        const range = offsets(child);
        const end = close > 0 ? offsets(children[close]) : undefined;
        if (range && end && introduces(children[i - 1])) out.push({ start: range.start, end: end.end });
      }
    });
  });
  return out;
}

const htmlQuoteOpen = /^\s*<blockquote\b[^>]*>/i;
const htmlQuoteClose = /<\/blockquote\s*>/i;

function attributed(quote: Blockquote, before: Nodes | undefined, after: Nodes | undefined): boolean {
  const last = quote.children[quote.children.length - 1];
  if (quote.children[0] && calloutStart.test(toString(quote.children[0]))) return false;
  if (last && dashAttribution.test(toString(last))) return true;
  if (after?.type === 'paragraph' && /^\s*(--|[\u2014\u2013\u2015~])\s*\p{L}/u.test(toString(after))) return true;
  return introduces(before);
}

/** The paragraph right before a quotation introduces it with a colon or a link to a comment. */
function introduces(before: Nodes | undefined): boolean {
  if (before?.type !== 'paragraph') return false;
  // The introduction is the last sentence of the paragraph before: "…the slogan. Historically, it has been:"
  const intro = toString(before, { includeHtml: false }).trim().split(/(?<=[.!?])\s+/).pop() ?? '';
  if (intro.endsWith(':')) return !calloutLabel.test(intro);
  let linksComment = false;
  visit(before, 'link', (link) => void (linksComment ||= commentLink.test(link.url)));
  // "**Benno Lossin** — comment from 2026-04-02"
  return linksComment || (/(--|[\u2014\u2013])\s*\S*\s*(said|wrote|comment|quote)/i.test(intro) && intro.split(/\s+/).length <= 12);
}

/** A name of two to four capitalised words: "Jan David Nose". One word ("**Note:**", "**Progress:**") is a label, not a speaker. */
const speakerName = /^\p{Lu}[\p{L}'’.-]*(\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u;

/** A chat log's line: a nickname in angle brackets, then the message ("<ada> it builds now"). */
const chatNick = /^<[\w[\]`^{}|.-]{1,32}>\s/;

/**
 * A transcript's turn: a paragraph opening with a bold name and a colon ("**Ada Lovelace**: …",
 * "**Ada Lovelace:** …"), or a chat log's line, written as text (`\<ada\> …`, not an HTML tag).
 */
function labelledSpeech(doc: Document): Range[] {
  const out: Range[] = [];
  visit(doc.mdast, 'paragraph', (paragraph: Paragraph) => {
    const [label, next] = paragraph.children;
    if (label?.type === 'text' && chatNick.test(label.value)) {
      const range = offsets(paragraph);
      if (range) out.push(range);
      return;
    }
    if (label?.type !== 'strong') return;
    const name = toString(label).trim();
    const colon = name.endsWith(':') || (next?.type === 'text' && next.value.startsWith(':'));
    const range = offsets(paragraph);
    if (colon && speakerName.test(name.replace(/:$/, '')) && range) out.push(range);
  });
  return out;
}
