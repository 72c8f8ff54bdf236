// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../simulator/server.ts';
import { SEED } from '../../simulator/seed.ts';
import { call, createTestClock, startTestSimulator, v2ApiSubscriptionPath, type CallResult } from './helpers.ts';
import { createSpecValidator } from './openapi.ts';

const validator = createSpecValidator();
const clock = createTestClock();
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startTestSimulator({ now: clock.now });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const s = SEED.subscriptions;
const apis = SEED.apis;
const studentRecords = (subscriptionId?: string) => v2ApiSubscriptionPath('DEFAULT', apis.studentRecords, subscriptionId);

function expectSubscriptionShape(result: CallResult): void {
  expect(validator.schema('Subscription', result.json)).toEqual([]);
}

function expectErrorShape(result: CallResult): void {
  expect(result.headers.get('content-type')).toContain('application/json');
  expect(validator.schema('Error', result.json)).toEqual([]);
}

async function record(id: string): Promise<any> {
  return (await call(sim, 'GET', `/_simulator/subscriptions/${id}`)).json;
}

describe('v2 subscription list', () => {
  it('defaults to ACCEPTED subscriptions', async () => {
    const result = await call(sim, 'GET', v2ApiSubscriptionPath('DEFAULT', apis.courseCatalogue), { token: sim.ownerToken });
    expect(result.status).toBe(200);
    expect(result.json.data.map((item: any) => item.status)).toEqual(['ACCEPTED']);
    expect(validator.response('SubscriptionsResponse', result.json)).toEqual([]);
  });

  it('filters by statuses', async () => {
    const result = await call(sim, 'GET', `${studentRecords()}?statuses=PENDING`, { token: sim.ownerToken });
    expect(result.json.data.map((item: any) => item.id).sort()).toEqual([s.pendingStudentMobile, s.pendingCanvasGrades, s.pendingAlumniLegacy].sort());
    expect(result.json.pagination).toEqual({ page: 1, perPage: 10, pageCount: 1, pageItemsCount: 3, totalCount: 3 });
    expect(Object.keys(result.json.links)).toEqual(['self']);
  });

  it('paginates with links', async () => {
    const first = await call(sim, 'GET', `${studentRecords()}?statuses=PENDING&perPage=2`, { token: sim.ownerToken });
    expect(first.json.pagination).toEqual({ page: 1, perPage: 2, pageCount: 2, pageItemsCount: 2, totalCount: 3 });
    expect(Object.keys(first.json.links).sort()).toEqual(['first', 'last', 'next', 'self']);
    expect(new URL(first.json.links.next).searchParams.get('page')).toBe('2');
    expect(validator.response('SubscriptionsResponse', first.json)).toEqual([]);

    const second = await call(sim, 'GET', `${studentRecords()}?statuses=PENDING&perPage=2&page=2`, { token: sim.ownerToken });
    expect(second.json.pagination.pageItemsCount).toBe(1);
    expect(Object.keys(second.json.links).sort()).toEqual(['first', 'last', 'previous', 'self']);
    expect(new URL(second.json.links.previous).searchParams.get('page')).toBe('1');
  });

  it('omits links for a page out of range', async () => {
    const result = await call(sim, 'GET', `${studentRecords()}?statuses=PENDING&perPage=2&page=5`, { token: sim.ownerToken });
    expect(result.json.data).toEqual([]);
    expect(result.json).not.toHaveProperty('links');
  });

  it('gives pageCount 0 when empty', async () => {
    const result = await call(sim, 'GET', `${studentRecords()}?statuses=PAUSED`, { token: sim.ownerToken });
    expect(result.json.pagination).toEqual({ page: 1, perPage: 10, pageCount: 0, pageItemsCount: 0, totalCount: 0 });
  });

  it('rejects page 0', async () => {
    const result = await call(sim, 'GET', `${studentRecords()}?page=0`, { token: sim.ownerToken });
    expect(result.status).toBe(400);
    expectErrorShape(result);
  });

  it('expands nested objects on request', async () => {
    const plain = await call(sim, 'GET', `${studentRecords()}?statuses=PENDING`, { token: sim.ownerToken });
    expect(plain.json.data[0].application).toEqual({ id: expect.any(String) });
    const expanded = await call(sim, 'GET', `${studentRecords()}?statuses=PENDING&expands=application,plan,api,subscribedBy`, { token: sim.ownerToken });
    const item = expanded.json.data.find((candidate: any) => candidate.id === s.pendingStudentMobile);
    expect(item.application.name).toBe('Studentweb mobil');
    expect(item.plan.security).toEqual({ type: 'API_KEY' });
    expect(item.api.name).toBe('Studentregister API');
    expect(item.subscribedBy.displayName).toBe('Ingrid Hansen');
    expect(validator.response('SubscriptionsResponse', expanded.json)).toEqual([]);
  });
});

