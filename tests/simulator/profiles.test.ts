// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { findProfile, GRAVITEE_3_20, GRAVITEE_4_10, GRAVITEE_4_2, GRAVITEE_4_3 } from '../../simulator/profile.ts';
import type { RunningSimulator } from '../../simulator/server.ts';
import { SEED } from '../../simulator/seed.ts';
import { call, startTestSimulator, v2ApiSubscriptionPath } from './helpers.ts';

const TASKS = '/management/organizations/DEFAULT/user/tasks';
const s = SEED.subscriptions;
const v1Pending = `/management/organizations/DEFAULT/environments/DEFAULT/apis/${SEED.apis.studentRecords}/subscriptions/${s.pendingStudentMobile}`;
const v2Pending = v2ApiSubscriptionPath('DEFAULT', SEED.apis.studentRecords, s.pendingStudentMobile);
let sim: RunningSimulator | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function taskOf(running: RunningSimulator, subscriptionId: string): Promise<{ task: any; metadata: any }> {
  const { json } = await call(running, 'GET', TASKS, { token: running.ownerToken });
  return { task: json.data.find((candidate: any) => candidate.data.id === subscriptionId), metadata: json.metadata };
}

describe('profile lookup', () => {
  it('finds profiles by short version', () => {
    expect(findProfile('3.20').version).toBe('3.20.0');
    expect(findProfile('4.13').version).toBe('4.13.0');
  });

  it('names the known profiles when unknown', () => {
    expect(() => findProfile('5.0')).toThrow(/3\.20, 4\.2, 4\.3, 4\.10, 4\.13/);
  });
});

describe('Gravitee 3.20 profile', () => {
  it('has no Management API v2', async () => {
    sim = await startTestSimulator({ profile: GRAVITEE_3_20 });
    expect((await call(sim, 'GET', v2Pending, { token: sim.ownerToken })).status).toBe(404);
    expect((await call(sim, 'GET', '/management/v2/ui/bootstrap')).status).toBe(404);
  });

  it('sends task metadata without environments', async () => {
    sim = await startTestSimulator({ profile: GRAVITEE_3_20 });
    const { task, metadata } = await taskOf(sim, s.pendingStudentMobile);
    expect(metadata[SEED.apis.studentRecords]).toEqual({ name: 'Studentregister API' });
    expect(metadata[SEED.applications.studentMobile]).toEqual({ name: 'Studentweb mobil' });
    for (const field of ['environmentId', 'applicationName', 'origin', 'referenceId', 'referenceType']) expect(task.data).not.toHaveProperty(field);
    expect((await taskOf(sim, s.pendingProductTimetableWidget)).task).toBeUndefined();
  });

  it('reports an already processed request as 400', async () => {
    sim = await startTestSimulator({ profile: GRAVITEE_3_20 });
    expect((await call(sim, 'POST', `${v1Pending}/_process`, { token: sim.ownerToken, body: { accepted: true } })).status).toBe(200);
    const again = await call(sim, 'POST', `${v1Pending}/_process`, { token: sim.ownerToken, body: { accepted: true } });
    expect(again.status).toBe(400);
    expect(again.json).toEqual({ message: 'This subscription has already been processed.', http_status: 400, technicalCode: 'subscription.processed', parameters: { subscription: s.pendingStudentMobile } });
  });

  it('updates only accepted subscriptions', async () => {
    sim = await startTestSimulator({ profile: GRAVITEE_3_20 });
    const result = await call(sim, 'PUT', v1Pending, { token: sim.ownerToken, body: { ending_at: Date.parse('2027-01-01T00:00:00Z') } });
    expect(result.status).toBe(400);
    expect(result.json.technicalCode).toBe('subscription.notUpdatable');
  });

  it('serves its version to the console', async () => {
    sim = await startTestSimulator({ profile: GRAVITEE_3_20 });
    expect(await (await fetch(new URL('build.json', sim.consoleUrl))).json()).toEqual({ version: '3.20.0' });
  });
});

describe('Gravitee 4.2 and 4.3 profiles', () => {
  for (const profile of [GRAVITEE_4_2, GRAVITEE_4_3]) {
    it(`reports already processed as 400 on ${profile.version}`, async () => {
      sim = await startTestSimulator({ profile });
      expect((await call(sim, 'POST', `${v2Pending}/_accept`, { token: sim.ownerToken, body: {} })).status).toBe(200);
      const again = await call(sim, 'POST', `${v2Pending}/_reject`, { token: sim.ownerToken, body: {} });
      expect(again.status).toBe(400);
      expect(again.json).toEqual({ httpStatus: 400, message: 'This subscription has already been processed.', technicalCode: 'subscription.processed', parameters: { subscription: s.pendingStudentMobile } });
    });
  }

  it('sends environmentId in metadata only', async () => {
    sim = await startTestSimulator({ profile: GRAVITEE_4_3 });
    const { task, metadata } = await taskOf(sim, s.pendingStudentMobile);
    expect(metadata[SEED.apis.studentRecords]).toEqual({ name: 'Studentregister API', environmentId: 'DEFAULT' });
    expect(task.data).not.toHaveProperty('environmentId');
    expect(task.data).not.toHaveProperty('applicationName');
  });
});

describe('Gravitee 4.10 profile', () => {
  it('has no API Products or apiType', async () => {
    sim = await startTestSimulator({ profile: GRAVITEE_4_10 });
    const { task, metadata } = await taskOf(sim, s.pendingStudentMobile);
    expect(metadata[SEED.apis.studentRecords]).toEqual({ name: 'Studentregister API', environmentId: 'DEFAULT' });
    expect(task.data.applicationName).toBe('Studentweb mobil');
    expect(task.data).not.toHaveProperty('referenceType');
    expect((await taskOf(sim, s.pendingProductTimetableWidget)).task).toBeUndefined();
    const product = await call(sim, 'GET', `/management/v2/environments/DEFAULT/api-products/${SEED.apiProducts.studyPortal}/subscriptions`, { token: sim.ownerToken });
    expect(product.status).toBe(404);
  });

  it('reports already processed as 500', async () => {
    sim = await startTestSimulator({ profile: GRAVITEE_4_10 });
    await call(sim, 'POST', `${v2Pending}/_accept`, { token: sim.ownerToken, body: {} });
    const again = await call(sim, 'POST', `${v2Pending}/_accept`, { token: sim.ownerToken, body: {} });
    expect(again.status).toBe(500);
  });
});
