import { cliOptions } from './options.js';
import { rules } from '../rules/index.js';
import { loadBuiltinPack } from '../data/load-data.js';

function fill(text: string, name: string, rows: string[]): string {
  const pattern = new RegExp(`(<!-- ${name}:start -->\\n)[^]*?(<!-- ${name}:end -->)`);
  return text.replace(pattern, `$1${rows.map((r) => `${r}\n`).join('')}$2`);
}

/** The README's generated tables: every CLI option and every rule, from the code itself. */
export function readmeTables(readme: string): string {
  const options = Object.entries(cliOptions).map(([name, o]) => {
    const flag = `${'short' in o ? `\`-${o.short}\`, ` : ''}\`--${name}${'arg' in o ? ` <${o.arg}>` : ''}\``;
    return `| ${flag} | ${o.help.replace(/\|/g, '\\|')} |`;
  });
  const ruleRows = rules.map((r) => `| [\`${r.meta.id}\`](docs/rules/${r.meta.id}.md) | ${r.meta.defaultSeverity} | ${r.meta.description} |`);
  return fill(fill(readme, 'cli-options', ['| option | what it does |', '| --- | --- |', ...options]), 'rules', ['| rule | default | what it flags |', '| --- | --- | --- |', ...ruleRows]);
}

/** A rule page's table of the pack entries that --fix and the editor's fix-all apply. */
export function fixableTable(page: string, ruleId: string): string {
  const rows = loadBuiltinPack(ruleId)
    .entries.filter((entry) => entry.fix !== undefined || entry.drop !== undefined)
    .map((entry) => {
      const phrases = [entry.term, ...(entry.variants ?? [])].map((phrase) => `“${phrase}”`);
      const shown = phrases.length > 4 ? `${phrases.slice(0, 3).join(', ')} and ${phrases.length - 3} more` : phrases.join(', ');
      return `| ${shown} | ${entry.fix !== undefined ? `“${entry.fix}”` : `the phrase without “${entry.drop}”`} |`;
    });
  return fill(page, 'fixable', ['| entry | fixed to |', '| --- | --- |', ...rows]);
}

/** Rule pages with a table of fixable entries. */
export const pagesWithFixes = rules.filter((rule) => rule.meta.pack !== undefined && loadBuiltinPack(rule.meta.id).entries.some((e) => e.fix !== undefined || e.drop !== undefined)).map((rule) => rule.meta.id);
