import { parseTasks } from '@/lib/gravitee/tasks';

const metadata = {
  app1: { name: 'Canvas LMS', environmentId: 'DEFAULT' },
  plan1: { name: 'Gold (API key)', api: 'api1' },
  api1: { name: 'Student Records API', environmentId: 'DEFAULT', apiType: 'proxy' },
  plan2: { name: 'Partners (JWT)', api: 'api2' },
  api2: { name: 'Library API', environmentId: 'env-test' },
};

function subscriptionTask(id: string, plan: string, application: string, createdAt: number, extra: Record<string, unknown> = {}) {
  return {
    type: 'SUBSCRIPTION_APPROVAL',
    data: { id, plan, application, status: 'PENDING', created_at: createdAt, ...extra },
    created_at: createdAt,
  };
}

describe('parseTasks', () => {
  it('keeps subscription approvals only, oldest first, with names from metadata', () => {
    const result = parseTasks({
      data: [
        subscriptionTask('s2', 'plan2', 'app1', 2000, { api: 'api2', request: 'Trenger tilgang' }),
        { type: 'IN_REVIEW', data: { referenceId: 'api1' }, created_at: 1 },
        subscriptionTask('s1', 'plan1', 'app1', 1000, { api: 'api1' }),
      ],
      metadata,
      page: { current: 1 },
    });

    expect(result.malformedCount).toBe(0);
    expect(result.requests.map((request) => request.subscriptionId)).toEqual(['s1', 's2']);
    expect(result.requests[0]).toMatchObject({
      apiName: 'Student Records API',
      planName: 'Gold (API key)',
      applicationName: 'Canvas LMS',
      environmentId: 'DEFAULT',
      referenceType: 'API',
      consumerMessage: null,
    });
    expect(result.requests[1]).toMatchObject({ environmentId: 'env-test', consumerMessage: 'Trenger tilgang' });
  });

  it('counts a malformed task without hiding the others', () => {
    const result = parseTasks({
      data: [subscriptionTask('s1', 'plan1', 'app1', 1000, { api: 'api1' }), { type: 'SUBSCRIPTION_APPROVAL', data: { id: 42 } }],
      metadata,
    });
    expect(result.requests).toHaveLength(1);
    expect(result.malformedCount).toBe(1);
  });

  it('falls back to ids when the application is missing from metadata', () => {
    const result = parseTasks({ data: [subscriptionTask('s1', 'plan1', 'ghost-app', 1000, { api: 'api1' })], metadata });
    expect(result.requests[0]?.applicationName).toBe('ghost-app');
  });

  it('reads 3.x tasks without environmentId as null', () => {
    const result = parseTasks({
      data: [subscriptionTask('s1', 'plan1', 'app1', 1000, { api: 'api1' })],
      metadata: { app1: { name: 'A' }, plan1: { name: 'P', api: 'api1' }, api1: { name: 'API' } },
    });
    expect(result.requests[0]?.environmentId).toBeNull();
  });

  it('marks API Product requests', () => {
    const result = parseTasks({
      data: [subscriptionTask('s1', 'planP', 'app1', 1000, { referenceId: 'prod1', referenceType: 'API_PRODUCT' })],
      metadata: { ...metadata, planP: { name: 'Bundle', api: 'prod1' }, prod1: { name: 'Campus bundle', environmentId: 'DEFAULT' } },
    });
    expect(result.requests[0]).toMatchObject({ referenceType: 'API_PRODUCT', apiId: 'prod1', apiName: 'Campus bundle' });
  });

  it('rejects a body without a data array', () => {
    expect(() => parseTasks({ items: [] })).toThrow(/invalid-response/);
  });
});
