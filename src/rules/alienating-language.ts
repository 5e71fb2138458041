import type { Rule } from '../engine/rule.js';
import { packMatches, orList, suggestionFor } from './helpers/pack-matches.js';

/** The categories of rules/alienating-language.yml; test/rules/alienating-language.test.ts keeps them in step. */
export const alienatingCategories = ['condescension', 'exclusion', 'ableism', 'gatekeeping'] as const;
export type AlienatingCategory = (typeof alienatingCategories)[number];

/** A category is on (true), off (false), or on documentation pages only ('docs'). */
export type CategorySetting = boolean | 'docs';

export interface AlienatingLanguageOptions {
  /** Category → on, off or docs only; condescension is 'docs' by default, the rest true. */
  categories?: Partial<Record<AlienatingCategory, CategorySetting>>;
  /** Flag wording inside quotations (quotation marks, attributed blockquotes, labelled speech) too. */
  checkQuotations?: boolean;
}

/** How a message names each category: “simply” is condescending. */
const described: Record<AlienatingCategory, string> = {
  condescension: 'condescending',
  exclusion: 'exclusionary',
  ableism: 'ableist',
  gatekeeping: 'gatekeeping',
};

/**
 * Condescending, exclusionary, ableist and gatekeeping wording: the handbook's "Never alienate
 * other personas". Matching (phrases, inflections, sense guards) is the word pack's, shared with
 * `buzzword`; this rule only decides which categories are on and words the message.
 */
export const alienatingLanguage: Rule<AlienatingLanguageOptions> = {
  meta: {
    id: 'alienating-language',
    description: 'Flags condescending, exclusionary, ableist and gatekeeping wording, in categories that can be switched off.',
    defaultSeverity: 'warn',
    pack: { schema: 'word-pack.schema.json' },
    tonePenalty: 4,
    optionsSchema: {
      type: 'object',
      properties: {
        categories: {
          type: 'object',
          additionalProperties: false,
          properties: Object.fromEntries(alienatingCategories.map((c) => [c, { enum: [true, false, 'docs'], description: 'true: every page; false: off; "docs": documentation pages only, not articles (config `genre`).' }])),
        },
        checkQuotations: { type: 'boolean', description: 'Flag wording inside quotations (quotation marks, blockquotes with an attribution, labelled speech) too (default false).' },
      },
    },
    // Condescension is about a reader working through a task; in an article the same words are the
    // author's voice ("just run the compiler as you always would"), so it is checked on docs only.
    defaultOptions: { categories: { ...Object.fromEntries(alienatingCategories.map((c) => [c, true])), condescension: 'docs' }, checkQuotations: false },
  },
  check(context) {
    const { doc, pack, options, genre } = context;
    if (!pack) return;
    const isOff = (setting: CategorySetting | undefined) => setting === false || (setting === 'docs' && genre === 'article');
    const off = new Set(Object.entries(options.categories ?? {}).filter(([, setting]) => isOff(setting)).map(([category]) => category));
    for (const match of packMatches(pack, doc, { checkQuotations: options.checkQuotations, genre })) {
      const { entry, actual } = match;
      const { expected, fix } = suggestionFor(match, doc.text);
      // Entries added in config without a category are always on.
      if (entry.category && off.has(entry.category)) continue;
      const category = entry.category as AlienatingCategory | undefined;
      const kind = category ? described[category] : undefined;
      const what = !kind ? 'can alienate readers' : kind === category ? `is ${kind}` : `is ${kind} (${category})`;
      const instead = expected.length > 0 ? `; use ${orList(expected)} instead` : '; rephrase or delete it';
      context.report({
        message: `“${actual}” ${what}${instead}.`,
        span: match.span,
        actual,
        expected,
        note: entry.why,
        fix,
      });
    }
  },
};
