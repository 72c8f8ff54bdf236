/**
 * The host permission pattern that covers a URL's host. Firefox never matches a pattern that names
 * a port, so the pattern covers every port of the host and callers compare full origins themselves.
 */
export function hostPattern(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

/** Patterns for the console and Management API hosts of a connection, without duplicates. */
export function connectionPatterns(connection: { consoleUrl: string; managementUrl: string }): string[] {
  return [...new Set([hostPattern(connection.consoleUrl), hostPattern(connection.managementUrl)])];
}

/** Returns whether the extension may already reach every given pattern. */
export async function hasHostAccess(patterns: string[]): Promise<boolean> {
  return browser.permissions.contains({ origins: patterns });
}

/**
 * Asks the user for host access. Must be called directly from a click handler, before any await,
 * or the browser refuses for lack of a user gesture.
 */
export function requestHostAccess(patterns: string[]): Promise<boolean> {
  return browser.permissions.request({ origins: patterns });
}
