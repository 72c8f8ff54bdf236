// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { v2Routes } from '../../simulator/routes/v2.ts';
import { createSpecValidator, loadSpec } from './openapi.ts';

const spec = loadSpec();
const validator = createSpecValidator(spec);

// v2 routes documented in other Gravitee spec files than openapi-apis.yaml.
const DOCUMENTED_ELSEWHERE: { pattern: RegExp; reason: string }[] = [
  { pattern: /^\/environments\/\{\}\/api-products\//, reason: 'API Product subscriptions are specified in openapi-api-products.yaml' },
  { pattern: /^\/ui\/bootstrap$/, reason: 'the console bootstrap is specified in the UI spec' },
];

/** Converts a simulator pattern to the spec's path form, with parameters blanked out. */
function specForm(pattern: string): string {
  return pattern.replace(/^\/v2(\/organizations\/:org)?/, '').replace(/:[a-zA-Z]+/g, '{}');
}

const specPaths = new Map<string, Record<string, unknown>>(
  Object.entries(spec.paths as Record<string, Record<string, unknown>>).map(([path, item]) => [path.replace(/\{[^}]+\}/g, '{}'), item]),
);

describe('simulator v2 routes against the spec', () => {
  const routes = v2Routes({ apiProducts: true, uiBootstrap: true });

  it('finds every route path and method in the spec', () => {
    for (const route of routes) {
      const path = specForm(route.pattern);
      if (DOCUMENTED_ELSEWHERE.some((entry) => entry.pattern.test(path))) continue;
      const item = specPaths.get(path);
      expect(item, `${route.method} ${route.pattern} is not a path of the spec`).toBeDefined();
      expect(item?.[route.method.toLowerCase()], `${route.method} ${route.pattern} is not an operation of the spec`).toBeDefined();
    }
  });

  it('exempts only paths the spec lacks', () => {
    const exempt = routes.map((route) => specForm(route.pattern)).filter((path) => DOCUMENTED_ELSEWHERE.some((entry) => entry.pattern.test(path)));
    expect(exempt.length).toBeGreaterThan(0);
    for (const path of exempt) expect(specPaths.has(path), `${path} is in the spec; remove its exemption`).toBe(false);
  });

  it('rejects an invented route', () => {
    expect(specPaths.has(specForm('/v2/environments/:env/apis/:ref/subscriptions/:sub/_approve'))).toBe(false);
  });
});

describe('spec validator', () => {
  const subscription = { id: 's1', api: { id: 'a1' }, plan: { id: 'p1' }, application: { id: 'app1' }, status: 'PENDING', consumerStatus: 'STARTED', subscribedBy: { id: 'u1' }, createdAt: '2026-03-02T10:00:00.000Z' };

  it('accepts a valid subscription', () => {
    expect(validator.schema('Subscription', subscription)).toEqual([]);
  });

  it('rejects an undeclared property', () => {
    expect(validator.schema('Subscription', { ...subscription, apiKey: 'secret' })).not.toEqual([]);
  });

  it('rejects an undeclared nested property', () => {
    expect(validator.schema('Subscription', { ...subscription, plan: { id: 'p1', securityType: 'API_KEY' } })).not.toEqual([]);
  });

  it('rejects a wrong enum value', () => {
    expect(validator.schema('Subscription', { ...subscription, status: 'WAITING' })).not.toEqual([]);
  });

  it('rejects a date that is not ISO-8601', () => {
    expect(validator.schema('Subscription', { ...subscription, createdAt: 1772445600000 })).not.toEqual([]);
  });

  it('rejects an error body with a misspelt field', () => {
    expect(validator.schema('Error', { http_status: 404, message: 'x' })).not.toEqual([]);
    expect(validator.schema('Error', { httpStatus: 404, message: 'x' })).toEqual([]);
  });
});
