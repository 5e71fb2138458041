import remarkMdx from 'remark-mdx';
import { PersonaLintError } from '../core/errors.js';

/**
 * MDX (https://mdxjs.com) as remark-mdx parses it. ESM (`import`/`export`) and `{expressions}`
 * are code, never prose; text inside JSX elements is prose, their attributes are not (mdast keeps
 * attributes out of `children`, so only the children reach the sentence tree).
 */
export { remarkMdx };

export function isMdx(path: string | undefined): boolean {
  return path !== undefined && path.toLowerCase().endsWith('.mdx');
}

/** Blocks of code that say nothing to a reader: left out of the sentence tree. */
export const mdxCodeNodes = ['mdxjsEsm', 'mdxFlowExpression'];
/** Inline code in a sentence: a SourceNode, like `inline code`, so words on each side stay apart. */
export const mdxInlineCodeNodes = ['mdxTextExpression'];

/** Where MDX comments can carry `persona-lint-*` directives: `{/* persona-lint-disable … *\/}`. */
export const mdxCommentNodes = ['mdxFlowExpression', 'mdxTextExpression'];

/** A file that is not valid MDX: the parser's reason and where it stopped. */
export class MdxParseError extends PersonaLintError {
  constructor(
    readonly reason: string,
    readonly line: number | null,
    readonly column: number | null,
  ) {
    super('file', `Cannot parse MDX: ${reason}${line === null ? '' : ` (at ${line}:${column})`}`);
    this.name = 'MdxParseError';
  }
}

/** The parser's error (a VFileMessage from micromark's MDX extensions) as an MdxParseError. */
export function mdxParseError(error: unknown): MdxParseError {
  type Point = { line?: number; column?: number };
  const message = error as { reason?: string; message?: string; line?: number; column?: number; place?: Point & { start?: Point } };
  const reason = message.reason ?? message.message ?? String(error);
  // An unclosed element has no place of its own: its reason ends with the element's span.
  const span = /\((\d+):(\d+)-\d+:\d+\)$/.exec(reason);
  const point: Point = message.line ? message : (message.place?.start ?? message.place ?? (span ? { line: Number(span[1]), column: Number(span[2]) } : {}));
  return new MdxParseError(reason, point.line ?? null, point.column ?? null);
}
