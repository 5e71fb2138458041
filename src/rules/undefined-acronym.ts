import type { Rule, Report } from '../engine/rule.js';
import type { Persona } from '../data/load-data.js';
import type { Document } from '../text/document.js';
import type { Genre } from '../text/genre.js';
import { findAcronymUses, newParts, type AcronymUse } from './helpers/acronym-uses.js';
import { spelledOutRuns, type SpelledOut } from './helpers/acronym-initials.js';
import { addressLink, profileLink } from './helpers/acronym-contexts.js';
import { debianAcronyms } from '../data/debian-acronyms.js';
import { pageAudience } from '../scoring/audience.js';

export interface UndefinedAcronymOptions {
  /** Your team's acronyms that readers know, added to the built-in lists. */
  allow?: string[];
  /** Glossary files (Markdown pages or term lists), relative to the config file that names them. */
  glossary?: string[];
  /** The acronyms the glossary files define: filled in by the config loader, not written by hand. */
  glossaryTerms?: string[];
  /** Report errors, not warnings, in documents written for a persona whose technicalDepth is business. */
  raiseForBusiness?: boolean;
  /** Leave alone the acronyms the page's readers know (personas' knownAcronyms): declared, else a near-certain best fit. Default true. */
  audience?: boolean;
  /** Report acronyms the page never expands: true (every page, the default), false (only uses before a later expansion), "docs" (documentation pages only). */
  unexpanded?: boolean | 'docs';
}

/** rules/undefined-acronym.yml: an acronym sits in one list only. */
export interface AcronymLists {
  rule: string;
  common: Record<string, string>;
  technical: Record<string, string>;
  notAcronyms: string[];
}

/**
 * Which list makes an acronym known to every reader of a document, or null. `debian`: the
 * acronyms many Debian package descriptions use unexplained (rules/acronyms/), for technical readers.
 * `audience`: the knownAcronyms of every persona the page is written for.
 */
export type KnownBy = 'common' | 'technical' | 'allow' | 'glossary' | 'debian' | 'audience';

/** A function telling whether (and why) an acronym is known, for these options, target personas and the page's audience (pageAudience). */
export function knownAcronyms(lists: AcronymLists, options: UndefinedAcronymOptions, technicalReaders: boolean, audience: readonly Persona[] = [], debian: Record<string, number> = debianAcronyms().acronyms): (acronym: string) => KnownBy | null {
  const allow = new Set(options.allow ?? []);
  const glossary = new Set(options.glossaryTerms ?? []);
  const vocabularies = audience.map((persona) => new Set(persona.knownAcronyms ?? []));
  const byAudience = (acronym: string) => vocabularies.length > 0 && vocabularies.every((known) => known.has(acronym));
  const technical = (acronym: string): KnownBy | null => (!technicalReaders ? null : acronym in lists.technical ? 'technical' : Object.hasOwn(debian, acronym) ? 'debian' : null);
  const one = (acronym: string): KnownBy | null => (acronym in lists.common ? 'common' : allow.has(acronym) ? 'allow' : glossary.has(acronym) ? 'glossary' : technical(acronym) ?? (byAudience(acronym) ? 'audience' : null));
  return (acronym) => one(acronym) ?? (acronym.includes('/') && acronym.split('/').every(one) ? one(acronym.split('/')[0]) : null);
}

/** The personas whose knownAcronyms count on this page: its readers (pageAudience), none with `audience: false`. */
export function acronymReaders(doc: Document, options: UndefinedAcronymOptions, personas: readonly Persona[], declared: readonly Persona[]): readonly Persona[] {
  return options.audience === false ? [] : pageAudience(doc, personas, declared);
}

/** The list that knows an acronym, as the acronyms command and the rule's reasons name it: “common list”, “Debian descriptions (118 packages)”, “the readers' vocabulary (platform-perry)”. */
export function knownByLabel(by: KnownBy, acronym: string, audience: readonly Persona[] = []): string {
  const counts = debianAcronyms().acronyms;
  if (by === 'audience') return `the readers' vocabulary (${audience.map((p) => p.id).join(', ')})`;
  return by === 'debian' ? `Debian descriptions (${counts[acronym] ?? counts[acronym.split('/')[0]] ?? 0} packages)` : `${by} list`;
}

/**
 * An acronym used before the document expands it loses the readers who do not know it: Back
 * Office Blake, and Tech Exec Tristan in business content. Flags the first use only.
 */
