import type { Rule } from '../engine/rule.js';
import type { Span } from '../core/position.js';
import type { Document } from '../text/document.js';
import { channelNames, channelOf, channelTier } from '../scoring/channels.js';

/** Where `content_type` sits in the frontmatter, for the message's position. */
function contentTypeSpan(doc: Document, value: string): Span | null {
  const fm = doc.frontmatter;
  if (!fm) return null;
  const lines = doc.text.split('\n');
  for (let i = fm.position.start.line - 1; i < fm.position.end.line && i < lines.length; i++) {
    if (!/^\s*content_type\s*[:=]/.test(lines[i])) continue;
    const at = lines[i].indexOf(value, lines[i].search(/[:=]/));
    const column = at >= 0 ? at + 1 : 1;
    const endColumn = at >= 0 ? column + value.length : lines[i].length + 1;
    return { start: { line: i + 1, column, offset: 0 }, end: { line: i + 1, column: endColumn, offset: 0 } };
  }
  return null;
}

const listChannels = (ids: readonly string[]) => (ids.length === 0 ? 'none' : ids.map((id) => channelNames[id] ?? id).join(', '));

/** The content type in the frontmatter is a channel the declared persona rarely uses. */
export const channelFit: Rule = {
  meta: {
    id: 'channel-fit',
    description: "Notes when the frontmatter content_type is a channel the declared persona rarely uses (tertiary or not in the profile).",
    defaultSeverity: 'info',
  },
  check({ doc, targetPersonas, report }) {
    const value = doc.frontmatter?.data.content_type;
    if (typeof value !== 'string' || value.trim() === '') return;
    const span = contentTypeSpan(doc, value);
    const channel = channelOf(value);
    if (!channel) {
      report({
        message: `Unknown content_type “${value}”; channel-fit knows: ${Object.keys(channelNames).join(', ')}.`,
        span,
        actual: value,
      });
      return;
    }
    for (const persona of targetPersonas) {
      const tier = channelTier(persona, channel);
      if (tier === 'primary' || tier === 'secondary') continue;
      const how = tier === 'tertiary' ? 'rarely learns from' : 'is not known to learn from';
      const why = tier === 'tertiary' ? 'a tertiary channel in the profile' : "not among the profile's channels";
      report({
        message: `${persona.name} ${how} ${channelNames[channel]} (${why}); main channels: ${listChannels(persona.channels.primary)}.`,
        span,
        actual: value,
        expected: persona.channels.primary,
        note: `${persona.name}'s channels: primary ${listChannels(persona.channels.primary)}; secondary ${listChannels(persona.channels.secondary)}; tertiary ${listChannels(persona.channels.tertiary)}.`,
        persona: persona.id,
      });
    }
  },
};
