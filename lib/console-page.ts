import type { Connection } from './gravitee/types';

/**
 * Returns whether href is a page of the console at consoleUrl: same origin, and a path under the
 * console's path. Host permissions cover every port and path of a host, so this check narrows them.
 */
export function isConsolePage(href: string, consoleUrl: string): boolean {
  const page = new URL(href);
  const consoleAddress = new URL(consoleUrl);
  if (page.origin !== consoleAddress.origin) return false;
  const base = consoleAddress.pathname.endsWith('/') ? consoleAddress.pathname : `${consoleAddress.pathname}/`;
  return page.pathname === consoleAddress.pathname || page.pathname.startsWith(base) || `${page.pathname}/` === base;
}

/** The configured connection whose console serves href, if any. */
export function connectionForPage(href: string, connections: Connection[]): Connection | undefined {
  return connections.find((connection) => isConsolePage(href, connection.consoleUrl));
}