export const undefinedAcronym: Rule<UndefinedAcronymOptions> = {
  meta: {
    id: 'undefined-acronym',
    description: 'Flags the first use of an acronym that the document has not expanded yet; errors in documents for business personas.',
    defaultSeverity: 'warn',
    lists: { schema: 'acronyms.schema.json' },
    optionsSchema: {
      type: 'object',
      properties: {
        allow: { type: 'array', items: { type: 'string', pattern: '^[A-Z]{2,6}$' } },
        glossary: { type: 'array', items: { type: 'string', minLength: 1 } },
        raiseForBusiness: { type: 'boolean' },
        audience: { type: 'boolean', description: 'Leave alone the acronyms the page’s readers know: the knownAcronyms of the personas it is written for (declared, else its best fit when relevance is near certain of it). Default true.' },
        unexpanded: { enum: [true, false, 'docs'], description: 'Report acronyms the page never expands or spells out. true: on every page (default); false: only acronyms used before the page expands them; "docs": on documentation pages, not articles (config `genre`).' },
      },
    },
    defaultOptions: { allow: [], glossary: [], raiseForBusiness: true, audience: true, unexpanded: true },
  },
  check(context) {
    const { doc, options, targetPersonas, genre } = context;
    const lists = context.lists as unknown as AcronymLists;
    const business = targetPersonas.filter((p) => p.technicalDepth === 'business');
    const audience = acronymReaders(doc, options, context.personas, targetPersonas);
    const known = knownAcronyms(lists, options, business.length === 0, audience);
    const uses = findAcronymUses(doc, new Set(lists.notAcronyms));
    for (const verdict of acronymVerdicts(uses, doc, known, audience)) {
      if (reported(verdict, options, genre)) context.report(report(verdict.use, verdict.later, verdict.laterRun, business, options.raiseForBusiness !== false));
    }
  },
};

/** Whether the rule reports a verdict: a use before the page's expansion always, one it never expands per option `unexpanded`. */
export function reported(verdict: AcronymVerdict, options: UndefinedAcronymOptions, genre: Genre): boolean {
  const unexpanded = options.unexpanded === 'docs' ? genre === 'docs' : options.unexpanded !== false;
  return verdict.skipped === null && (unexpanded || verdict.later !== undefined || verdict.laterRun !== undefined);
}

/** A use and what the rule makes of it: reported (skipped null, `later` its expansion if any) or skipped, and why. */
export interface AcronymVerdict {
  use: AcronymUse;
  later?: AcronymUse;
  /** Words spelling the acronym by their initials, later in the document. */
  laterRun?: SpelledOut;
  skipped: string | null;
}

/**
 * What the rule makes of each use, in order: the first bare use of an acronym not known or expanded
 * is reported, at the first place the reader meets it outside headings and quotations (“the GitLab
 * MCP server” counts once the acronym is flagged).
 */
export function acronymVerdicts(uses: readonly AcronymUse[], doc: Document, known: (acronym: string) => KnownBy | null, audience: readonly Persona[] = []): AcronymVerdict[] {
  const verdicts: AcronymVerdict[] = [];
  // Runs of words spelling an acronym by their initials: only looked for once a use would be flagged.
  let runs: Map<string, SpelledOut[]> | undefined;
  const spelled = (acronym: string) => {
    runs ??= spelledOutRuns(doc, new Set(uses.flatMap((u) => u.parts.map((part) => part.acronym))));
    return runs.get(acronym) ?? [];
  };
  // Why a later use is no first use: expanded or flagged already.
  const done = new Map<string, string>();
  // Each acronym's expansions in document order, so a use looks up its own, not every occurrence.
  const definitions = new Map<string, AcronymUse[]>();
  for (const use of uses) {
    if (!use.defined) continue;
    const list = definitions.get(use.acronym);
    if (list) list.push(use);
    else definitions.set(use.acronym, [use]);
  }
  // Debian's descriptions and the readers' vocabulary are evidence from outside the page: a page
  // that expands the acronym itself means its own sense, or expects readers who need it.
  const knownHere = (acronym: string) => {
    const by = known(acronym);
    return (by === 'debian' || by === 'audience') && definitions.has(acronym) ? null : by;
  };
  const written = new Set(uses.map((use) => use.acronym));
  // The first use ending a name (“Windows XP”), where the reader meets an acronym flagged later.
  const firstInName = new Map<string, number>();
  for (const whole of uses) {
    const skip = (skipped: string, use = whole) => void verdicts.push({ use, skipped });
    const earlier = done.get(whole.acronym);
    const by = knownHere(whole.acronym);
    // An expansion in a heading counts; a bare use in a heading is not the first use.
    if (earlier) skip(earlier);
    else if (whole.defined) {
      done.set(whole.acronym, `expanded earlier (line ${whole.token.start.line})`);
      skip(whole.because ?? 'expanded at this use');
    } else if (whole.passive) {
      if (whole.named && !firstInName.has(whole.acronym)) firstInName.set(whole.acronym, verdicts.length);
      skip(whole.because ?? 'passive');
    } else if (by) skip(`known: ${knownByLabel(by, whole.acronym, audience)}`);
    else if (capitalPlural(whole, (acronym) => knownHere(acronym) !== null || definitions.has(acronym), written)) skip('the plural of an acronym known or expanded on the page, written in capitals (IDES)');
    else if (whole.hyphenated && whole.parts.some((part) => knownHere(part.acronym))) skip('one name of two parts joined by a hyphen, one part known (US-CERT)');
    else {
      // "UTMs/URLs" with URL known, or after UTM was expanded: only the other part is new.
      const fresh = newParts(whole, (part) => !knownHere(part) && !done.has(part));
      if (fresh.length < whole.parts.length) skip('a compound whose other parts are known or expanded');
      for (const bare of fresh) {
        const named = bare.parts.length === 1 ? firstInName.get(bare.acronym) : undefined;
        const use = named === undefined ? bare : verdicts[named].use;
        // "Windows XP … build for XP": two capitals after a name are that name's short form. Three
        // or more may be an acronym of their own ("the GitLab MCP server … the MCP"), still flagged.
        if (named !== undefined && bare.acronym.length === 2) {
          skip(`the short form of a name used earlier (line ${use.token.start.line})`, bare);
          continue;
        }
        done.set(use.acronym, `not the first use (line ${use.token.start.line})`);
        for (const part of use.parts.length > 1 ? use.parts : []) done.set(part.acronym, `used earlier in the compound “${use.text}” (line ${use.token.start.line})`);
        const after = definitions.get(use.acronym)?.filter((o) => o.token.start.offset > use.token.start.offset) ?? [];
        // "[QNX docs](https://…/qnx.html)" later: a link's address is no expansion the reader sees, so
        // it neither explains a use before it nor makes the message say "explained on line N".
        const later = after.find((o) => o.because !== addressLink && o.because !== profileLink);
        // "**MIR**: MIR stands for mid-level IR": the expansion follows at once.
        if (later && /^[\s*_:,–—-]*$/.test(doc.text.slice(bare.end.end.offset, later.token.start.offset))) {
          skip('the expansion follows at once', bare);
          continue;
        }
        // "X and SDLC trends measure the software development lifecycle (SDLC)": the reader has it by the sentence's end.
        if (later && later.sentence === use.sentence) {
          skip('expanded later in the same sentence', bare);
          continue;
        }
        // "the Rust Language Server … the RLS": spelled out before, by its initials. Two letters
        // are spelled by many pairs of words, so only a run within a few lines counts for them.
        const run = spelled(use.acronym).filter((r) => use.acronym.length > 2 || Math.abs(r.token.start.line - use.token.start.line) <= nearLines);
        const before = run.find((r) => r.token.start.offset < use.token.start.offset);
        // "a stable interface to MIR, rustc's middle intermediate representation": spelled out by the sentence's end.
        if (!before && run.some((r) => r.sentence === use.sentence && r.token.start.offset > use.token.start.offset)) {
          skip('spelled out later in the same sentence', bare);
          continue;
        }
        if (named !== undefined) skip(`not the first use (line ${use.token.start.line}, the end of a name)`, bare);
        const verdict = before ? { use, skipped: `spelled out earlier by its initials (line ${before.token.start.line}, “${before.words}”)` } : { use, later, laterRun: run[0], skipped: null };
        if (named === undefined) verdicts.push(verdict);
        else verdicts[named] = verdict;
      }
    }
  }
  return verdicts;
}

