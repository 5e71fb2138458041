import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileResult } from '../core/types.js';
import { matchCase } from '../rules/helpers/pack-matches.js';
import { fixText } from '../fix/apply-fixes.js';
import { source, type DiagnosticData } from './diagnostics.js';

export const fixAllKind = `${CodeActionKind.SourceFixAll}.persona-lint`;
export const allowAcronymCommand = 'persona-lint.allowAcronym';

/** Lints a version of the document's text, for the fixes that follow one another. */
type Lint = (text: string) => Promise<FileResult>;

/** Offsets in linted text skip a leading byte order mark; the editor's text may keep it. */
function positionAtOffset(document: TextDocument, offset: number) {
  return document.positionAt(offset + (document.getText().startsWith('\uFEFF') ? 1 : 0));
}

/** One quick fix per suggested alternative, the rule's fix first; then "disable for this line" and, for acronyms, "allow". */
function quickFixes(document: TextDocument, diagnostic: Diagnostic, data: DiagnosticData): CodeAction[] {
  const actions: CodeAction[] = [];
  const edit = (range: Range, newText: string) => ({ changes: { [document.uri]: [{ range, newText }] } });
  const written = document.getText(diagnostic.range);
  data.expected.forEach((alternative, k) => {
    if (k === 0 && data.fix) {
      const range = { start: positionAtOffset(document, data.fix.range[0]), end: positionAtOffset(document, data.fix.range[1]) };
      actions.push({ title: `Replace “${written}” with “${data.fix.text}”`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: edit(range, data.fix.text) });
    } else if (data.actual !== null && written === data.actual) {
      // Only where the flagged words are plain text: a replacement must not swallow Markdown between them.
      const text = matchCase(written, alternative);
      actions.push({ title: `Replace “${written}” with “${text}”`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit(diagnostic.range, text) });
    }
  });
  if (data.actual !== null) {
    const line = diagnostic.range.start.line;
    const end = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '').length;
    const at = { line, character: end };
    actions.push({
      title: `Disable persona-lint ${data.ruleId} for this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: edit({ start: at, end: at }, ` <!-- persona-lint-disable-line ${data.ruleId} -->`),
    });
  }
  const acronym = data.ruleId === 'undefined-acronym' ? /^[A-Z]{2,6}/.exec(data.actual ?? '')?.[0] : undefined;
  if (acronym) {
    actions.push({ title: `Allow the acronym ${acronym} (persona-lint config)`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title: `Allow ${acronym}`, command: allowAcronymCommand, arguments: [document.uri, acronym] } });
  }
  return actions;
}

/** Every fix in the document, applied pass after pass as --fix does, as one edit. */
async function fixAll(document: TextDocument, lint: Lint): Promise<CodeAction | null> {
  const text = document.getText();
  const { output, fixed } = await fixText(text, lint);
  if (fixed.length === 0) return null;
  const edit: TextEdit = { range: { start: { line: 0, character: 0 }, end: document.positionAt(text.length) }, newText: output };
  return { title: `Fix all persona-lint problems (${fixed.length})`, kind: fixAllKind, edit: { changes: { [document.uri]: [edit] } } };
}

/** The code actions for the persona-lint diagnostics of a request, and the fix-all source action when asked for. */
export async function codeActions(document: TextDocument, context: CodeActionContext, lint: Lint): Promise<CodeAction[]> {
  const wants = (kind: string) => !context.only || context.only.some((only) => kind === only || kind.startsWith(`${only}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source === source && diagnostic.data) actions.push(...quickFixes(document, diagnostic, diagnostic.data as DiagnosticData));
    }
  }
  // Asked for by kind (source.fixAll on save), or offered beside the quick fixes of a fixable diagnostic.
  const offered = context.only ? wants(fixAllKind) : context.diagnostics.some((d) => d.source === source && (d.data as DiagnosticData | undefined)?.fix);
  if (offered) {
    const all = await fixAll(document, lint);
    if (all) actions.push(all);
  }
  return actions;
}
