import type { Code, InlineCode, Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import { memoByObject } from '../../core/memo.js';
import type { Document } from '../../text/document.js';

/**
 * Words a page writes as identifiers, outside its prose: the words of its code spans
 * (`origin/master` → origin, master), the arguments of `git` commands in its code blocks, and the
 * path segments of its link and image addresses (…/blob/master/README.md → blob, master, README.md).
 * A term the page also names this way (a branch called `master`) is that thing's name in its prose.
 */
export const codeNames: (doc: Document) => Set<string> = memoByObject((doc) => {
  const names = new Set<string>();
  const add = (words: string) => {
    for (const word of words.split(/[^\w.-]+/)) if (word) names.add(word);
  };
  visit(doc.mdast, (node: Nodes) => {
    if (node.type === 'inlineCode') add((node as InlineCode).value);
    else if (node.type === 'code') {
      for (const line of (node as Code).value.split('\n')) if (/^\s*(?:\$\s*)?git\s/.test(line)) add(line);
    } else if ('url' in node && typeof node.url === 'string') {
      for (const segment of node.url.replace(/[?#].*$/, '').split('/')) if (segment) names.add(segment);
    }
  });
  return names;
});
