import { canShareConsoleSession, siteOf } from '@/lib/site';

describe('siteOf', () => {
  it('keeps the registrable domain', () => {
    expect(siteOf('https://apim.uio.no/console/')).toBe('https://uio.no');
    expect(siteOf('https://api.apim.uio.no/management')).toBe('https://uio.no');
  });

  it('treats IP addresses and localhost as their own site', () => {
    expect(siteOf('http://127.0.0.1:8084/')).toBe('http://127.0.0.1');
    expect(siteOf('http://localhost:8084/')).toBe('http://localhost');
  });
});

describe('canShareConsoleSession', () => {
  it('allows the same origin and the same site', () => {
    expect(canShareConsoleSession('http://127.0.0.1:8083/console/', 'http://127.0.0.1:8083/management')).toBe(true);
    expect(canShareConsoleSession('http://127.0.0.1:8084/', 'http://127.0.0.1:8083/management')).toBe(true);
    expect(canShareConsoleSession('https://console.apim.uio.no/', 'https://api.apim.uio.no/management')).toBe(true);
  });

  it('refuses different sites and schemes', () => {
    expect(canShareConsoleSession('http://localhost:8084/', 'http://127.0.0.1:8083/management')).toBe(false);
    expect(canShareConsoleSession('https://console.uio.no/', 'https://api.ntnu.no/management')).toBe(false);
    expect(canShareConsoleSession('http://apim.uio.no/', 'https://apim.uio.no/management')).toBe(false);
  });
});
