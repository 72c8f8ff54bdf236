/**
 * Returns whether href is a page of the configured console: same origin, and a path under the
 * console's path. Host permissions cover every port and path of a host, so this check narrows them.
 */
export function isConsolePage(href: string, consoleUrl: string): boolean {
  const page = new URL(href);
  const console = new URL(consoleUrl);
  if (page.origin !== console.origin) return false;
  const base = console.pathname.endsWith('/') ? console.pathname : `${console.pathname}/`;
  return page.pathname === console.pathname || page.pathname.startsWith(base) || `${page.pathname}/` === base;
}