describe('v2 get one subscription', () => {
  it('holds only ids in nested objects', async () => {
    const result = await call(sim, 'GET', studentRecords(s.pendingStudentMobile), { token: sim.ownerToken });
    expect(result.status).toBe(200);
    expect(result.json).toEqual({
      id: s.pendingStudentMobile,
      api: { id: apis.studentRecords },
      plan: { id: SEED.plans.studentRecordsGold },
      application: { id: SEED.applications.studentMobile },
      consumerMessage: 'Vi trenger tilgang til studentdata for den nye mobilappen før semesterstart.',
      status: 'PENDING',
      consumerStatus: 'STARTED',
      subscribedBy: { id: SEED.users.ingrid },
      createdAt: new Date(clock.now().getTime() - 2 * 3_600_000).toISOString(),
      updatedAt: new Date(clock.now().getTime() - 2 * 3_600_000).toISOString(),
      origin: 'MANAGEMENT',
    });
    expectSubscriptionShape(result);
  });

  it('answers 404 for an unknown id', async () => {
    const result = await call(sim, 'GET', studentRecords('no-such-subscription'), { token: sim.ownerToken });
    expect(result.status).toBe(404);
    expect(result.json).toEqual({
      httpStatus: 404,
      message: 'Subscription [no-such-subscription] cannot be found.',
      technicalCode: 'subscription.notFound',
      parameters: { subscription: 'no-such-subscription' },
    });
    expectErrorShape(result);
  });

  it('answers 404 for another API subscription', async () => {
    const result = await call(sim, 'GET', studentRecords(s.pendingCanvasCatalogue), { token: sim.ownerToken });
    expect(result.status).toBe(404);
    expect(result.json.technicalCode).toBe('subscription.notFound');
  });

  it('accepts an hrid only under the organization prefix', async () => {
    const withoutPrefix = await call(sim, 'GET', v2ApiSubscriptionPath('default', apis.studentRecords, s.pendingStudentMobile), { token: sim.ownerToken });
    expect(withoutPrefix.status).toBe(400);
    expect(withoutPrefix.json).toEqual({ httpStatus: 400, message: 'Invalid organization or environment' });
    expectErrorShape(withoutPrefix);

    const withPrefix = await call(sim, 'GET', `/management/v2/organizations/DEFAULT/environments/default/apis/${apis.studentRecords}/subscriptions/${s.pendingStudentMobile}`, { token: sim.ownerToken });
    expect(withPrefix.status).toBe(200);
  });

  it('rejects an unknown environment', async () => {
    const result = await call(sim, 'GET', v2ApiSubscriptionPath('PROD', apis.studentRecords, s.pendingStudentMobile), { token: sim.ownerToken });
    expect(result.status).toBe(400);
    expect(result.json.message).toBe('Invalid organization or environment');
  });
});

