// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraviteeClient, createMemoryCsrfStore, type GraviteeClient } from '@/lib/gravitee/client';
import type { PendingRequest } from '@/lib/gravitee/types';
import { detectCapabilities } from '@/lib/gravitee/version';
import { PROFILES } from '../../simulator/profile.ts';
import { SEED } from '../../simulator/seed.ts';
import { startSimulator, type RunningSimulator } from '../../simulator/server.ts';
import { forwardingFetch, type RecordedRequest } from './recording-fetch.ts';
import { createRequestValidator } from './request-contract.ts';

// Drives the client through every call it can make against the simulator of each Gravitee
// version and records each request on the way. Each request is then checked against Gravitee's
// contracts: the official v2 specification for /management/v2 and the v1 shapes for the rest.

const s = SEED.subscriptions;
const DAY = 24 * 60 * 60 * 1000;

const V2_SUBSCRIPTION = '/environments/{envId}/apis/{apiId}/subscriptions/{subscriptionId}';
const V1_SUBSCRIPTION = '/organizations/{orgId}/environments/{envId}/apis/{api}/subscriptions/{subscription}';
const COMMON_OPERATIONS = ['GET /organizations/{orgId}/user/tasks', 'GET /organizations/{orgId}/user', 'GET /organizations/{orgId}/console'];
const V2_OPERATIONS = [`GET ${V2_SUBSCRIPTION}`, `PUT ${V2_SUBSCRIPTION}`, `POST ${V2_SUBSCRIPTION}/_accept`, `POST ${V2_SUBSCRIPTION}/_reject`];
const V1_OPERATIONS = [
  `GET ${V1_SUBSCRIPTION}`,
  `PUT ${V1_SUBSCRIPTION}`,
  `POST ${V1_SUBSCRIPTION}/_process`,
  'GET /organizations/{orgId}/environments',
  'GET /organizations/{orgId}/environments/{envId}/apis',
];

const validator = createRequestValidator();

function find(requests: PendingRequest[], id: string): PendingRequest {
  const request = requests.find((candidate) => candidate.subscriptionId === id);
  if (!request) throw new Error(`Request ${id} is not among the owner's tasks`);
  return request;
}

/** Runs every client call once; returns what the calls returned, for the behaviour checks. */
async function exercise(sim: RunningSimulator, client: GraviteeClient) {
  const tasks = await client.getPendingRequests();
  const user = await client.getCurrentUser();
  const pollSeconds = await client.getTaskPollSeconds();

  const grades = find(tasks.requests, s.pendingCanvasGrades);
  const mtls = find(tasks.requests, s.pendingStudentMobileMtls);
  const library = find(tasks.requests, s.pendingLibraryApp);
  const research = find(tasks.requests, s.pendingResearchPortal);
  const end = new Date(Date.now() + 365 * DAY);

  const pendingResearch = await client.getSubscription(research);
  const researchDetails = await client.getSubscriptionDetails(research);
  const acceptedWithEnd = await client.acceptSubscription(grades, { startingAt: new Date(), endingAt: end }, 'Godkjent for piloten');
  const acceptedOpen = await client.acceptSubscription(mtls, { startingAt: new Date(), endingAt: null });
  const rejected = await client.rejectSubscription(library, 'Bruk testplanen først.');
  const acceptedResearch = await client.acceptSubscription(research, { startingAt: new Date(), endingAt: end });
  const shortened = await client.changeEndDate(grades, new Date(Date.now() + 30 * DAY));
  const unlimited = await client.changeEndDate(grades, null);

  let product: { accepted: unknown; rejected: unknown; changed: unknown; read: unknown } | null = null;
  if (sim.profile.apiProducts) {
    sim.createPendingSubscription({ referenceType: 'API_PRODUCT', referenceId: SEED.apiProducts.studyPortal, consumerMessage: 'A second bundle request.' });
    const withProducts = await client.getPendingRequests();
    const products = withProducts.requests.filter((request) => request.referenceType === 'API_PRODUCT');
    const [first, second] = products;
    if (!first || !second) throw new Error(`Expected two API Product requests, got ${products.length}`);
    const read = await client.getSubscriptionDetails(first);
    const accepted = await client.acceptSubscription(first, { startingAt: new Date(), endingAt: end }, 'Velkommen');
    const changed = await client.changeEndDate(first, new Date(Date.now() + 60 * DAY));
    const rejectedProduct = await client.rejectSubscription(second, 'Ikke nå.');
    product = { accepted, rejected: rejectedProduct, changed, read };
  }

  return { tasks, user, pollSeconds, pendingResearch, researchDetails, acceptedWithEnd, acceptedOpen, rejected, acceptedResearch, shortened, unlimited, product };
}

