import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parseDocument } from 'yaml';

/** The rule whose allow list the "allow this acronym" action edits. */
const ruleId = 'undefined-acronym';

type RuleSetting = string | [string, Record<string, unknown>?];

/** The setting with `acronym` added to its allow list; the severity is kept, or `warn` when the config had none. */
function withAllowed(setting: RuleSetting | undefined, acronym: string): [string, Record<string, unknown>] {
  const [severity, options] = Array.isArray(setting) ? [setting[0], setting[1] ?? {}] : [setting ?? 'warn', {}];
  const allow = Array.isArray(options.allow) ? (options.allow as string[]) : [];
  return [severity, { ...options, allow: allow.includes(acronym) ? allow : [...allow, acronym] }];
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Adds an acronym to the `undefined-acronym` allow list of a config file, or of a new
 * `.personalintrc.json` in `directory` when `configFile` is null. Returns the file written.
 * YAML keeps its comments; a JavaScript config cannot be edited safely and is refused.
 */
export async function allowAcronym(configFile: string | null, directory: string, acronym: string): Promise<string> {
  if (configFile === null) {
    const file = join(directory, '.personalintrc.json');
    await writeFile(file, `${JSON.stringify({ rules: { [ruleId]: withAllowed(undefined, acronym) } }, null, 2)}\n`);
    return file;
  }
  const text = await readFile(configFile, 'utf8');
  const extension = extname(configFile);
  if (['.js', '.mjs', '.cjs'].includes(extension)) throw new Error(`${basename(configFile)} is JavaScript; add "${acronym}" to rules["${ruleId}"][1].allow there by hand`);
  if (extension === '.yaml' || extension === '.yml' || (extension === '' && !isJson(text))) {
    const doc = parseDocument(text);
    const current = doc.getIn(['rules', ruleId]) as { toJSON?: () => unknown } | string | undefined;
    const setting = (typeof current === 'object' && current?.toJSON ? current.toJSON() : current) as RuleSetting | undefined;
    doc.setIn(['rules', ruleId], doc.createNode(withAllowed(setting, acronym), { flow: true }));
    await writeFile(configFile, doc.toString());
    return configFile;
  }
  // JSON: .personalintrc, .personalintrc.json, or the "personalint" key of package.json.
  const json = JSON.parse(text) as Record<string, unknown>;
  const config = (basename(configFile) === 'package.json' ? ((json.personalint ??= {}) as Record<string, unknown>) : json) as { rules?: Record<string, RuleSetting> };
  config.rules = { ...config.rules, [ruleId]: withAllowed(config.rules?.[ruleId], acronym) };
  const indent = /^[ \t]+/m.exec(text)?.[0] ?? '  ';
  await writeFile(configFile, `${JSON.stringify(json, null, indent)}\n`);
  return configFile;
}
