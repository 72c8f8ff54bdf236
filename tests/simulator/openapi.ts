import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

// Validates simulator responses against Gravitee's official Management API v2 specification
// (openapi-apis.yaml). OpenAPI 3.0 schemas are converted to JSON Schema 2020-12, so `nullable`
// becomes a null type and boolean exclusive bounds become numbers. Every object schema also gets a
// strict twin that rejects properties the spec does not declare, so an invented field fails.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the spec is read from; CI keeps shared/ beside the clone. */
export const specPath = process.env.GRAVITEE_OPENAPI ?? path.resolve(repoRoot, '../shared/gravitee/openapi-apis.yaml');

type Json = any;

export function loadSpec(): Json {
  if (!existsSync(specPath)) {
    throw new Error(`Gravitee OpenAPI spec not found at ${specPath}. Set GRAVITEE_OPENAPI to the path of openapi-apis.yaml (Management API v2).`);
  }
  return parse(readFileSync(specPath, 'utf8'));
}

const SCHEMA_REF = '#/components/schemas/';
const STRICT_SUFFIX = '__strict';

function isObjectSchema(schema: Json): boolean {
  return typeof schema === 'object' && schema !== null && (schema.properties !== undefined || schema.allOf !== undefined) && schema.additionalProperties === undefined && schema.oneOf === undefined && schema.anyOf === undefined;
}

/**
 * Converts one OpenAPI schema node. `asAllOfMember` marks nodes that are direct members of an
 * allOf: they must stay open, because the sibling members declare the remaining properties.
 */
function convert(node: Json, strictNames: Set<string>, asAllOfMember: boolean): Json {
  if (Array.isArray(node)) return node.map((item) => convert(item, strictNames, false));
  if (typeof node !== 'object' || node === null) return node;

  const result: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable' || key === 'discriminator' || key === 'example') continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith(SCHEMA_REF)) {
      const name = value.slice(SCHEMA_REF.length);
      result.$ref = `#/$defs/${name}${!asAllOfMember && strictNames.has(name) ? STRICT_SUFFIX : ''}`;
    } else if (key === 'allOf') {
      result.allOf = (value as Json[]).map((member) => convert(member, strictNames, true));
    } else if (key === 'properties') {
      result.properties = Object.fromEntries(Object.entries(value as Json).map(([name, schema]) => [name, convert(schema, strictNames, false)]));
    } else {
      result[key] = convert(value, strictNames, false);
    }
  }

  // OpenAPI 3.0 writes exclusive bounds as booleans beside minimum and maximum.
  for (const [exclusive, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof node[exclusive] !== 'boolean') continue;
    if (node[exclusive]) {
      result[exclusive] = node[bound];
      delete result[bound];
    } else {
      delete result[exclusive];
    }
  }

  if (node.nullable === true) {
    if (typeof result.type === 'string') result.type = [result.type, 'null'];
    else return { anyOf: [result, { type: 'null' }] };
  }
  if (!asAllOfMember && isObjectSchema(node) && result.$ref === undefined) result.unevaluatedProperties = false;
  return result;
}

function collectFormats(node: Json, formats: Set<string>): void {
  if (Array.isArray(node)) node.forEach((item) => collectFormats(item, formats));
  else if (typeof node === 'object' && node !== null) {
    if (typeof node.format === 'string') formats.add(node.format);
    Object.values(node).forEach((value) => collectFormats(value, formats));
  }
}

export interface SpecValidator {
  /** Validates against `components.schemas[name]`, rejecting undeclared properties. */
  schema(name: string, value: unknown): string[];
  /** Validates against the JSON schema of `components.responses[name]`. */
  response(name: string, value: unknown): string[];
}

/** Builds validators for the spec's schemas; each call returns the list of validation errors. */
export function createSpecValidator(spec: Json = loadSpec()): SpecValidator {
  const schemas: Record<string, Json> = spec.components.schemas;
  const strictNames = new Set(Object.keys(schemas).filter((name) => isObjectSchema(schemas[name])));

  const defs: Record<string, Json> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    // A component's own definition stays open because other schemas use it inside allOf.
    defs[name] = convert(schema, strictNames, true);
    if (strictNames.has(name)) defs[`${name}${STRICT_SUFFIX}`] = { $ref: `#/$defs/${name}`, unevaluatedProperties: false };
  }
  for (const [name, response] of Object.entries(spec.components.responses as Record<string, Json>)) {
    const schema = response?.content?.['application/json']?.schema;
    if (schema) defs[`response:${name}`] = convert(schema, strictNames, false);
  }

  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const addFormats = addFormatsModule as unknown as (instance: Ajv2020) => void;
  addFormats(ajv);
  const formats = new Set<string>();
  collectFormats(schemas, formats);
  for (const format of formats) if (!ajv.formats[format]) ajv.addFormat(format, true);
  ajv.addSchema({ $id: 'gravitee', $defs: defs });

  const cache = new Map<string, ValidateFunction>();
  const validate = (definition: string, value: unknown): string[] => {
    let validator = cache.get(definition);
    if (!validator) {
      validator = ajv.getSchema(`gravitee#/$defs/${encodeURIComponent(definition)}`);
      if (!validator) throw new Error(`No schema "${definition}" in ${specPath}`);
      cache.set(definition, validator);
    }
    if (validator(value)) return [];
    return (validator.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
  };

  return {
    schema: (name, value) => validate(strictNames.has(name) ? `${name}${STRICT_SUFFIX}` : name, value),
    response: (name, value) => validate(`response:${name}`, value),
  };
}
