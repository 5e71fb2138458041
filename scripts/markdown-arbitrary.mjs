// Random Markdown for the property test (test/property.test.ts) and `npm run fuzz`: prose with the
// words the rules look for, Markdown syntax in any order, frontmatter, and hostile characters.
import fc from 'fast-check';

const words = ['We', 'leverage', 'synergy', 'robust', 'simply', 'just', 'guys', 'crazy', 'API', 'APIs', 'SAST', 'MR', 'CI/CD', 'static application security testing', 'compliance', 'red tape', 'security', 'costs', 'ROI', '42%', 'release', 'pipeline', 'deploy', 'the', 'a', 'team', 'é', '漢字', '🙂', 'ﬁ'];
const syntax = ['\n', '\n\n', '# ', '## ', '- ', '* ', '1. ', '> ', '**', '*', '_', '`', '```\n', '~~', '[', ']', '(', ')', '](https://example.com)', '[^1]', '[^1]: note\n', '<!-- persona-lint-disable -->', '<!-- persona-lint-disable-next-line buzzword -->\n', '<b>', '|', '| a | b |\n| --- | --- |\n', '    ', '\t', '.', ',', ';', ':', '!', '?', '"', '“', '’', '\\', '&amp;', '&#0;', '\r\n', '\u001b[31m', '\u0000', '\u202e', '\u00a0', '\ufeff'];
const frontmatter = ['', '---\npersona: release-rory\n---\n', '---\npersona: [tech-exec-tristan, nobody]\n---\n', '---\ntitle: a\n  persona: b\n---\n', '+++\npersona = "platform-perry"\n+++\n', '---\n: [\n---\n'];

/** A random Markdown document (up to a few hundred pieces). */
export const markdownDocument = fc
  .tuple(
    fc.constantFrom(...frontmatter),
    fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...words).map((w) => `${w} `) }, { weight: 4, arbitrary: fc.constantFrom(...syntax) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), { maxLength: 300 }),
  )
  .map(([head, parts]) => head + parts.join(''));

/** 1-based line and column → offset, for checking that a message points at its text. */
export function offsetAt(text, line, column) {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return -1;
    offset = next + 1;
  }
  return offset + column - 1;
}

/**
 * The span's text is the flagged text: the same, or for a phrase its words in order from the first
 * to the last (a phrase's \`actual\` joins its words with single spaces across line breaks,
 * emphasis marks or an emoji between them).
 */
function showsPhrase(flagged, actual) {
  if (flagged === actual) return true;
  const words = actual.split(/\s+/).filter(Boolean);
  if (words.length < 2 || !flagged.startsWith(words[0]) || !flagged.endsWith(words[words.length - 1])) return false;
  let at = 0;
  for (const word of words) {
    const found = flagged.indexOf(word, at);
    if (found < 0) return false;
    at = found + word.length;
  }
  return true;
}

/** Problems with one result's positions, as strings; empty when every message is inside `text` and points at its `actual`. */
export function positionProblems(given, result) {
  // Positions are in the text after a leading byte order mark, which lintText drops.
  const text = given.replace(/^\uFEFF/, '');
  const problems = [];
  const lines = text.split('\n');
  for (const m of result.messages) {
    if (m.fatal) problems.push(`fatal: ${m.message}`);
    if (m.line === null) continue;
    const where = `${m.ruleId} ${m.line}:${m.column}-${m.endLine}:${m.endColumn}`;
    if (m.line < 1 || m.endLine > lines.length || m.endLine < m.line) problems.push(`${where}: lines outside the document (${lines.length} lines)`);
    else if (m.column < 1 || m.column > lines[m.line - 1].length + 1 || m.endColumn > lines[m.endLine - 1].length + 1 || (m.endLine === m.line && m.endColumn < m.column)) problems.push(`${where}: columns outside the line`);
    else if (m.actual !== null) {
      const flagged = text.slice(offsetAt(text, m.line, m.column), offsetAt(text, m.endLine, m.endColumn));
      if (!showsPhrase(flagged, m.actual)) problems.push(`${where}: points at ${JSON.stringify(flagged)}, not ${JSON.stringify(m.actual)}`);
    }
  }
  return problems;
}
