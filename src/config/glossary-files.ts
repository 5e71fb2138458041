import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError } from '../core/errors.js';
import { displayPath } from '../core/paths.js';
import { loadRuleLists } from '../data/rule-lists.js';
import { glossaryPageTerms, isMarkdownGlossary, termListTerms } from '../rules/helpers/glossary.js';
import type { AcronymLists } from '../rules/undefined-acronym.js';
import type { RuleSetting, UserConfig } from './user-config.js';

// undefined-acronym's `glossary`: files read when the config is loaded, so every file linted
// with it knows their terms, and the cache key (the effective options) follows their content.

const ruleId = 'undefined-acronym';

/** The acronyms of one glossary file; a file that cannot be read is a config error naming the key. */
function termsOf(path: string, key: string, shown: string, configFile: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'it is a directory' : err.message.split('\n')[0];
    throw new ConfigError(configFile, [`${key}: cannot read the glossary ${shown}: ${why}`]);
  }
  if (!isMarkdownGlossary(path)) return termListTerms(text);
  const lists = loadRuleLists(ruleId, 'acronyms.schema.json') as unknown as AcronymLists;
  return glossaryPageTerms(path, text, new Set(lists.notAcronyms));
}

function withTerms(setting: RuleSetting | undefined, key: string, source: string): RuleSetting | undefined {
  if (!Array.isArray(setting) || !setting[1]?.glossary) return setting;
  const options = setting[1];
  const files = options.glossary as string[];
  const terms = files.flatMap((file, i) => termsOf(resolve(dirname(source), file), `${key}[1].glossary[${i}]`, file, displayPath(source)));
  return [setting[0], { ...options, glossaryTerms: [...new Set(terms)].sort() }];
}

/**
 * The config with each `undefined-acronym` setting that names glossary files given the terms they
 * define (`glossaryTerms`), paths read relative to `source`, the config file that names them.
 */
export function readGlossaries(config: UserConfig, source: string): UserConfig {
  const rules = (settings: UserConfig['rules'], key: string) =>
    settings?.[ruleId] === undefined ? settings : { ...settings, [ruleId]: withTerms(settings[ruleId], `${key}.${ruleId}`, source)! };
  return {
    ...config,
    ...(config.rules && { rules: rules(config.rules, 'rules') }),
    ...(config.overrides && { overrides: config.overrides.map((override, i) => ({ ...override, ...(override.rules && { rules: rules(override.rules, `overrides[${i}].rules`) }) })) }),
  };
}
