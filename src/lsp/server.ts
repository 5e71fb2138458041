import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type Hover,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintText } from '../run/lint-files.js';
import { clearConfigCaches, configForFile } from '../config/load-config.js';
import { setJsConfigPolicy } from '../config/js-config-policy.js';
import { PersonaLintError } from '../core/errors.js';
import type { FileResult } from '../core/types.js';
import { toolName, toolVersion } from '../core/meta.js';
import { source, toDiagnostic } from './diagnostics.js';
import { codeActions, fixAllKind, allowAcronymCommand } from './actions.js';
import { hoverAt } from './hover.js';
import { allowAcronym } from './allow-acronym.js';

/** Lint on change after this pause in typing; the latest text wins. */
export const debounceMs = 300;

/** Config, persona and pack files: a change to one re-lints every open document. */
const watchedGlobs = ['**/.personalintrc*', '**/personalint.config.*', '**/package.json', '**/*.{yml,yaml,json}'];

interface Linted {
  version: number;
  result: FileResult;
}

/** The path of a file: URI, or undefined for an unsaved buffer (untitled:). */
function pathOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

/** `persona-lint lsp`: a Language Server Protocol server over standard input and output. */
export function startServer(connection: Connection = createConnection(process.stdin, process.stdout)): Promise<number> {
  const documents = new TextDocuments(TextDocument);
  const linted = new Map<string, Linted>();
  const timers = new Map<string, NodeJS.Timeout>();
  /** Config files with a published error diagnostic, to clear once they load again. */
  const brokenConfigs = new Set<string>();
  let root = process.cwd();

  const lintOptions = (uri: string) => {
    const path = pathOf(uri);
    return { cwd: root, ...(path ? { filePath: path } : {}) };
  };

  async function lint(document: TextDocument): Promise<void> {
    const { uri, version } = document;
    let result: FileResult;
    try {
      result = await lintText(document.getText(), lintOptions(uri));
    } catch (error) {
      await reportRunError(error, uri);
      return;
    }
    // A newer edit or a close since this lint started: its own lint publishes.
    if (documents.get(uri)?.version !== version) return;
    linted.set(uri, { version, result });
    connection.sendDiagnostics({ uri, version, diagnostics: result.messages.map(toDiagnostic) });
    clearRecoveredConfigs();
  }

  /** A broken config or data file becomes one diagnostic on that file; the document shows none until it is fixed. */
  async function reportRunError(error: unknown, uri: string): Promise<void> {
    linted.delete(uri);
    connection.sendDiagnostics({ uri, diagnostics: [] });
    if (error instanceof PersonaLintError && error.file !== undefined) {
      const file = pathToFileURL(resolve(process.cwd(), error.file)).href;
      brokenConfigs.add(file);
      const diagnostic: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 1, source, message: error.message };
      connection.sendDiagnostics({ uri: file, diagnostics: [diagnostic] });
    } else {
      connection.console.error(`${toolName}: cannot lint ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  function clearRecoveredConfigs(): void {
    for (const file of brokenConfigs) connection.sendDiagnostics({ uri: file, diagnostics: [] });
    brokenConfigs.clear();
  }

  function schedule(document: TextDocument): void {
    clearTimeout(timers.get(document.uri));
    timers.set(
      document.uri,
      setTimeout(() => {
        timers.delete(document.uri);
        const latest = documents.get(document.uri);
        if (latest) void lint(latest);
      }, debounceMs),
    );
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    root = (folder && pathOf(folder)) ?? params.rootPath ?? process.cwd();
    setJsConfigPolicy({ allow: true, within: root });
    const watchesDynamically = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    connection.onInitialized(() => {
      if (watchesDynamically) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: watchedGlobs.map((globPattern) => ({ globPattern })) });
    });
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllKind] },
        hoverProvider: true,
        executeCommandProvider: { commands: [allowAcronymCommand] },
      },
      serverInfo: { name: toolName, version: toolVersion },
    };
  });

  documents.onDidOpen(({ document }) => void lint(document));
  documents.onDidChangeContent(({ document }) => {
    // Opening also fires a change; the open lints at once.
    if (linted.has(document.uri) || timers.has(document.uri)) schedule(document);
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    linted.delete(document.uri);
    connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onDidChangeWatchedFiles(() => {
    clearConfigCaches();
    for (const document of documents.all()) void lint(document);
  });

  connection.onCodeAction(async ({ textDocument, context }): Promise<CodeAction[]> => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    return codeActions(document, context, (text) => lintText(text, lintOptions(document.uri)));
  });

  connection.onHover(({ textDocument, position }): Hover | null => {
    const document = documents.get(textDocument.uri);
    const current = linted.get(textDocument.uri);
    if (!document || !current || current.version !== document.version) return null;
    return hoverAt(current.result, position);
  });

  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    if (command !== allowAcronymCommand || !args) return;
    const [uri, acronym] = args as [string, string];
    const path = pathOf(uri) ?? resolve(root, '<text>');
    try {
      const config = await configForFile(path);
      const file = await allowAcronym(config.source, config.source ? dirname(config.source) : root, acronym);
      // A notification, not window/showMessageRequest: a client need not answer it.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `${toolName}: allowed ${acronym} in ${file}` });
    } catch (error) {
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `${toolName}: ${(error as Error).message}` });
      return;
    }
    clearConfigCaches();
    for (const document of documents.all()) void lint(document);
  });

  // One failed request must not end the server the editor relies on.
  process.on('unhandledRejection', (reason) => connection.console.error(`${toolName}: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
  documents.listen(connection);
  connection.listen();
  // The connection ends the process on `exit`; until then the server runs.
  return new Promise(() => {});
}
