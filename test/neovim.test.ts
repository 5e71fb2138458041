import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliPath, tempTree } from './helpers/cli.js';
import { repoRoot } from './helpers/fixtures.js';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const version = /NVIM v(\d+\.\d+)/.exec(nvim.stdout ?? '')?.[1];

/** The Lua block under a README heading: the setup a user copies. */
function readmeLua(heading: string): string {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf(`### ${heading}\n`));
  const block = /```lua\n([^]*?)```/.exec(section);
  if (!block) throw new Error(`no Lua block under "${heading}" in the README`);
  return block[1];
}

// Prints what Neovim's LSP client received: one line per diagnostic, 0-based as LSP sends them.
const probe = `
vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.PAGE))
local ok = vim.wait(20000, function() return #vim.diagnostic.get(0) >= 3 end, 100)
local lines = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(lines, string.format('%d:%d-%d:%d %s %s %s', d.lnum, d.col, d.end_lnum, d.end_col, d.source, lsp.code or '', d.message))
end
table.sort(lines)
if not ok then table.insert(lines, 'timed out') end
vim.fn.writefile(lines, vim.env.OUT)
vim.cmd('qa!')
`;

describe.skipIf(!version)(`a real editor: headless Neovim${version ? ` ${version}` : ' (skipped: nvim is not installed; .ci/run installs it)'}`, () => {
  it('starts persona-lint lsp with the README’s setup for its version, opens a fixture, and shows its diagnostics', () => {
    const modern = Number(version!.split('.')[0]) > 0 || Number(version!.split('.')[1]) >= 11;
    const setup = readmeLua(modern ? 'Neovim 0.11 and newer' : 'Neovim 0.7 to 0.10');
    // The README runs the installed command through npx; here it is this checkout's build.
    const cmd = "{ 'npx', 'persona-lint', 'lsp' }";
    expect(setup).toContain(cmd);
    const dir = tempTree({ 'init.lua': setup.replace(cmd, `{ ${JSON.stringify(process.execPath)}, ${JSON.stringify(cliPath)}, 'lsp' }`), 'probe.lua': probe });
    copyFileSync(join(repoRoot, 'fixtures', 'editor', 'page.md'), join(dir, 'page.md'));
    writeFileSync(join(dir, '.personalintrc.json'), '{}\n');
    const run = spawnSync('nvim', ['--headless', '--clean', '-c', 'filetype on', '-c', 'luafile init.lua', '-c', 'luafile probe.lua'], {
      cwd: dir,
      env: { ...process.env, PAGE: join(dir, 'page.md'), OUT: join(dir, 'out.txt') },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    // Neovim 0.7 converts the LSP's UTF-16 columns to byte columns: 🎉 is 4 bytes, Ü 2.
    expect(readFileSync(join(dir, 'out.txt'), 'utf8').split('\n').filter(Boolean)).toEqual([
      '2:0-2:10 persona-lint alienating-language “Simply run” is condescending (condescension); use “Run” instead.',
      '2:29-2:36 persona-lint buzzword “utilize” is a buzzword; use “use” instead.',
      '4:15-4:24 persona-lint alienating-language “whitelist” is exclusionary (exclusion); use “allowlist”, “allow list” or “permit list” instead.',
    ]);
  });
});
