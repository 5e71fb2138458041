import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { tempTree } from './helpers/cli.js';
import { LspClient, type PublishedDiagnostics } from './helpers/lsp-client.js';

const docsUrl = (rule: string) => `https://github.com/persona-lint/persona-lint/blob/main/docs/rules/${rule}.md`;

interface Action {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  edit?: { changes: Record<string, { range: PublishedDiagnostics['diagnostics'][number]['range']; newText: string }[]> };
  command?: { command: string; arguments: unknown[] };
}

/** Each diagnostic as `code line:character-line:character`, the form the expectations use. */
const brief = (p: PublishedDiagnostics) => p.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);

let client: LspClient | undefined;
afterEach(() => {
  if (client && client.process.exitCode === null) client.process.kill();
  client = undefined;
});

async function start(files: Record<string, string>) {
  const dir = tempTree(files);
  client = new LspClient(dir);
  const init = await client.request<{ capabilities: Record<string, unknown>; serverInfo: { name: string } }>('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'docs' }],
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
  });
  await client.notify('initialized', {});
  return { dir, client, init, uri: (path: string) => pathToFileURL(join(dir, path)).href };
}

describe('persona-lint lsp, driven over JSON-RPC as a real process', () => {
  it('publishes diagnostics with exact UTF-16 ranges, re-lints on change, offers quick fixes that remove the diagnostic, follows config changes, exits cleanly', async () => {
    const { dir, client, init, uri } = await start({ '.personalintrc.json': '{"rules": {"buzzword": "error"}}\n' });
    expect(init.serverInfo.name).toBe('persona-lint');
    expect(init.capabilities).toMatchObject({ textDocumentSync: 2, hoverProvider: true, codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.persona-lint'] } });
    const page = uri('docs/page.md');
    // 🎉 is two UTF-16 code units: "utilize" starts at character 11 of line 3, not 10.
    const text = '# Setup\n\nSimply run the installer.\nÜber 🎉 we utilize the whitelist.\n';
    const opened = client.open(page, text);
    const first = await opened;
    expect(first.version).toBe(1);
    expect(brief(first)).toEqual(['alienating-language 2:0-2:10', 'buzzword 3:11-3:18', 'alienating-language 3:23-3:32']);
    const buzzword = first.diagnostics[1];
    expect(buzzword).toEqual({
      range: { start: { line: 3, character: 11 }, end: { line: 3, character: 18 } },
      severity: 1,
      code: 'buzzword',
      codeDescription: { href: docsUrl('buzzword') },
      source: 'persona-lint',
      message: '“utilize” is a buzzword; use “use” instead.',
      data: { ruleId: 'buzzword', actual: 'utilize', expected: ['use'], fix: { range: [46, 53], text: 'use' }, note: "A longer word for 'use' that adds distance and nothing else; write 'use'.", url: docsUrl('buzzword') },
    });
    expect(first.diagnostics[0]).toMatchObject({ severity: 2, message: '“Simply run” is condescending (condescension); use “Run” instead.' });

    // Two quick edits: one lint, of the latest text (debounced).
    const changed = client.nextDiagnostics(page);
    await client.notify('textDocument/didChange', { textDocument: { uri: page, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 2 }, end: { line: 0, character: 7 } }, text: 'Install' }] });
    await client.notify('textDocument/didChange', { textDocument: { uri: page, version: 3 }, contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 10 } }, text: 'Just add' }] });
    const fresh = await changed;
    expect(fresh.version).toBe(3);
    expect(client.allFor(page).map((p) => p.version)).toEqual([1, 3]);
    expect(brief(fresh)).toEqual(['alienating-language 2:0-2:8', 'buzzword 3:11-3:18', 'alienating-language 3:23-3:32']);
    expect(fresh.diagnostics[0].message).toBe('“Just add” is condescending (condescension); use “Add” instead.');

    const actions = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri: page }, range: fresh.diagnostics[1].range, context: { diagnostics: [fresh.diagnostics[1]] } });
    expect(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false])).toEqual([
      ['Replace “utilize” with “use”', 'quickfix', true],
      ['Disable persona-lint buzzword for this line', 'quickfix', false],
      ['Fix all persona-lint problems (3)', 'source.fixAll.persona-lint', false],
    ]);
    expect(actions[1].edit!.changes[page]).toEqual([{ range: { start: { line: 3, character: 33 }, end: { line: 3, character: 33 } }, newText: ' <!-- persona-lint-disable-line buzzword -->' }]);

    // Applying the preferred fix removes that diagnostic and only that one.
    const apply = (document: TextDocument, action: Action, version: number) => TextDocument.create(page, 'markdown', version, TextDocument.applyEdits(document, action.edit!.changes[page]));
    let document = apply(TextDocument.create(page, 'markdown', 3, text.replace('# Setup', '# Install').replace('Simply run', 'Just add')), actions[0], 4);
    expect(document.getText()).toBe('# Install\n\nJust add the installer.\nÜber 🎉 we use the whitelist.\n');
    const fixed = client.nextDiagnostics(page);
    await client.notify('textDocument/didChange', { textDocument: { uri: page, version: 4 }, contentChanges: [{ text: document.getText() }] });
    expect(brief(await fixed)).toEqual(['alienating-language 2:0-2:8', 'alienating-language 3:19-3:28']);

    // Disabling for the line, applied, removes the diagnostic on that line.
    const whitelistActions = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri: page }, range: { start: { line: 3, character: 19 }, end: { line: 3, character: 19 } }, context: { diagnostics: (await fixed).diagnostics.slice(1) } });
    expect(whitelistActions.map((a) => a.title)).toEqual([
      'Replace “whitelist” with “allowlist”',
      'Replace “whitelist” with “allow list”',
      'Replace “whitelist” with “permit list”',
      'Disable persona-lint alienating-language for this line',
      'Fix all persona-lint problems (2)',
    ]);
    const whitelist = whitelistActions[3];
    document = apply(document, whitelist, 5);
    const disabled = client.nextDiagnostics(page);
    await client.notify('textDocument/didChange', { textDocument: { uri: page, version: 5 }, contentChanges: [{ text: document.getText() }] });
    expect(brief(await disabled)).toEqual(['alienating-language 2:0-2:8']);

    // A config change takes effect without a restart: alienating-language off.
    writeFileSync(join(dir, '.personalintrc.json'), '{"rules": {"alienating-language": "off"}}\n');
    const reconfigured = client.nextDiagnostics(page);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.personalintrc.json'), type: 2 }] });
    expect(brief(await reconfigured)).toEqual([]);

    expect(await client.stop()).toBe(0);
  });

  it('a broken config becomes one diagnostic on the config file; the server lives on and recovers when it is fixed', async () => {
    const { dir, client, uri } = await start({ '.personalintrc.json': '{}\n' });
    const page = uri('page.md');
    const opened = client.open(page, 'We leverage it.\n');
    expect(brief(await opened)).toEqual(['buzzword 0:3-0:11']);
    writeFileSync(join(dir, '.personalintrc.json'), '{"rules": {"buzzword": "loud"}}\n');
    const configUri = uri('.personalintrc.json');
    const broken = client.nextDiagnostics(configUri);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    const onConfig = await broken;
    expect(onConfig.diagnostics).toHaveLength(1);
    expect(onConfig.diagnostics[0]).toMatchObject({ severity: 1, source: 'persona-lint', range: { start: { line: 0, character: 0 } } });
    expect(onConfig.diagnostics[0].message).toContain('Invalid config in');
    expect(onConfig.diagnostics[0].message).toContain('rules.buzzword');
    // Alive: it still answers.
    expect(await client.request('textDocument/hover', { textDocument: { uri: page }, position: { line: 0, character: 4 } })).toBeNull();
    writeFileSync(join(dir, '.personalintrc.json'), '{"rules": {"buzzword": "error"}}\n');
    const cleared = client.nextDiagnostics(configUri, (p) => p.diagnostics.length === 0);
    const relinted = client.nextDiagnostics(page);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    await cleared;
    expect((await relinted).diagnostics.map((d) => [d.code, d.severity])).toEqual([['buzzword', 1]]);
    expect(await client.stop()).toBe(0);
  });

  it('hover: the note and rule link on a flagged span; on line 1 the declared persona’s fit, coverage and missing concepts', async () => {
    const { client, uri } = await start({});
    const page = uri('page.md');
    const opened = client.open(page, '---\npersona: release-rory\n---\n\nWe leverage the pipeline to ship releases.\n');
    await opened;
    const onWord = await client.request<{ contents: { kind: string; value: string } }>('textDocument/hover', { textDocument: { uri: page }, position: { line: 4, character: 5 } });
    expect(onWord.contents.kind).toBe('markdown');
    expect(onWord.contents.value).toBe(
      `**“leverage” is a buzzword; use “use”, “build on” or “take advantage of” instead.**\n\nCorporate stand-in for 'use'; readers want to know what you use and what it gets them.\n\npersona-lint: [buzzword](${docsUrl('buzzword')})`,
    );
    const onFirstLine = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: page }, position: { line: 0, character: 0 } });
    expect(onFirstLine.contents.value).toMatch(/^\*\*Persona fit\*\* \(declared\)\n\n- \*\*release-rory\*\*: fit \d+\/100, coverage \d+%; missing key concepts: [^\n]+$/);
    expect(await client.request('textDocument/hover', { textDocument: { uri: page }, position: { line: 4, character: 20 } })).toBeNull();
    expect(await client.stop()).toBe(0);
  });

  it('“allow this acronym” adds it to the nearest config’s undefined-acronym allow list, and the diagnostic goes', async () => {
    const { dir, client, uri } = await start({ 'docs/.personalintrc.json': '{\n  "rules": {\n    "undefined-acronym": "error"\n  }\n}\n' });
    const page = uri('docs/page.md');
    const opened = client.open(page, 'Ask the QZX team first.\n');
    const diagnostics = (await opened).diagnostics;
    expect(brief(await opened)).toEqual(['undefined-acronym 0:8-0:11']);
    const actions = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri: page }, range: diagnostics[0].range, context: { diagnostics } });
    const allow = actions.find((a) => a.title === 'Allow the acronym QZX (persona-lint config)')!;
    expect(allow.command).toEqual({ title: 'Allow QZX', command: 'persona-lint.allowAcronym', arguments: [page, 'QZX'] });
    const relinted = client.nextDiagnostics(page, (p) => p.diagnostics.length === 0);
    await client.request('workspace/executeCommand', { command: allow.command!.command, arguments: allow.command!.arguments });
    await relinted;
    expect(JSON.parse(readFileSync(join(dir, 'docs/.personalintrc.json'), 'utf8'))).toEqual({ rules: { 'undefined-acronym': ['error', { allow: ['QZX'] }] } });
    expect(await client.stop()).toBe(0);
  });

  it('source.fixAll applies every fix as --fix does; closing a document clears its diagnostics', async () => {
    const { client, uri } = await start({});
    const page = uri('page.md');
    const text = 'Simply run it. You can just utilize the blacklist, `utilize` stays.\n';
    await client.open(page, text);
    const [fixAll] = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri: page }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
    expect(fixAll.kind).toBe('source.fixAll.persona-lint');
    const fixedText = TextDocument.applyEdits(TextDocument.create(page, 'markdown', 1, text), fixAll.edit!.changes[page]);
    expect(fixedText).toBe('Run it. You can use the denylist, `utilize` stays.\n');
    const closed = client.nextDiagnostics(page);
    await client.notify('textDocument/didClose', { textDocument: { uri: page } });
    expect((await closed).diagnostics).toEqual([]);
    expect(await client.stop()).toBe(0);
  });
});

describe('persona-lint lsp and JavaScript configs', () => {
  it('does not run a JavaScript config from above the workspace: one diagnostic on it, and the server lives on', async () => {
    const parent = tempTree({ '.personalintrc.mjs': "import { writeFileSync } from 'node:fs';\nwriteFileSync(new URL('./ran.txt', import.meta.url), 'ran');\nexport default {};\n", 'workspace/page.md': '' });
    const workspace = join(parent, 'workspace');
    client = new LspClient(workspace);
    await client.request('initialize', { processId: process.pid, rootUri: pathToFileURL(workspace).href, capabilities: {} });
    await client.notify('initialized', {});
    const configUri = pathToFileURL(join(parent, '.personalintrc.mjs')).href;
    const onConfig = client.nextDiagnostics(configUri);
    void client.open(pathToFileURL(join(workspace, 'page.md')).href, 'We leverage it.\n');
    const [diagnostic] = (await onConfig).diagnostics;
    expect(diagnostic.message).toContain('a JavaScript config outside the workspace');
    expect(existsSync(join(parent, 'ran.txt'))).toBe(false);
    expect(await client.stop()).toBe(0);
  });
});
