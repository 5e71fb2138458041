import { describe, it, expect } from 'vitest';
import { genreOf } from '../src/text/genre.js';
import type { Frontmatter } from '../src/text/document.js';
import { runCli, tempTree } from './helpers/cli.js';

// Config `genre`: condescension, and pack entries marked `articles: false`, are left alone on articles.
const body = [
  '# Release week',
  '',
  'Just run the build as you always would.', // condescension (docs only)
  '',
  'We want to empower teams to decide, and we utilize the remote cache.', // empower: articles false; utilize: always
  '',
  'Hey guys, the old scheduler was crazy slow.', // exclusion, ableism: always
  '',
].join('\n');
const everything = ['Just run', 'empower', 'utilize', 'guys', 'crazy'];
const inArticles = ['utilize', 'guys', 'crazy'];
const withAuthor = `---\nauthor: Sam Writer\n---\n\n${body}`;

function flagged(files: Record<string, string>, paths: string[], config: object = {}): Record<string, string[]> {
  const dir = tempTree({ '.personalintrc.json': JSON.stringify(config), ...files });
  const run = runCli(['--format', 'json', ...paths], { cwd: dir });
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as { results: { path: string; messages: { ruleId: string; actual: string | null }[] }[] };
  return Object.fromEntries(report.results.map((r) => [r.path, r.messages.filter((m) => m.ruleId === 'buzzword' || m.ruleId === 'alienating-language').map((m) => m.actual ?? '')]));
}

const frontmatter = (data: Record<string, unknown>): Frontmatter => ({ format: 'yaml', data, position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 3, column: 4, offset: 10 } } });

describe('genre', () => {
  it('tells an article from a documentation page by its author, its directory or a dated file name', () => {
    expect(genreOf('docs/install.md', null)).toBe('docs');
    expect(genreOf('docs/install.md', frontmatter({ author: 'Sam' }))).toBe('article');
    expect(genreOf('docs/install.md', frontmatter({ authors: ['Sam', 'Kim'] }))).toBe('article');
    expect(genreOf('docs/install.md', frontmatter({ authors: [] }))).toBe('docs');
    expect(genreOf('docs/install.md', frontmatter({ title: 'Install', date: '2024-01-01' }))).toBe('docs');
    for (const dir of ['blog', 'Blog', 'posts', '_posts', 'news']) expect(genreOf(`site/${dir}/launch.md`, null), dir).toBe('article');
    expect(genreOf('site/2024-05-01-launch.md', null)).toBe('article');
    expect(genreOf('docs/blog.md', null)).toBe('docs');
    expect(genreOf('docs/2024-plans.md', null)).toBe('docs');
  });

  it('a setting other than auto decides for every page', () => {
    expect(genreOf('blog/launch.md', frontmatter({ author: 'Sam' }), 'docs')).toBe('docs');
    expect(genreOf('docs/install.md', null, 'article')).toBe('article');
  });

  it('leaves condescension and `articles: false` entries alone on articles, and flags the rest everywhere', () => {
    const files = { 'docs/guide.md': body, 'blog/post.md': body, 'docs/story.md': withAuthor };
    expect(flagged(files, ['docs/guide.md', 'blog/post.md', 'docs/story.md'])).toEqual({
      'docs/guide.md': everything,
      'blog/post.md': inArticles,
      'docs/story.md': inArticles,
    });
  });

  it('config `genre` and overrides set the genre; the condescension category can be on for articles too', () => {
    const files = { 'docs/guide.md': body, 'blog/post.md': body };
    const paths = ['docs/guide.md', 'blog/post.md'];
    expect(flagged(files, paths, { genre: 'docs' })).toEqual({ 'docs/guide.md': everything, 'blog/post.md': everything });
    expect(flagged(files, paths, { genre: 'article' })).toEqual({ 'docs/guide.md': inArticles, 'blog/post.md': inArticles });
    expect(flagged(files, paths, { overrides: [{ files: 'blog/**', genre: 'docs' }] })).toEqual({ 'docs/guide.md': everything, 'blog/post.md': everything });
    expect(flagged(files, paths, { rules: { 'alienating-language': ['warn', { categories: { condescension: true } }] } })).toEqual({
      'docs/guide.md': everything,
      'blog/post.md': ['Just run', ...inArticles],
    });
    expect(flagged(files, paths, { rules: { 'alienating-language': ['warn', { categories: { condescension: false, ableism: 'docs' } }] } })).toEqual({
      'docs/guide.md': ['empower', 'utilize', 'guys', 'crazy'],
      'blog/post.md': ['utilize', 'guys'],
    });
  });

  it('a wrong value is exit 2 naming the key and the file', () => {
    const dir = tempTree({ '.personalintrc.json': JSON.stringify({ overrides: [{ files: 'blog/**', genre: 'blog' }] }), 'blog/post.md': body });
    const run = runCli(['blog/post.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.personalintrc.json');
    expect(run.stderr).toContain('overrides[0].genre: must be one of "auto", "docs", "article"');
    const category = runCli(['blog/post.md'], { cwd: tempTree({ '.personalintrc.json': JSON.stringify({ rules: { 'alienating-language': ['warn', { categories: { condescension: 'articles' } }] } }), 'blog/post.md': body }) });
    expect(category.code).toBe(2);
    expect(category.stderr).toContain('condescension');
  });

  it('--print-config shows the genre, where it came from, and what `auto` makes of the page', () => {
    const dir = tempTree({ '.personalintrc.json': JSON.stringify({ overrides: [{ files: 'blog/**', genre: 'article' }] }), 'blog/post.md': body, 'docs/story.md': withAuthor, 'docs/guide.md': body });
    const printed = JSON.parse(runCli(['--print-config', 'blog/post.md'], { cwd: dir }).stdout);
    expect(printed.genre).toBe('article');
    expect(printed.pageGenre).toBe('article');
    expect(printed.sources.genre).toBe('.personalintrc.json (overrides[0])');
    const story = JSON.parse(runCli(['--print-config', 'docs/story.md'], { cwd: dir }).stdout);
    expect([story.genre, story.pageGenre]).toEqual(['auto', 'article']);
    const guide = JSON.parse(runCli(['--print-config', 'docs/guide.md'], { cwd: dir }).stdout);
    expect([guide.genre, guide.pageGenre]).toEqual(['auto', 'docs']);
  });
});
