// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createGraviteeClient, createMemoryCsrfStore } from '@/lib/gravitee/client';
import type { PendingRequest } from '@/lib/gravitee/types';
import { capabilitiesForVersion, GRAVITEE_3_CAPABILITIES, type GraviteeCapabilities } from '@/lib/gravitee/version';
import { loadSpec } from '../simulator/openapi.ts';
import { json, recordingFetch, type RecordedRequest } from './recording-fetch.ts';
import { createRequestValidator, createV1RequestValidator, createV2RequestValidator } from './request-contract.ts';

// Proves that the contract checks can fail: requests recorded from the client pass, and the same
// requests with one field changed, or checked against a changed specification, do not.

const managementUrl = 'https://apim.example.org/management';
const connection = { id: 'c1', name: 'Test', consoleUrl: 'https://apim.example.org/console/', managementUrl, organization: 'DEFAULT' };
const request: PendingRequest = {
  connectionId: 'c1',
  subscriptionId: 'sub-1',
  referenceType: 'API',
  apiId: 'api-1',
  apiName: 'Studentregister API',
  planId: 'plan-1',
  planName: 'Gold',
  applicationId: 'app-1',
  applicationName: 'Canvas',
  environmentId: 'DEFAULT',
  consumerMessage: null,
  createdAt: 1,
};
const validity = { startingAt: new Date('2026-03-02T10:00:00Z'), endingAt: new Date('2027-03-02T22:59:59.999Z') };

