import { storage } from '#imports';
import type { CsrfTokenStore } from '../gravitee/client';

// Session storage: the tokens are worthless after a browser restart. They are defined here, not
// in lib/storage.ts, because content scripts may not touch storage.session and import that module.
const csrfTokensItem = storage.defineItem<Record<string, string>>('session:csrfTokens', { fallback: {} });

/** Keeps Gravitee's CSRF token per connection in session storage, so it outlives a stopped worker. */
export function sessionCsrfStore(connectionId: string): CsrfTokenStore {
  return {
    get: async () => (await csrfTokensItem.getValue())[connectionId] ?? null,
    set: async (token) => {
      await csrfTokensItem.setValue({ ...(await csrfTokensItem.getValue()), [connectionId]: token });
    },
  };
}
