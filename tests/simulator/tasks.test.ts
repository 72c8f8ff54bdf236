// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../simulator/server.ts';
import { SEED } from '../../simulator/seed.ts';
import { call, createTestClock, nullPaths, startTestSimulator, v2ApiSubscriptionPath } from './helpers.ts';

const TASKS = '/management/organizations/DEFAULT/user/tasks';
const clock = createTestClock();
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startTestSimulator({ now: clock.now, schedulerTasksSeconds: 7 });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

function subscriptionIds(body: any): string[] {
  return body.data.filter((task: any) => task.type === 'SUBSCRIPTION_APPROVAL').map((task: any) => task.data.id).sort();
}

const s = SEED.subscriptions;

describe('tasks envelope', () => {
  it('has data, metadata and page', async () => {
    const { status, json } = await call(sim, 'GET', TASKS, { token: sim.ownerToken });
    expect(status).toBe(200);
    expect(Object.keys(json).sort()).toEqual(['data', 'metadata', 'page']);
    expect(json.page).toEqual({ current: 1, per_page: json.data.length, size: json.data.length, total_pages: 1, total_elements: json.data.length });
  });

  it('uses epoch milliseconds and omits nulls', async () => {
    const { json } = await call(sim, 'GET', TASKS, { token: sim.adminToken });
    expect(nullPaths(json)).toEqual([]);
    for (const task of json.data) {
      expect(typeof task.created_at).toBe('number');
      if (task.type === 'SUBSCRIPTION_APPROVAL') {
        expect(task.data.created_at).toBe(task.created_at);
        expect(typeof task.data.updated_at).toBe('number');
      }
    }
  });

  it('lists tasks newest first', async () => {
    const { json } = await call(sim, 'GET', TASKS, { token: sim.adminToken });
    const created = json.data.map((task: any) => task.created_at);
    expect(created).toEqual([...created].sort((a: number, b: number) => b - a));
  });

  it('gives total_pages 0 for an empty list', async () => {
    const { json } = await call(sim, 'GET', TASKS, { token: sim.viewerToken });
    expect(json).toEqual({ data: [], metadata: {}, page: { current: 1, per_page: 0, size: 0, total_pages: 0, total_elements: 0 } });
  });

  it('answers on the deprecated environment mount too', async () => {
    const organizationLevel = await call(sim, 'GET', TASKS, { token: sim.ownerToken });
    const environmentLevel = await call(sim, 'GET', '/management/organizations/DEFAULT/environments/default/user/tasks', { token: sim.ownerToken });
    expect(environmentLevel.json).toEqual(organizationLevel.json);
  });

  it('requires authentication', async () => {
    const { status } = await call(sim, 'GET', TASKS);
    expect(status).toBe(401);
  });
});

describe('tasks filtering by permission', () => {
  it('shows the owner pending requests of APIs with subscription update rights', async () => {
    const { json } = await call(sim, 'GET', TASKS, { token: sim.ownerToken });
    expect(subscriptionIds(json)).toEqual([
      s.pendingStudentMobile, s.pendingCanvasCatalogue, s.pendingResearchPortal, s.pendingLibraryApp,
      s.pendingCanvasGrades, s.pendingAlumniLegacy, s.pendingStudentMobileMtls, s.pendingProductTimetableWidget,
    ].sort());
    expect(json.data.every((task: any) => task.type === 'SUBSCRIPTION_APPROVAL')).toBe(true);
  });

  it('hides APIs the owner is no member of', async () => {
    const { json } = await call(sim, 'GET', TASKS, { token: sim.ownerToken });
    expect(subscriptionIds(json)).not.toContain(s.pendingTimetableWidget);
  });

  it('shows the admin every pending request and other task types', async () => {
    const { json } = await call(sim, 'GET', TASKS, { token: sim.adminToken });
    const pending = sim.data().subscriptions.filter((subscription) => subscription.status === 'PENDING').map((subscription) => subscription.id).sort();
    expect(subscriptionIds(json)).toEqual(pending);
    expect(json.data.map((task: any) => task.type)).toContain('IN_REVIEW');
    expect(json.data.map((task: any) => task.type)).toContain('USER_REGISTRATION_APPROVAL');
    expect(json.page.total_elements).toBeGreaterThan(pending.length);
  });

  it('shows a read-only member nothing', async () => {
    const { json } = await call(sim, 'GET', TASKS, { token: sim.viewerToken });
    expect(json.data).toEqual([]);
  });

  it('drops a request once accepted', async () => {
    const path = `${v2ApiSubscriptionPath('DEFAULT', SEED.apis.studentRecords, s.pendingStudentMobile)}/_accept`;
    expect((await call(sim, 'POST', path, { token: sim.ownerToken, body: {} })).status).toBe(200);
    const { json } = await call(sim, 'GET', TASKS, { token: sim.ownerToken });
    expect(subscriptionIds(json)).not.toContain(s.pendingStudentMobile);
  });
});

