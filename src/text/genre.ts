import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseDocument, type Frontmatter } from './document.js';

/**
 * What kind of page a document is, for the checks that depend on it (README, Configuration: genre):
 * - `docs`: documentation, handbook and product pages, which tell a reader what to do;
 * - `article`: a blog post or news item, told in its author's voice.
 */
export type Genre = 'docs' | 'article';
/** Config `genre`: a genre for every matching file, or `auto` to tell from each page. */
export type GenreSetting = Genre | 'auto';

/** Directories whose pages are posts, as static site generators and blogs name them. */
const articleDirectories = new Set(['blog', 'blogs', 'posts', '_posts', 'news']);
/** Jekyll's post file names: 2024-05-01-title.md. */
const datedFileName = /^\d{4}-\d{2}-\d{2}-/;

/**
 * `auto`: an article is a page whose frontmatter names an author (`author`, `authors`), or one that
 * sits in a posts directory (blog/, posts/, _posts/, news/) or has a dated file name; every other
 * page is documentation.
 */
export function genreOf(path: string, frontmatter: Frontmatter | null, setting: GenreSetting = 'auto'): Genre {
  if (setting !== 'auto') return setting;
  const data = frontmatter?.data ?? {};
  if (hasValue(data.author) || hasValue(data.authors)) return 'article';
  const segments = path.split(/[\\/]/);
  if (segments.slice(0, -1).some((segment) => articleDirectories.has(segment.toLowerCase()))) return 'article';
  return datedFileName.test(basename(path)) ? 'article' : 'docs';
}

function hasValue(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return value !== undefined && value !== null && value !== '';
}

/** What `auto` makes of a file on disk (--print-config), or null when it cannot be read or parsed. */
export async function genreOfFile(path: string): Promise<Genre | null> {
  try {
    return genreOf(path, parseDocument(path, await readFile(path, 'utf8')).frontmatter);
  } catch {
    return null;
  }
}
