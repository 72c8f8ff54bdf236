import { subscriptionConsoleUrl } from '@/lib/gravitee/console-links';

const request = { referenceType: 'API' as const, environmentId: 'DEFAULT', apiId: 'api-1', subscriptionId: 'sub-1' };
const product = { referenceType: 'API_PRODUCT' as const, environmentId: 'DEFAULT', apiId: 'prod-1', subscriptionId: 'sub-2' };
const consoleUrl = 'https://apim.example.org/console/';

describe('subscriptionConsoleUrl', () => {
  it('uses the 4.3+ form', () => {
    expect(subscriptionConsoleUrl(consoleUrl, request, 'env')).toBe('https://apim.example.org/console/#!/DEFAULT/apis/api-1/subscriptions/sub-1');
  });

  it('uses the singular form of 4.0 to 4.2', () => {
    expect(subscriptionConsoleUrl(consoleUrl, request, 'environments-singular')).toBe('https://apim.example.org/console/#!/environments/DEFAULT/apis/api-1/subscription/sub-1');
  });

  it('uses the 3.x form', () => {
    expect(subscriptionConsoleUrl(consoleUrl, request, 'environments')).toBe('https://apim.example.org/console/#!/environments/DEFAULT/apis/api-1/subscriptions/sub-1');
  });

  it('defaults to the 4.3+ form', () => {
    expect(subscriptionConsoleUrl(consoleUrl, request)).toBe(subscriptionConsoleUrl(consoleUrl, request, 'env'));
    expect(subscriptionConsoleUrl(consoleUrl, request, null)).toBe(subscriptionConsoleUrl(consoleUrl, request, 'env'));
  });

  it('links API Products in the 4.11+ form', () => {
    const expected = 'https://apim.example.org/console/#!/DEFAULT/api-products/prod-1/consumers/subscriptions/sub-2';
    expect(subscriptionConsoleUrl(consoleUrl, product, 'env')).toBe(expected);
    expect(subscriptionConsoleUrl(consoleUrl, product, 'environments')).toBe(expected);
  });

  it('drops a hash from the console address', () => {
    expect(subscriptionConsoleUrl('https://apim.example.org/#!/default/tasks', request, 'env')).toBe('https://apim.example.org/#!/DEFAULT/apis/api-1/subscriptions/sub-1');
  });

  it('falls back to DEFAULT without an environment', () => {
    expect(subscriptionConsoleUrl(consoleUrl, { ...request, environmentId: null }, 'environments')).toBe('https://apim.example.org/console/#!/environments/DEFAULT/apis/api-1/subscriptions/sub-1');
  });

  it('encodes path segments', () => {
    expect(subscriptionConsoleUrl(consoleUrl, { ...request, apiId: 'a/1', environmentId: 'my env' }, 'env')).toBe('https://apim.example.org/console/#!/my%20env/apis/a%2F1/subscriptions/sub-1');
  });
});
