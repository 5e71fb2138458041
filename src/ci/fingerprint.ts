import { createHash } from 'node:crypto';
import type { FileResult, Message } from '../core/types.js';

/** The words a message is about: what it flagged, or its text when it flags no words (document level, fatal). */
export function flaggedText(message: Message): string {
  return message.actual ?? message.message;
}

/**
 * One fingerprint per message of a file, in message order: a hash of path, rule, flagged text and
 * the occurrence index of that triple in the file. No line or column goes in, so a fingerprint
 * survives unrelated lines moving (GitLab and GitHub would otherwise show every issue as new);
 * the index keeps two identical findings in one file apart.
 */
export function fingerprints(result: FileResult): string[] {
  const seen = new Map<string, number>();
  return result.messages.map((message) => {
    const key = [result.path, message.ruleId, flaggedText(message)].join('\u0000');
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    return createHash('sha256').update(`${key}\u0000${index}`).digest('hex');
  });
}