/** Records the accept and reject requests the client sends with the given capabilities. */
async function recordDecisions(capabilities: GraviteeCapabilities): Promise<{ accept: RecordedRequest; reject: RecordedRequest; read: RecordedRequest }> {
  const server = recordingFetch(managementUrl, [
    [/^GET \/organizations\/DEFAULT\/user$/, () => json({ id: 'u1' }, 200, { 'X-Xsrf-Token': 'csrf-1' })],
    [/^GET \/v2\//, () => json({ id: 'sub-1', status: 'PENDING', plan: { id: 'plan-1' } })],
    [/^POST \/v2\/.*\/_accept$/, () => json({ id: 'sub-1', status: 'ACCEPTED' })],
    [/^POST \/v2\/.*\/_reject$/, () => json({ id: 'sub-1', status: 'REJECTED' })],
    [/^GET .*\/subscriptions\/sub-1$/, () => json({ id: 'sub-1', status: 'PENDING' })],
    [/^POST .*\/_process$/, (recorded) => json({ id: 'sub-1', status: (recorded.body as { accepted: boolean }).accepted ? 'ACCEPTED' : 'REJECTED' })],
  ]);
  const client = createGraviteeClient({ connection, token: 'pat', csrf: createMemoryCsrfStore(), fetch: server.fetch, capabilities });
  await client.acceptSubscription(request, validity, 'Welcome');
  await client.rejectSubscription(request, 'Not now');
  await client.getSubscriptionDetails(request);

  const changes = server.requests.filter((entry) => entry.method === 'POST');
  const read = server.requests.filter((entry) => entry.method === 'GET' && entry.path.includes('/subscriptions/')).at(-1);
  if (changes.length !== 2 || !changes[0] || !changes[1] || !read) throw new Error(`Expected two decisions and a read, got ${server.requests.map((entry) => entry.path).join(', ')}`);
  return { accept: changes[0], reject: changes[1], read };
}

function withBody(recorded: RecordedRequest, body: unknown): RecordedRequest {
  return { ...recorded, body };
}

describe('v2 request contract', () => {
  const validator = createV2RequestValidator();
  const v2 = capabilitiesForVersion('4.13.0') ?? GRAVITEE_3_CAPABILITIES;

  it('accepts the recorded requests', async () => {
    const { accept, reject, read } = await recordDecisions(v2);
    expect(validator.validate(accept)).toEqual([]);
    expect(validator.validate(reject)).toEqual([]);
    expect(validator.validate(read)).toEqual([]);
  });

  it('rejects an undeclared body field', async () => {
    const { accept } = await recordDecisions(v2);
    expect(validator.validate(withBody(accept, { ...(accept.body as object), accepted: true }))).not.toEqual([]);
  });

  it('rejects a v1 field name in a v2 body', async () => {
    const { accept } = await recordDecisions(v2);
    const { endingAt, ...rest } = accept.body as Record<string, unknown>;
    expect(validator.validate(withBody(accept, { ...rest, ending_at: endingAt }))).not.toEqual([]);
  });

  it('rejects a date that is not ISO-8601', async () => {
    const { accept } = await recordDecisions(v2);
    expect(validator.validate(withBody(accept, { ...(accept.body as object), endingAt: 1804114799999 }))).not.toEqual([]);
  });

  it('rejects a missing body', async () => {
    const { reject } = await recordDecisions(v2);
    expect(validator.validate(withBody(reject, undefined))).toEqual([expect.stringContaining('needs a JSON body')]);
  });

  it('rejects an unknown path, method or query', async () => {
    const { accept, read } = await recordDecisions(v2);
    expect(validator.validate({ ...accept, path: accept.path.replace('/subscriptions/', '/subscription/') })[0]).toMatch(/no path template/);
    expect(validator.validate({ ...read, method: 'POST' })[0]).toMatch(/has no POST operation/);
    expect(validator.validate({ ...read, query: { expand: 'plan' } })[0]).toMatch(/query parameter "expand" is not declared/);
    expect(validator.validate({ ...read, query: { expands: 'plan,keys' } })).not.toEqual([]);
  });

  it('fails when the specification drops a field the client sends', async () => {
    const { accept } = await recordDecisions(v2);
    const spec = loadSpec();
    delete spec.components.schemas.AcceptSubscription.properties.reason;
    expect(createV2RequestValidator(spec).validate(accept)).not.toEqual([]);
  });

  it('validates API Product paths as their API equivalents', async () => {
    const { accept } = await recordDecisions(v2);
    const productPath = accept.path.replace('/apis/', '/api-products/');
    expect(validator.validate({ ...accept, path: productPath })).toEqual([]);
    expect(validator.validate({ ...accept, path: `/v2/organizations/DEFAULT${productPath.slice('/v2'.length)}` })).toEqual([]);
  });
});

describe('v1 request contract', () => {
  const validator = createV1RequestValidator();

  it('accepts the recorded requests', async () => {
    const { accept, reject, read } = await recordDecisions(GRAVITEE_3_CAPABILITIES);
    expect(accept.path).toMatch(/\/_process$/);
    expect(validator.validate(accept)).toEqual([]);
    expect(validator.validate(reject)).toEqual([]);
    expect(validator.validate(read)).toEqual([]);
  });

  it('rejects a _process body without accepted', async () => {
    const { reject } = await recordDecisions(GRAVITEE_3_CAPABILITIES);
    const { accepted: _accepted, ...rest } = reject.body as Record<string, unknown>;
    expect(validator.validate(withBody(reject, rest))).toEqual([expect.stringContaining("must have required property 'accepted'")]);
  });

  it('rejects a v2 field name in a v1 body', async () => {
    const { accept } = await recordDecisions(GRAVITEE_3_CAPABILITIES);
    const { starting_at: startingAt, ...rest } = accept.body as Record<string, unknown>;
    expect(validator.validate(withBody(accept, { ...rest, startingAt }))).not.toEqual([]);
  });

  it('rejects a date that is neither epoch milliseconds nor ISO-8601', async () => {
    const { accept } = await recordDecisions(GRAVITEE_3_CAPABILITIES);
    expect(validator.validate(withBody(accept, { ...(accept.body as object), ending_at: 'next year' }))).not.toEqual([]);
  });

  it('rejects a body on a read and an undeclared query', async () => {
    const { read } = await recordDecisions(GRAVITEE_3_CAPABILITIES);
    expect(validator.validate(withBody(read, {}))).toEqual([expect.stringContaining('takes no body')]);
    expect(validator.validate({ ...read, query: { expand: 'keys' } })).toEqual([expect.stringContaining('query parameter "expand" is not declared')]);
  });

  it('checks v1 responses', () => {
    expect(validator.response('ErrorEntity', { message: 'This subscription has already been processed.', http_status: 400, technicalCode: 'subscription.processed' })).toEqual([]);
    expect(validator.response('ErrorEntity', { message: 'x', httpStatus: 400 })).not.toEqual([]);
    expect(validator.response('Subscription', { id: 's', status: 'ACCEPTED', starting_at: '2026-03-02T10:00:00Z' })).not.toEqual([]);
    const page = { current: 1, per_page: 1, size: 1, total_pages: 1, total_elements: 1 };
    const task = { type: 'SUBSCRIPTION_APPROVAL', data: { id: 's', plan: 'p', application: 'a', status: 'PENDING' }, created_at: 1 };
    expect(validator.response('TaskEntityPagedResult', { data: [task], metadata: {}, page })).toEqual([]);
    expect(validator.response('TaskEntityPagedResult', { data: [{ ...task, data: { id: 's' } }], metadata: {}, page })).not.toEqual([]);
  });
});

describe('request validator by path', () => {
  it('sends v2 paths to the specification and others to the v1 shapes', async () => {
    const validator = createRequestValidator();
    const v1 = await recordDecisions(GRAVITEE_3_CAPABILITIES);
    const v2 = await recordDecisions(capabilitiesForVersion('4.13.0') ?? GRAVITEE_3_CAPABILITIES);
    expect(validator.operationOf(v1.accept)).toBe('POST /organizations/{orgId}/environments/{envId}/apis/{api}/subscriptions/{subscription}/_process');
    expect(validator.operationOf(v2.accept)).toBe('POST /environments/{envId}/apis/{apiId}/subscriptions/{subscriptionId}/_accept');
  });
});
