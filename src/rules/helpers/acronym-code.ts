import { visit } from 'unist-util-visit';
import type { Document } from '../../text/document.js';

// Words in capitals that a page shows in code, for acronym-uses.ts: a name the page shows as an
// identifier is that identifier in its prose too (“the `SCOPE` variable … verify SCOPE”), and a
// naming phrase before a code span defines the acronym in it (“often abbreviated `MCVE`”).

/** Where a name in capitals shows in code: its line. */
export interface CapitalNamesInCode {
  /** Variables and settings: a code span of the name alone (`SCOPE`, `$SCOPE`, `%SCOPE%`) or assigning it, or a code block assigning or reading it. */
  identifiers: Map<string, number>;
  /** Acronyms a naming phrase gives in a code span (“often abbreviated `MCVE`”): the offset after which they are defined. */
  named: Map<string, { offset: number; line: number }>;
}

/** A name in capitals alone, as a variable reference, or assigned: `SCOPE`, `${SCOPE}`, `%SCOPE%`, `SCOPE=group`, `SCOPE: group`. */
const spanName = /^(?:\$\{?|%)?([A-Z][A-Z0-9_]*)(?:\}|%)?(?:\s*[:=].*)?$/s;
/** In a code block: a line assigning the name (`SCOPE: group`, `export SCOPE=group`, `- SCOPE=x`), or a reference (`$SCOPE`, `${SCOPE}`). */
const blockAssignment = /^[ \t]*(?:export[ \t]+|set[ \t]+|-[ \t]+)?([A-Z][A-Z0-9_]*)[ \t]*[:=]/gm;
const blockReference = /\$\{?([A-Z][A-Z0-9_]*)\b/g;
/** Words that give the next word as a name for what comes before: “often abbreviated”, “known as”, “called”. */
const namingPhrase = /\b(?:abbreviated|called|named|dubbed|termed|known as|short for|shortened to)(?:\s+(?:in|as|to))?[\s(“"]*$/i;

/** The names in capitals a document shows in code, found once per call. */
export function capitalNamesInCode(doc: Document): CapitalNamesInCode {
  const identifiers = new Map<string, number>();
  const named = new Map<string, { offset: number; line: number }>();
  const note = (name: string, line: number) => void (identifiers.has(name) || identifiers.set(name, line));
  visit(doc.mdast, (node) => {
    const start = node.position?.start;
    if (!start) return;
    if (node.type === 'inlineCode') {
      const name = spanName.exec(node.value.trim())?.[1];
      if (!name) return;
      if (namingPhrase.test(doc.text.slice(Math.max(0, (start.offset ?? 0) - 40), start.offset))) named.has(name) || named.set(name, { offset: start.offset ?? 0, line: start.line });
      else note(name, start.line);
    } else if (node.type === 'code') {
      for (const pattern of [blockAssignment, blockReference]) for (const match of node.value.matchAll(pattern)) note(match[1], start.line + 1 + node.value.slice(0, match.index).split('\n').length - 1);
    }
  });
  return { identifiers, named };
}
