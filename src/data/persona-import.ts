import type { Root, RootContent, List, ListItem } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Persona } from './load-data.js';
import { schemaValidator, describeErrors } from '../core/schema.js';

/**
 * `persona-lint personas import <page.md>`: a persona page written like GitLab's buyer-persona
 * handbook (a heading per persona, then bullets such as **Job To Be Done:**, **Goals &
 * Objectives:**, **Gains Information by:**) to persona profiles. What the page says is copied;
 * what a profile needs and a page does not say (key concept phrases, reading age...) is listed
 * for a person to fill.
 */

type ListField = 'summary' | 'titles' | 'reportsTo' | 'responsibilities' | 'measuredBy' | 'goals' | 'motivations' | 'challenges';

/** Bold field labels as persona pages write them (lowercase, without the colon) → profile field. */
const fieldLabels: Record<string, 'jobToBeDone' | ListField | 'channels' | 'purchasingRoles'> = {
  'job to be done': 'jobToBeDone',
  summary: 'summary',
  'potential titles': 'titles',
  titles: 'titles',
  'reports to': 'reportsTo',
  'job responsibilities': 'responsibilities',
  responsibilities: 'responsibilities',
  'job is measured by': 'measuredBy',
  'measured by': 'measuredBy',
  'goals & objectives': 'goals',
  'goals and objectives': 'goals',
  goals: 'goals',
  'motivated by': 'motivations',
  motivations: 'motivations',
  'biggest challenges': 'challenges',
  challenges: 'challenges',
  'gains information by': 'channels',
  channels: 'channels',
  'purchasing roles': 'purchasingRoles',
  'purchasing role': 'purchasingRoles',
};

/** Fields a page gives as one line with " / " between the entries. */
const slashLists = new Set<string>(['titles', 'reportsTo', 'measuredBy']);

/** Words in a channel entry → the content-type id of persona.schema.json. First match wins. */
const contentTypes: [RegExp, string][] = [
  [/analyst/i, 'analyst-report'],
  [/press|announcement/i, 'press-release'],
  [/blog/i, 'blog-post'],
  [/case stud/i, 'case-study'],
  [/conference|preso|presentation/i, 'conference-presentation'],
  [/ebook/i, 'ebook'],
  [/newsletter|email/i, 'newsletter'],
  [/event|meetup/i, 'event'],
  [/infographic/i, 'infographic'],
  [/peer review/i, 'peer-review-site'],
  [/podcast/i, 'podcast'],
  [/reference|testimonial/i, 'customer-reference'],
  [/research report/i, 'research-report'],
  [/social/i, 'social-media'],
  [/video stor/i, 'video-story'],
  [/video|demo/i, 'technical-video'],
  [/webinar/i, 'webinar'],
  [/website/i, 'website'],
  [/whitepaper|white paper/i, 'whitepaper'],
  [/\bdocs\b|documentation/i, 'docs'],
];

const purchasingRoles: [RegExp, Persona['purchasingRoles'][number]][] = [
  [/influencer/i, 'influencer'],
  [/initiator|identifier/i, 'initiator'],
  [/researcher/i, 'researcher'],
  // Pages misspell it ("Decison-Maker" in the handbook).
  [/deci?si?on[- ]?maker(?!.*renewal)/i, 'decision-maker'],
  [/renewal/i, 'decision-maker-renewals'],
];

/** Profile fields a page like the handbook does not give: the report lists them per profile. */
const neverOnThePage = ['keyConcepts', 'technicalDepth', 'readingAge', 'groupNames', 'vocabulary'] as const;

export interface ImportedProfile {
  /** The profile's fields that the page gave. */
  profile: Partial<Persona> & { id: string; name: string };
  /** Required fields still to fill, with what the page suggests for them. */
  unfilled: string[];
  /** Page entries that map to nothing (a channel without a content type, an unknown field). */
  notes: string[];
  line: number;
}

export interface ImportResult {
  profiles: ImportedProfile[];
  /** Mistakes that stop the import: nothing is written when there is one. */
  problems: string[];
}

/** Plain punctuation and single spaces, as profile files are written. */
function clean(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/ – /g, ' - ').replace(/\s+/g, ' ').trim();
}

