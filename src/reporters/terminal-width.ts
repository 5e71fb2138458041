import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/** The width terminal output assumes when nothing tells it (standard output is not a terminal). */
export const defaultWidth = 80;
/** Narrower than this, no layout reads well: output is laid out for this width instead. */
export const minimumWidth = 40;

/** Columns a text takes on a terminal: wide characters count two, colour codes none. */
export const textWidth = (text: string): number => stringWidth(text);

/** The text in lines of at most `width` columns: wrapped at spaces, a longer word broken. */
export function wrapLines(text: string, width: number): string[] {
  return wrapAnsi(text.replace(/\t/g, ' '), Math.max(1, width), { hard: true, trim: true }).split('\n');
}

/** The text padded with spaces to `width` columns. */
export function padTo(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - textWidth(text)));
}

/** Lines of `text` within `width` columns, the first indented by `first` spaces and the rest by `rest`. */
export function hangingLines(text: string, width: number, first: number, rest: number): string[] {
  return wrapLines(text, width - Math.max(first, rest)).map((line, i) => `${' '.repeat(i === 0 ? first : rest)}${line}`);
}
