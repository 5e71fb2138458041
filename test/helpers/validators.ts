import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { repoRoot } from './fixtures.js';

const require = createRequire(import.meta.url);

/**
 * The SARIF 2.1.0 JSON Schema (2.1.0-rtm.5, the version GitHub code scanning and schemastore
 * publish), as shipped in Microsoft's @microsoft/jest-sarif package. It is a draft-04 schema.
 */
export const sarifSchemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

let sarif: ValidateFunction | undefined;
export function validateSarif(log: unknown): { valid: boolean; errors: string[] } {
  if (!sarif) {
    // The schema's `language` pattern has a stray `]` that only non-unicode regular expressions accept.
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    sarif = ajv.compile(JSON.parse(readFileSync(sarifSchemaPath, 'utf8')));
  }
  const valid = sarif(log) as boolean;
  return { valid, errors: (sarif.errors ?? []).map((e) => `${e.instancePath} ${e.message}`) };
}

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction>();

/** Validates against a JSON Schema file of the repository (draft-07). */
export function validateWith(schemaFile: string, data: unknown): { valid: boolean; errors: string[] } {
  let validate = compiled.get(schemaFile);
  if (!validate) {
    validate = ajv.compile(JSON.parse(readFileSync(join(repoRoot, schemaFile), 'utf8')));
    compiled.set(schemaFile, validate);
  }
  const valid = validate(data) as boolean;
  return { valid, errors: (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`) };
}

let rdjson: ValidateFunction | undefined;

/**
 * reviewdog's Reviewdog Diagnostic Format schema (proto/rdf/jsonschema/DiagnosticResult.json of
 * reviewdog/reviewdog, MIT licence), copied to test/schemas/rdjson.schema.json. A draft-04 schema.
 */
export function validateRdjson(result: unknown): { valid: boolean; errors: string[] } {
  if (!rdjson) {
    const ajv = new AjvDraft04({ allErrors: true, strict: false });
    rdjson = ajv.compile(JSON.parse(readFileSync(join(repoRoot, 'test', 'schemas', 'rdjson.schema.json'), 'utf8')));
  }
  const valid = rdjson(result) as boolean;
  return { valid, errors: (rdjson.errors ?? []).map((e) => `${e.instancePath} ${e.message}`) };
}
