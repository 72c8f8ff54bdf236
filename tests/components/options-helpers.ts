import { screen } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Connection } from '@/lib/gravitee/types';
import { connectionsItem, tokensItem } from '@/lib/storage';

export const CONSOLE_URL = 'https://apim.example.org/console/';
export const MANAGEMENT_URL = 'https://api.example.org/management';
export const TOKEN = 'pat-0123456789abcdef';
export const USER_URL = `${MANAGEMENT_URL}/organizations/DEFAULT/user`;

/** The connection storeSavedConnection() stores, named after its console host. */
export const SAVED_CONNECTION: Connection = {
  id: 'conn-1',
  name: 'apim.example.org',
  consoleUrl: CONSOLE_URL,
  managementUrl: MANAGEMENT_URL,
  organization: 'DEFAULT',
};

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface FetchCall {
  url: string;
  init: RequestInit | undefined;
}

/** Creates a fetch that responds by URL from a table and records each call. Unknown URLs get 404. */
export function stubFetch(routes: Record<string, () => Response>) {
  const calls: FetchCall[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init });
    const route = routes[url];
    return route ? route() : new Response('', { status: 404 });
  }) as typeof fetch;
  return { fetchImpl, calls };
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** Makes browser.permissions.request resolve to `granted`, for host and notification permissions alike. */
export function mockPermissionRequest(granted: boolean | Promise<boolean>) {
  return vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(() => Promise.resolve(granted));
}

export function input(label: string): HTMLInputElement {
  return screen.getByLabelText(label) as HTMLInputElement;
}

/** Stores one connection with a token, and optionally more connections and tokens. */
export async function storeSavedConnection(more: Connection[] = [], moreTokens: Record<string, string> = {}) {
  await connectionsItem.setValue([SAVED_CONNECTION, ...more]);
  await tokensItem.setValue({ [SAVED_CONNECTION.id]: TOKEN, ...moreTokens });
}
