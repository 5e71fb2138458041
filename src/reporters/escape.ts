/**
 * Text from input (file names, frontmatter values, flagged words, config values) reaches terminals
 * and CI logs. Control characters there are commands: ESC starts terminal sequences (colours, cursor
 * moves, GitLab's `section_start` markers), CR overwrites a line, a newline starts one that GitHub
 * Actions reads as a workflow command when it begins with `::`. C1 controls (U+0080–U+009F; U+009B
 * is a one-character ESC [) and bidirectional overrides (“Trojan Source”) change what a reader sees.
 */
const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const unsafeOrLineBreak = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\u001b': '\\e' };

function escapeOne(char: string): string {
  const code = char.charCodeAt(0);
  return named[char] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/** One line of text for a terminal or log: every control character shown escaped (`\e`, `\n`, `\x07`, `\u202e`); tabs kept. */
export function terminalText(text: string): string {
  return text.replace(unsafeOrLineBreak, escapeOne);
}

/** As terminalText, but line breaks are kept (for a reporter that escapes them its own way). */
export function withoutControls(text: string): string {
  return text.replace(unsafe, escapeOne);
}

/** A line beginning with `::` (after spaces) is a GitHub Actions workflow command. */
const commandStart = /^([ \t]*):(?=:)/gm;

/**
 * A file name for a terminal or log: escaped as terminalText, and one that would open a line with
 * `::` gets `./` in front (same file, never a workflow command).
 */
export function terminalPath(path: string): string {
  const shown = terminalText(path);
  return /^[ \t]*::/.test(shown) ? `./${shown}` : shown;
}

/**
 * Text written to a log as a whole (standard error): control characters escaped but line breaks
 * kept, and no line can start a workflow command: its first colon is shown as `\x3a`.
 */
export function logText(text: string): string {
  return withoutControls(text).replace(commandStart, '$1\\x3a');
}

/** JSON for a terminal: JSON.stringify escapes C0 controls itself; C1 controls and bidi overrides become \u escapes too. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
