// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod/mini';
import {
  apiListSchema,
  consoleSettingsSchema,
  currentUserSchema,
  environmentListSchema,
  subscriptionForUpdateSchema,
  subscriptionSchema,
  tasksEnvelopeSchema,
  v1SubscriptionSchema,
} from '@/lib/gravitee/schemas';
import { parseTasks } from '@/lib/gravitee/tasks';
import { readConsoleVersion } from '@/lib/gravitee/version';
import { PROFILES } from '../../simulator/profile.ts';
import { SEED } from '../../simulator/seed.ts';
import { startSimulator, type RunningSimulator } from '../../simulator/server.ts';
import { call } from '../simulator/helpers.ts';
import { createV1RequestValidator } from './request-contract.ts';

// The simulator's v2 responses are checked against Gravitee's specification in tests/simulator.
// This file checks the other side: the client's zod schemas accept every simulator response the
// client reads, in every version profile, and the v1 responses match the v1 shapes.

const v1 = createV1RequestValidator();
const ORG = '/management/organizations/DEFAULT';

function accepts<T>(schema: z.ZodMiniType<T>, value: unknown, label: string): void {
  const parsed = schema.safeParse(value);
  expect(parsed.success, `${label}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues)}`).toBe(true);
}

for (const [name, profile] of Object.entries(PROFILES)) {
  describe(`simulator responses of Gravitee ${name}`, () => {
    let sim: RunningSimulator;
    const tokens = () => ({ owner: sim.ownerToken, admin: sim.adminToken, viewer: sim.viewerToken });

    beforeAll(async () => {
      sim = await startSimulator({ profile });
    });

    afterAll(async () => {
      await sim?.close();
    });

    it('serves the version in build.json', async () => {
      expect(await readConsoleVersion(sim.consoleUrl, fetch)).toBe(profile.version);
    });

    it('sends tasks the client reads completely', async () => {
      for (const [user, token] of Object.entries(tokens())) {
        const response = await call(sim, 'GET', `${ORG}/user/tasks`, { token });
        expect(response.status, user).toBe(200);
        accepts(tasksEnvelopeSchema, response.json, `tasks of ${user}`);
        expect(parseTasks(response.json).malformedCount, user).toBe(0);
        expect(v1.response('TaskEntityPagedResult', response.json), user).toEqual([]);
      }
      const owner = await call(sim, 'GET', `${ORG}/user/tasks`, { token: sim.ownerToken });
      const requests = parseTasks(owner.json).requests;
      expect(requests.length).toBeGreaterThan(0);
      for (const request of requests) expect(request.environmentId === null, request.subscriptionId).toBe(!profile.tasks.metadataEnvironmentId && !profile.tasks.dataEnvironmentId);
      expect(requests.some((request) => request.referenceType === 'API_PRODUCT')).toBe(profile.apiProducts);
    });

    it('sends users, settings, environments and API lists', async () => {
      for (const [user, token] of Object.entries(tokens())) {
        const response = await call(sim, 'GET', `${ORG}/user`, { token });
        accepts(currentUserSchema, response.json, `user ${user}`);
        expect(v1.response('CurrentUser', response.json)).toEqual([]);
      }

      const settings = await call(sim, 'GET', `${ORG}/console`);
      accepts(consoleSettingsSchema, settings.json, 'console settings');
      expect(v1.response('ConsoleSettings', settings.json)).toEqual([]);

      const environments = await call(sim, 'GET', `${ORG}/environments`, { token: sim.ownerToken });
      accepts(environmentListSchema, environments.json, 'environments');
      expect(v1.response('EnvironmentList', environments.json)).toEqual([]);

      for (const environment of environments.json as Array<{ id: string }>) {
        const apis = await call(sim, 'GET', `${ORG}/environments/${environment.id}/apis?ids=${SEED.apis.researchData}`, { token: sim.ownerToken });
        accepts(apiListSchema, apis.json, `APIs of ${environment.id}`);
        expect(v1.response('ApiList', apis.json)).toEqual([]);
      }
    });

    it('sends v1 subscriptions the client reads', async () => {
      const subscriptions = sim.data().subscriptions.filter((subscription) => subscription.referenceType === 'API');
      expect(subscriptions.length).toBeGreaterThan(5);
      for (const subscription of subscriptions) {
        const path = `${ORG}/environments/${subscription.environmentId}/apis/${subscription.referenceId}/subscriptions/${subscription.id}`;
        const response = await call(sim, 'GET', path, { token: sim.adminToken });
        expect(response.status, path).toBe(200);
        accepts(v1SubscriptionSchema, response.json, path);
        expect(v1.response('Subscription', response.json), path).toEqual([]);
      }
    });

    it('answers v1 decisions and changes with shapes the client reads', async () => {
      const base = `${ORG}/environments/DEFAULT/apis/${SEED.apis.studentRecords}/subscriptions`;
      const accepted = await call(sim, 'POST', `${base}/${SEED.subscriptions.pendingStudentMobile}/_process`, {
        token: sim.ownerToken,
        body: { accepted: true, starting_at: Date.now(), ending_at: Date.now() + 86_400_000, reason: 'Ok' },
      });
      accepts(v1SubscriptionSchema, accepted.json, 'accept');
      expect(v1.response('Subscription', accepted.json)).toEqual([]);

      const changed = await call(sim, 'PUT', `${base}/${SEED.subscriptions.pendingStudentMobile}`, { token: sim.ownerToken, body: { starting_at: Date.now(), ending_at: Date.now() + 2 * 86_400_000 } });
      accepts(v1SubscriptionSchema, changed.json, 'update');
      expect(v1.response('Subscription', changed.json)).toEqual([]);

      const rejected = await call(sim, 'POST', `${base}/${SEED.subscriptions.pendingCanvasGrades}/_process`, { token: sim.ownerToken, body: { accepted: false, reason: 'Nei' } });
      accepts(v1SubscriptionSchema, rejected.json, 'reject');

      const again = await call(sim, 'POST', `${base}/${SEED.subscriptions.pendingCanvasGrades}/_process`, { token: sim.ownerToken, body: { accepted: false } });
      expect(again.status).toBe(profile.alreadyProcessed === 'http-400' ? 400 : 500);
      expect(v1.response('ErrorEntity', again.json)).toEqual([]);
    });

    if (profile.managementV2) {
      it('sends v2 subscriptions the client reads', async () => {
        let read = 0;
        for (const subscription of sim.data().subscriptions) {
          if (subscription.referenceType === 'API_PRODUCT' && !profile.apiProducts) continue;
          const collection = subscription.referenceType === 'API_PRODUCT' ? 'api-products' : 'apis';
          const path = `/management/v2/environments/${subscription.environmentId}/${collection}/${subscription.referenceId}/subscriptions/${subscription.id}`;
          const plain = await call(sim, 'GET', path, { token: sim.ownerToken });
          // The owner may not read every API; the seed's admin-only timetable API is skipped.
          if (plain.status === 403) continue;
          accepts(subscriptionSchema, plain.json, path);
          const expanded = await call(sim, 'GET', `${path}?expands=plan`, { token: sim.ownerToken });
          accepts(subscriptionForUpdateSchema, expanded.json, `${path}?expands=plan`);
          expect(subscriptionForUpdateSchema.parse(expanded.json).plan?.name, path).toBeTruthy();
          read += 1;
        }
        expect(read).toBeGreaterThan(5);
      });

      it('answers v2 decisions and changes with shapes the client reads', async () => {
        const base = `/management/v2/environments/DEFAULT/apis/${SEED.apis.courseCatalogue}/subscriptions`;
        const accepted = await call(sim, 'POST', `${base}/${SEED.subscriptions.pendingCanvasCatalogue}/_accept`, { token: sim.ownerToken, body: { reason: 'Ok' } });
        accepts(subscriptionSchema, accepted.json, 'accept');
        const changed = await call(sim, 'PUT', `${base}/${SEED.subscriptions.pendingCanvasCatalogue}`, { token: sim.ownerToken, body: { endingAt: new Date(Date.now() + 86_400_000).toISOString() } });
        accepts(subscriptionSchema, changed.json, 'update');
        const rejected = await call(sim, 'POST', `${base}/${SEED.subscriptions.pendingStudentMobileMtls}/_reject`, { token: sim.ownerToken, body: { reason: 'Nei' } });
        accepts(subscriptionSchema, rejected.json, 'reject');
      });
    }
  });
}
