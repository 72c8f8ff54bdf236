/**
 * Returns the "site" of a URL as browsers use it for SameSite cookies: the scheme plus the
 * registrable domain. IP addresses, `localhost` and single-label hosts are their own site.
 *
 * NOTE: without the Public Suffix List the registrable domain is taken as the last two labels,
 * which is right for hosts such as `apim.uio.no` but treats `a.ac.uk` and `b.ac.uk` as one site.
 */
export function siteOf(url: string): string {
  const { protocol, hostname } = new URL(url);
  const isIp = /^\d+\.\d+\.\d+\.\d+$/.test(hostname) || hostname.startsWith('[');
  const labels = hostname.split('.');
  const domain = isIp || labels.length <= 2 ? hostname : labels.slice(-2).join('.');
  return `${protocol}//${domain}`;
}

/**
 * Returns whether a console at consoleUrl can share its session cookie with Gatekeeper for the API at
 * managementUrl. Gravitee sets the cookie without SameSite, so Chromium treats it as Lax: a
 * console on another site than its API never gets a session cookie stored in the first place.
 */
export function canShareConsoleSession(consoleUrl: string, managementUrl: string): boolean {
  return siteOf(consoleUrl) === siteOf(managementUrl);
}
