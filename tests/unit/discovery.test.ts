import { DiscoveryError, discoverConsole, discoverManagementUrl, managementUrlFromBaseUrl } from '@/lib/gravitee/discovery';

/** Creates a fetch that serves one body for any URL and records the URLs requested. */
function fakeFetch(body: string, status = 200) {
  const requested: string[] = [];
  const fetchImpl = (async (input: RequestInfo | URL) => {
    requested.push(String(input));
    return new Response(body, { status });
  }) as typeof fetch;
  return { fetchImpl, requested };
}

async function discoveryFailure(promise: Promise<unknown>): Promise<DiscoveryError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DiscoveryError) return error;
    throw error;
  }
  throw new Error('expected a DiscoveryError, but the call succeeded');
}

describe('discoverManagementUrl', () => {
  it('resolves a relative baseURL against the console', async () => {
    const { fetchImpl, requested } = fakeFetch(JSON.stringify({ baseURL: '/management' }));

    const url = await discoverManagementUrl('https://apim.example.org/console/', fetchImpl);

    expect(url).toBe('https://apim.example.org/management');
    expect(requested).toEqual(['https://apim.example.org/console/constants.json']);
  });

  it('fetches constants.json inside a console path without trailing slash', async () => {
    const { fetchImpl, requested } = fakeFetch(JSON.stringify({ baseURL: 'http://127.0.0.1:8083/management' }));

    await discoverManagementUrl('https://apim.example.org/console#!/DEFAULT/home', fetchImpl);

    expect(requested).toEqual(['https://apim.example.org/console/constants.json']);
  });

  it('keeps an absolute baseURL on another host', async () => {
    const { fetchImpl } = fakeFetch(JSON.stringify({ baseURL: 'http://127.0.0.1:8083/management' }));

    expect(await discoverManagementUrl('http://localhost:8084/', fetchImpl)).toBe('http://127.0.0.1:8083/management');
  });

  it('strips a trailing slash', async () => {
    const { fetchImpl } = fakeFetch(JSON.stringify({ baseURL: 'https://api.example.org/management/' }));

    expect(await discoverManagementUrl('https://console.example.org/', fetchImpl)).toBe('https://api.example.org/management');
  });

  it('cuts everything from /organizations on', async () => {
    const { fetchImpl } = fakeFetch(JSON.stringify({ baseURL: 'https://api.example.org/management/organizations/ACME/environments/DEFAULT/' }));

    expect(await discoverManagementUrl('https://console.example.org/', fetchImpl)).toBe('https://api.example.org/management');
  });

  it('resolves a path-relative baseURL inside the console directory', async () => {
    const { fetchImpl } = fakeFetch(JSON.stringify({ baseURL: 'management' }));

    expect(await discoverManagementUrl('https://apim.example.org/console/', fetchImpl)).toBe('https://apim.example.org/console/management');
  });
});

describe('discoverConsole organization', () => {
  it('reads the organization inside baseURL', async () => {
    const { fetchImpl } = fakeFetch(JSON.stringify({ baseURL: '/management/organizations/ACME' }));

    const discovered = await discoverConsole('https://apim.example.org/console/', fetchImpl);

    expect(discovered.organization).toBe('ACME');
    expect(discovered.managementUrl).toBe('https://apim.example.org/management');
  });

  it('prefers an explicit organizationId', async () => {
    const { fetchImpl } = fakeFetch(JSON.stringify({ baseURL: '/management/organizations/ACME', organizationId: 'OTHER' }));

    expect((await discoverConsole('https://apim.example.org/', fetchImpl)).organization).toBe('OTHER');
  });

  it('returns null when no organization is named', async () => {
    const { fetchImpl } = fakeFetch(JSON.stringify({ baseURL: '/management', defaultPortal: 'next' }));

    expect((await discoverConsole('https://apim.example.org/', fetchImpl)).organization).toBeNull();
  });
});

describe('discoverConsole failures', () => {
  it('rejects a console URL that is not http(s)', async () => {
    const { fetchImpl, requested } = fakeFetch('{}');

    const error = await discoveryFailure(discoverConsole('ftp://apim.example.org/', fetchImpl));

    expect(error.reason).toBe('invalid-console-url');
    expect(requested).toEqual([]);
  });

  it('rejects a relative console URL', async () => {
    const error = await discoveryFailure(discoverConsole('apim.example.org/console', fakeFetch('{}').fetchImpl));

    expect(error.reason).toBe('invalid-console-url');
  });

  it('reports an HTTP error with its status', async () => {
    const error = await discoveryFailure(discoverConsole('https://apim.example.org/', fakeFetch('Not Found', 404).fetchImpl));

    expect(error.reason).toBe('http-error');
    expect(error.status).toBe(404);
  });

  it('reports a failed fetch as unreachable', async () => {
    const failingFetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;

    const error = await discoveryFailure(discoverConsole('https://apim.example.org/', failingFetch));

    expect(error.reason).toBe('unreachable');
  });

  it('rejects a body that is not JSON', async () => {
    const error = await discoveryFailure(discoverConsole('https://apim.example.org/', fakeFetch('<html></html>').fetchImpl));

    expect(error.reason).toBe('invalid-constants');
  });

  it('rejects constants without baseURL', async () => {
    const error = await discoveryFailure(discoverConsole('https://apim.example.org/', fakeFetch(JSON.stringify({ defaultPortal: 'next' })).fetchImpl));

    expect(error.reason).toBe('invalid-constants');
  });

  it('rejects a baseURL with another scheme', async () => {
    const error = await discoveryFailure(discoverConsole('https://apim.example.org/', fakeFetch(JSON.stringify({ baseURL: 'javascript:alert(1)' })).fetchImpl));

    expect(error.reason).toBe('invalid-constants');
  });
});

describe('managementUrlFromBaseUrl', () => {
  it('drops query and hash from baseURL', () => {
    expect(managementUrlFromBaseUrl('/management/?x=1#y', 'https://apim.example.org/').managementUrl).toBe('https://apim.example.org/management');
  });
});