describe('subscription task data and metadata', () => {
  it('carries the 4.13 fields of a subscription task', async () => {
    const { json } = await call(sim, 'GET', TASKS, { token: sim.ownerToken });
    const task = json.data.find((candidate: any) => candidate.data.id === s.pendingStudentMobile);
    expect(task.data).toEqual({
      id: s.pendingStudentMobile,
      api: SEED.apis.studentRecords,
      environmentId: 'DEFAULT',
      plan: SEED.plans.studentRecordsGold,
      application: SEED.applications.studentMobile,
      applicationName: 'Studentweb mobil',
      status: 'PENDING',
      consumerStatus: 'STARTED',
      subscribed_by: SEED.users.ingrid,
      request: 'Vi trenger tilgang til studentdata for den nye mobilappen før semesterstart.',
      created_at: clock.now().getTime() - 2 * 3_600_000,
      updated_at: clock.now().getTime() - 2 * 3_600_000,
      origin: 'MANAGEMENT',
      referenceId: SEED.apis.studentRecords,
      referenceType: 'API',
    });
  });

  it('omits request when the consumer sent no message', async () => {
    const { json } = await call(sim, 'GET', TASKS, { token: sim.ownerToken });
    const task = json.data.find((candidate: any) => candidate.data.id === s.pendingLibraryApp);
    expect(task.data).not.toHaveProperty('request');
  });

  it('describes application, plan and API', async () => {
    const { json } = await call(sim, 'GET', TASKS, { token: sim.ownerToken });
    expect(json.metadata[SEED.applications.studentMobile]).toEqual({ name: 'Studentweb mobil', environmentId: 'DEFAULT' });
    expect(json.metadata[SEED.plans.studentRecordsGold]).toEqual({ name: 'Gull (API-nøkkel)', api: SEED.apis.studentRecords });
    expect(json.metadata[SEED.apis.studentRecords]).toEqual({ name: 'Studentregister API', environmentId: 'DEFAULT', apiType: 'proxy' });
    expect(json.metadata[SEED.apis.researchData].environmentId).toBe(SEED.environments.test);
  });

  it('describes an API Product request', async () => {
    const { json } = await call(sim, 'GET', TASKS, { token: sim.ownerToken });
    const task = json.data.find((candidate: any) => candidate.data.id === s.pendingProductTimetableWidget);
    expect(task.data.referenceType).toBe('API_PRODUCT');
    expect(task.data.referenceId).toBe(SEED.apiProducts.studyPortal);
    expect(task.data).not.toHaveProperty('api');
    expect(json.metadata[SEED.plans.studyPortalBundle].api).toBe(SEED.apiProducts.studyPortal);
    expect(json.metadata[SEED.apiProducts.studyPortal]).toEqual({ name: 'Studieportal-pakken', environmentId: 'DEFAULT' });
  });

  it('leaves application metadata out on request', async () => {
    expect((await call(sim, 'POST', '/_simulator/options', { body: { omitApplicationMetadata: true } })).status).toBe(200);
    const { json } = await call(sim, 'GET', TASKS, { token: sim.ownerToken });
    expect(json.metadata[SEED.applications.studentMobile]).toBeUndefined();
    expect(json.metadata[SEED.plans.studentRecordsGold]).toBeDefined();
  });
});

describe('console settings', () => {
  it('serves scheduler.tasks without authentication', async () => {
    const { status, json } = await call(sim, 'GET', '/management/organizations/DEFAULT/console');
    expect(status).toBe(200);
    expect(json.scheduler).toEqual({ tasks: 7, notifications: 10 });
  });
});
