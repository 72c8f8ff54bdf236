import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { createSpecValidator, loadSpec } from '../simulator/openapi.ts';
import type { RecordedRequest } from './recording-fetch.ts';
import { V1_OPERATIONS, V1_SCHEMAS } from './v1-shapes.ts';

// Validates requests the client sent against Gravitee's contracts: Management API v2 requests
// against the official openapi-apis.yaml (path template with that method, declared query
// parameters, request body schema with undeclared properties rejected), and v1 requests against
// the shapes in v1-shapes.ts.

type Json = any;

const SCHEMA_REF = '#/components/schemas/';
const PARAMETER_REF = '#/components/parameters/';

function templateRegex(template: string): RegExp {
  const pattern = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${pattern}$`);
}

function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormatsModule as unknown as (instance: Ajv2020) => void)(ajv);
  return ajv;
}

function describeErrors(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
}

/** Converts an inline OpenAPI 3.0 parameter schema to JSON Schema: `nullable` becomes a null type. */
function parameterSchema(schema: Json): Json {
  if (typeof schema !== 'object' || schema === null) return schema;
  const { nullable, example: _example, ...rest } = schema;
  const converted: Json = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, key === 'items' ? parameterSchema(value) : value]));
  if (nullable === true && typeof converted.type === 'string') converted.type = [converted.type, 'null'];
  return converted;
}

export interface RequestValidator {
  /** Returns the list of contract violations of one recorded request; empty when it conforms. */
  validate(request: RecordedRequest): string[];
  /** Returns the `METHOD template` a request matched, for coverage checks, or null. */
  operationOf(request: RecordedRequest): string | null;
}

/**
 * Builds the validator for Management API v2 requests. API Product paths
 * (`/environments/{envId}/api-products/{apiProductId}/…`) are specified in Gravitee's
 * openapi-api-products.yaml, which is not available here, so they are validated against the
 * `/apis/{apiId}/…` operations with the same shape.
 */
export function createV2RequestValidator(spec: Json = loadSpec()): RequestValidator {
  const bodies = createSpecValidator(spec);
  const ajv = createAjv();
  const templates = Object.entries(spec.paths as Record<string, Json>).map(([template, item]) => ({ template, item, regex: templateRegex(template) }));

  const resolveParameter = (parameter: Json): Json => {
    if (typeof parameter?.$ref === 'string' && parameter.$ref.startsWith(PARAMETER_REF)) return spec.components.parameters[parameter.$ref.slice(PARAMETER_REF.length)];
    return parameter;
  };

  function locate(request: RecordedRequest) {
    if (!request.path.startsWith('/v2/')) return { error: `not a v2 path: ${request.path}` } as const;
    // Every v2 path is also served under /v2/organizations/{orgId}, the spec's second server.
    let path = request.path.slice('/v2'.length).replace(/^\/organizations\/[^/]+(?=\/environments\/)/, '');
    path = path.replace(/^(\/environments\/[^/]+)\/api-products\//, '$1/apis/');
    const found = templates.find((candidate) => candidate.regex.test(path));
    if (!found) return { error: `no path template of openapi-apis.yaml matches ${request.path}` } as const;
    const operation = found.item[request.method.toLowerCase()];
    if (!operation) return { error: `${found.template} has no ${request.method} operation` } as const;
    return { template: found.template, item: found.item, operation } as const;
  }

  return {
    operationOf(request) {
      const located = locate(request);
      return 'error' in located ? null : `${request.method} ${located.template}`;
    },

    validate(request) {
      const located = locate(request);
      if ('error' in located) return [located.error as string];
      const errors: string[] = [];
      const parameters: Json[] = [...(located.item.parameters ?? []), ...(located.operation.parameters ?? [])].map(resolveParameter);
      const queryParameters = new Map<string, Json>(parameters.filter((parameter) => parameter.in === 'query').map((parameter) => [parameter.name, parameter]));

      for (const [name, value] of Object.entries(request.query)) {
        const declared = queryParameters.get(name);
        if (!declared) {
          errors.push(`query parameter "${name}" is not declared for ${request.method} ${located.template}`);
          continue;
        }
        const schema = parameterSchema(declared.schema ?? {});
        // Gravitee reads array parameters such as `expands` as one comma-separated value.
        const values = schema.type === 'array' ? value.split(',') : [value];
        const validate = ajv.compile(schema.type === 'array' ? (schema.items ?? {}) : schema);
        for (const item of values) if (!validate(item)) errors.push(...describeErrors(validate).map((message) => `query ${name}=${item}: ${message}`));
      }
      for (const [name, parameter] of queryParameters) if (parameter.required && !(name in request.query)) errors.push(`required query parameter "${name}" is missing`);

      const requestBody = located.operation.requestBody;
      if (!requestBody) {
        if (request.body !== undefined) errors.push(`${request.method} ${located.template} takes no body`);
        return errors;
      }
      if (request.body === undefined) {
        if (requestBody.required) errors.push(`${request.method} ${located.template} needs a JSON body`);
        return errors;
      }
      const reference: string | undefined = requestBody.content?.['application/json']?.schema?.$ref;
      if (!reference?.startsWith(SCHEMA_REF)) return [...errors, `${located.template} has no JSON body schema`];
      errors.push(...bodies.schema(reference.slice(SCHEMA_REF.length), request.body).map((message) => `body ${message}`));
      return errors;
    },
  };
}

/** Builds the validator for Management API v1 requests against V1_OPERATIONS. */
export function createV1RequestValidator(): RequestValidator & { response(schema: string, value: unknown): string[] } {
  const ajv = createAjv();
  for (const [name, schema] of Object.entries(V1_SCHEMAS)) ajv.addSchema(schema, name);
  const operations = V1_OPERATIONS.map((operation) => ({ ...operation, regex: templateRegex(operation.path) }));

  const check = (name: string, value: unknown): string[] => {
    const validate = ajv.getSchema(name);
    if (!validate) throw new Error(`No v1 schema named ${name}`);
    return validate(value) ? [] : describeErrors(validate);
  };

  function locate(request: RecordedRequest) {
    const matching = operations.filter((operation) => operation.regex.test(request.path));
    if (matching.length === 0) return { error: `no v1 operation matches ${request.path}` } as const;
    const operation = matching.find((candidate) => candidate.method === request.method);
    if (!operation) return { error: `${matching[0]?.path} has no ${request.method} operation` } as const;
    return { operation } as const;
  }

  return {
    operationOf(request) {
      const located = locate(request);
      return 'error' in located ? null : `${request.method} ${located.operation.path}`;
    },

    validate(request) {
      const located = locate(request);
      if ('error' in located) return [located.error as string];
      const { operation } = located;
      const errors: string[] = [];
      for (const [name, value] of Object.entries(request.query)) {
        const schema = operation.query[name];
        if (!schema) {
          errors.push(`query parameter "${name}" is not declared for ${request.method} ${operation.path}`);
          continue;
        }
        const validate = ajv.compile(schema);
        if (!validate(value)) errors.push(...describeErrors(validate).map((message) => `query ${name}: ${message}`));
      }
      if (!operation.body) {
        if (request.body !== undefined) errors.push(`${request.method} ${operation.path} takes no body`);
      } else if (request.body === undefined) {
        errors.push(`${request.method} ${operation.path} needs a JSON body`);
      } else {
        errors.push(...check(operation.body, request.body).map((message) => `body ${message}`));
      }
      return errors;
    },

    response: check,
  };
}

/** Validates a request with the v2 or v1 validator, by its path. */
export function createRequestValidator(spec?: Json): RequestValidator {
  const v2 = createV2RequestValidator(spec);
  const v1 = createV1RequestValidator();
  const pick = (request: RecordedRequest) => (request.path.startsWith('/v2/') ? v2 : v1);
  return {
    validate: (request) => pick(request).validate(request),
    operationOf: (request) => pick(request).operationOf(request),
  };
}
