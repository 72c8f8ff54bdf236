// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../simulator/server.ts';
import { SEED } from '../../simulator/seed.ts';
import { call, createTestClock, startTestSimulator } from './helpers.ts';

const clock = createTestClock();
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startTestSimulator({ now: clock.now });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const s = SEED.subscriptions;
const v1Path = (environment: string, apiId: string, subscriptionId: string) => `/management/organizations/DEFAULT/environments/${environment}/apis/${apiId}/subscriptions/${subscriptionId}`;
const pending = v1Path('DEFAULT', SEED.apis.studentRecords, s.pendingStudentMobile);

async function record(id: string): Promise<any> {
  return (await call(sim, 'GET', `/_simulator/subscriptions/${id}`)).json;
}

describe('v1 get subscription', () => {
  it('uses snake_case and epoch milliseconds', async () => {
    const result = await call(sim, 'GET', v1Path('default', SEED.apis.libraryLoans, s.acceptedStudentMobileLibrary), { token: sim.ownerToken });
    expect(result.status).toBe(200);
    expect(result.text).toContain('\n  "id"');
    expect(result.json).toMatchObject({
      id: s.acceptedStudentMobileLibrary,
      status: 'ACCEPTED',
      processed_by: SEED.users.admin,
      subscribed_by: { id: SEED.users.ingrid, displayName: 'Ingrid Hansen' },
      plan: { id: SEED.plans.libraryLoansStandard, name: 'Standard (API-nøkkel)', security: 'API_KEY' },
      application: { id: SEED.applications.studentMobile, name: 'Studentweb mobil', owner: { id: SEED.users.ingrid, displayName: 'Ingrid Hansen' } },
    });
    expect(typeof result.json.starting_at).toBe('number');
    expect(typeof result.json.created_at).toBe('number');
    expect(result.json).not.toHaveProperty('ending_at');
  });

  it('answers errors in the v1 shape', async () => {
    const result = await call(sim, 'GET', v1Path('DEFAULT', SEED.apis.studentRecords, 'missing'), { token: sim.ownerToken });
    expect(result.status).toBe(404);
    expect(result.json).toEqual({ message: 'Subscription [missing] cannot be found.', http_status: 404, technicalCode: 'subscription.notFound', parameters: { subscription: 'missing' } });
  });
});

describe('v1 _process', () => {
  it('rejects when accepted is missing', async () => {
    const result = await call(sim, 'POST', `${pending}/_process`, { token: sim.ownerToken, body: { reason: 'Mangler formål' } });
    expect(result.status).toBe(200);
    expect(result.json.status).toBe('REJECTED');
    expect(result.json.reason).toBe('Mangler formål');
    expect((await record(s.pendingStudentMobile)).status).toBe('REJECTED');
  });

  it('accepts with epoch dates', async () => {
    const startingAt = Date.parse('2026-04-01T00:00:00Z');
    const endingAt = Date.parse('2027-04-01T00:00:00Z');
    const result = await call(sim, 'POST', `${pending}/_process`, { token: sim.ownerToken, body: { accepted: true, starting_at: startingAt, ending_at: endingAt, reason: 'OK' } });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ status: 'ACCEPTED', starting_at: startingAt, ending_at: endingAt, processed_at: clock.now().getTime(), processed_by: SEED.users.owner, reason: 'OK' });
  });

  it('accepts ISO date strings', async () => {
    const result = await call(sim, 'POST', `${pending}/_process`, { token: sim.ownerToken, body: { accepted: true, ending_at: '2027-04-01T00:00:00.000Z' } });
    expect(result.json.ending_at).toBe(Date.parse('2027-04-01T00:00:00Z'));
  });

  it('answers 500 when already processed', async () => {
    await call(sim, 'POST', `${pending}/_process`, { token: sim.ownerToken, body: { accepted: true } });
    const result = await call(sim, 'POST', `${pending}/_process`, { token: sim.ownerToken, body: { accepted: true } });
    expect(result.status).toBe(500);
    expect(result.json).toEqual({ message: 'Cannot accept subscription', http_status: 500 });
  });

  it('refuses a body id for another subscription in plain text', async () => {
    const result = await call(sim, 'POST', `${pending}/_process`, { token: sim.ownerToken, body: { id: 'other', accepted: true } });
    expect(result.status).toBe(400);
    expect(result.headers.get('content-type')).toContain('text/plain');
    expect((await record(s.pendingStudentMobile)).status).toBe('PENDING');
  });

  it('refuses a caller without update rights', async () => {
    const result = await call(sim, 'POST', `${pending}/_process`, { token: sim.viewerToken, body: { accepted: true } });
    expect(result.status).toBe(403);
    expect(result.json).toEqual({ message: 'You do not have sufficient rights to access this resource', http_status: 403, technicalCode: 'forbidden' });
  });

  it('requires a body', async () => {
    const result = await call(sim, 'POST', `${pending}/_process`, { token: sim.ownerToken });
    expect(result.status).toBe(400);
    expect(result.json.http_status).toBe(400);
  });
});

describe('v1 update', () => {
  it('replaces dates and metadata', async () => {
    const path = v1Path('DEFAULT', SEED.apis.libraryLoans, s.acceptedStudentMobileLibrary);
    const endingAt = Date.parse('2026-12-31T00:00:00Z');
    const result = await call(sim, 'PUT', path, { token: sim.ownerToken, body: { id: s.acceptedStudentMobileLibrary, ending_at: endingAt } });
    expect(result.status).toBe(200);
    expect(result.json.ending_at).toBe(endingAt);
    expect(result.json).not.toHaveProperty('starting_at');
    expect(result.json).not.toHaveProperty('metadata');
  });

  it('refuses a closed subscription', async () => {
    const result = await call(sim, 'PUT', v1Path('DEFAULT', SEED.apis.studentRecords, s.closedTimetableWidgetRecords), { token: sim.ownerToken, body: {} });
    expect(result.status).toBe(400);
    expect(result.json.technicalCode).toBe('subscription.notUpdatable');
  });
});

describe('v1 helpers for the console', () => {
  it('lists the APIs of an environment the user may see', async () => {
    const owner = await call(sim, 'GET', '/management/organizations/DEFAULT/environments/default/apis', { token: sim.ownerToken });
    expect(owner.json.map((api: any) => api.id).sort()).toEqual([SEED.apis.studentRecords, SEED.apis.courseCatalogue, SEED.apis.libraryLoans].sort());
  });

  it('reports subscription permissions of an API', async () => {
    const owner = await call(sim, 'GET', `/management/organizations/DEFAULT/environments/DEFAULT/apis/${SEED.apis.studentRecords}/members/permissions`, { token: sim.ownerToken });
    expect(owner.json.SUBSCRIPTION).toEqual(['C', 'R', 'U', 'D']);
    const viewer = await call(sim, 'GET', `/management/organizations/DEFAULT/environments/DEFAULT/apis/${SEED.apis.studentRecords}/members/permissions`, { token: sim.viewerToken });
    expect(viewer.json.SUBSCRIPTION).toEqual(['R']);
  });
});
