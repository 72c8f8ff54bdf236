import { capabilitiesForVersion, detectCapabilities, GRAVITEE_3_CAPABILITIES, isV2ModuleMissing, parseVersion, readConsoleVersion, UNKNOWN_CAPABILITIES } from '@/lib/gravitee/version';
import { json, recordingFetch } from '../contract/recording-fetch';

const target = { consoleUrl: 'https://apim.example.org/console/', managementUrl: 'https://apim.example.org/management', organization: 'DEFAULT' };

describe('parseVersion', () => {
  it('reads major and minor', () => {
    expect(parseVersion('4.10.2')).toEqual({ major: 4, minor: 10 });
    expect(parseVersion('3.20.0-SNAPSHOT')).toEqual({ major: 3, minor: 20 });
  });

  it('rejects text without a version', () => {
    expect(parseVersion('master')).toBeNull();
    expect(parseVersion('')).toBeNull();
  });
});

describe('capabilitiesForVersion', () => {
  const cases: Array<[string, { v2: boolean; bootstrap: boolean; apiProducts: boolean; routeStyle: string; processedAs: string }]> = [
    ['3.20.0', { v2: false, bootstrap: false, apiProducts: false, routeStyle: 'environments', processedAs: '400' }],
    ['4.0.0', { v2: true, bootstrap: false, apiProducts: false, routeStyle: 'environments-singular', processedAs: '400' }],
    ['4.1.9', { v2: true, bootstrap: false, apiProducts: false, routeStyle: 'environments-singular', processedAs: '400' }],
    ['4.2.0', { v2: true, bootstrap: true, apiProducts: false, routeStyle: 'environments-singular', processedAs: '400' }],
    ['4.3.4', { v2: true, bootstrap: true, apiProducts: false, routeStyle: 'env', processedAs: '400' }],
    ['4.4.0', { v2: true, bootstrap: true, apiProducts: false, routeStyle: 'env', processedAs: '500' }],
    ['4.10.2', { v2: true, bootstrap: true, apiProducts: false, routeStyle: 'env', processedAs: '500' }],
    ['4.11.0', { v2: true, bootstrap: true, apiProducts: true, routeStyle: 'env', processedAs: '500' }],
    ['4.13.0', { v2: true, bootstrap: true, apiProducts: true, routeStyle: 'env', processedAs: '500' }],
  ];

  for (const [version, expected] of cases) {
    it(`derives ${version}`, () => {
      expect(capabilitiesForVersion(version)).toEqual({ version, ...expected });
    });
  }

  it('returns null for an unreadable version', () => {
    expect(capabilitiesForVersion('latest')).toBeNull();
  });
});

describe('isV2ModuleMissing', () => {
  it('takes an empty or v1-shaped 404 as a missing module', () => {
    expect(isV2ModuleMissing(404, '')).toBe(true);
    expect(isV2ModuleMissing(404, '{"message":"HTTP 404 Not Found","http_status":404}')).toBe(true);
    expect(isV2ModuleMissing(404, '<html>Not Found</html>')).toBe(true);
  });

  it('takes a v2 error body as a present module', () => {
    expect(isV2ModuleMissing(404, '{"httpStatus":404,"message":"Subscription [s] cannot be found.","technicalCode":"subscription.notFound"}')).toBe(false);
  });

  it('ignores other statuses', () => {
    expect(isV2ModuleMissing(500, '')).toBe(false);
    expect(isV2ModuleMissing(403, '')).toBe(false);
  });
});

describe('readConsoleVersion', () => {
  it('reads build.json beside the console page', async () => {
    const server = recordingFetch(target.managementUrl, [[/^GET \/console\/build\.json$/, () => json({ version: '4.5.1' })]]);
    expect(await readConsoleVersion('https://apim.example.org/console#!/default/tasks', server.fetch)).toBe('4.5.1');
    expect(server.requests[0]?.url).toBe('https://apim.example.org/console/build.json');
    expect(server.requests[0]?.credentials).toBe('omit');
  });

  it('returns null for a missing or malformed file', async () => {
    const missing = recordingFetch(target.managementUrl, [[/build\.json/, () => new Response('Not Found', { status: 404 })]]);
    expect(await readConsoleVersion(target.consoleUrl, missing.fetch)).toBeNull();
    const malformed = recordingFetch(target.managementUrl, [[/build\.json/, () => new Response('{"name":"console"}', { status: 200 })]]);
    expect(await readConsoleVersion(target.consoleUrl, malformed.fetch)).toBeNull();
  });
});

describe('detectCapabilities', () => {
  it('trusts build.json and sends nothing else', async () => {
    const server = recordingFetch(target.managementUrl, [[/build\.json/, () => json({ version: '3.20.4' })]]);
    const detected = await detectCapabilities(target, server.fetch);
    expect(detected).toEqual({ capabilities: { ...GRAVITEE_3_CAPABILITIES, version: '3.20.4' }, source: 'build.json' });
    expect(server.requests).toHaveLength(1);
  });

  it('probes the bootstrap without credentials', async () => {
    const server = recordingFetch(target.managementUrl, [
      [/build\.json/, () => new Response('', { status: 404 })],
      [/^GET \/v2\/ui\/bootstrap$/, () => json({ baseURL: 'https://apim.example.org/management', organizationId: 'DEFAULT' })],
    ]);
    const detected = await detectCapabilities(target, server.fetch);
    expect(detected.source).toBe('bootstrap');
    expect(detected.capabilities).toMatchObject({ version: null, v2: true, bootstrap: true, routeStyle: 'env', processedAs: 'either' });

    const probe = server.requests[1];
    expect(probe?.query).toEqual({ organizationId: 'DEFAULT' });
    expect(probe?.credentials).toBe('omit');
    expect(probe?.headers.Authorization).toBeUndefined();
  });

  it('takes a v2 404 on the bootstrap as 4.0 or 4.1', async () => {
    const server = recordingFetch(target.managementUrl, [
      [/build\.json/, () => Promise.reject(new TypeError('Failed to fetch'))],
      [/bootstrap/, () => json({ httpStatus: 404, message: 'HTTP 404 Not Found' }, 404)],
    ]);
    const detected = await detectCapabilities(target, server.fetch);
    expect(detected).toEqual({ capabilities: { ...UNKNOWN_CAPABILITIES, routeStyle: 'environments-singular', processedAs: '400' }, source: 'probe' });
  });

  it('takes any other 404 on the bootstrap as 3.x', async () => {
    const server = recordingFetch(target.managementUrl, [
      [/build\.json/, () => new Response('', { status: 404 })],
      [/bootstrap/, () => new Response('', { status: 404 })],
    ]);
    expect(await detectCapabilities(target, server.fetch)).toEqual({ capabilities: GRAVITEE_3_CAPABILITIES, source: 'probe' });
  });

  it('reports unknown when nothing answers', async () => {
    const server = recordingFetch(target.managementUrl, [[/./, () => Promise.reject(new TypeError('Failed to fetch'))]]);
    expect(await detectCapabilities(target, server.fetch)).toEqual({ capabilities: UNKNOWN_CAPABILITIES, source: 'unknown' });
  });

  it('reports unknown for a server error', async () => {
    const server = recordingFetch(target.managementUrl, [
      [/build\.json/, () => new Response('', { status: 404 })],
      [/bootstrap/, () => new Response('Bad Gateway', { status: 502 })],
    ]);
    expect((await detectCapabilities(target, server.fetch)).source).toBe('unknown');
  });
});