for (const [name, profile] of Object.entries(PROFILES)) {
  describe(`client contract on Gravitee ${name}`, () => {
    let sim: RunningSimulator;
    let requests: RecordedRequest[];
    let results: Awaited<ReturnType<typeof exercise>>;
    let detected: Awaited<ReturnType<typeof detectCapabilities>>;

    beforeAll(async () => {
      sim = await startSimulator({ profile });
      detected = await detectCapabilities({ consoleUrl: sim.consoleUrl, managementUrl: sim.managementUrl, organization: 'DEFAULT' }, fetch);
      const recorder = forwardingFetch(sim.managementUrl);
      const connection = { id: 'c1', name: name, consoleUrl: sim.consoleUrl, managementUrl: sim.managementUrl, organization: 'DEFAULT' };
      const client = createGraviteeClient({ connection, token: sim.ownerToken, csrf: createMemoryCsrfStore(), fetch: recorder.fetch, capabilities: detected.capabilities });
      results = await exercise(sim, client);
      requests = recorder.requests;
    });

    afterAll(async () => {
      await sim?.close();
    });

    it('detects the version from build.json', () => {
      expect(detected.source).toBe('build.json');
      expect(detected.capabilities.version).toBe(profile.version);
      expect(detected.capabilities.v2).toBe(profile.managementV2);
      expect(detected.capabilities.apiProducts).toBe(profile.apiProducts);
    });

    it('sends only requests the contract allows', () => {
      expect(requests.length).toBeGreaterThan(10);
      for (const request of requests) {
        expect(validator.validate(request), `${request.method} ${request.path}${request.body === undefined ? '' : ` ${JSON.stringify(request.body)}`}`).toEqual([]);
      }
    });

    it('covers every operation of its API version', () => {
      const seen = new Set(requests.map((request) => validator.operationOf(request)));
      const expected = [...COMMON_OPERATIONS, ...(profile.managementV2 ? V2_OPERATIONS : V1_OPERATIONS)];
      for (const operation of expected) expect(seen, operation).toContain(operation);
    });

    it('uses only the API version the server has', () => {
      const v2 = requests.filter((request) => request.path.startsWith('/v2/'));
      const processed = requests.filter((request) => request.path.endsWith('/_process'));
      if (profile.managementV2) expect(processed).toEqual([]);
      else expect(v2).toEqual([]);
    });

    it('reads subscription details with expands=plan', () => {
      const detailReads = requests.filter((request) => request.method === 'GET' && request.query.expands !== undefined);
      if (profile.managementV2) expect(detailReads.map((request) => request.query.expands)).toContain('plan');
      else expect(detailReads).toEqual([]);
    });

    it('sends the headers Gravitee needs', () => {
      for (const request of requests) {
        expect(request.headers.Authorization, request.path).toBe(`Bearer ${sim.ownerToken}`);
        expect(request.headers['X-Requested-With'], request.path).toBe('XMLHttpRequest');
        if (request.method === 'GET') continue;
        expect(request.headers['Content-Type'], request.path).toBe('application/json');
        expect(request.headers['X-Xsrf-Token'], request.path).toBeTruthy();
      }
    });

    it('applies every decision', () => {
      expect(results.tasks.malformedCount).toBe(0);
      expect(results.user.displayName).toBe('Kari Nordmann');
      expect(results.pendingResearch.status).toBe('PENDING');
      expect(results.researchDetails.planName).toBeTruthy();
      expect(results.acceptedWithEnd).toMatchObject({ status: 'ACCEPTED', publisherMessage: 'Godkjent for piloten' });
      expect(results.acceptedWithEnd.endingAt).not.toBeNull();
      expect(results.acceptedOpen).toMatchObject({ status: 'ACCEPTED', endingAt: null });
      expect(results.rejected).toMatchObject({ status: 'REJECTED', publisherMessage: 'Bruk testplanen først.' });
      expect(results.acceptedResearch.status).toBe('ACCEPTED');
      expect(results.unlimited.endingAt).toBeNull();
      expect(sim.subscriptionRecord(s.pendingResearchPortal)).toMatchObject({ status: 'ACCEPTED' });
    });

    if (profile.apiProducts) {
      it('handles API Product requests', () => {
        expect(results.product?.accepted).toMatchObject({ status: 'ACCEPTED', publisherMessage: 'Velkommen' });
        expect(results.product?.rejected).toMatchObject({ status: 'REJECTED' });
        expect(requests.some((request) => request.path.includes('/api-products/'))).toBe(true);
      });
    }
  });
}