describe('v2 accept', () => {
  const acceptPath = `${studentRecords(s.pendingStudentMobile)}/_accept`;

  it('stores the period, message and processor', async () => {
    const body = { startingAt: '2026-04-01T00:00:00Z', endingAt: '2027-03-31T23:59:59Z', reason: 'Godkjent for pilot' };
    const result = await call(sim, 'POST', acceptPath, { token: sim.ownerToken, body });
    expect(result.status).toBe(200);
    expectSubscriptionShape(result);
    expect(result.json.status).toBe('ACCEPTED');
    expect(result.json.startingAt).toBe('2026-04-01T00:00:00.000Z');
    expect(result.json.endingAt).toBe('2027-03-31T23:59:59.000Z');
    expect(result.json.publisherMessage).toBe('Godkjent for pilot');
    expect(result.json.processedBy).toEqual({ id: SEED.users.owner });
    expect(result.json.processedAt).toBe(clock.now().toISOString());
    expect(result.json.updatedAt).toBe(clock.now().toISOString());

    const stored = await record(s.pendingStudentMobile);
    expect(stored.status).toBe('ACCEPTED');
    expect(stored.startingAt).toBe('2026-04-01T00:00:00.000Z');
    expect(stored.endingAt).toBe('2027-03-31T23:59:59.000Z');
    expect(stored.publisherMessage).toBe('Godkjent for pilot');
    expect(stored.processedBy).toBe(SEED.users.owner);
    expect(stored.processedAt).toBe(clock.now().toISOString());
    expect(stored.apiKeys).toEqual([{ id: expect.any(String), expireAt: '2027-03-31T23:59:59.000Z', revoked: false }]);
  });

  it('starts now and never ends by default', async () => {
    const result = await call(sim, 'POST', acceptPath, { token: sim.ownerToken, body: {} });
    expect(result.status).toBe(200);
    expect(result.json.startingAt).toBe(clock.now().toISOString());
    expect(result.json).not.toHaveProperty('endingAt');
    expect(result.json).not.toHaveProperty('publisherMessage');
  });

  it('stores an end before the start unchanged', async () => {
    const body = { startingAt: '2026-05-01T00:00:00Z', endingAt: '2026-04-01T00:00:00Z' };
    const result = await call(sim, 'POST', acceptPath, { token: sim.ownerToken, body });
    expect(result.status).toBe(200);
    expect(result.json.endingAt).toBe('2026-04-01T00:00:00.000Z');
  });

  it('requires a JSON body', async () => {
    const result = await call(sim, 'POST', acceptPath, { token: sim.ownerToken });
    expect(result.status).toBe(400);
    expectErrorShape(result);
    expect((await record(s.pendingStudentMobile)).status).toBe('PENDING');
  });

  it('rejects an unparsable date', async () => {
    const result = await call(sim, 'POST', acceptPath, { token: sim.ownerToken, body: { startingAt: 'tomorrow' } });
    expect(result.status).toBe(400);
    expect(result.json.technicalCode).toBe('invalidValue');
    expect(result.json.details[0].location).toBe('startingAt');
    expect(result.json.details[0].invalidValue).toBe('tomorrow');
    expectErrorShape(result);
    expect((await record(s.pendingStudentMobile)).status).toBe('PENDING');
  });

  it('refuses a past end on an API key plan', async () => {
    const result = await call(sim, 'POST', acceptPath, { token: sim.ownerToken, body: { endingAt: '2026-03-01T00:00:00Z' } });
    expect(result.status).toBe(400);
    expect(result.json.technicalCode).toBe('subscription.closed');
    expectErrorShape(result);
    const stored = await record(s.pendingStudentMobile);
    expect(stored.status).toBe('PENDING');
    expect(stored.apiKeys).toEqual([]);
  });

  it('allows a past end on a JWT plan', async () => {
    const path = `${studentRecords(s.pendingCanvasGrades)}/_accept`;
    const result = await call(sim, 'POST', path, { token: sim.ownerToken, body: { endingAt: '2026-03-01T00:00:00Z' } });
    expect(result.status).toBe(200);
    expect(result.json.endingAt).toBe('2026-03-01T00:00:00.000Z');
  });

  it('refuses a closed plan', async () => {
    const result = await call(sim, 'POST', `${studentRecords(s.pendingAlumniLegacy)}/_accept`, { token: sim.ownerToken, body: {} });
    expect(result.status).toBe(400);
    expect(result.json.technicalCode).toBe('plan.closed');
    expectErrorShape(result);
  });

  it('answers 500 when already processed', async () => {
    expect((await call(sim, 'POST', acceptPath, { token: sim.ownerToken, body: {} })).status).toBe(200);
    const again = await call(sim, 'POST', acceptPath, { token: sim.ownerToken, body: {} });
    expect(again.status).toBe(500);
    expect(again.json).toEqual({ httpStatus: 500, message: 'Cannot accept subscription' });
    expectErrorShape(again);

    const reject = await call(sim, 'POST', `${studentRecords(s.pendingStudentMobile)}/_reject`, { token: sim.ownerToken, body: {} });
    expect(reject.status).toBe(500);
    expect(reject.json).toEqual({ httpStatus: 500, message: 'Cannot reject subscription' });
  });

  it('checks permission before anything else', async () => {
    const result = await call(sim, 'POST', `${studentRecords('no-such-subscription')}/_accept`, { token: sim.viewerToken });
    expect(result.status).toBe(403);
    expect(result.json).toEqual({ httpStatus: 403, message: 'You do not have sufficient rights to access this resource', technicalCode: 'forbidden' });
    expectErrorShape(result);
  });

  it('lets a read-only member read but not accept', async () => {
    expect((await call(sim, 'GET', studentRecords(s.pendingStudentMobile), { token: sim.viewerToken })).status).toBe(200);
    const result = await call(sim, 'POST', acceptPath, { token: sim.viewerToken, body: {} });
    expect(result.status).toBe(403);
    expect((await record(s.pendingStudentMobile)).status).toBe('PENDING');
  });

  it('refuses the owner on a foreign API', async () => {
    const path = `${v2ApiSubscriptionPath('DEFAULT', apis.timetable, s.pendingTimetableWidget)}/_accept`;
    expect((await call(sim, 'POST', path, { token: sim.ownerToken, body: {} })).status).toBe(403);
    expect((await call(sim, 'POST', path, { token: sim.adminToken, body: {} })).status).toBe(200);
  });

  it('never returns API key values', async () => {
    await call(sim, 'POST', acceptPath, { token: sim.ownerToken, body: {} });
    const keys = sim.data().apiKeys.map((key) => key.key);
    expect(keys.length).toBeGreaterThan(0);
    const texts = [
      (await call(sim, 'GET', `${studentRecords()}?statuses=ACCEPTED,PENDING,CLOSED&expands=api,application,plan,subscribedBy`, { token: sim.ownerToken })).text,
      (await call(sim, 'GET', studentRecords(s.pendingStudentMobile), { token: sim.ownerToken })).text,
      (await call(sim, 'GET', '/_simulator/subscriptions')).text,
      (await call(sim, 'GET', '/management/organizations/DEFAULT/user/tasks', { token: sim.adminToken })).text,
    ];
    for (const text of texts) for (const key of keys) expect(text).not.toContain(key);
  });
});

