import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';

/**
 * A new XML document. xmlbuilder2 escapes text and attributes; characters XML cannot carry
 * (control characters, lone surrogates) become U+FFFD instead of making the file unreadable.
 */
export function xmlDocument(): XMLBuilder {
  return create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '\uFFFD' });
}

/** XML parsers turn a raw newline or tab in an attribute into a space; do it here, so what is written is what is read. */
export function attribute(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ');
}

export function serialize(doc: XMLBuilder): string {
  return `${doc.end({ prettyPrint: true })}\n`;
}
