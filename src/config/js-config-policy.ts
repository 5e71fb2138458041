import { execFileSync } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';

/**
 * Whether a JavaScript config (`.personalintrc.js`, `personalint.config.mjs`...) may be loaded: it
 * is code, and loading it runs it with the linter's rights. A docs repository takes pull requests
 * from strangers, so CI and editors must be able to refuse it.
 */
export interface JsConfigPolicy {
  /** False: refuse every JavaScript config (--no-js-config, PERSONA_LINT_NO_JS_CONFIG=1). */
  allow: boolean;
  /** Refuse JavaScript configs outside this folder (--stdin: the workspace root). */
  within?: string;
}

/** The environment variable that refuses JavaScript configs, as --no-js-config does. */
export const noJsConfigVariable = 'PERSONA_LINT_NO_JS_CONFIG';

/** Config file extensions whose loading runs code. */
export const codeExtensions = ['.js', '.mjs', '.cjs', '.ts'];

let policy: JsConfigPolicy = { allow: true };

/** Set once per process by the CLI (and per task in a worker, from the main thread's policy). */
export function setJsConfigPolicy(next: JsConfigPolicy): void {
  policy = next;
}

export function jsConfigPolicy(): JsConfigPolicy {
  return policy;
}

/** True when the variable asks to refuse JavaScript configs: any value but empty, 0 or false. */
export function refusedByEnvironment(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env[noJsConfigVariable]?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

/**
 * The workspace root: the top of the git repository around `cwd`, or `cwd` itself outside one.
 * It is the folder an editor opens, and what --stdin trusts to hold a JavaScript config.
 */
export function workspaceRoot(cwd: string): string {
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || cwd;
  } catch {
    return cwd;
  }
}

function isInside(folder: string, file: string): boolean {
  const rel = relative(folder, file);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep);
}

/** Why the JavaScript config at `file` may not be loaded now, or null when it may. */
export function jsConfigRefusal(file: string): string | null {
  if (!policy.allow || refusedByEnvironment()) {
    return `JavaScript config refused: --no-js-config (or ${noJsConfigVariable}=1) forbids running config code; write the settings as .personalintrc.json or .personalintrc.yaml`;
  }
  if (policy.within !== undefined && !isInside(resolve(policy.within), resolve(file))) {
    return `JavaScript config refused: it is outside the workspace root ${policy.within}, and --stdin and the language server (the editor paths) never run a JavaScript config outside the workspace; move the settings into a JSON or YAML config`;
  }
  return null;
}
