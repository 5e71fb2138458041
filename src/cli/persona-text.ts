import type { Persona } from '../data/load-data.js';

/** `persona-lint personas`: one line each. */
export function listPersonas(personas: readonly Persona[]): string {
  const width = Math.max(...personas.map((p) => p.id.length));
  return `${personas.map((p) => `${p.id.padEnd(width)}  ${p.name} (${p.group}) — ${p.jobToBeDone}`).join('\n')}\n`;
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
  ]
    .filter(Boolean)
    .join('\n');
}
