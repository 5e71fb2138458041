import { closest, distance } from 'fastest-levenshtein';
import type { Rule } from '../engine/rule.js';
import { findPersona, personaNames } from '../data/find-persona.js';

/** The frontmatter must parse, and the personas it names must exist: a typo would silently score the wrong page. */
export const frontmatter: Rule = {
  meta: {
    id: 'frontmatter',
    description: 'Reports frontmatter that does not parse and unknown persona names in it, with a did-you-mean.',
    defaultSeverity: 'error',
  },
  check({ doc, personas, report }) {
    const fm = doc.frontmatter;
    if (!fm) return;
    const firstLine = { start: fm.position.start, end: { ...fm.position.start, column: doc.text.split('\n', 1)[0].length + 1, offset: fm.position.start.offset + doc.text.split('\n', 1)[0].length } };
    if (fm.error) {
      report({ message: `Frontmatter is not valid ${fm.format.toUpperCase()}: ${fm.error}`, span: firstLine });
      return;
    }
    if (fm.data.persona === undefined) return;
    const names = personaNames(fm.data.persona);
    const lines = doc.text.split('\n');
    const keyLine = lines.findIndex((line, i) => i >= fm.position.start.line - 1 && i < fm.position.end.line && /^\s*persona\s*[:=]/.test(line));
    const line = keyLine >= 0 ? keyLine + 1 : fm.position.start.line;
    const lineText = lines[line - 1] ?? '';
    const candidates = personas.flatMap((p) => [p.id, ...p.aliases]);
    for (const name of names) {
      if (findPersona(name, personas)) continue;
      // A YAML list puts each name on a line of its own below the key.
      let nameLine = line;
      for (let i = line - 1; i < fm.position.end.line - 1; i++) {
        if (i > line - 1 && !/^\s*-/.test(lines[i])) break;
        if (lines[i].includes(name)) {
          nameLine = i + 1;
          break;
        }
      }
      const nameText = lines[nameLine - 1] ?? '';
      const at = nameText.indexOf(name, nameLine === line ? nameText.search(/[:=]/) + 1 : 0);
      const column = at >= 0 ? at + 1 : 1;
      const endColumn = at >= 0 ? column + name.length : nameText.length + 1;
      const guess = closest(name.toLowerCase(), candidates);
      const suggestion = guess && distance(name.toLowerCase(), guess) <= Math.max(2, Math.floor(name.length / 3)) ? findPersona(guess, personas)?.id : undefined;
      report({
        message: `Unknown persona “${name}”${suggestion ? `; did you mean “${suggestion}”?` : '.'} Known: ${personas.map((p) => p.id).join(', ')}.`,
        span: { start: { line: nameLine, column, offset: 0 }, end: { line: nameLine, column: endColumn, offset: 0 } },
        actual: name,
        expected: suggestion ? [suggestion] : [],
      });
    }
    if (names.length === 0) {
      report({ message: 'Frontmatter `persona` must be a persona id or alias, or a list of them.', span: { start: { line, column: 1, offset: 0 }, end: { line, column: lineText.length + 1, offset: 0 } } });
    }
  },
};
