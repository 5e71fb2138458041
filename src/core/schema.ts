import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { lazy } from './lazy.js';
import { DataError } from './errors.js';
import { displayPath } from './paths.js';

const ajvModule = lazy<typeof import('ajv')>('ajv');

/** The package root: data (rules/), docs and schemas ship beside dist/. */
export const packageRoot = fileURLToPath(new URL('../..', import.meta.url));

export function packagePath(...parts: string[]): string {
  return [packageRoot.replace(/\/$/, ''), ...parts].join('/');
}

// Compiled on first use: the built-in data files were validated at build time (data-snapshot.ts).
let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

/** A validator for one of the JSON Schemas in rules/schemas/, compiled once per run. */
export function schemaValidator(name: string): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    const schema = JSON.parse(readFileSync(packagePath('rules', 'schemas', name), 'utf8'));
    validate = (ajv ??= new (ajvModule().Ajv)({ allErrors: true, strict: false, useDefaults: false })).compile(schema);
    compiled.set(name, validate);
  }
  return validate;
}

/** `/rules/buzzword/0` → `rules.buzzword[0]`. */
export function keyPath(instancePath: string, extra?: string): string {
  const parts = instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra) parts.push(extra);
  let out = '';
  for (const part of parts) out += /^\d+$/.test(part) ? `[${part}]` : out ? `.${part}` : part;
  return out || '(root)';
}

/** One line per schema error: the key, then what was expected, most specific first. */
export function describeErrors(errors: ErrorObject[] | null | undefined, lineOf?: (instancePath: string) => number | undefined): string[] {
  const lines: string[] = [];
  for (const error of errors ?? []) {
    // anyOf/oneOf wrappers repeat what their branches said.
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf' || error.keyword === 'if') continue;
    let key = keyPath(error.instancePath);
    let what = error.message ?? 'is invalid';
    if (error.keyword === 'additionalProperties') {
      key = keyPath(error.instancePath, String(error.params.additionalProperty));
      what = 'is not a known key';
    } else if (error.keyword === 'required') {
      key = keyPath(error.instancePath, String(error.params.missingProperty));
      what = 'is required';
    } else if (error.keyword === 'enum') {
      what = `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    }
    const at = error.instancePath ? lineOf?.(error.instancePath) : undefined;
    const line = `${at ? `line ${at}: ` : ''}${key}: ${what}`;
    if (!lines.includes(line)) lines.push(line);
  }
  return lines;
}

/** A shipped JSON data file, read and checked against its schema; a DataError naming the file when it does not match. */
export function readJsonData<T>(file: string, schemaName: string): T {
  const value = JSON.parse(readFileSync(file, 'utf8')) as T;
  const validate = schemaValidator(schemaName);
  if (!validate(value)) throw new DataError(displayPath(file), describeErrors(validate.errors));
  return value;
}
