import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from './fixtures.js';
import { git } from './git.js';

export interface CheckoutClone {
  dir: string;
  /** `file://` URL of the clone, as a user's `repo:` or `git+…` would name it. */
  url: string;
  /** The clone's commit, also tagged `v<version>` like a release. */
  rev: string;
  tag: string;
}

/**
 * This checkout as a git repository of its own: the files git would commit (tracked and untracked,
 * not ignored) as they are in the working tree, committed and tagged. Installing from it is what a
 * user does with the repository URL, with the change under test included and the real repository
 * left alone.
 */
export function cloneCheckout(): CheckoutClone {
  const dir = mkdtempSync(join(tmpdir(), 'persona-lint-clone-'));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: repoRoot, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    try {
      copyFileSync(join(repoRoot, file), join(dir, file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // deleted, not yet staged
    }
  }
  const tag = `v${JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version}`;
  git(dir, 'init', '--quiet', '--initial-branch=main');
  git(dir, 'config', 'commit.gpgsign', 'false');
  git(dir, 'add', '--all');
  git(dir, 'commit', '--quiet', '--message', 'snapshot of the checkout under test');
  git(dir, 'tag', tag);
  return { dir, url: `file://${dir}`, rev: git(dir, 'rev-parse', 'HEAD').trim(), tag };
}
