import { cliOptions } from './options.js';
import { rules } from '../rules/index.js';

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
