import { parseConsoleRoute } from '@/lib/console/routes';

describe('parseConsoleRoute', () => {
  const cases: Array<[string, string, ReturnType<typeof parseConsoleRoute>]> = [
    ['4.3+ API subscription', '#!/default/apis/a1/subscriptions/s1', { page: 'subscription', environment: 'default', referenceType: 'API', apiId: 'a1', subscriptionId: 's1' }],
    ['4.3+ with query', '#!/DEFAULT/apis/a1/subscriptions/s1?status=PENDING', { page: 'subscription', environment: 'DEFAULT', referenceType: 'API', apiId: 'a1', subscriptionId: 's1' }],
    ['4.11+ API Product', '#!/default/api-products/p1/consumers/subscriptions/s1', { page: 'subscription', environment: 'default', referenceType: 'API_PRODUCT', apiId: 'p1', subscriptionId: 's1' }],
    ['4.0-4.2 singular', '#!/environments/DEFAULT/apis/a1/subscription/s1', { page: 'subscription', environment: 'DEFAULT', referenceType: 'API', apiId: 'a1', subscriptionId: 's1' }],
    ['4.0-4.1 v4 API', '#!/environments/DEFAULT/apis/ng/a1/subscription/s1', { page: 'subscription', environment: 'DEFAULT', referenceType: 'API', apiId: 'a1', subscriptionId: 's1' }],
    ['3.x', '#!/environments/DEFAULT/apis/a1/subscriptions/s1', { page: 'subscription', environment: 'DEFAULT', referenceType: 'API', apiId: 'a1', subscriptionId: 's1' }],
  ];

  for (const [name, hash, expected] of cases) {
    it(`reads a ${name} subscription page`, () => {
      expect(parseConsoleRoute(hash)).toEqual(expected);
    });
  }

  it('ignores the subscription list and other pages', () => {
    expect(parseConsoleRoute('#!/default/apis/a1/subscriptions')).toEqual({ page: 'other' });
    expect(parseConsoleRoute('#!/default/tasks')).toEqual({ page: 'other' });
    expect(parseConsoleRoute('')).toEqual({ page: 'other' });
    expect(parseConsoleRoute('#/default/apis/a1/subscriptions/s1')).toEqual({ page: 'other' });
  });

  it('decodes encoded segments', () => {
    expect(parseConsoleRoute('#!/my%20env/apis/a%2F1/subscriptions/s1')).toMatchObject({ environment: 'my env', apiId: 'a/1' });
  });
});