function kebab(text: string): string {
  return clean(text).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** A list item's own text: its first paragraph, without nested lists. */
function itemText(item: ListItem): string {
  const first = item.children.find((child) => child.type === 'paragraph');
  return first ? clean(toString(first)) : '';
}

/** The bold label that starts a list item (`**Job To Be Done:**`), or null. */
function fieldLabel(item: ListItem): string | null {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph' || first.children[0]?.type !== 'strong') return null;
  return clean(toString(first.children[0])).replace(/:$/, '').trim().toLowerCase();
}

/** The entries under a field: its nested list, else the ordered list that follows it (purchasing roles). */
function entriesOf(item: ListItem, next: RootContent | undefined): string[] {
  const nested = item.children.find((child): child is List => child.type === 'list');
  if (nested) return nested.children.map(itemText).filter(Boolean);
  if (next?.type === 'list' && next.ordered) return next.children.map(itemText).filter(Boolean);
  return [];
}

/** `Efficiency / Productivity / (KPIs vary by Division)` → three entries, the aside without its brackets. */
function splitSlashes(entries: string[]): string[] {
  return entries.flatMap((entry) => entry.split(/\s*\/\s*/)).map((part) => part.trim().replace(/^\((.*)\)$/, '$1')).filter(Boolean);
}

/** Groups as the page's table of contents names them: `[CIO](#tech-exec-tristan)`. */
function groupsByAnchor(tree: Root): Map<string, string> {
  const groups = new Map<string, string>();
  const visit = (node: { type: string; url?: string; children?: unknown[] }) => {
    if (node.type === 'link' && node.url?.startsWith('#')) groups.set(node.url.slice(1), clean(toString(node as never)));
    for (const child of (node.children ?? []) as { type: string }[]) visit(child);
  };
  visit(tree as never);
  return groups;
}

/** Reads the personas from a page; every problem is collected, so one run lists them all. */
export function importPersonas(text: string): ImportResult {
  const tree = unified().use(remarkParse).parse(text) as Root;
  const groups = groupsByAnchor(tree);
  const profiles: ImportedProfile[] = [];
  const problems: string[] = [];
  const nodes = tree.children;
  for (let i = 0; i < nodes.length; i++) {
    const heading = nodes[i];
    if (heading.type !== 'heading') continue;
    let end = i + 1;
    while (end < nodes.length && nodes[end].type !== 'heading') end++;
    const section = nodes.slice(i + 1, end);
    const fields = new Map<string, { entries: string[]; line: number }>();
    const notes: string[] = [];
    section.forEach((node, k) => {
      if (node.type !== 'list') return;
      for (const item of node.children) {
        const label = fieldLabel(item);
        if (label === null) continue;
        const line = item.position?.start.line ?? 0;
        if (fieldLabels[label] === undefined) notes.push(`line ${line}: field "${label}" is not a profile field; left out`);
        else fields.set(label, { entries: entriesOf(item, section[k + 1]), line });
      }
    });
    // A heading without bold fields is not a persona (an introduction, a list of content types).
    if (fields.size === 0) continue;
    const name = clean(toString(heading));
    const line = heading.position?.start.line ?? 0;
    const imported = readProfile(name, fields, groups, notes);
    for (const problem of imported.problems) problems.push(`line ${line} (${name}): ${problem}`);
    profiles.push({ profile: imported.profile, unfilled: imported.unfilled, notes, line });
  }
  if (profiles.length === 0) {
    problems.push('no persona found: expected a heading per persona followed by a bulleted list of bold fields such as "* **Job To Be Done:**" with the answers as nested bullets');
  }
  const seen = new Map<string, number>();
  for (const { profile, line } of profiles) {
    if (seen.has(profile.id)) problems.push(`line ${line}: persona id "${profile.id}" is also the id of the persona at line ${seen.get(profile.id)}`);
    else seen.set(profile.id, line);
  }
  return { profiles, problems };
}

function readProfile(name: string, fields: Map<string, { entries: string[]; line: number }>, groups: Map<string, string>, notes: string[]) {
  const id = kebab(name);
  const profile: ImportedProfile['profile'] = { id, name };
  const problems: string[] = [];
  const firstName = id.split('-').pop();
  if (firstName) profile.aliases = [firstName];
  const group = groups.get(id);
  if (group) profile.group = group;
  for (const [label, { entries, line }] of fields) {
    const field = fieldLabels[label];
    if (entries.length === 0) {
      problems.push(`field "${label}" at line ${line} has no entries (write them as nested bullets under it)`);
      continue;
    }
    if (field === 'jobToBeDone') profile.jobToBeDone = entries.join(' ');
    else if (field === 'channels') readChannels(profile, entries, notes);
    else if (field === 'purchasingRoles') {
      const roles = [...new Set(entries.flatMap((entry) => purchasingRoles.filter(([pattern]) => pattern.test(entry)).map(([, role]) => role)))];
      if (roles.length > 0) profile.purchasingRoles = roles;
      else notes.push(`purchasing roles "${entries.join('", "')}" name no known role`);
    } else profile[field] = slashLists.has(field) ? splitSlashes(entries) : entries;
  }
  if (!profile.jobToBeDone) problems.push('no "Job To Be Done" field: every persona needs one');
  const concepts = (profile.summary ?? []).find((line) => /^key messaging concepts?\b/i.test(line));
  const unfilled: string[] = [];
  for (const key of ['group', 'summary', 'titles', 'reportsTo', 'responsibilities', 'measuredBy', 'goals', 'motivations', 'challenges', 'channels', 'internalInfluencers', 'purchasingRoles'] as const) {
    if (profile[key] === undefined) unfilled.push(key);
  }
  for (const key of neverOnThePage) {
    if (key === 'keyConcepts' && concepts) unfilled.push(`keyConcepts (the page's key messaging concepts: ${concepts.replace(/^[^:]*:\s*/, '')})`);
    else unfilled.push(key);
  }
  // What the page gave must already be valid: only the missing fields may be reported.
  const validate = schemaValidator('persona.schema.json');
  if (!validate(profile)) {
    for (const error of describeErrors(validate.errors?.filter((e) => !(e.keyword === 'required' && e.instancePath === '')))) problems.push(error);
  }
  return { profile, unfilled, problems };
}

function readChannels(profile: ImportedProfile['profile'], entries: string[], notes: string[]): void {
  const channels: Persona['channels'] = { primary: [], secondary: [], tertiary: [] };
  for (const entry of entries) {
    const match = /^(primary|secondary|tertiary|internal influencers)\s*:\s*(.*)$/i.exec(entry);
    if (!match) {
      notes.push(`channel entry "${entry}" is not "Primary:", "Secondary:", "Tertiary:" or "Internal Influencers:"; left out`);
      continue;
    }
    const parts = splitSlashes([match[2]]);
    const tier = match[1].toLowerCase();
    if (tier === 'internal influencers') {
      profile.internalInfluencers = parts;
      continue;
    }
    for (const part of parts) {
      const type = contentTypes.find(([pattern]) => pattern.test(part))?.[1];
      if (!type) notes.push(`channel "${part}" has no content type; left out`);
      else if (!channels[tier as keyof Persona['channels']].includes(type as never)) channels[tier as keyof Persona['channels']].push(type as never);
    }
  }
  profile.channels = channels;
}
