import type { Persona } from '../data/load-data.js';
import { hangingLines } from '../reporters/terminal-width.js';

/** `persona-lint personas`: each persona's id, name, group and job, then the aliases `--persona` accepts, wrapped to `width`. */
export function listPersonas(personas: readonly Persona[], width: number): string {
  const idWidth = Math.max(...personas.map((p) => p.id.length));
  const lines = personas.flatMap((p) => {
    const [first, ...rest] = hangingLines(`${p.name} (${p.group}): ${p.jobToBeDone}`, width, idWidth + 2, idWidth + 2);
    const aliases = p.aliases.length > 0 ? hangingLines(`aliases: ${p.aliases.join(', ')}`, width, idWidth + 2, idWidth + 4) : [];
    return [`${p.id.padEnd(idWidth)}  ${first.trimStart()}`, ...rest, ...aliases];
  });
  return `${lines.join('\n')}\n\n${hangingLines('--persona and frontmatter `persona:` take an id or any of its aliases, in any case.', width, 0, 0).join('\n')}\n`;
}

function section(title: string, items: readonly string[]): string {
  return items.length === 0 ? '' : `${title}:\n${items.map((i) => `  - ${i}`).join('\n')}\n`;
}

/** `persona-lint personas <id>`: the whole profile, readable. */
export function describePersona(p: Persona): string {
  return [
    `${p.name} (${p.id})\n`,
    `Group: ${p.group}    Aliases: ${p.aliases.join(', ')}    Technical depth: ${p.technicalDepth}    Reading age: ${p.readingAge}\n`,
    `Job to be done: ${p.jobToBeDone}\n`,
    section('Summary', p.summary),
    section('Titles', p.titles),
    section('Reports to', p.reportsTo),
    section('Responsibilities', p.responsibilities),
    section('Measured by', p.measuredBy),
    section('Goals', p.goals),
    section('Motivated by', p.motivations),
    section('Challenges', p.challenges),
    section('Channels', [`primary: ${p.channels.primary.join(', ')}`, `secondary: ${p.channels.secondary.join(', ')}`, `tertiary: ${p.channels.tertiary.join(', ') || '(none)'}`]),
    section('Internal influencers', p.internalInfluencers),
    section('Purchasing roles', p.purchasingRoles),
    section('Key concepts', p.keyConcepts.map((c) => `${c.label}: ${c.phrases.join(', ')} — ${c.why}`)),
    p.knownAcronyms?.length ? `Known acronyms (undefined-acronym leaves them alone on pages for this persona):\n  ${p.knownAcronyms.join(', ')}\n` : '',
  ]
    .filter(Boolean)
    .join('\n');
}
