import { visit } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import type { Nodes } from 'mdast';
import { parseDocument } from '../../text/document.js';
import { findAcronymUses } from './acronym-uses.js';

// The acronyms a glossary file defines, for undefined-acronym's `glossary` option.

/** An acronym or a compound of two ("CI/CD"), with an optional plural: the base form is group 1 and 2. */
const term = '([A-Z]{2,6})s?(?:/([A-Z]{2,6})s?)?';
/** "DRI: ...", "DRI - ...", "DRI — ...", and a definition list's "DRI\n: ...". */
const definitionLine = new RegExp(`^\\s*${term}\\s*(?:[:–—]|-\\s|\\n\\s*:)\\s*\\S`);
const termAlone = new RegExp(`^\\s*${term}\\s*$`);
/** Markdown Extra, kramdown and MkDocs abbreviations: `*[HTML]: HyperText Markup Language`. */
const abbreviation = new RegExp(`^\\*\\[${term}\\]:\\s*\\S`, 'gm');

const baseForm = (match: RegExpExecArray | RegExpMatchArray) => (match[2] ? `${match[1]}/${match[2]}` : match[1]);

/** Whether a glossary file is a Markdown page (by its extension) rather than a term list. */
export function isMarkdownGlossary(path: string): boolean {
  return /\.(?:md|markdown|mdx)$/i.test(path);
}

/**
 * The acronyms a Markdown page defines: every expansion the rule recognizes anywhere ("Directly
 * Responsible Individual (DRI)", "DRI (Directly Responsible Individual)"), and the forms of a
 * glossary: a paragraph, list item or definition list that opens with the term and a colon or
 * dash ("**DRI**: the person who..."), a heading that is the term alone, a table row whose first
 * cell is the term and another cell says something, and `*[DRI]: ...` abbreviations.
 */
export function glossaryPageTerms(path: string, text: string, notAcronyms: ReadonlySet<string>): string[] {
  const doc = parseDocument(path, text);
  const terms = new Set(findAcronymUses(doc, notAcronyms).filter((use) => use.defined).map((use) => use.acronym));
  const add = (match: RegExpExecArray | null) => {
    if (match) terms.add(baseForm(match));
  };
  visit(doc.mdast, (node: Nodes) => {
    if (node.type === 'paragraph') add(definitionLine.exec(toString(node)));
    else if (node.type === 'heading') add(termAlone.exec(toString(node)));
    else if (node.type === 'tableRow') {
      const [first, ...rest] = node.children.map((cell) => toString(cell));
      if (rest.some((cell) => cell.trim() !== '')) add(termAlone.exec(first ?? ''));
    }
  });
  for (const match of text.matchAll(abbreviation)) terms.add(baseForm(match));
  return [...terms].filter((acronym) => !acronym.split('/').some((part) => notAcronyms.has(part)));
}

/** The acronyms of a term list: one a line, the term first (anything after it is its meaning), `#` comments. Lines that are not acronyms are other vocabulary and are passed over. */
export function termListTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const match = new RegExp(`^${term}(?:$|[\\s:–—-])`).exec(line.replace(/(?:^|\s)#.*$/, '').trim());
    if (match) terms.add(baseForm(match));
  }
  return [...terms];
}