describe('v2 reject', () => {
  it('sets closedAt and the publisher message', async () => {
    const result = await call(sim, 'POST', `${studentRecords(s.pendingStudentMobile)}/_reject`, { token: sim.ownerToken, body: { reason: 'Use the Partner plan instead.' } });
    expect(result.status).toBe(200);
    expectSubscriptionShape(result);
    expect(result.json.status).toBe('REJECTED');
    expect(result.json.publisherMessage).toBe('Use the Partner plan instead.');
    expect(result.json.closedAt).toBe(clock.now().toISOString());
    expect(result.json.processedAt).toBe(clock.now().toISOString());
    expect(result.json.processedBy).toEqual({ id: SEED.users.owner });
    expect(result.json).not.toHaveProperty('startingAt');

    const stored = await record(s.pendingStudentMobile);
    expect(stored.status).toBe('REJECTED');
    expect(stored.closedAt).toBe(clock.now().toISOString());
  });

  it('requires a JSON body', async () => {
    const result = await call(sim, 'POST', `${studentRecords(s.pendingStudentMobile)}/_reject`, { token: sim.ownerToken });
    expect(result.status).toBe(400);
  });
});

describe('v2 update', () => {
  const accepted = s.acceptedStudentMobileLibrary;
  const libraryPath = v2ApiSubscriptionPath('DEFAULT', apis.libraryLoans, accepted);

  it('replaces dates and metadata', async () => {
    const before = await record(accepted);
    expect(before.startingAt).not.toBeNull();
    expect(before.metadata).not.toBeNull();

    const result = await call(sim, 'PUT', libraryPath, { token: sim.ownerToken, body: { endingAt: '2026-12-31T23:00:00Z' } });
    expect(result.status).toBe(200);
    expectSubscriptionShape(result);
    expect(result.json.endingAt).toBe('2026-12-31T23:00:00.000Z');
    expect(result.json).not.toHaveProperty('startingAt');
    expect(result.json).not.toHaveProperty('metadata');

    const stored = await record(accepted);
    expect(stored.startingAt).toBeNull();
    expect(stored.metadata).toBeNull();
    expect(stored.apiKeys[0].expireAt).toBe('2026-12-31T23:00:00.000Z');
  });

  it('keeps key expiry when the end is cleared', async () => {
    await call(sim, 'PUT', libraryPath, { token: sim.ownerToken, body: { endingAt: '2026-12-31T23:00:00Z' } });
    const result = await call(sim, 'PUT', libraryPath, { token: sim.ownerToken, body: { startingAt: '2026-01-01T00:00:00Z', metadata: { team: 'bibliotek' } } });
    expect(result.json).not.toHaveProperty('endingAt');
    expect(result.json.metadata).toEqual({ team: 'bibliotek' });
    expect((await record(accepted)).apiKeys[0].expireAt).toBe('2026-12-31T23:00:00.000Z');
  });

  it('refuses closed and rejected subscriptions', async () => {
    const closed = await call(sim, 'PUT', studentRecords(s.closedTimetableWidgetRecords), { token: sim.ownerToken, body: { endingAt: '2026-12-31T23:00:00Z' } });
    expect(closed.status).toBe(400);
    expect(closed.json.technicalCode).toBe('subscription.notUpdatable');
    expectErrorShape(closed);

    const rejected = await call(sim, 'PUT', v2ApiSubscriptionPath(SEED.environments.test, apis.researchData, s.rejectedAlumniResearch), { token: sim.ownerToken, body: {} });
    expect(rejected.status).toBe(400);
    expect(rejected.json.technicalCode).toBe('subscription.notUpdatable');
  });

  it('updates a pending subscription', async () => {
    const result = await call(sim, 'PUT', studentRecords(s.pendingStudentMobile), { token: sim.ownerToken, body: { endingAt: '2026-12-31T23:00:00Z' } });
    expect(result.status).toBe(200);
    expect(result.json.status).toBe('PENDING');
  });
});

