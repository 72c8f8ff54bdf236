import { storage } from '#imports';
import type { CsrfTokenStore } from '../gravitee/client';

// Session storage: the token is worthless after a browser restart. It is defined here, not in
// lib/storage.ts, because content scripts may not touch storage.session and import that module.
const csrfTokenItem = storage.defineItem<string | null>('session:csrfToken', { fallback: null });

/** Keeps Gravitee's CSRF token in session storage, so it outlives a stopped service worker. */
export const sessionCsrfStore: CsrfTokenStore = {
  get: () => csrfTokenItem.getValue(),
  set: (token) => csrfTokenItem.setValue(token),
};
