import type { FileResult, Message } from '../core/types.js';

/** A message with the edit that fixes it. */
export type FixableMessage = Message & { fix: NonNullable<Message['fix']> };

export function isFixable(message: Message): message is FixableMessage {
  return message.fix !== undefined && !message.fatal;
}

/**
 * Applies the fixes of `messages` to `text`, first in the file first. A fix that overlaps one
 * already taken waits for the next pass, as in ESLint, so no edit lands on text another changed.
 */
export function applyFixes(text: string, messages: readonly Message[]): { output: string; applied: FixableMessage[] } {
  const fixes = messages.filter(isFixable).sort((a, b) => a.fix.range[0] - b.fix.range[0] || a.fix.range[1] - b.fix.range[1]);
  const applied: FixableMessage[] = [];
  let output = '';
  let copiedUpTo = 0;
  for (const message of fixes) {
    const [start, end] = message.fix.range;
    if (start < copiedUpTo || end > text.length) continue;
    output += text.slice(copiedUpTo, start) + message.fix.text;
    copiedUpTo = end;
    applied.push(message);
  }
  return { output: output + text.slice(copiedUpTo), applied };
}

export interface FixOutcome {
  /** The text with every fix applied. */
  output: string;
  /** The messages fixed, over all passes. */
  fixed: FixableMessage[];
  /** The result of linting `output`: what remains. */
  result: FileResult;
}

/** ESLint's bound: fixes that keep making new fixes stop here. */
const maxPasses = 10;

/** Lints, fixes and lints again until nothing is left to fix, so the result reports what remains. */
export async function fixText(text: string, lint: (text: string) => FileResult | Promise<FileResult>, first?: FileResult): Promise<FixOutcome> {
  let result = first ?? (await lint(text));
  let output = text;
  const fixed: FixableMessage[] = [];
  for (let pass = 0; pass < maxPasses; pass++) {
    const { output: next, applied } = applyFixes(output, result.messages);
    if (applied.length === 0 || next === output) break;
    fixed.push(...applied);
    output = next;
    result = await lint(output);
  }
  return { output, fixed, result };
}
