import type { Link, LinkReference, Nodes, Paragraph, TableCell } from 'mdast';
import { visit } from 'unist-util-visit';
import { memoByObject } from '../../core/memo.js';
import type { Document } from '../../text/document.js';
import type { Range } from './prose-regions.js';

/**
 * What may follow a title link in its entry: nothing, a byline ("by Ada"), or a separator before a
 * description (a dash, a colon, a bracket, a comma, a pipe). Emphasis marks around the link are skipped.
 */
const entryRest = /^[\s*_~]*(?:$|[\u2013\u2014:(,|]|-\s|by\s)/i;

/** Emphasis that may wrap a title link: `**[Title](…)**`. */
const wrappers = new Set(['emphasis', 'strong', 'delete']);

/** The link that opens a paragraph or table cell, through any emphasis around it. */
function openingLink(block: Paragraph | TableCell): Link | LinkReference | undefined {
  let node: Nodes | undefined = block.children[0];
  while (node && wrappers.has(node.type) && 'children' in node) node = node.children[0];
  return node?.type === 'link' || node?.type === 'linkReference' ? node : undefined;
}

/**
 * Links whose text is the title of another work or section, not the writer's sentence: a link that
 * is a whole paragraph, list item or table cell, or opens one followed only by a byline or a
 * separator ("**[Title](…)** by Ada", "[Title](…) — what it covers"). A table of contents entry is
 * one (its heading is checked where it stands), and so is a list of talks, projects or pages.
 */
export const titleLinks: (doc: Document) => Range[] = memoByObject((doc) => {
  const out: Range[] = [];
  visit(doc.mdast, (node: Nodes) => {
    if (node.type !== 'paragraph' && node.type !== 'tableCell') return;
    const link = openingLink(node);
    const end = node.position?.end.offset;
    const start = link?.position?.start.offset;
    const linkEnd = link?.position?.end.offset;
    if (start === undefined || linkEnd === undefined || end === undefined) return;
    if (entryRest.test(doc.text.slice(linkEnd, end))) out.push({ start, end: linkEnd });
  });
  return out;
});