describe('v2 close', () => {
  it('rejects a pending subscription', async () => {
    const result = await call(sim, 'POST', `${studentRecords(s.pendingStudentMobile)}/_close`, { token: sim.ownerToken });
    expect(result.status).toBe(200);
    expectSubscriptionShape(result);
    expect(result.json.status).toBe('REJECTED');
    expect(result.json.publisherMessage).toBe('Subscription has been closed.');
  });

  it('closes an accepted one and revokes its keys', async () => {
    const path = `${v2ApiSubscriptionPath('DEFAULT', apis.libraryLoans, s.acceptedStudentMobileLibrary)}/_close`;
    const result = await call(sim, 'POST', path, { token: sim.ownerToken });
    expect(result.json.status).toBe('CLOSED');
    expect(result.json.closedAt).toBe(clock.now().toISOString());
    expect((await record(s.acceptedStudentMobileLibrary)).apiKeys.every((key: any) => key.revoked)).toBe(true);
  });

  it('returns a closed one unchanged', async () => {
    const before = await record(s.closedTimetableWidgetRecords);
    const result = await call(sim, 'POST', `${studentRecords(s.closedTimetableWidgetRecords)}/_close`, { token: sim.ownerToken });
    expect(result.status).toBe(200);
    expect(await record(s.closedTimetableWidgetRecords)).toEqual(before);
  });
});

describe('v2 API Product subscriptions', () => {
  const productPath = `/management/v2/environments/DEFAULT/api-products/${SEED.apiProducts.studyPortal}/subscriptions/${s.pendingProductTimetableWidget}`;

  it('accepts through the product path', async () => {
    const result = await call(sim, 'POST', `${productPath}/_accept`, { token: sim.ownerToken, body: { reason: 'OK' } });
    expect(result.status).toBe(200);
    expect(result.json.apiProduct).toEqual({ id: SEED.apiProducts.studyPortal });
    expect(result.json).not.toHaveProperty('api');
    expectSubscriptionShape(result);
  });

  it('is not found under the API path', async () => {
    const result = await call(sim, 'GET', v2ApiSubscriptionPath('DEFAULT', SEED.apiProducts.studyPortal, s.pendingProductTimetableWidget), { token: sim.adminToken });
    expect(result.status).toBe(404);
  });

  it('lists product subscriptions', async () => {
    const result = await call(sim, 'GET', `/management/v2/environments/DEFAULT/api-products/${SEED.apiProducts.studyPortal}/subscriptions?statuses=PENDING`, { token: sim.ownerToken });
    expect(result.json.data.map((item: any) => item.id)).toEqual([s.pendingProductTimetableWidget]);
  });
});

describe('v2 unknown routes', () => {
  it('answers 404 in the v2 error shape', async () => {
    const result = await call(sim, 'GET', '/management/v2/environments/DEFAULT/nothing-here', { token: sim.ownerToken });
    expect(result.status).toBe(404);
    expectErrorShape(result);
  });
});