/**
 * "IDES" on a page that also writes "IDE" or "IDEs": a word in capitals ending in S, whose letters
 * before the S are an acronym the page uses on its own and that is known or expanded on the page, is
 * that acronym's plural with its "s" capitalized too. Without the singular on the page it is an acronym of its own ("CVSS" is not
 * the plural of CVS).
 */
function capitalPlural(use: AcronymUse, explained: (acronym: string) => boolean, written: ReadonlySet<string>): boolean {
  const { acronym, text, parts } = use;
  const base = acronym.slice(0, -1);
  return parts.length === 1 && text === acronym && acronym.length >= 3 && acronym.endsWith('S') && written.has(base) && explained(base);
}

/** How far, in lines, the words spelling a two-letter acronym may be from its use. */
const nearLines = 20;

function report(occurrence: AcronymUse, later: AcronymUse | undefined, laterRun: SpelledOut | undefined, business: readonly Persona[], raise: boolean): Report {
  const { acronym, token, text } = occurrence;
  const expanded = later?.longForm ? `${later.longForm} (${later.text})` : null;
  const where = !later
    ? laterRun
      ? `is used before it is spelled out (line ${laterRun.token.start.line}, “${laterRun.words}”); spell it out at its first use`
      : occurrence.parts.length > 1 && !occurrence.hyphenated
        ? // "STIG/CIS" is two acronyms, "MC/DC" one term of two: no one template fits both, so no example.
          `is not expanded in this document; spell out ${occurrence.parts.map((part) => `“${part.acronym}”`).join(' and ')} at the first use`
        : `is not expanded in this document; spell it out at its first use, e.g. “full name (${occurrence.hyphenated ? text : acronym})”`
    : expanded
      ? `is used before it is expanded on line ${later.token.start.line}; expand it here: “${expanded}”`
      : `is used before it is explained on line ${later.token.start.line}; explain it at its first use`;
  const who = business.length > 0 ? ` Readers like ${business.map((p) => p.id).join(' and ')} may not know it.` : '';
  return {
    message: `“${text}” ${where}.${who}`,
    span: { start: token.start, end: occurrence.end.end },
    actual: text,
    expected: expanded ? [expanded] : [],
    note: 'Spell an acronym out at its first use, with the acronym in parentheses, so readers who do not know it can follow.',
    ...(business.length > 0 ? { persona: business[0].id } : {}),
    ...(business.length > 0 && raise ? { severity: 'error' as const } : {}),
  };
}
